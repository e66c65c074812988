/**
 * Who may read (download, or attach again) a stored file: whoever uploaded
 * it, or whoever may read something it is attached to — a document, a
 * registry event, a periodic report, a monitoring note, a honours proposal
 * or a candidate's achievement report (also for the council members voting
 * on it). One predicate, used
 * by GET /files/:id and by every command that attaches files; a new kind of
 * attachment adds its branch here.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { proposalVisible } from '../honours/policy.ts';
import { entryReadable } from '../registry/entry-scope.ts';

type Column = Expression<unknown> | RawBuilder<unknown>;

export function fileReadable(actor: Actor, fileIdColumn: Column, uploaderColumn: Column): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${uploaderColumn} = ${actor.userId}
    or exists (select 1 from document d where d.file_id = ${fileIdColumn} and ${unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id'))})
    or exists (select 1 from registry_event_file ef join registry_event ev on ev.id = ef.event_id join registry_entry en on en.id = ev.entry_id
      where ef.file_id = ${fileIdColumn} and ${entryReadable(actor, sql.ref('en.id'), sql.ref('en.owner_unit_id'))})
    or exists (select 1 from period_report_file rf join period_report pr on pr.id = rf.report_id join registry_entry en on en.id = pr.entry_id
      where rf.file_id = ${fileIdColumn} and ${entryReadable(actor, sql.ref('en.id'), sql.ref('en.owner_unit_id'))})
    or exists (select 1 from monitor_note_file nf join monitor_note mn on mn.id = nf.note_id join registry_entry en on en.id = mn.entry_id
      where nf.file_id = ${fileIdColumn} and ${entryReadable(actor, sql.ref('en.id'), sql.ref('en.owner_unit_id'))})
    or exists (select 1 from honour_proposal_file hf join honour_proposal hp on hp.id = hf.proposal_id
      where hf.file_id = ${fileIdColumn} and ${proposalVisible(actor, sql.ref('hp.proposer_unit_id'), sql.ref('hp.status'))})
    or exists (select 1 from honour_candidate hc join honour_proposal hp on hp.id = hc.proposal_id
      where hc.achievement_file_id = ${fileIdColumn} and (${proposalVisible(actor, sql.ref('hp.proposer_unit_id'), sql.ref('hp.status'))}
        or exists (select 1 from council_agenda ca join council_member cm on cm.session_id = ca.session_id where ca.candidate_id = hc.id and cm.user_id = ${actor.userId}))))`;
}
