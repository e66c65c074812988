/** The registration form's values: an entry as the form holds it, and what the form sends (a registration, or the changes). */
import { ZRegisterEntryBody } from '@common/schemas/registry.ts';
import type { EntryKind, TEntryDetail, TCreateEntryBody, TUpdateEntryBody } from '../../../../api/types.ts';
import { today } from '../../../../lib/dates.ts';
import { zodRule } from '../../../../lib/zod-rule.ts';

export interface Values {
  kind: EntryKind;
  /** A model's owner unit; for an exemplar, the unit to find the person in (the owner is the person's unit). */
  ownerUnitId: number | null;
  personId: number | null;
  name: string | null;
  position: string | null;
  partyUnitId: number | null;
  fieldId: number | null;
  planId: number | null;
  levelId: number | null;
  responsibleUnitId: number | null;
  startedOn: string | null;
  content: string | null;
  goals: string | null;
  commitments: string | null;
  replicatesId: number | null;
  acceptNow: boolean;
  acceptDate: string | null;
  acceptDocumentId: number | null;
}

const shape = ZRegisterEntryBody.shape;
export const rules = {
  name: [zodRule(shape.name)],
  content: [zodRule(shape.content)],
  goals: [zodRule(shape.goals)],
  commitments: [zodRule(shape.commitments)],
  position: [zodRule(shape.position)],
};

export const TEXT_MAX = { content: 10000, goals: 5000, commitments: 5000 } as const;

/** The API names the single registration's fields `entry.<field>` and the acceptance's `accept.<field>`. */
export function formField(kind: EntryKind) {
  return (field: string) => {
    const name = field.replace(/^entry\./, '');
    if (name === 'accept.effectiveDate' || name === 'effectiveDate') return 'acceptDate';
    if (name === 'accept.documentId' || name === 'documentId') return 'acceptDocumentId';
    if (kind === 'exemplar' && name === 'ownerUnitId') return 'personId';
    return name;
  };
}

export const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function changes(entry: TEntryDetail, v: Values): TUpdateEntryBody {
  const body: TUpdateEntryBody = { revision: entry.revision };
  if (entry.kind === 'model' && blank(v.name) && blank(v.name) !== entry.name) body.name = blank(v.name)!;
  if (blank(v.content) !== entry.content) body.content = blank(v.content);
  if (blank(v.goals) !== entry.goals) body.goals = blank(v.goals);
  if (blank(v.commitments) !== entry.commitments) body.commitments = blank(v.commitments);
  if (entry.kind === 'exemplar' && blank(v.position) !== entry.position) body.position = blank(v.position);
  if ((v.partyUnitId ?? null) !== (entry.partyUnit?.id ?? null)) body.partyUnitId = v.partyUnitId ?? null;
  if (v.fieldId && v.fieldId !== entry.field.id) body.fieldId = v.fieldId;
  if ((v.planId ?? null) !== (entry.planId ?? null)) body.planId = v.planId ?? null;
  if (v.levelId && v.levelId !== entry.level.id) body.levelId = v.levelId;
  if ((v.responsibleUnitId ?? null) !== (entry.responsibleUnit?.id ?? null))
    body.responsibleUnitId = v.responsibleUnitId ?? null;
  if ((v.startedOn ?? null) !== (entry.startedOn ?? null)) body.startedOn = v.startedOn ?? null;
  if ((v.replicatesId ?? null) !== (entry.replicates?.id ?? null)) body.replicatesId = v.replicatesId ?? null;
  return body;
}

/** The form of a registration being edited. */
export const fromEntry = (entry: TEntryDetail): Values => ({
  kind: entry.kind,
  ownerUnitId: entry.ownerUnit.id,
  personId: entry.person?.id ?? null,
  name: entry.name,
  position: entry.position,
  partyUnitId: entry.partyUnit?.id ?? null,
  fieldId: entry.field.id,
  planId: entry.planId,
  levelId: entry.level.id,
  responsibleUnitId: entry.responsibleUnit?.id ?? null,
  startedOn: entry.startedOn,
  content: entry.content,
  goals: entry.goals,
  commitments: entry.commitments,
  replicatesId: entry.replicates?.id ?? null,
  acceptNow: false,
  acceptDate: null,
  acceptDocumentId: null,
});

/** The form of a new registration; the usual level is filled in when the level list has arrived. */
export const newEntry = (kind: EntryKind, levelId: number | null): Values => ({
  kind,
  ownerUnitId: null,
  personId: null,
  name: null,
  position: null,
  partyUnitId: null,
  fieldId: null,
  planId: null,
  levelId,
  responsibleUnitId: null,
  startedOn: null,
  content: null,
  goals: null,
  commitments: null,
  replicatesId: null,
  acceptNow: false,
  acceptDate: today(),
  acceptDocumentId: null,
});

/** A new registration: a model's or an exemplar's fields, sent for approval or put on the list at once. */
export function registration(values: Values, mode: 'draft' | 'submit'): TCreateEntryBody {
  const model = values.kind === 'model';
  return {
    entry: {
      kind: values.kind,
      name: model ? blank(values.name) : null,
      content: blank(values.content),
      goals: model ? blank(values.goals) : null,
      commitments: blank(values.commitments),
      ownerUnitId: model ? values.ownerUnitId : null,
      personId: model ? null : values.personId,
      position: model ? null : blank(values.position),
      partyUnitId: model ? null : values.partyUnitId,
      fieldId: values.fieldId!,
      planId: values.planId,
      levelId: values.levelId!,
      responsibleUnitId: values.responsibleUnitId,
      startedOn: values.startedOn,
      replicatesId: model ? values.replicatesId : null,
    },
    submit: mode === 'submit' && !values.acceptNow,
    accept: values.acceptNow ? { effectiveDate: values.acceptDate!, documentId: values.acceptDocumentId } : null,
  };
}
