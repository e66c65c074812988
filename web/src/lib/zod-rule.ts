/**
 * An antd form rule that validates one field with the shared zod field schema,
 * so the web form and the API accept exactly the same values.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';

export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}
