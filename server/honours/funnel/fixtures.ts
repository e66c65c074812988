/** Direct inserts for funnel and disclosure tests: honours (any grantor, round, state) and a decision document. */
import type { Kysely } from 'kysely';
import { ZDocument } from '../../../common/schemas/documents.ts';
import type { DB } from '../../db/schema.ts';
import { documentBody } from '../../documents/test-helpers.ts';
import { expectOk, type Session } from '../../test/harness.ts';
import { honoureeSearchText, honoureeSortKey } from '../honouree.ts';

/** A decision registered through the API by `operator` for `ownerUnitId`. */
export async function registerDecision(
  operator: Session,
  ownerUnitId: number,
  symbol: string,
  issuedOn: string,
): Promise<number> {
  const r = await operator.post(
    '/api/v1/documents',
    documentBody(ownerUnitId, { symbol, issuedOn, summary: 'Về việc khen thưởng tập thể, cá nhân' }),
  );
  return expectOk(r, ZDocument, 201).id;
}

export async function insertHonour(
  db: Kysely<DB>,
  o: {
    awardFormId: number;
    unitId: number;
    personId?: number | null;
    displayName: string;
    grantorUnitId?: number | null;
    externalBody?: string | null;
    ownerUnitId: number;
    documentId: number;
    decidedOn: string;
    roundId?: number | null;
    candidateId?: number | null;
    revoked?: boolean;
  },
): Promise<number> {
  const subject = o.personId ? 'individual' : 'collective';
  const row = await db
    .insertInto('honour')
    .values({
      award_form_id: o.awardFormId,
      subject,
      unit_id: o.unitId,
      person_id: o.personId ?? null,
      display_name: o.displayName,
      grantor_unit_id: o.externalBody ? null : (o.grantorUnitId ?? null),
      external_body: o.externalBody ?? null,
      owner_unit_id: o.ownerUnitId,
      decision_document_id: o.documentId,
      decided_on: o.decidedOn,
      round_id: o.roundId ?? null,
      candidate_id: o.candidateId ?? null,
      status: o.revoked ? 'revoked' : 'active',
      revoked_on: o.revoked ? o.decidedOn : null,
      revoke_reason: o.revoked ? 'Thu hồi do kê khai không đúng thành tích' : null,
      search_text: honoureeSearchText(o.displayName),
      sort_key: honoureeSortKey(subject, o.displayName),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
