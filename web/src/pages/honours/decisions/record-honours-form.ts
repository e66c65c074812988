/** The values of "Ghi nhận khen thưởng của đơn vị" and the rules its rows follow. */
import { ROLE_ACTIONS, ROLE_REACH } from '@common/roles.ts';
import type { HonourSubject } from '../../../api/honours-council.ts';
import type { TAwardForm } from '../../../api/honours.ts';
import type { TMe, TPerson } from '../../../api/types.ts';

/** How a row names its recipient: a person, a unit, or a registry entry (model or exemplar). */
export type PickBy = 'person' | 'unit' | 'entry';

export interface RowValues {
  subject: HonourSubject;
  pickBy: PickBy;
  personId: number | null;
  unitId: number | null;
  entryId: number | null;
  awardFormId: number | null;
  achievement: string;
}

export interface RecordValues {
  grantorUnitId: number | null;
  roundId: number | null;
  symbol: string;
  issuedOn: string;
  signer: string;
  summary: string;
  fileId: number | null;
  recipients: RowValues[];
}

export type KnownPerson = Pick<TPerson, 'id' | 'fullName' | 'position' | 'unitName'>;

/**
 * Units where the user may review honours (honours.review): a "subtree" grant
 * reaches the unit and everything under it, a "unit" grant the unit only. The
 * server decides; this only narrows the list.
 */
export function mayReviewIn(me: TMe | null | undefined, unit: { id: number; path: string }): boolean {
  if (!me) return false;
  if (me.isSystemAdmin) return true;
  const labels = unit.path.split('.');
  return me.grants.some((g) => {
    if (!ROLE_ACTIONS[g.role].includes('honours.review')) return false;
    return ROLE_REACH[g.role] === 'subtree' ? labels.includes(String(g.unitId)) : g.unitId === unit.id;
  });
}

export const emptyRow = (subject: HonourSubject = 'individual', awardFormId: number | null = null): RowValues => ({
  subject,
  pickBy: subject === 'individual' ? 'person' : 'unit',
  personId: null,
  unitId: null,
  entryId: null,
  awardFormId,
  achievement: '',
});

/** A row that names someone (the others are blank rows left from typing). */
export const hasPick = (r: RowValues | undefined) =>
  !!r && !!(r.pickBy === 'person' ? r.personId : r.pickBy === 'unit' ? r.unitId : r.entryId);

/** The award forms a subject may receive, as select options. */
export const awardOptionsFor = (activeForms: readonly TAwardForm[], subject: HonourSubject) =>
  activeForms.filter((f) => f.subject === 'both' || f.subject === subject).map((f) => ({ value: f.id, label: f.name }));
