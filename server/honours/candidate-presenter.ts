/**
 * Candidates (honour_candidate) as the API shows them, loaded set-based for
 * any list of ids: a proposal's candidates, a council's agenda, a review
 * queue page. Callers decide visibility before calling.
 */
import type { Kysely } from 'kysely';
import type { TCandidate } from '../../common/schemas/honours-flow.ts';
import type { DB } from '../db/schema.ts';
import { latestUnitName } from '../lib/sql-text.ts';

function asArray<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      return [];
    }
  }
  return [];
}

/** Candidates by id, in the order given (ids not found are skipped). */
export async function presentCandidates(db: Kysely<DB>, ids: readonly number[]): Promise<TCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('honour_candidate as c')
    .innerJoin('award_form as af', 'af.id', 'c.award_form_id')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('registry_entry as e', 'e.id', 'c.entry_id')
    .leftJoin('stored_file as f', 'f.id', 'c.achievement_file_id')
    .leftJoin('app_user as ru', 'ru.id', 'c.reviewed_by')
    .leftJoin('honour as h', (j) => j.onRef('h.candidate_id', '=', 'c.id'))
    .select([
      'c.id',
      'c.proposal_id',
      'c.award_form_id',
      'af.name as award_name',
      'c.subject',
      'c.unit_id',
      latestUnitName('c.unit_id').as('unit_name'),
      'c.person_id',
      'p.full_name as person_name',
      'c.entry_id',
      'e.name as entry_name',
      'c.display_name',
      'c.position',
      'c.achievement',
      'f.id as file_id',
      'f.original_name as file_name',
      'f.size_bytes as file_size',
      'c.evaluation',
      'c.flags',
      'c.status',
      'c.return_reason',
      'c.reviewed_at',
      'ru.full_name as reviewed_by_name',
      'c.source_candidate_id',
      'h.id as honour_id',
      'c.revision',
    ])
    .where('c.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: TCandidate[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    out.push({
      id: r.id,
      proposalId: r.proposal_id,
      awardForm: { id: r.award_form_id, name: r.award_name },
      subject: r.subject,
      unit: { id: r.unit_id, name: r.unit_name },
      person: r.person_id !== null ? { id: r.person_id, name: r.person_name ?? r.display_name } : null,
      entry: r.entry_id !== null ? { id: r.entry_id, name: r.entry_name ?? '' } : null,
      displayName: r.display_name,
      position: r.position,
      achievement: r.achievement,
      achievementFile:
        r.file_id !== null
          ? { id: r.file_id, name: r.file_name ?? '', sizeBytes: Number(r.file_size ?? 0), caption: null }
          : null,
      evaluation: asArray(r.evaluation),
      flags: asArray(r.flags),
      status: r.status,
      returnReason: r.return_reason,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      reviewedBy: r.reviewed_by_name ?? null,
      sourceCandidateId: r.source_candidate_id,
      honourId: r.honour_id ?? null,
      revision: r.revision,
    });
  }
  return out;
}
