/** Hồ sơ chờ thẩm định: candidates of proposals sent to the units the actor reviews, one page. */
import type { Kysely } from 'kysely';
import type { TCandidate } from '../../../common/schemas/honours-flow.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { presentCandidates } from '../candidate-presenter.ts';
import { withLiveDossier } from './presenter.ts';
import { findQueue, type QueueFilter } from './queries.ts';

export async function reviewQueuePage(db: Kysely<DB>, actor: Actor, filter: QueueFilter) {
  const { rows, total } = await findQueue(db, actor, filter);
  const candidates = await withLiveDossier(
    db,
    await presentCandidates(
      db,
      rows.map((r) => r.id),
    ),
    () => false,
  );
  const byId = new Map<number, TCandidate>(candidates.map((c) => [c.id, c]));
  const items = rows.flatMap((r) => {
    const c = byId.get(r.id);
    return c
      ? [
          {
            ...c,
            proposerUnit: { id: r.proposer_unit_id, name: r.proposer_name },
            round: { id: r.round_id, name: r.round_name },
          },
        ]
      : [];
  });
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}
