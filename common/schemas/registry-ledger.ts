/**
 * The movement ledger of the registry (start + added + moved in − moved out − removed − transferred −
 * replaced = end) for a subtree, level, kind, field and window, and the entries behind each bucket.
 */
import { z } from '../zod-setup.ts';
import { ZEntryKindInput, ZEntrySummary, ZSpan } from './registry.ts';
import { ZDate, ZId, ZRef } from './shared.ts';

/** How the ledger splits movement; each bucket is drillable (GET /registry/ledger/entries?bucket=…). */
export const LEDGER_BUCKETS = [
  'start',
  'added',
  'movedIn',
  'movedOut',
  'removed',
  'transferred',
  'replaced',
  'end',
] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];
export const LEDGER_BUCKET_LABELS: Record<LedgerBucket, string> = {
  start: 'Đầu kỳ',
  added: 'Bổ sung',
  movedIn: 'Chuyển đến (từ cấp khác)',
  movedOut: 'Chuyển đi (sang cấp khác)',
  removed: 'Đưa ra khỏi danh sách',
  transferred: 'Chuyển về cơ quan khác',
  replaced: 'Được thay thế',
  end: 'Cuối kỳ',
};

const ledgerFilter = {
  unitId: ZId.optional(),
  levelId: ZId.optional(),
  kind: ZEntryKindInput.optional(),
  fieldId: ZId.optional(),
  from: ZDate,
  to: ZDate,
};
const fromBeforeTo = (q: { from: string; to: string }) => q.from <= q.to;
const fromBeforeToIssue = { message: 'Từ ngày phải trước hoặc bằng Đến ngày.', path: ['to'] };

export const ZLedgerQuery = z.object(ledgerFilter).refine(fromBeforeTo, fromBeforeToIssue);
export type TLedgerQuery = z.infer<typeof ZLedgerQuery>;

export const ZLedgerEntriesQuery = z
  .object({
    ...ledgerFilter,
    bucket: z.enum(LEDGER_BUCKETS, { error: `Nhóm phải là một trong: ${LEDGER_BUCKETS.join(', ')}.` }),
    page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
    pageSize: z.coerce.number().int().min(1).max(5000, 'Mỗi trang tối đa 5000 dòng.').default(500),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type TLedgerEntriesQuery = z.infer<typeof ZLedgerEntriesQuery>;

export const ZLedgerRow = z.object({
  start: z.number().int(),
  added: z.number().int(),
  movedIn: z.number().int(),
  movedOut: z.number().int(),
  removed: z.number().int(),
  transferred: z.number().int(),
  replaced: z.number().int(),
  end: z.number().int(),
});
export type TLedgerRow = z.infer<typeof ZLedgerRow>;

export const ZLedger = z.object({
  from: z.string(),
  to: z.string(),
  levels: z.array(ZLedgerRow.extend({ level: ZRef.extend({ rank: z.number().int() }) })),
  total: ZLedgerRow,
});
export type TLedger = z.infer<typeof ZLedger>;

export const ZLedgerEntry = ZEntrySummary.extend({
  /** The span behind the count: its level and dates. */
  span: ZSpan,
});
export const ZLedgerEntries = z.object({
  bucket: z.enum(LEDGER_BUCKETS),
  items: z.array(ZLedgerEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
