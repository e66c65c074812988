/**
 * The health probes' bodies as tests read them. The probes are hidden from the OpenAPI document and declare no
 * response schema (routes.ts answers plain objects), so these mirror routes.ts and database-check.ts.
 */
import { z } from '../../common/zod-setup.ts';

export const ZLiveness = z.object({ status: z.literal('live'), uptimeSeconds: z.number().int().nonnegative() });

const ZDatabaseCheck = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  reason: z.enum(['timeout', 'unreachable', 'error']).optional(),
});

export const ZReadiness = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), database: ZDatabaseCheck }),
  z.object({ status: z.literal('not_ready'), database: ZDatabaseCheck, message: z.string() }),
]);
