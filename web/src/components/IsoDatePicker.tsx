/** A DatePicker showing DD/MM/YYYY whose value is the API's 'YYYY-MM-DD' string (for Form.Item). */
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_INPUT_FORMATS, toDayjs, toIso } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Disallow dates after today (effective dates of past decisions). */
  noFuture?: boolean;
};

export function IsoDatePicker({ value, onChange, noFuture, ...rest }: Props) {
  return (
    <DatePicker
      format={DATE_INPUT_FORMATS}
      placeholder={t('common.datePlaceholder')}
      style={{ width: '100%' }}
      {...rest}
      value={toDayjs(value)}
      onChange={(d) => onChange?.(toIso(d as Dayjs | null))}
      disabledDate={noFuture ? (d) => d.isAfter(dayjs(), 'day') : rest.disabledDate}
    />
  );
}
