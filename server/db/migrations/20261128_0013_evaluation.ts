import { sql, type Kysely } from 'kysely';

/**
 * Evaluation (đánh giá, công nhận đạt tiêu chí) of a model or exemplar for
 * one reporting period or for a whole plan phase. The system proposes
 * met / not met per criterion and overall; the evaluator confirms or
 * overrides (a reason is required where the decision differs from the
 * proposal). Exactly one of period_id / phase_id is set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evaluation (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      period_id int references report_period(id),
      phase_id int references plan_phase(id),
      proposed_met boolean,
      decided_met boolean not null,
      overridden boolean not null default false,
      reason text,
      recognition_level_id int references org_level(id),
      document_id int references document(id),
      decided_on date not null,
      decided_by int references app_user(id),
      revision int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((period_id is null) <> (phase_id is null)),
      check (not overridden or reason is not null)
    )`.execute(db);
  await sql`create unique index evaluation_period_key on evaluation (entry_id, period_id) where period_id is not null`.execute(
    db,
  );
  await sql`create unique index evaluation_phase_key on evaluation (entry_id, phase_id) where phase_id is not null`.execute(
    db,
  );
  await sql`create index evaluation_period_idx on evaluation (period_id)`.execute(db);
  await sql`create index evaluation_phase_idx on evaluation (phase_id)`.execute(db);

  await sql`
    create table evaluation_criterion (
      evaluation_id int not null references evaluation(id),
      criterion_id int not null references criterion(id),
      proposed_met boolean,
      decided_met boolean,
      reason text,
      primary key (evaluation_id, criterion_id)
    )`.execute(db);
}
