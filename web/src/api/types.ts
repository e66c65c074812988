/** Response and request types of the API, inferred from the shared zod schemas (types only: no runtime cost). */
import type { z } from 'zod';
import type {
  ZLevel,
  ZLevelBody,
  ZOrgStats,
  ZUnitHistory,
  ZUnitType,
  ZUnitTypeBody,
  ZUnitVersion,
  ZMoveUnitBody,
  ZDissolveBody,
  ZNewUnit,
} from '@common/schemas/org.ts';
import type { ZApiToken, ZCreatedToken, ZCreateTokenBody, ZGrant } from '@common/schemas/accounts.ts';
import type { ZDocumentType, ZRevokeDocumentBody } from '@common/schemas/documents.ts';
import type { ZAuditActionOption } from '@common/schemas/audit.ts';
import type { ZEntryPage, ZMonitor, ZSpan } from '@common/schemas/registry.ts';
import type { ZLedgerEntries, ZLedgerEntry } from '@common/schemas/registry-ledger.ts';
import type { ZImportCommitResult } from '@common/schemas/registry-excel.ts';

export type {
  TUnitSummary,
  TUnitDetail,
  TOrgEvent,
  TCreateUnitBody,
  TChangeUnitBody,
  TMergeBody,
  TSplitBody,
} from '@common/schemas/org.ts';
export type { TMe, TUser, TCreateUserBody, TGrantBody } from '@common/schemas/accounts.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type TUnitType = z.infer<typeof ZUnitType>;
export type TLevel = z.infer<typeof ZLevel>;
export type TUnitTypeBody = z.input<typeof ZUnitTypeBody>;
export type TLevelBody = z.input<typeof ZLevelBody>;
export type TOrgStats = z.infer<typeof ZOrgStats>;
export type TUnitHistory = z.infer<typeof ZUnitHistory>;
export type TUnitVersion = z.infer<typeof ZUnitVersion>;
export type TMoveUnitBody = z.input<typeof ZMoveUnitBody>;
export type TDissolveBody = z.input<typeof ZDissolveBody>;
export type TNewUnit = z.input<typeof ZNewUnit>;
export type TGrant = z.infer<typeof ZGrant>;
export type TApiToken = z.infer<typeof ZApiToken>;
export type TCreatedToken = z.infer<typeof ZCreatedToken>;
export type TCreateTokenBody = z.input<typeof ZCreateTokenBody>;
export type TDocumentType = z.infer<typeof ZDocumentType>;
export type TRevokeDocumentBody = z.input<typeof ZRevokeDocumentBody>;
export type TAuditActionOption = z.infer<typeof ZAuditActionOption>;

export type { TPerson, TCreatePersonBody, TUpdatePersonBody, TLeavePersonBody } from '@common/schemas/people.ts';
export type { TDocument, TCreateDocumentBody, TUpdateDocumentBody, TStoredFile } from '@common/schemas/documents.ts';
export type { TAuditEvent } from '@common/schemas/audit.ts';

export type { TPlan, TPlanSummary, TCreatePlanBody, TUpdatePlanBody } from '@common/schemas/plans.ts';
export type {
  TField,
  TFieldDetail,
  TCriteriaSet,
  TCriterion,
  TCreateFieldBody,
  TUpdateFieldBody,
  TAddCriteriaSetBody,
} from '@common/schemas/catalogue.ts';
export type {
  TEntrySummary,
  TEntryDetail,
  TCreateEntryBody,
  TUpdateEntryBody,
  TLifeEventBody,
  TActivityBody,
  EntryKind,
  EntryStatus,
  EventKind,
} from '@common/schemas/registry.ts';
export type { TLedger, TLedgerRow, LedgerBucket } from '@common/schemas/registry-ledger.ts';
export type { TTimelineItem } from '@common/schemas/registry-timeline.ts';
export type {
  TImportPreview,
  TImportRow,
  TImportProblem,
  TImportCommitBody,
  ImportKind,
  ImportColumnKey,
} from '@common/schemas/registry-excel.ts';

export type TEntryPage = z.infer<typeof ZEntryPage>;
export type TLedgerEntries = z.infer<typeof ZLedgerEntries>;
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;
export type TMonitor = z.infer<typeof ZMonitor>;
export type TSpan = z.infer<typeof ZSpan>;
export type TImportCommitResult = z.infer<typeof ZImportCommitResult>;
