/** A jsonb column's value as an object: node-pg parses jsonb, a value stored as a JSON string is parsed here. */
export const asObject = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined ? fallback : ((typeof value === 'string' ? JSON.parse(value) : value) as T);
