import { sql, type Kysely } from 'kysely';

/**
 * Honours as one traceable flow (thi đua, khen thưởng):
 *
 * - honour_round: a commendation round (đợt khen thưởng) of a unit — for a
 *   plan phase, or thematic / ad hoc — with its dates.
 * - honour_proposal: a unit's proposal letter (tờ trình) in a round, to the
 *   round's unit (reviewer_unit_id) or, when forwarded, to an outside body
 *   (external_body, e.g. "Ủy ban nhân dân tỉnh").
 * - honour_candidate: one collective or individual in a proposal, with its
 *   dossier (achievement, report file, evaluation results and flags as they
 *   stood when submitted) and where it got to (returned, passed to the
 *   council, approved / rejected by the vote, decided). A forwarded candidate
 *   points to the one it came from (source_candidate_id).
 * - council_*: a council session (Hội đồng Thi đua – Khen thưởng) with its
 *   members and attendance, the candidates on its agenda, conflicts of
 *   interest declared openly, and ballots. Under a secret ballot the choice
 *   is stored without the voter (council_ballot.user_id is null) and who has
 *   voted is kept apart in council_ballot_cast.
 * - honour: an honour granted by a decision registered in the document
 *   registry — by a unit of the system (grantor_unit_id) or an outside body
 *   (external_body) — with revocation kept on the row (never deleted).
 * - honour_disclosure: a list published for comments for a window, reached by
 *   a public link token; honour_comment holds what the public wrote.
 * - discipline_record: a discipline (kỷ luật) of a person or unit, so that a
 *   candidate under discipline is flagged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table honour_round (
      id serial primary key,
      owner_unit_id int not null references org_unit(id),
      name text not null,
      kind text not null check (kind in ('phase', 'thematic', 'ad_hoc')),
      plan_id int references plan(id),
      phase_id int references plan_phase(id),
      proposals_from date not null,
      proposals_until date not null,
      review_until date,
      ceremony_on date,
      status text not null default 'open' check (status in ('open', 'closed')),
      note text,
      search_text text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (proposals_until >= proposals_from),
      check (review_until is null or review_until >= proposals_from),
      check (kind <> 'phase' or phase_id is not null)
    )`.execute(db);
  await sql`create index honour_round_owner_idx on honour_round (owner_unit_id, proposals_from desc)`.execute(db);

  await sql`
    create table honour_proposal (
      id serial primary key,
      round_id int not null references honour_round(id),
      proposer_unit_id int not null references org_unit(id),
      reviewer_unit_id int references org_unit(id),
      external_body text,
      title text not null,
      letter_document_id int references document(id),
      note text,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      submitted_at timestamptz,
      submitted_by int references app_user(id),
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((reviewer_unit_id is null) <> (external_body is null))
    )`.execute(db);
  await sql`create index honour_proposal_round_idx on honour_proposal (round_id, proposer_unit_id)`.execute(db);
  await sql`create index honour_proposal_proposer_idx on honour_proposal (proposer_unit_id)`.execute(db);
  await sql`create index honour_proposal_reviewer_idx on honour_proposal (reviewer_unit_id, status)`.execute(db);

  await sql`
    create table honour_proposal_file (
      proposal_id int not null references honour_proposal(id),
      file_id int not null references stored_file(id),
      caption text,
      primary key (proposal_id, file_id)
    )`.execute(db);

  await sql`
    create table honour_candidate (
      id serial primary key,
      proposal_id int not null references honour_proposal(id),
      award_form_id int not null references award_form(id),
      subject text not null check (subject in ('collective', 'individual')),
      unit_id int not null references org_unit(id),
      person_id int references person(id),
      entry_id int references registry_entry(id),
      display_name text not null,
      position text,
      achievement text not null,
      achievement_file_id int references stored_file(id),
      evaluation jsonb not null default '[]',
      flags jsonb not null default '[]',
      status text not null default 'proposed' check (status in ('proposed', 'returned', 'passed', 'approved', 'rejected', 'decided', 'withdrawn')),
      return_reason text,
      reviewed_by int references app_user(id),
      reviewed_at timestamptz,
      source_candidate_id int references honour_candidate(id),
      sort_key text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((subject = 'individual') = (person_id is not null))
    )`.execute(db);
  await sql`create index honour_candidate_proposal_idx on honour_candidate (proposal_id, status)`.execute(db);
  await sql`create index honour_candidate_person_idx on honour_candidate (person_id) where person_id is not null`.execute(
    db,
  );
  await sql`create index honour_candidate_entry_idx on honour_candidate (entry_id) where entry_id is not null`.execute(
    db,
  );
  await sql`create index honour_candidate_unit_idx on honour_candidate (unit_id)`.execute(db);
  await sql`create index honour_candidate_source_idx on honour_candidate (source_candidate_id) where source_candidate_id is not null`.execute(
    db,
  );

  await sql`
    create table council_session (
      id serial primary key,
      round_id int not null references honour_round(id),
      unit_id int not null references org_unit(id),
      title text not null,
      held_on date not null,
      location text,
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_at timestamptz,
      closed_by int references app_user(id),
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index council_session_round_idx on council_session (round_id)`.execute(db);
  await sql`create index council_session_unit_idx on council_session (unit_id, held_on desc)`.execute(db);

  await sql`
    create table council_member (
      session_id int not null references council_session(id),
      user_id int not null references app_user(id),
      role text not null check (role in ('chair', 'secretary', 'member')),
      position text,
      present boolean not null default false,
      primary key (session_id, user_id)
    )`.execute(db);
  await sql`create index council_member_user_idx on council_member (user_id)`.execute(db);

  await sql`
    create table council_agenda (
      session_id int not null references council_session(id),
      candidate_id int not null references honour_candidate(id),
      award_rule_id int references award_form_rule(id),
      result jsonb,
      passed boolean,
      sort_order int not null default 0,
      primary key (session_id, candidate_id)
    )`.execute(db);
  await sql`create index council_agenda_candidate_idx on council_agenda (candidate_id)`.execute(db);

  await sql`
    create table council_recusal (
      session_id int not null references council_session(id),
      candidate_id int not null references honour_candidate(id),
      user_id int not null references app_user(id),
      reason text not null,
      created_at timestamptz not null default now(),
      primary key (session_id, candidate_id, user_id)
    )`.execute(db);

  await sql`
    create table council_ballot_cast (
      session_id int not null references council_session(id),
      candidate_id int not null references honour_candidate(id),
      user_id int not null references app_user(id),
      written boolean not null default false,
      cast_at timestamptz not null default now(),
      primary key (session_id, candidate_id, user_id)
    )`.execute(db);

  await sql`
    create table council_ballot (
      id serial primary key,
      session_id int not null references council_session(id),
      candidate_id int not null references honour_candidate(id),
      user_id int references app_user(id),
      choice text not null check (choice in ('yes', 'no', 'abstain'))
    )`.execute(db);
  await sql`create index council_ballot_session_idx on council_ballot (session_id, candidate_id)`.execute(db);

  await sql`
    create table honour (
      id serial primary key,
      award_form_id int not null references award_form(id),
      award_rule_id int references award_form_rule(id),
      subject text not null check (subject in ('collective', 'individual')),
      unit_id int not null references org_unit(id),
      person_id int references person(id),
      entry_id int references registry_entry(id),
      display_name text not null,
      position text,
      achievement text,
      grantor_unit_id int references org_unit(id),
      external_body text,
      owner_unit_id int not null references org_unit(id),
      decision_document_id int not null references document(id),
      decided_on date not null,
      round_id int references honour_round(id),
      candidate_id int references honour_candidate(id),
      status text not null default 'active' check (status in ('active', 'revoked')),
      revoked_on date,
      revoke_reason text,
      revoke_document_id int references document(id),
      search_text text not null,
      sort_key text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check ((subject = 'individual') = (person_id is not null)),
      check ((grantor_unit_id is null) <> (external_body is null)),
      check ((status = 'revoked') = (revoked_on is not null))
    )`.execute(db);
  await sql`create unique index honour_candidate_once_idx on honour (candidate_id) where candidate_id is not null`.execute(
    db,
  );
  await sql`create index honour_owner_idx on honour (owner_unit_id, decided_on desc)`.execute(db);
  await sql`create index honour_unit_idx on honour (unit_id)`.execute(db);
  await sql`create index honour_person_idx on honour (person_id) where person_id is not null`.execute(db);
  await sql`create index honour_entry_idx on honour (entry_id) where entry_id is not null`.execute(db);
  await sql`create index honour_round_idx on honour (round_id) where round_id is not null`.execute(db);
  await sql`create index honour_decision_idx on honour (decision_document_id)`.execute(db);
  await sql`create index honour_search_idx on honour using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table honour_disclosure (
      id serial primary key,
      round_id int not null references honour_round(id),
      unit_id int not null references org_unit(id),
      token text not null unique,
      title text not null,
      starts_on date not null,
      ends_on date not null,
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index honour_disclosure_round_idx on honour_disclosure (round_id)`.execute(db);

  await sql`
    create table honour_disclosure_candidate (
      disclosure_id int not null references honour_disclosure(id),
      candidate_id int not null references honour_candidate(id),
      primary key (disclosure_id, candidate_id)
    )`.execute(db);
  await sql`create index honour_disclosure_candidate_idx on honour_disclosure_candidate (candidate_id)`.execute(db);

  await sql`
    create table honour_comment (
      id serial primary key,
      disclosure_id int not null references honour_disclosure(id),
      candidate_id int references honour_candidate(id),
      author_name text,
      contact text,
      content text not null,
      user_id int references app_user(id),
      ip text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index honour_comment_disclosure_idx on honour_comment (disclosure_id, created_at)`.execute(db);

  await sql`
    create table discipline_record (
      id serial primary key,
      person_id int references person(id),
      unit_id int references org_unit(id),
      form text not null,
      reason text not null,
      decided_on date not null,
      until_on date,
      document_id int references document(id),
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check ((person_id is null) <> (unit_id is null)),
      check (until_on is null or until_on >= decided_on)
    )`.execute(db);
  await sql`create index discipline_person_idx on discipline_record (person_id) where person_id is not null`.execute(
    db,
  );
  await sql`create index discipline_unit_idx on discipline_record (unit_id) where unit_id is not null`.execute(db);
}
