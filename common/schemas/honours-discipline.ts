/**
 * Discipline records (kỷ luật) of people and units: read when a dossier is submitted (its flags).
 * Shared by the server routes (server/people/discipline-routes.ts) and the web app.
 */
import { z } from '../zod-setup.ts';
import { ZHonourDocumentRef } from './honours-flow.ts';
import { ZDate, nullableId, requiredText } from './shared.ts';

export const ZDisciplineBody = z
  .object({
    form: requiredText('Hình thức kỷ luật', 200),
    reason: requiredText('Lý do kỷ luật', 2000),
    decidedOn: ZDate,
    untilOn: ZDate.nullish().transform((v) => v ?? null),
    documentId: nullableId,
  })
  .refine((b) => !b.untilOn || b.untilOn >= b.decidedOn, {
    message: 'Thời hạn kỷ luật phải sau ngày quyết định.',
    path: ['untilOn'],
  });
export const ZDiscipline = z.object({
  id: z.number().int(),
  form: z.string(),
  reason: z.string(),
  decidedOn: z.string(),
  untilOn: z.string().nullable(),
  document: ZHonourDocumentRef.nullable(),
  /** In force today. */
  active: z.boolean(),
});
export const ZDisciplineList = z.object({ items: z.array(ZDiscipline) });
