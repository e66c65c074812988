/** GET /api/v1/system/info — what anyone (signed in or not) may know about this installation. */
import { z } from '../zod-setup.ts';

export const ZSystemInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** The database holds the demo organisation, whose accounts have published passwords: the web app shows a banner. */
  demo: z.boolean(),
  /** When the demo was loaded (ISO 8601), null when not a demo. */
  demoLoadedAt: z.string().nullable(),
  /** No account exists yet: the first administrator is created with `npm run setup` on the server. */
  needsSetup: z.boolean(),
});
export type TSystemInfo = z.infer<typeof ZSystemInfo>;
