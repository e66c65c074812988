import { sql, type Kysely } from 'kysely';

/**
 * The audit log becomes append-only and hash-chained (docs/audit.md).
 *
 * - `seq` is the chain order (1, 2, 3, … without gaps), `prev_hash` the hash of
 *   event seq-1, `hash` = SHA-256 of a canonical encoding of the event's content
 *   and prev_hash. `audit_event_hash(e)` is the ONE definition of that encoding:
 *   the insert trigger and the integrity check (server/audit/integrity.ts) both
 *   call it. It is a pure function of the content — not of the id, the insert
 *   time or the session's TimeZone/DateStyle (time goes in as epoch
 *   microseconds, everything else through jsonb's canonical text) — so a backup
 *   re-inserted in seq order into an empty database rebuilds the same chain,
 *   and PGlite and PostgreSQL compute the same hashes.
 * - A BEFORE INSERT trigger takes a transaction-scoped advisory lock on a fixed
 *   key, reads the head and chains the new row; whatever the client sends in
 *   seq/prev_hash/hash is overwritten. The lock is held until commit, which is
 *   why writeTransaction inserts its audit rows at the very end.
 * - UPDATE, DELETE and TRUNCATE are refused by triggers. (A table owner or
 *   superuser can still disable triggers: the chain and a head hash written
 *   down elsewhere are what detects that; docs/audit.md gives the GRANTs for
 *   an app role that owns nothing.)
 * - The foreign keys to app_user and org_unit go: an audit log records values,
 *   it need not reference live rows — and the FK checks would take row locks
 *   on app_user/org_unit while the chain lock is held, and a concurrent writer
 *   holding such a row FOR UPDATE while waiting for the chain lock would
 *   deadlock with us.
 */
export const AUDIT_CHAIN_LOCK_KEY = 4716201021;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_event drop constraint if exists audit_event_actor_user_id_fkey`.execute(db);
  await sql`alter table audit_event drop constraint if exists audit_event_unit_id_fkey`.execute(db);
  await sql`alter table audit_event add column seq bigint, add column prev_hash text, add column hash text`.execute(db);

  // 'dh-audit-v1' names the encoding, so a future change of it can be told apart.
  await sql`
    create function audit_event_hash(e audit_event) returns text
    language sql stable parallel safe as $$
      select encode(sha256(convert_to(jsonb_build_array(
        'dh-audit-v1', e.seq, e.prev_hash,
        (extract(epoch from e.occurred_at) * 1000000)::bigint,
        e.actor_user_id, e.actor_name, e.via, e.action, e.entity_type, e.entity_id,
        e.unit_id, e.summary, e.before, e.after, e.request_id, e.ip
      )::text, 'UTF8')), 'hex')
    $$`.execute(db);

  // Chain the rows already there, in id order (the order they were written in).
  await sql`
    do $$
    declare
      r audit_event;
      n bigint := 0;
      prev text := null;
      ids bigint[] := '{}';
      hashes text[] := '{}';
    begin
      for r in select * from audit_event order by id loop
        n := n + 1;
        r.seq := n;
        r.prev_hash := prev;
        prev := audit_event_hash(r);
        ids := array_append(ids, r.id);
        hashes := array_append(hashes, prev);
      end loop;
      update audit_event e
         set seq = c.seq, hash = c.hash,
             prev_hash = case when c.seq = 1 then null else hashes[c.seq - 1] end
        from unnest(ids, hashes) with ordinality as c(id, hash, seq)
       where e.id = c.id;
    end $$`.execute(db);

  await sql`alter table audit_event alter column seq set not null, alter column hash set not null`.execute(db);
  await sql`alter table audit_event add constraint audit_event_seq_key unique (seq)`.execute(db);

  await sql
    .raw(
      `
    create function audit_event_chain() returns trigger
    language plpgsql as $$
    declare
      head_seq bigint;
      head_hash text;
    begin
      -- One writer at a time extends the chain; released at commit or rollback.
      perform pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY});
      select seq, hash into head_seq, head_hash from audit_event order by seq desc limit 1;
      new.seq := coalesce(head_seq, 0) + 1;
      new.prev_hash := head_hash;
      new.hash := audit_event_hash(new);
      return new;
    end $$`,
    )
    .execute(db);
  await sql`create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain()`.execute(
    db,
  );

  await sql`
    create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'Nhật ký thao tác chỉ được ghi thêm: không được sửa, xóa hay làm rỗng (% trên audit_event bị từ chối).', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Nhật ký là bằng chứng; mọi sự kiện đã ghi được giữ nguyên và nối chuỗi mã băm (xem docs/audit.md).';
    end $$`.execute(db);
  await sql`create trigger audit_event_no_change before update or delete on audit_event for each row execute function audit_event_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_refuse_change()`.execute(
    db,
  );
}
