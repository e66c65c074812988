/**
 * An antd form rule that validates one field with the shared zod field schema,
 * so the web form and the API accept exactly the same values.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';

export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value);
      return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message));
    },
  };
}
