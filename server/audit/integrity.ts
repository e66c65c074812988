/**
 * The audit log's integrity check (kiểm tra tính toàn vẹn): set-based passes
 * over audit_event that recompute every hash with the same SQL
 * function the insert trigger uses (audit_event_hash, migration
 * 20261207_0021_audit_chain), check each prev_hash against the previous
 * event's hash and that seq runs 1, 2, 3, … without a gap.
 *
 * What it can and cannot see: an event changed in place, an event removed from
 * the middle or the start, a link re-forged — all are found, at the first seq
 * where the chain breaks. Cutting events off the END leaves a shorter chain
 * that is still consistent; only a head (seq + hash, "mã niêm phong") written
 * down outside the system reveals it — hence the optional anchor: give a seq and
 * the hash recorded for it earlier, and the check says whether it still holds.
 */
import { sql, type Kysely } from 'kysely';
import type { TAuditIntegrity, TAuditIntegrityQuery } from '../../common/schemas/audit-integrity.ts';
import type { DB } from '../db/schema.ts';

type Break = NonNullable<TAuditIntegrity['firstBroken']>;

interface Totals {
  checked: number;
  head_seq: number | null;
  head_hash: string | null;
  bad_content: number | null;
  bad_link: number | null;
  first_missing: number | null;
}

function describeBreak(kind: Break['reason'], seq: number): string {
  switch (kind) {
    case 'missing':
      return `Thiếu sự kiện số ${seq}: sự kiện này đã bị xóa khỏi nhật ký (chuỗi không liền mạch).`;
    case 'content':
      return `Nội dung sự kiện số ${seq} đã bị sửa sau khi ghi: mã băm tính lại không khớp mã băm đã lưu.`;
    case 'link':
      if (seq === 1) return 'Sự kiện số 1 phải là đầu chuỗi (không trỏ tới sự kiện nào trước nó) nhưng đã bị sửa.';
      return `Mắt xích giữa sự kiện số ${seq - 1} và số ${seq} bị đứt: một trong hai sự kiện đã bị sửa và mã băm bị tính lại.`;
  }
}

/** The earliest break; at the same seq a gap is reported before a changed content, a changed content before a broken link. */
function firstBreak(t: Totals): Break | null {
  const candidates: Array<{ reason: Break['reason']; seq: number | null }> = [
    { reason: 'missing', seq: t.first_missing },
    { reason: 'content', seq: t.bad_content },
    { reason: 'link', seq: t.bad_link },
  ];
  let best: { reason: Break['reason']; seq: number } | null = null;
  for (const c of candidates) {
    if (c.seq !== null && (best === null || c.seq < best.seq)) best = { reason: c.reason, seq: c.seq };
  }
  return best ? { ...best, message: describeBreak(best.reason, best.seq) } : null;
}

async function checkAnchor(db: Kysely<DB>, seq: number, hash: string): Promise<NonNullable<TAuditIntegrity['anchor']>> {
  const row = await db.selectFrom('audit_event').select('hash').where('seq', '=', seq).executeTakeFirst();
  const expected = hash.toLowerCase();
  if (!row) {
    return {
      seq,
      hash: expected,
      found: false,
      matches: false,
      message: `Không còn sự kiện số ${seq} trong nhật ký: phần cuối nhật ký đã bị cắt bỏ sau khi mã niêm phong này được ghi lại.`,
    };
  }
  if (row.hash !== expected) {
    return {
      seq,
      hash: expected,
      found: true,
      matches: false,
      message: `Mã băm hiện tại của sự kiện số ${seq} khác mã niêm phong đã ghi lại: nhật ký đến sự kiện này đã bị viết lại.`,
    };
  }
  return {
    seq,
    hash: expected,
    found: true,
    matches: true,
    message: `Sự kiện số ${seq} vẫn mang đúng mã niêm phong đã ghi lại.`,
  };
}

/** PostgreSQL: two statements on one snapshot — the hashes in a plain aggregate it runs in parallel, the links over the seq index. */
async function totalsInOneSnapshot(db: Kysely<DB>): Promise<Totals> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    const content = await sql<Pick<Totals, 'checked' | 'bad_content'>>`
      select count(*)::bigint as checked,
             min(e.seq) filter (where e.hash is distinct from audit_event_hash(e)) as bad_content
        from audit_event e`.execute(trx);
    const links = await sql<Omit<Totals, 'checked' | 'bad_content'>>`
      select max(c.seq) as head_seq,
             max(c.hash) filter (where c.next_seq is null) as head_hash,
             min(c.seq) filter (where c.prev_hash is distinct from c.lag_hash) as bad_link,
             min(coalesce(c.lag_seq, 0) + 1) filter (where c.seq <> coalesce(c.lag_seq, 0) + 1) as first_missing
        from (select e.seq, e.hash, e.prev_hash,
                     lag(e.hash) over w as lag_hash, lag(e.seq) over w as lag_seq, lead(e.seq) over w as next_seq
                from audit_event e
              window w as (order by e.seq)) c`.execute(trx);
    return { ...content.rows[0]!, ...links.rows[0]! };
  });
}

const PAGE = 5_000;
const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * PGlite runs each statement on the server's own thread: one pass over a
 * million events would stall every request for half a minute. So the chain is
 * walked in pages of PAGE seqs (a range on the seq index), carrying the previous page's last seq
 * and hash into the next page's first link; other requests run between pages.
 * Up to the head seen at the start: events appended meanwhile are the next
 * check's, and those before it cannot change (the log is append-only).
 */
async function totalsInPages(db: Kysely<DB>, pageSize: number): Promise<Totals> {
  const { rows } = await sql<{ head_seq: number | null }>`select max(seq) as head_seq from audit_event`.execute(db);
  const headSeq = rows[0]?.head_seq === null || rows[0]?.head_seq === undefined ? null : Number(rows[0].head_seq);
  const totals: Totals = {
    checked: 0,
    head_seq: headSeq,
    head_hash: null,
    bad_content: null,
    bad_link: null,
    first_missing: null,
  };
  let last: { seq: number; hash: string | null } = { seq: 0, hash: null };
  while (headSeq !== null && last.seq < headSeq) {
    const page = await sql<{
      checked: number;
      bad_content: number | null;
      bad_link: number | null;
      first_missing: number | null;
      last_seq: number;
      last_hash: string;
    }>`
      select count(*)::int as checked,
             min(c.seq) filter (where c.hash is distinct from c.computed) as bad_content,
             min(c.seq) filter (where c.prev_hash is distinct from c.lag_hash) as bad_link,
             min(c.lag_seq + 1) filter (where c.seq <> c.lag_seq + 1) as first_missing,
             max(c.seq) as last_seq,
             max(c.hash) filter (where c.next_seq is null) as last_hash
        from (select p.seq, p.hash, p.prev_hash, p.computed,
                     lag(p.hash, 1, ${last.hash}::text) over w as lag_hash,
                     lag(p.seq, 1, ${last.seq}::bigint) over w as lag_seq,
                     lead(p.seq) over w as next_seq
                from (select e.seq, e.hash, e.prev_hash, audit_event_hash(e) as computed
                        from audit_event e where e.seq > ${last.seq} and e.seq <= ${Math.min(last.seq + pageSize, headSeq)}) p
              window w as (order by p.seq)) c`.execute(db);
    const r = page.rows[0]!;
    if (Number(r.checked) === 0) {
      // A whole page of seqs missing: the gap starts right after the last event seen; go on after it.
      totals.first_missing = minOf(totals.first_missing, last.seq + 1);
      last = { seq: Math.min(last.seq + pageSize, headSeq), hash: last.hash };
      continue;
    }
    totals.checked += Number(r.checked);
    totals.bad_content = minOf(totals.bad_content, r.bad_content === null ? null : Number(r.bad_content));
    totals.bad_link = minOf(totals.bad_link, r.bad_link === null ? null : Number(r.bad_link));
    totals.first_missing = minOf(totals.first_missing, r.first_missing === null ? null : Number(r.first_missing));
    last = { seq: Number(r.last_seq), hash: r.last_hash };
    // PGlite answers without ever leaving the microtask queue: step out, so waiting requests and timers run.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  totals.head_hash = last.hash;
  return totals;
}

const engines = new WeakMap<Kysely<DB>, Promise<'pglite' | 'postgres'>>();
function engineOf(db: Kysely<DB>): Promise<'pglite' | 'postgres'> {
  let engine = engines.get(db);
  if (!engine) {
    engine = sql<{ v: string }>`select version() as v`
      .execute(db)
      .then((r) => (r.rows[0]!.v.includes('PGlite') ? 'pglite' : 'postgres'));
    engines.set(db, engine);
  }
  return engine;
}

/**
 * Check the whole chain, optionally against an anchor written down earlier.
 * On PostgreSQL in one snapshot, 2.5× faster than one statement doing both
 * checks; on PGlite page by page, so the server keeps answering meanwhile
 * (bench/audit-bench.ts). `options` force either way (tests).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  query: TAuditIntegrityQuery = {},
  options: { paged?: boolean; pageSize?: number } = {},
): Promise<TAuditIntegrity> {
  const started = performance.now();
  const paged = options.paged ?? (await engineOf(db)) === 'pglite';
  const totals = paged ? await totalsInPages(db, options.pageSize ?? PAGE) : await totalsInOneSnapshot(db);
  const anchor =
    query.anchorSeq !== undefined && query.anchorHash !== undefined
      ? await checkAnchor(db, query.anchorSeq, query.anchorHash)
      : null;
  const firstBroken = firstBreak(totals);
  return {
    ok: firstBroken === null && (anchor === null || anchor.matches),
    checked: Number(totals.checked),
    firstBroken,
    head: totals.head_seq === null ? null : { seq: Number(totals.head_seq), hash: totals.head_hash! },
    anchor,
    checkedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}
