/**
 * Every column restricted by a CHECK to a list of values has its list in common/ (the `as const` arrays the
 * zod schemas and the table types in schema.ts are built from). After migrating, each such constraint is read
 * back from pg_constraint and its values compared with the array mapped to its table.column: a migration
 * that changes a list without common/ (or the other way round) fails here, and so does a new list
 * constraint nobody mapped.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../common/roles.ts';
import { USER_STATUSES } from '../../common/schemas/accounts.ts';
import { AUDIT_VIAS } from '../../common/schemas/audit.ts';
import { BACKUP_STATUSES, BACKUP_TRIGGERS } from '../../common/schemas/backups.ts';
import { CRITERION_MEASURES, CRITERION_RULES, FIELD_APPLIES_TO } from '../../common/schemas/catalogue.ts';
import { DOCUMENT_STATUSES } from '../../common/schemas/documents.ts';
import { BALLOT_CHOICES, COUNCIL_ROLES, COUNCIL_SESSION_STATUSES } from '../../common/schemas/honours-council.ts';
import { HONOUR_STATUSES } from '../../common/schemas/honours-decisions.ts';
import {
  CANDIDATE_STATUSES,
  HONOUR_SUBJECTS,
  PROPOSAL_STATUSES,
  ROUND_KINDS,
  ROUND_STATUSES,
} from '../../common/schemas/honours-flow.ts';
import {
  AWARD_KINDS,
  AWARD_SUBJECTS,
  BALLOT_KINDS,
  GRANTOR_KINDS,
  THRESHOLD_BASES,
  THRESHOLD_COMPARISONS,
} from '../../common/schemas/honours.ts';
import {
  ASSESSMENTS,
  FOLLOWUP_STATUSES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  MEMBER_ROLES,
} from '../../common/schemas/inspections.ts';
import { MONITOR_NOTE_KINDS } from '../../common/schemas/monitoring.ts';
import { ORG_EVENT_KINDS, ORG_EVENT_UNIT_ROLES, UNIT_END_REASONS } from '../../common/schemas/org.ts';
import { GENDERS, PERSON_STATUSES } from '../../common/schemas/people.ts';
import { PHASE_KINDS, PLAN_STATUSES, TARGET_MEASURES, TARGET_SUBJECTS } from '../../common/schemas/plans.ts';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../../common/schemas/registry-excel.ts';
import {
  ENTRY_KINDS,
  ENTRY_STATUSES,
  EVENT_KINDS,
  SPAN_BEGINNINGS,
  SPAN_ENDINGS,
} from '../../common/schemas/registry.ts';
import { REPORT_EVENT_KINDS, REPORT_STATUSES } from '../../common/schemas/reporting.ts';
import { OVERRIDE_STATES, PERIOD_KINDS } from '../../common/schemas/reporting-periods.ts';
import { REVIEW_REPORT_KINDS, REVIEW_REPORT_STATUSES } from '../../common/schemas/review-reports.ts';
import type { Database } from './database.ts';
import { createTestDatabase } from '../test/test-db.ts';

/** table.column → the common/ array its CHECK must list. */
const LISTS: Record<string, readonly string[]> = {
  'app_user.status': USER_STATUSES,
  'audit_event.via': AUDIT_VIAS,
  'award_form.kind': AWARD_KINDS,
  'award_form.subject': AWARD_SUBJECTS,
  'award_form_rule.ballot': BALLOT_KINDS,
  'award_form_rule.basis': THRESHOLD_BASES,
  'award_form_rule.comparison': THRESHOLD_COMPARISONS,
  'award_form_rule.grantor_kind': GRANTOR_KINDS,
  'backup_run.status': BACKUP_STATUSES,
  'backup_run.trigger': BACKUP_TRIGGERS,
  'council_ballot.choice': BALLOT_CHOICES,
  'council_member.role': COUNCIL_ROLES,
  'council_session.status': COUNCIL_SESSION_STATUSES,
  'criterion.measure': CRITERION_MEASURES,
  'criterion.rule': CRITERION_RULES,
  'document.status': DOCUMENT_STATUSES,
  'honour.status': HONOUR_STATUSES,
  'honour.subject': HONOUR_SUBJECTS,
  'honour_candidate.status': CANDIDATE_STATUSES,
  'honour_candidate.subject': HONOUR_SUBJECTS,
  'honour_proposal.status': PROPOSAL_STATUSES,
  'honour_round.kind': ROUND_KINDS,
  'honour_round.status': ROUND_STATUSES,
  'inspection.kind': INSPECTION_KINDS,
  'inspection.status': INSPECTION_STATUSES,
  'inspection_finding.assessment': ASSESSMENTS,
  'inspection_followup.status': FOLLOWUP_STATUSES,
  'inspection_member.role': MEMBER_ROLES,
  'model_field.applies_to': FIELD_APPLIES_TO,
  'monitor_note.kind': MONITOR_NOTE_KINDS,
  'org_event.kind': ORG_EVENT_KINDS,
  'org_event_unit.role': ORG_EVENT_UNIT_ROLES,
  'org_unit.end_reason': UNIT_END_REASONS,
  'period_report.status': REPORT_STATUSES,
  'period_report_event.kind': REPORT_EVENT_KINDS,
  'person.gender': GENDERS,
  'person.status': PERSON_STATUSES,
  'plan.status': PLAN_STATUSES,
  'plan_phase.kind': PHASE_KINDS,
  'plan_target.measure': TARGET_MEASURES,
  'plan_target.subject': TARGET_SUBJECTS,
  'registry_entry.kind': ENTRY_KINDS,
  'registry_entry.status': ENTRY_STATUSES,
  'registry_event.kind': EVENT_KINDS,
  'registry_import.kind': IMPORT_KINDS,
  'registry_import.status': IMPORT_STATUSES,
  'registry_span.began': SPAN_BEGINNINGS,
  'registry_span.ended': SPAN_ENDINGS,
  'report_period.kind': PERIOD_KINDS,
  'report_period_override.state': OVERRIDE_STATES,
  'review_report.kind': REVIEW_REPORT_KINDS,
  'review_report.status': REVIEW_REPORT_STATUSES,
  'role_grant.role': ROLES,
};

interface ListConstraint {
  name: string;
  column: string;
  values: string[];
}

/**
 * `CHECK ((status = ANY (ARRAY['active'::text, 'disabled'::text])))` — how PostgreSQL prints
 * `check (status in ('active', 'disabled'))`, on PGlite and on PostgreSQL 15 alike.
 */
const LIST_CHECK = /^CHECK \(\((\w+) = ANY \(\(?ARRAY\[((?:'[^']*'::\w+(?:, )?)+)\]\)?(?:::\w+\[\])?\)\)\)$/;

async function listConstraints(database: Database): Promise<ListConstraint[]> {
  const { rows } = await sql<{ tbl: string; name: string; def: string }>`
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'c' and n.nspname = 'public'
    order by 1, 2`.execute(database.db);
  const lists: ListConstraint[] = [];
  for (const row of rows) {
    if (!row.def.includes('= ANY')) continue; // ranges, implications, "one of two columns set"
    const match = LIST_CHECK.exec(row.def);
    if (!match) throw new Error(`${row.tbl}.${row.name}: a list CHECK this test cannot read: ${row.def}`);
    const values = [...match[2]!.matchAll(/'([^']*)'::/g)].map((m) => m[1]!);
    lists.push({ name: `${row.tbl}.${row.name}`, column: `${row.tbl}.${match[1]!}`, values });
  }
  return lists;
}

describe('CHECK lists after migrating match the arrays in common/', () => {
  let database: Database;
  let lists: ListConstraint[];
  beforeAll(async () => {
    database = await createTestDatabase();
    lists = await listConstraints(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds the list constraints (the query and the parser still work)', () => {
    expect(lists.length).toBeGreaterThanOrEqual(Object.keys(LISTS).length);
  });

  it('every list CHECK is mapped to a common/ array, and every mapping has its CHECK', () => {
    const checked = new Set(lists.map((l) => l.column));
    expect(
      lists.filter((l) => !(l.column in LISTS)).map((l) => l.name),
      'list constraints without a common/ array',
    ).toEqual([]);
    expect(
      Object.keys(LISTS).filter((column) => !checked.has(column)),
      'mapped columns without a list CHECK',
    ).toEqual([]);
  });

  it("each list has exactly the common/ array's values (order aside)", () => {
    const differences = lists
      .filter((l) => l.column in LISTS)
      .map((l) => ({ column: l.column, database: [...l.values].sort(), common: [...LISTS[l.column]!].sort() }))
      .filter((d) => JSON.stringify(d.database) !== JSON.stringify(d.common));
    expect(differences).toEqual([]);
  });
});
