/**
 * Kỷ luật: the disciplines of a person (in force from the decision until the
 * end of its term, or without end), so that candidates for an honour who are
 * under discipline are flagged (server/honours/proposals/dossier.ts).
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import type { ZDiscipline, ZDisciplineBody } from '../../common/schemas/honours-discipline.ts';
import type { z } from '../../common/zod-setup.ts';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { assertDocumentUsable } from '../registry/entry-record.ts';
import type { PersonView } from './queries.ts';

type TDiscipline = z.infer<typeof ZDiscipline>;

/** A person's disciplines, newest first. The caller checked the person is readable. */
export async function disciplinesOfPerson(
  db: Kysely<DB>,
  personId: number,
  today = todayInVietnam(),
): Promise<TDiscipline[]> {
  const rows = await db
    .selectFrom('discipline_record as r')
    .leftJoin('document as d', 'd.id', 'r.document_id')
    .select([
      'r.id',
      'r.form',
      'r.reason',
      sql<string>`r.decided_on::text`.as('decided_on'),
      sql<string | null>`r.until_on::text`.as('until_on'),
      'd.id as document_id',
      'd.symbol',
      sql<string | null>`d.issued_on::text`.as('issued_on'),
      'd.summary',
    ])
    .where('r.person_id', '=', personId)
    .orderBy('r.decided_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    form: r.form,
    reason: r.reason,
    decidedOn: r.decided_on,
    untilOn: r.until_on,
    document:
      r.document_id !== null
        ? { id: r.document_id, symbol: r.symbol ?? '', issuedOn: r.issued_on ?? '', summary: r.summary ?? '' }
        : null,
    active: r.decided_on <= today && (r.until_on === null || r.until_on >= today),
  }));
}

/** The caller loaded the person with people.write on its unit. Returns the new record's id. */
export async function recordDiscipline(
  db: Kysely<DB>,
  ctx: RequestContext,
  person: PersonView,
  input: z.infer<typeof ZDisciplineBody>,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await assertDocumentUsable(trx, ctx, input.documentId);
    const { id } = await trx
      .insertInto('discipline_record')
      .values({
        person_id: person.id,
        form: input.form,
        reason: input.reason,
        decided_on: input.decidedOn,
        until_on: input.untilOn,
        document_id: input.documentId,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'discipline.recorded',
      entityType: 'discipline_record',
      entityId: id,
      unitId: person.unit_id,
      summary: `Ghi nhận kỷ luật "${input.form}" đối với "${person.full_name}" từ ngày ${formatDateVi(input.decidedOn)}${input.untilOn ? ` đến ngày ${formatDateVi(input.untilOn)}` : ''}`,
      after: { personId: person.id, ...input },
    });
    return id;
  });
}
