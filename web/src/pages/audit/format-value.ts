/** Readable rendering of audit values: dates dd/mm/yyyy, yes/no, nested objects as "key: value" lines. */
import { fieldLabel, FIELD_LABELS } from '@common/field-labels.ts';
import { formatDateTimeVi, formatDateVi } from '../../lib/dates.ts';
import { ROLE_LABELS, type Role } from '@common/roles.ts';
import { isMessageKey, t } from '../../i18n/index.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return value.toLocaleString('vi-VN', { useGrouping: false });
  if (typeof value === 'string') {
    if (DATE.test(value)) return formatDateVi(value);
    if (TIMESTAMP.test(value)) return formatDateTimeVi(value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatValue).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${labelOf(k)}: ${formatFieldValue(k, v)}`)
      .join('; ');
  }
  // Audit values are JSON: nothing else reaches here but a bigint at most, shown as its digits.
  return typeof value === 'bigint' ? value.toString() : '—';
}

/** Vietnamese label of a recorded field: the shared field labels, then the web catalogue; unknown keys keep their name. */
export function labelOf(key: string): string {
  if (FIELD_LABELS[key]) return fieldLabel(key);
  const own = `audit.field.${key}`;
  return isMessageKey(own) ? t(own) : key;
}

/** Coded values shown in words (gender, status, role). */
export function formatFieldValue(key: string, value: unknown): string {
  if (typeof value === 'string') {
    if (key === 'gender' && (value === 'male' || value === 'female')) return t(`people.gender.${value}`);
    if (key === 'role' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
    const status = `audit.value.${value}`;
    if (key === 'status' && isMessageKey(status)) return t(status);
  }
  return formatValue(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** One row per field present before or after, in first-seen order. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => {
    const bv = formatFieldValue(key, b[key]);
    const av = formatFieldValue(key, a[key]);
    return {
      key,
      label: labelOf(key),
      before: key in b ? bv : '—',
      after: key in a ? av : '—',
      changed: isRecord(before) && isRecord(after) && bv !== av,
    };
  });
}
