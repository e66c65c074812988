/** Dates in the UI: dayjs values in pickers, 'YYYY-MM-DD' strings in the API, dd/mm/yyyy on screen. */
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '@common/dates.ts';

export { formatDateVi, formatDateTimeVi, todayInVietnam } from '@common/dates.ts';

export const DATE_FORMAT = 'DD/MM/YYYY';
/** Shown as DD/MM/YYYY; typing 17/3/2021 or 17032021 works too. */
export const DATE_INPUT_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY', 'D/M/YY'];

export function toDayjs(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

export function toIso(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format('YYYY-MM-DD') : null;
}

export function today(): string {
  return todayInVietnam();
}

/** The last day of a half-open range [from, to): '2025-07-01' → '2025-06-30'. */
export function dayBefore(iso: string): string {
  return dayjs(iso, 'YYYY-MM-DD').subtract(1, 'day').format('YYYY-MM-DD');
}
