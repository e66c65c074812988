/**
 * The funnel of a round and a subtree: candidates and honours at each stage, and the names behind each
 * number (from the same statement).
 * Shared by the server routes and the web app; the flow before it: honours-flow.ts.
 */
import { z } from '../zod-setup.ts';
import { ZHonourSubject } from './honours-flow.ts';
import { ZId, ZPageQuery, ZRef } from './shared.ts';

export const FUNNEL_STAGES = [
  'self_granted',
  'proposed',
  'passed_review',
  'voted',
  'decided',
  'proposed_outside',
  'decided_outside',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  self_granted: 'Cơ sở đã khen',
  proposed: 'Đề nghị lên trên',
  passed_review: 'Qua thẩm định',
  voted: 'Hội đồng thông qua',
  decided: 'Được khen thưởng',
  proposed_outside: 'Đề nghị cấp trên (ngoài hệ thống)',
  decided_outside: 'Cấp trên đã khen',
};
export const ZFunnelQuery = z.object({ roundId: ZId, unitId: ZId.optional() });
export const ZFunnel = z.object({
  round: ZRef,
  unit: ZRef,
  stages: z.array(
    z.object({
      stage: z.enum(FUNNEL_STAGES),
      label: z.string(),
      collectives: z.number().int(),
      individuals: z.number().int(),
    }),
  ),
});
export type TFunnel = z.infer<typeof ZFunnel>;
export const ZFunnelListQuery = ZPageQuery.extend({
  roundId: ZId,
  unitId: ZId.optional(),
  stage: z.enum(FUNNEL_STAGES),
  subject: ZHonourSubject.optional(),
});
export const ZFunnelRow = z.object({
  subject: ZHonourSubject,
  displayName: z.string(),
  position: z.string().nullable(),
  unit: ZRef,
  awardName: z.string(),
  /** Where the row comes from: a candidate or an honour. */
  candidateId: z.number().int().nullable(),
  honourId: z.number().int().nullable(),
  entryId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
});
