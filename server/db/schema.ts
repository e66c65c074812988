/**
 * Table types for Kysely, written to match server/db/migrations. DATE columns
 * are 'YYYY-MM-DD' strings, timestamptz columns are Date objects.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
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
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
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

export type UnitEndReason = 'dissolved' | 'merged' | 'split';

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

export type OrgEventKind = 'create' | 'rename' | 'update' | 'move' | 'merge' | 'split' | 'dissolve';

export interface OrgEventTable {
  id: Generated<number>;
  kind: OrgEventKind;
  effective_date: string;
  document_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export type OrgEventUnitRole = 'subject' | 'source' | 'target' | 'old_parent' | 'new_parent';

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

export type Role = 'admin' | 'operator' | 'reporter' | 'monitor' | 'viewer';

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
  gender: 'male' | 'female' | null;
  birth_year: number | null;
  position: string | null;
  unit_id: number;
  party_member: Generated<boolean>;
  status: Generated<'active' | 'left'>;
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
  status: Generated<'active' | 'revoked'>;
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
  via: 'session' | 'token' | 'system';
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  summary: string;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
}

export interface DB {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
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
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type OrgUnitVersion = Selectable<OrgUnitVersionTable>;
export type Person = Selectable<PersonTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type AuditEvent = Selectable<AuditEventTable>;
