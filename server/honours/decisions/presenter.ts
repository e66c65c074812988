/** Honours (khen thưởng) as the API shows them. */
import type { THonour } from '../../../common/schemas/honours-decisions.ts';
import type { Actor } from '../../lib/context.ts';
import { canReview } from '../policy.ts';
import type { HonourRow } from './queries.ts';

/**
 * Who granted it, in words: the grantor unit's name as it is (e.g. "Đảng ủy
 * Khối các cơ quan tỉnh" — not every unit has a standing committee, so no
 * "Ban Thường vụ" is added), or the outside body.
 */
export function grantorText(r: Pick<HonourRow, 'grantor_name' | 'external_body'>): string {
  return r.external_body ?? r.grantor_name ?? '';
}

export function presentHonour(actor: Actor, r: HonourRow): THonour {
  return {
    id: r.id,
    awardForm: { id: r.award_form_id, name: r.award_name },
    subject: r.subject,
    unit: { id: r.unit_id, name: r.unit_name },
    person: r.person_id !== null ? { id: r.person_id, name: r.person_name ?? r.display_name } : null,
    entry: r.entry_id !== null ? { id: r.entry_id, name: r.entry_name ?? '' } : null,
    displayName: r.display_name,
    position: r.position,
    achievement: r.achievement,
    grantor: grantorText(r),
    grantorUnit: r.grantor_unit_id !== null ? { id: r.grantor_unit_id, name: r.grantor_name ?? '' } : null,
    externalBody: r.external_body,
    decision: {
      id: r.decision_document_id,
      symbol: r.decision_symbol,
      issuedOn: r.decision_issued_on,
      summary: r.decision_summary,
      signer: r.decision_signer,
    },
    decidedOn: r.decided_on,
    round: r.round_id !== null ? { id: r.round_id, name: r.round_name ?? '' } : null,
    candidateId: r.candidate_id,
    status: r.status,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
    revokeDocument:
      r.revoke_document_id !== null
        ? {
            id: r.revoke_document_id,
            symbol: r.revoke_symbol ?? '',
            issuedOn: r.revoke_issued_on ?? '',
            summary: r.revoke_summary ?? '',
          }
        : null,
    revision: r.revision,
    abilities: { revoke: r.status === 'active' && canReview(actor, { id: r.owner_unit_id, path: r.owner_path }) },
  };
}
