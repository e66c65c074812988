/** Show an API error: field messages on the matching form fields, the message in a toast. */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError, errorMessage } from '../api/client.ts';

/** 'targets.1.name' → ['targets', 1, 'name'] (antd's NamePath). */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Put each field issue on its form field when the form has it; returns the issues it could not place.
 * `mapField` renames the API's field to the form's (e.g. 'entry.name' → 'name').
 */
export function applyFieldErrors(form: FormInstance, error: unknown, mapField?: (field: string) => string): string[] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  const known = new Set(Object.keys(flatten(form.getFieldsValue(true))));
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of error.fields) {
    const field = mapField ? mapField(issue.field) : issue.field;
    if (!known.has(field)) {
      unplaced.push(issue.message);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })));
  return unplaced;
}

export function showApiError(messageApi: MessageInstance, error: unknown, form?: FormInstance): void {
  if (form) applyFieldErrors(form, error);
  void messageApi.error({ content: errorMessage(error), duration: 6 });
}

function flatten(value: unknown, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  if (prefix) out[prefix] = true;
  if (value && typeof value === 'object' && !(value instanceof Date) && !('$d' in value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}
