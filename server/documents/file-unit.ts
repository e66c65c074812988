/**
 * The org unit a stored file belongs to, for filing its download in the audit
 * log (who may read that entry): the owner of the first thing it is attached
 * to — a document, a registry entry (through an event, a periodic report or a
 * monitoring note), a honours proposal or a candidate's achievement report.
 * Null when it is attached to nothing yet (only its uploader could download it).
 * The same attachments as file-access.ts, in the same order.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function storedFileUnit(db: Kysely<DB>, fileId: number): Promise<number | null> {
  const { rows } = await sql<{ unit_id: number | null }>`
    select coalesce(
      (select d.owner_unit_id from document d where d.file_id = ${fileId} order by d.id limit 1),
      (select en.owner_unit_id from registry_event_file ef join registry_event ev on ev.id = ef.event_id join registry_entry en on en.id = ev.entry_id
        where ef.file_id = ${fileId} order by ev.id limit 1),
      (select en.owner_unit_id from period_report_file rf join period_report pr on pr.id = rf.report_id join registry_entry en on en.id = pr.entry_id
        where rf.file_id = ${fileId} order by pr.id limit 1),
      (select en.owner_unit_id from monitor_note_file nf join monitor_note mn on mn.id = nf.note_id join registry_entry en on en.id = mn.entry_id
        where nf.file_id = ${fileId} order by mn.id limit 1),
      (select hp.proposer_unit_id from honour_proposal_file hf join honour_proposal hp on hp.id = hf.proposal_id
        where hf.file_id = ${fileId} order by hp.id limit 1),
      (select hp.proposer_unit_id from honour_candidate hc join honour_proposal hp on hp.id = hc.proposal_id
        where hc.achievement_file_id = ${fileId} order by hc.id limit 1)
    ) as unit_id`.execute(db);
  return rows[0]?.unit_id ?? null;
}
