/** Request and response schemas of the document registry (sổ văn bản) and uploaded files. */
import { z } from '../zod-setup.ts';
import { todayInVietnam } from '../dates.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const DOCUMENT_STATUSES = ['active', 'revoked'] as const;
export const DOCUMENT_STATUS_LABELS = { active: 'Còn hiệu lực', revoked: 'Đã thu hồi / hủy' } as const;

/** A date that has already happened (or is today), in Vietnam's calendar. */
const ZPastDate = ZDate.refine((d) => d <= todayInVietnam(), 'Ngày không được ở tương lai.');

export const ZSymbol = requiredText('Số, ký hiệu', 100);

const documentFields = {
  /** "384-CV/ĐUK": number - type code / issuer code. */
  symbol: ZSymbol,
  issuedOn: ZPastDate,
  issuerName: requiredText('Cơ quan ban hành', 300),
  issuerUnitId: ZId.nullish().transform((v) => v ?? null),
  ownerUnitId: ZId,
  summary: requiredText('Trích yếu', 2000),
  signer: optionalText('Người ký', 200),
  fileId: ZId.nullish().transform((v) => v ?? null),
};

export const ZCreateDocumentBody = z.object(documentFields);
export type TCreateDocumentBody = z.input<typeof ZCreateDocumentBody>;

/** PATCH: only the fields sent are changed; `revision` is the one the client last read. */
export const ZUpdateDocumentBody = z.object({
  symbol: ZSymbol.optional(),
  issuedOn: ZPastDate.optional(),
  issuerName: documentFields.issuerName.optional(),
  issuerUnitId: ZId.nullable().optional(),
  ownerUnitId: ZId.optional(),
  summary: documentFields.summary.optional(),
  signer: optionalText('Người ký', 200).optional(),
  fileId: ZId.nullable().optional(),
  revision: ZRevision,
});
export type TUpdateDocumentBody = z.input<typeof ZUpdateDocumentBody>;

export const ZRevokeDocumentBody = z.object({
  revokedOn: ZPastDate,
  reason: requiredText('Lý do', 1000),
  revision: ZRevision,
});

export const ZDocumentListQuery = z
  .object({
    q: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
    typeCode: z.string().trim().min(1).max(20).optional(),
    ownerUnitId: ZId.optional(),
    issuer: z.string().trim().max(300, 'Cơ quan ban hành dài quá 300 ký tự.').optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    status: z.enum(DOCUMENT_STATUSES, { error: 'Trạng thái phải là "active" hoặc "revoked".' }).optional(),
    page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
    pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '"Từ ngày" phải trước hoặc bằng "Đến ngày".',
    path: ['to'],
  });
export type TDocumentListQuery = z.infer<typeof ZDocumentListQuery>;

export const ZStoredFile = z.object({
  id: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

export const ZDocumentType = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});

export const ZDocument = z.object({
  id: z.number().int(),
  symbol: z.string(),
  number: z.number().int(),
  typeId: z.number().int(),
  typeCode: z.string(),
  typeName: z.string(),
  issuerCode: z.string(),
  issuerName: z.string(),
  issuerUnitId: z.number().int().nullable(),
  issuerUnitName: z.string().nullable(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  signer: z.string().nullable(),
  file: ZStoredFile.nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** May the current user change this document (documents.write on its owner unit)? */
  canWrite: z.boolean(),
});
export type TDocument = z.infer<typeof ZDocument>;
