/**
 * Decisions (quyết định khen thưởng) registered as documents, and the honours they grant: the honours
 * register, revocation (never deletion), certificates.
 * Shared by the server routes and the web app; the flow before it: honours-flow.ts.
 */
import { z } from '../zod-setup.ts';
import { ZHonourDocumentRef, ZHonourSubject } from './honours-flow.ts';
import { ZDate, ZId, ZPageQuery, ZRef, ZRevision, nullableId, optionalText, requiredText } from './shared.ts';

/** honour.status: an honour is revoked (with a date and reason), never deleted. */
export const HONOUR_STATUSES = ['active', 'revoked'] as const;

/** The decision document: registered in the owner's document registry in the same transaction. */
export const ZDecisionDocument = z.object({
  symbol: requiredText('Số, ký hiệu quyết định', 100),
  issuedOn: ZDate,
  signer: requiredText('Người ký', 200),
  summary: requiredText('Trích yếu quyết định', 500),
  fileId: nullableId,
});
export const ZDecisionRecipient = z.union([
  z.object({ candidateId: ZId }),
  z
    .object({
      awardFormId: ZId,
      subject: ZHonourSubject,
      entryId: nullableId,
      personId: nullableId,
      unitId: nullableId,
      achievement: optionalText('Thành tích', 4000),
    })
    .refine((b) => (b.subject === 'individual' ? !!(b.personId || b.entryId) : !!(b.unitId || b.entryId)), {
      message: 'Phải chọn người (khen cá nhân) hoặc đơn vị (khen tập thể).',
      path: ['personId'],
    }),
]);
/**
 * A decision:
 * - by a unit of the system (grantorUnitId): its own honours, or those its council approved (candidates approved in its round);
 * - by an outside body (externalBody + ownerUnitId, the unit recording it): for candidates of a proposal sent there.
 */
export const ZDecisionBody = z
  .object({
    grantorUnitId: nullableId,
    externalBody: optionalText('Cơ quan quyết định', 300),
    ownerUnitId: ZId,
    roundId: nullableId,
    document: ZDecisionDocument,
    recipients: z
      .array(ZDecisionRecipient)
      .min(1, 'Quyết định phải có ít nhất một tập thể hoặc cá nhân được khen.')
      .max(1000, 'Tối đa 1.000 người, tập thể một quyết định.'),
  })
  .refine((b) => !!b.grantorUnitId !== !!b.externalBody, {
    message: 'Chọn đơn vị ra quyết định, hoặc ghi tên cơ quan bên ngoài — không cả hai.',
    path: ['externalBody'],
  });
export type TDecisionBody = z.input<typeof ZDecisionBody>;

export const ZRevokeBody = z.object({
  revokedOn: ZDate,
  reason: requiredText('Lý do thu hồi', 2000),
  documentId: nullableId,
  revision: ZRevision,
});

export const ZHonour = z.object({
  id: z.number().int(),
  awardForm: ZRef,
  subject: ZHonourSubject,
  unit: ZRef,
  person: ZRef.nullable(),
  entry: ZRef.nullable(),
  displayName: z.string(),
  position: z.string().nullable(),
  achievement: z.string().nullable(),
  /** Unit name with its leadership ("Ban Thường vụ Đảng ủy Khối …") or the outside body. */
  grantor: z.string(),
  grantorUnit: ZRef.nullable(),
  externalBody: z.string().nullable(),
  decision: ZHonourDocumentRef.extend({ signer: z.string().nullable() }),
  decidedOn: z.string(),
  round: ZRef.nullable(),
  candidateId: z.number().int().nullable(),
  status: z.enum(HONOUR_STATUSES),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokeDocument: ZHonourDocumentRef.nullable(),
  revision: z.number().int(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type THonour = z.infer<typeof ZHonour>;
export const ZHonourListQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  roundId: ZId.optional(),
  personId: ZId.optional(),
  entryId: ZId.optional(),
  awardFormId: ZId.optional(),
  decisionDocumentId: ZId.optional(),
  subject: ZHonourSubject.optional(),
  status: z.enum(HONOUR_STATUSES).optional(),
  /** Granted by an outside body (true) or inside the system (false). */
  external: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(200).optional(),
});
export const ZDecisionResult = z.object({ document: ZHonourDocumentRef, honourIds: z.array(z.number().int()) });
