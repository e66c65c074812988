/**
 * Table types for Kysely, written to match server/db/migrations. DATE columns
 * are 'YYYY-MM-DD' strings, timestamptz columns are Date objects. A column
 * restricted by a CHECK to a list of values takes its type from common/'s
 * `as const` array; enum-constraints.test.ts compares every such list with it.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { USER_STATUSES } from '../../common/schemas/accounts.ts';
import type { AUDIT_VIAS } from '../../common/schemas/audit.ts';
import type { BACKUP_STATUSES, BACKUP_TRIGGERS } from '../../common/schemas/backups.ts';
import type { CRITERION_MEASURES, CRITERION_RULES, FIELD_APPLIES_TO } from '../../common/schemas/catalogue.ts';
import type { DOCUMENT_STATUSES } from '../../common/schemas/documents.ts';
import type { BALLOT_CHOICES, COUNCIL_ROLES, COUNCIL_SESSION_STATUSES } from '../../common/schemas/honours-council.ts';
import type { HONOUR_STATUSES } from '../../common/schemas/honours-decisions.ts';
import type {
  CANDIDATE_STATUSES,
  HONOUR_SUBJECTS,
  PROPOSAL_STATUSES,
  ROUND_KINDS,
  ROUND_STATUSES,
} from '../../common/schemas/honours-flow.ts';
import type {
  AWARD_KINDS,
  AWARD_SUBJECTS,
  BALLOT_KINDS,
  GRANTOR_KINDS,
  THRESHOLD_BASES,
  THRESHOLD_COMPARISONS,
} from '../../common/schemas/honours.ts';
import type {
  ASSESSMENTS,
  FOLLOWUP_STATUSES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  MEMBER_ROLES,
} from '../../common/schemas/inspections.ts';
import type { MONITOR_NOTE_KINDS } from '../../common/schemas/monitoring.ts';
import type { ORG_EVENT_KINDS, ORG_EVENT_UNIT_ROLES, UNIT_END_REASONS } from '../../common/schemas/org.ts';
import type { GENDERS, PERSON_STATUSES } from '../../common/schemas/people.ts';
import type { PHASE_KINDS, PLAN_STATUSES, TARGET_MEASURES, TARGET_SUBJECTS } from '../../common/schemas/plans.ts';
import type { IMPORT_STATUSES } from '../../common/schemas/registry-excel.ts';
import type {
  ENTRY_KINDS,
  ENTRY_STATUSES,
  EVENT_KINDS,
  SPAN_BEGINNINGS,
  SPAN_ENDINGS,
} from '../../common/schemas/registry.ts';
import type { REPORT_EVENT_KINDS, REPORT_STATUSES } from '../../common/schemas/reporting.ts';
import type { OVERRIDE_STATES, PERIOD_KINDS } from '../../common/schemas/reporting-periods.ts';
import type { REVIEW_REPORT_KINDS, REVIEW_REPORT_STATUSES } from '../../common/schemas/review-reports.ts';
import type { ROLES } from '../../common/roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  status: Generated<(typeof USER_STATUSES)[number]>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  last_login_at: Date | null;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Date | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  /** Every token expires (API_TOKEN_DAYS by default, at most API_TOKEN_MAX_DAYS). */
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Hashes a user's password replaced, newest kept (no reuse of the last 5 passwords). */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  replaced_at: Timestamp;
}

export interface UnitTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_party: Generated<boolean>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

export interface OrgLevelTable {
  id: Generated<number>;
  code: string;
  name: string;
  rank: number;
  active: Generated<boolean>;
}

export type UnitEndReason = (typeof UNIT_END_REASONS)[number];

export interface OrgUnitTable {
  id: Generated<number>;
  code: string | null;
  created_on: string;
  ended_on: string | null;
  end_reason: UnitEndReason | null;
  current_path: string;
  revision: Generated<number>;
  created_at: Timestamp;
}

export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];

export interface OrgEventTable {
  id: Generated<number>;
  kind: OrgEventKind;
  effective_date: string;
  document_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export type OrgEventUnitRole = (typeof ORG_EVENT_UNIT_ROLES)[number];

export interface OrgEventUnitTable {
  event_id: number;
  unit_id: number;
  role: OrgEventUnitRole;
}

export interface OrgUnitVersionTable {
  id: Generated<number>;
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  name: string;
  short_name: string | null;
  type_id: number;
  level_id: number;
  parent_id: number | null;
  path: string;
  sort_key: string;
  search_text: string;
  event_id: number;
}

export interface OrgUnitSuccessorTable {
  predecessor_id: number;
  successor_id: number;
  event_id: number;
}

export type Role = (typeof ROLES)[number];

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  unit_id: number;
  granted_by: number | null;
  granted_at: Timestamp;
  revoked_at: Date | null;
  revoked_by: number | null;
}

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  family_name: string;
  middle_name: Generated<string>;
  given_name: string;
  sort_key: string;
  search_text: string;
  gender: (typeof GENDERS)[number] | null;
  birth_year: number | null;
  position: string | null;
  unit_id: number;
  party_member: Generated<boolean>;
  status: Generated<(typeof PERSON_STATUSES)[number]>;
  left_on: string | null;
  left_reason: string | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentTypeTable {
  id: Generated<number>;
  code: string;
  name: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

export interface PartyTermTable {
  id: Generated<number>;
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface StoredFileTable {
  id: Generated<number>;
  sha256: string;
  storage_key: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface DocumentTable {
  id: Generated<number>;
  symbol: string;
  number: number;
  type_id: number;
  issuer_code: string;
  issuer_key: string;
  issuer_name: string;
  issuer_unit_id: number | null;
  owner_unit_id: number;
  issued_on: string;
  term_key: string;
  summary: string;
  signer: string | null;
  file_id: number | null;
  status: Generated<(typeof DOCUMENT_STATUSES)[number]>;
  revoked_on: string | null;
  revoke_reason: string | null;
  search_text: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: number | null;
  actor_name: string;
  via: (typeof AUDIT_VIAS)[number];
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  summary: string;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  /** Chain order, set by the insert trigger (migration 20261207_0021_audit_chain); whatever is sent is overwritten. */
  seq: Generated<number>;
  prev_hash: Generated<string | null>;
  hash: Generated<string>;
}

export interface PlanTable {
  id: Generated<number>;
  owner_unit_id: number;
  title: string;
  document_id: number | null;
  starts_on: string;
  ends_on: string;
  status: Generated<(typeof PLAN_STATUSES)[number]>;
  note: string | null;
  search_text: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PlanPhaseKind = (typeof PHASE_KINDS)[number];

export interface PlanPhaseTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  kind: PlanPhaseKind;
  starts_on: string;
  ends_on: string;
  review_on: string | null;
  sort_order: Generated<number>;
}

export type PlanTargetSubject = (typeof TARGET_SUBJECTS)[number];

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  subject: PlanTargetSubject;
  level_id: number | null;
  field_id: number | null;
  /** numeric: a string from the database, a number or string going in */
  target_value: ColumnType<string, number | string, number | string>;
  measure: (typeof TARGET_MEASURES)[number];
  description: string | null;
  sort_order: Generated<number>;
}

export interface ModelFieldTable {
  id: Generated<number>;
  owner_unit_id: number | null;
  code: string;
  name: string;
  applies_to: (typeof FIELD_APPLIES_TO)[number];
  description: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  search_text: string;
  revision: Generated<number>;
  created_at: Timestamp;
}

export interface CriteriaSetTable {
  id: Generated<number>;
  field_id: number;
  version: number;
  effective_from: string;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export type CriterionMeasure = (typeof CRITERION_MEASURES)[number];
export type CriterionRule = (typeof CRITERION_RULES)[number];

export interface CriterionTable {
  id: Generated<number>;
  criteria_set_id: number;
  code: string;
  parent_code: string | null;
  title: string;
  measure: CriterionMeasure;
  rule: CriterionRule;
  target: ColumnType<string | null, number | string | null, number | string | null>;
  scale_max: ColumnType<string | null, number | string | null, number | string | null>;
  sort_order: Generated<number>;
}

export type RegistryKind = (typeof ENTRY_KINDS)[number];
export type RegistryStatus = (typeof ENTRY_STATUSES)[number];

export interface RegistryEntryTable {
  id: Generated<number>;
  kind: RegistryKind;
  name: string;
  content: string | null;
  goals: string | null;
  commitments: string | null;
  owner_unit_id: number;
  person_id: number | null;
  position: string | null;
  party_unit_id: number | null;
  field_id: number;
  criteria_set_id: number;
  plan_id: number | null;
  level_id: number;
  responsible_unit_id: number | null;
  started_on: string | null;
  status: Generated<RegistryStatus>;
  return_reason: string | null;
  replicates_id: number | null;
  replaced_by_id: number | null;
  search_text: string;
  sort_key: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type RegistryEventKind = (typeof EVENT_KINDS)[number];

export interface RegistryEventTable {
  id: Generated<number>;
  entry_id: number;
  kind: RegistryEventKind;
  effective_date: string;
  reason: string | null;
  document_id: number | null;
  from_level_id: number | null;
  to_level_id: number | null;
  related_entry_id: number | null;
  data: Json;
  created_by: number | null;
  created_at: Timestamp;
}

export interface RegistryEventFileTable {
  event_id: number;
  file_id: number;
}

export type SpanBegan = (typeof SPAN_BEGINNINGS)[number];
export type SpanEnded = (typeof SPAN_ENDINGS)[number];

export interface RegistrySpanTable {
  id: Generated<number>;
  entry_id: number;
  level_id: number;
  /** The owner unit during this span (an entry passes to a successor unit from a day on). */
  owner_unit_id: number;
  valid_from: string;
  valid_to: string | null;
  began: SpanBegan;
  ended: SpanEnded | null;
}

export interface RegistryMonitorTable {
  id: Generated<number>;
  entry_id: number;
  user_id: number;
  assigned_on: string;
  unassigned_on: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface RegistryImportTable {
  id: Generated<number>;
  owner_unit_id: number;
  file_id: number;
  kind: RegistryKind;
  status: (typeof IMPORT_STATUSES)[number];
  row_count: number;
  created_count: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  committed_at: Date | null;
}

export type ReportPeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriodTable {
  id: Generated<number>;
  plan_id: number;
  phase_id: number | null;
  kind: ReportPeriodKind;
  name: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  grace_until: string | null;
  remind_days_before: Generated<number>;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReportPeriodOverrideTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  state: (typeof OVERRIDE_STATES)[number];
  open_until: string | null;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
}

export type PeriodReportStatus = (typeof REPORT_STATUSES)[number];

export interface PeriodReportTable {
  id: Generated<number>;
  entry_id: number;
  period_id: number;
  criteria_set_id: number;
  status: Generated<PeriodReportStatus>;
  changed_after_acceptance: Generated<boolean>;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  return_reason: string | null;
  /** [{ field: 'criterion:<id>' | 'results' | 'difficulties' | 'proposals' | 'files', note }] */
  return_notes: Json;
  submitted_at: Date | null;
  submitted_by: number | null;
  accepted_at: Date | null;
  accepted_by: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PeriodReportValueTable {
  report_id: number;
  criterion_id: number;
  /** JSON: boolean, number or string, per the criterion's measure. */
  value: Json;
  comment: string | null;
  met: boolean | null;
}

export interface PeriodReportFileTable {
  report_id: number;
  file_id: number;
  caption: string | null;
}

export type PeriodReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

export interface PeriodReportEventTable {
  id: Generated<number>;
  report_id: number;
  kind: PeriodReportEventKind;
  reason: string | null;
  data: Json;
  created_by: number | null;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Date | null;
  emailed_at: Date | null;
  email_error: string | null;
}

export interface MonitorNoteTable {
  id: Generated<number>;
  entry_id: number;
  kind: (typeof MONITOR_NOTE_KINDS)[number];
  occurred_on: string;
  content: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface MonitorNoteFileTable {
  note_id: number;
  file_id: number;
}

export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export interface InspectionTable {
  id: Generated<number>;
  owner_unit_id: number;
  kind: (typeof INSPECTION_KINDS)[number];
  title: string;
  document_id: number | null;
  starts_on: string;
  ends_on: string | null;
  status: Generated<InspectionStatus>;
  conclusions: string | null;
  recommendations: string | null;
  concluded_on: string | null;
  search_text: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionMemberTable {
  id: Generated<number>;
  inspection_id: number;
  full_name: string;
  position: string | null;
  role: (typeof MEMBER_ROLES)[number];
  person_id: number | null;
  sort_order: Generated<number>;
}

export interface InspectionSubjectTable {
  inspection_id: number;
  entry_id: number;
}

export type FindingAssessment = (typeof ASSESSMENTS)[number];

export interface InspectionFindingTable {
  id: Generated<number>;
  inspection_id: number;
  entry_id: number;
  criterion_id: number | null;
  assessment: FindingAssessment;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface InspectionFollowupTable {
  id: Generated<number>;
  inspection_id: number;
  entry_id: number | null;
  action: string;
  responsible_unit_id: number | null;
  due_on: string | null;
  status: Generated<(typeof FOLLOWUP_STATUSES)[number]>;
  closed_on: string | null;
  closing_note: string | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface EvaluationTable {
  id: Generated<number>;
  entry_id: number;
  period_id: number | null;
  phase_id: number | null;
  proposed_met: boolean | null;
  decided_met: boolean;
  overridden: Generated<boolean>;
  reason: string | null;
  recognition_level_id: number | null;
  document_id: number | null;
  decided_on: string;
  decided_by: number | null;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationCriterionTable {
  evaluation_id: number;
  criterion_id: number;
  proposed_met: boolean | null;
  decided_met: boolean | null;
  reason: string | null;
}

export type AwardFormKind = (typeof AWARD_KINDS)[number];
export type AwardSubject = (typeof AWARD_SUBJECTS)[number];
export type GrantorKind = (typeof GRANTOR_KINDS)[number];

export interface AwardFormTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: AwardFormKind;
  subject: AwardSubject;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  search_text: string;
  revision: Generated<number>;
  created_at: Timestamp;
}

export interface AwardFormRuleTable {
  id: Generated<number>;
  award_form_id: number;
  valid_from: string;
  grantor_kind: GrantorKind;
  grantor_level_id: number | null;
  council_required: boolean;
  ballot: (typeof BALLOT_KINDS)[number];
  threshold_num: number;
  threshold_den: number;
  comparison: (typeof THRESHOLD_COMPARISONS)[number];
  basis: (typeof THRESHOLD_BASES)[number];
  quorum_num: number;
  quorum_den: number;
  disclosure_days: number | null;
  legal_basis: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** The one row saying what kind of installation this is (migration 20261207_0022_installation). */
export interface InstallationTable {
  singleton: Generated<boolean>;
  demo_data: Generated<boolean>;
  demo_loaded_at: Date | null;
  first_admin_created_at: Date | null;
  created_at: Generated<Date>;
}

/** Failed sign-ins for one name from one address (migration 20261207_0019_login_throttle). */
export interface LoginThrottleTable {
  name_key: string;
  ip: string;
  failures: number;
  last_failure_at: Date;
  retry_at: Date | null;
}

/** Failed sign-ins for one name from every address in a window, and the lock past the ceiling. */
export interface LoginNameLockTable {
  name_key: string;
  window_started_at: Date;
  failures: number;
  locked_until: Date | null;
  lockouts: Generated<number>;
}

/** One finished backup run (migration 20261207_0023_backups; server/backup/). */
export interface BackupRunTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: Timestamp;
  status: (typeof BACKUP_STATUSES)[number];
  trigger: (typeof BACKUP_TRIGGERS)[number];
  requested_by: number | null;
  requested_by_name: string | null;
  node: string;
  file_name: string | null;
  size_bytes: number | null;
  sha256: string | null;
  engine: string | null;
  last_migration: string | null;
  table_count: number | null;
  row_count: number | null;
  file_count: number | null;
  file_bytes: number | null;
  missing_files: ColumnType<unknown, string | undefined, string>;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  error: string | null;
  pruned_at: Date | null;
}

export interface DB {
  backup_run: BackupRunTable;
  installation: InstallationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  password_history: PasswordHistoryTable;
  login_throttle: LoginThrottleTable;
  login_name_lock: LoginNameLockTable;
  unit_type: UnitTypeTable;
  org_level: OrgLevelTable;
  org_unit: OrgUnitTable;
  org_event: OrgEventTable;
  org_event_unit: OrgEventUnitTable;
  org_unit_version: OrgUnitVersionTable;
  org_unit_successor: OrgUnitSuccessorTable;
  role_grant: RoleGrantTable;
  person: PersonTable;
  document_type: DocumentTypeTable;
  party_term: PartyTermTable;
  stored_file: StoredFileTable;
  document: DocumentTable;
  audit_event: AuditEventTable;
  plan: PlanTable;
  plan_phase: PlanPhaseTable;
  plan_target: PlanTargetTable;
  model_field: ModelFieldTable;
  criteria_set: CriteriaSetTable;
  criterion: CriterionTable;
  registry_entry: RegistryEntryTable;
  registry_event: RegistryEventTable;
  registry_event_file: RegistryEventFileTable;
  registry_span: RegistrySpanTable;
  registry_monitor: RegistryMonitorTable;
  registry_import: RegistryImportTable;
  report_period: ReportPeriodTable;
  report_period_override: ReportPeriodOverrideTable;
  period_report: PeriodReportTable;
  period_report_value: PeriodReportValueTable;
  period_report_file: PeriodReportFileTable;
  period_report_event: PeriodReportEventTable;
  notification: NotificationTable;
  monitor_note: MonitorNoteTable;
  monitor_note_file: MonitorNoteFileTable;
  inspection: InspectionTable;
  inspection_member: InspectionMemberTable;
  inspection_subject: InspectionSubjectTable;
  inspection_finding: InspectionFindingTable;
  inspection_followup: InspectionFollowupTable;
  evaluation: EvaluationTable;
  evaluation_criterion: EvaluationCriterionTable;
  award_form: AwardFormTable;
  award_form_rule: AwardFormRuleTable;
  review_report: ReviewReportTable;
  unit_document_settings: UnitDocumentSettingsTable;
  honour_round: HonourRoundTable;
  honour_proposal: HonourProposalTable;
  honour_proposal_file: HonourProposalFileTable;
  honour_candidate: HonourCandidateTable;
  council_session: CouncilSessionTable;
  council_member: CouncilMemberTable;
  council_agenda: CouncilAgendaTable;
  council_recusal: CouncilRecusalTable;
  council_ballot_cast: CouncilBallotCastTable;
  council_ballot: CouncilBallotTable;
  honour: HonourTable;
  honour_disclosure: HonourDisclosureTable;
  honour_disclosure_candidate: HonourDisclosureCandidateTable;
  honour_comment: HonourCommentTable;
  discipline_record: DisciplineRecordTable;
}

export interface ReviewReportTable {
  id: Generated<number>;
  owner_unit_id: number;
  kind: (typeof REVIEW_REPORT_KINDS)[number];
  title: string;
  number: Generated<string>;
  place: Generated<string>;
  report_date: string | null;
  period_from: string;
  period_to: string;
  snapshot_on: string;
  plan_id: number | null;
  figures: Json;
  texts: Json;
  overrides: Json;
  warnings: Json;
  warnings_acknowledged_by: number | null;
  warnings_acknowledged_at: Date | null;
  signer_authority: string | null;
  signer_title: Generated<string>;
  signer_name: Generated<string>;
  recipients: Json;
  layout: Json;
  status: Generated<(typeof REVIEW_REPORT_STATUSES)[number]>;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_by: number | null;
  signed_at: Date | null;
  document_id: number | null;
}

/** Thể thức văn bản of a unit: layout parameters and the place name its documents start from (children inherit). */
export interface UnitDocumentSettingsTable {
  unit_id: number;
  layout: Json;
  place: string | null;
  revision: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type OrgUnitVersion = Selectable<OrgUnitVersionTable>;
export type Person = Selectable<PersonTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type AuditEvent = Selectable<AuditEventTable>;

export type HonourSubject = (typeof HONOUR_SUBJECTS)[number];
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export interface HonourRoundTable {
  id: Generated<number>;
  owner_unit_id: number;
  name: string;
  kind: (typeof ROUND_KINDS)[number];
  plan_id: number | null;
  phase_id: number | null;
  proposals_from: string;
  proposals_until: string;
  review_until: string | null;
  ceremony_on: string | null;
  status: Generated<(typeof ROUND_STATUSES)[number]>;
  note: string | null;
  search_text: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface HonourProposalTable {
  id: Generated<number>;
  round_id: number;
  proposer_unit_id: number;
  reviewer_unit_id: number | null;
  external_body: string | null;
  title: string;
  letter_document_id: number | null;
  note: string | null;
  status: Generated<(typeof PROPOSAL_STATUSES)[number]>;
  submitted_at: Date | null;
  submitted_by: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface HonourProposalFileTable {
  proposal_id: number;
  file_id: number;
  caption: string | null;
}
export interface HonourCandidateTable {
  id: Generated<number>;
  proposal_id: number;
  award_form_id: number;
  subject: HonourSubject;
  unit_id: number;
  person_id: number | null;
  entry_id: number | null;
  display_name: string;
  position: string | null;
  achievement: string;
  achievement_file_id: number | null;
  /** jsonb with a default: read as parsed JSON, written as a JSON string or left out. */
  evaluation: ColumnType<unknown, string | undefined, string>;
  flags: ColumnType<unknown, string | undefined, string>;
  status: Generated<CandidateStatus>;
  return_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  source_candidate_id: number | null;
  sort_key: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface CouncilSessionTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  title: string;
  held_on: string;
  location: string | null;
  status: Generated<(typeof COUNCIL_SESSION_STATUSES)[number]>;
  closed_at: Date | null;
  closed_by: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface CouncilMemberTable {
  session_id: number;
  user_id: number;
  role: (typeof COUNCIL_ROLES)[number];
  position: string | null;
  present: Generated<boolean>;
}
export interface CouncilAgendaTable {
  session_id: number;
  candidate_id: number;
  award_rule_id: number | null;
  result: Json;
  passed: boolean | null;
  sort_order: Generated<number>;
}
export interface CouncilRecusalTable {
  session_id: number;
  candidate_id: number;
  user_id: number;
  reason: string;
  created_at: Timestamp;
}
export interface CouncilBallotCastTable {
  session_id: number;
  candidate_id: number;
  user_id: number;
  written: Generated<boolean>;
  cast_at: Timestamp;
}
export interface CouncilBallotTable {
  id: Generated<number>;
  session_id: number;
  candidate_id: number;
  /** null under a secret ballot: who voted is in council_ballot_cast, not here. */
  user_id: number | null;
  choice: (typeof BALLOT_CHOICES)[number];
}
export interface HonourTable {
  id: Generated<number>;
  award_form_id: number;
  award_rule_id: number | null;
  subject: HonourSubject;
  unit_id: number;
  person_id: number | null;
  entry_id: number | null;
  display_name: string;
  position: string | null;
  achievement: string | null;
  grantor_unit_id: number | null;
  external_body: string | null;
  owner_unit_id: number;
  decision_document_id: number;
  decided_on: string;
  round_id: number | null;
  candidate_id: number | null;
  status: Generated<(typeof HONOUR_STATUSES)[number]>;
  revoked_on: string | null;
  revoke_reason: string | null;
  revoke_document_id: number | null;
  search_text: string;
  sort_key: string;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
}
export interface HonourDisclosureTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  token: string;
  title: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}
export interface HonourDisclosureCandidateTable {
  disclosure_id: number;
  candidate_id: number;
}
export interface HonourCommentTable {
  id: Generated<number>;
  disclosure_id: number;
  candidate_id: number | null;
  author_name: string | null;
  contact: string | null;
  content: string;
  user_id: number | null;
  ip: string | null;
  created_at: Timestamp;
  read_at: Date | null;
}
export interface DisciplineRecordTable {
  id: Generated<number>;
  person_id: number | null;
  unit_id: number | null;
  form: string;
  reason: string;
  decided_on: string;
  until_on: string | null;
  document_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}
