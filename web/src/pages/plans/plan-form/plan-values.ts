/** The plan form's values: what a plan becomes in the form, what the form sends back, and the checks across fields. */
import {
  ZCreatePlanBody,
  ZPhaseInput,
  ZTargetInput,
  phaseIssues,
  targetIssues,
  type PhaseKind,
  type TargetMeasure,
  type TargetSubject,
} from '@common/schemas/plans.ts';
import type { TPlan, TUpdatePlanBody } from '../../../api/types.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';

export interface PhaseValues {
  id?: number;
  name: string;
  kind: PhaseKind;
  startsOn: string | null;
  endsOn: string | null;
  reviewOn: string | null;
}

export interface TargetValues {
  id?: number;
  subject: TargetSubject;
  levelId: number | null;
  fieldId: number | null;
  value: number | null;
  measure: TargetMeasure;
  description: string | null;
}

export interface Values {
  ownerUnitId: number | null;
  title: string;
  documentId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  note: string | null;
  phases: PhaseValues[];
  targets: TargetValues[];
}

export const rules = {
  title: [zodRule(ZCreatePlanBody.shape.title)],
  note: [zodRule(ZCreatePlanBody.shape.note)],
  phaseName: [zodRule(ZPhaseInput.shape.name)],
  targetDescription: [zodRule(ZTargetInput.shape.description)],
};

export const dateRequired = [{ required: true, message: t('plans.form.dateRequired') }];

export function phasesOut(values: Values) {
  return (values.phases ?? []).map((p) => ({
    ...(p.id ? { id: p.id } : {}),
    name: p.name?.trim() ?? '',
    kind: p.kind,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    reviewOn: p.reviewOn ?? null,
  }));
}

export function targetsOut(values: Values) {
  return (values.targets ?? []).map((x) => ({
    ...(x.id ? { id: x.id } : {}),
    subject: x.subject,
    levelId: x.levelId ?? null,
    fieldId: x.fieldId ?? null,
    value: x.value ?? 0,
    measure: x.measure,
    description: x.description?.trim() || null,
  }));
}

export function fromPlan(plan: TPlan): Values {
  return {
    ownerUnitId: plan.ownerUnitId,
    title: plan.title,
    documentId: plan.document?.id ?? null,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    note: plan.note,
    phases: plan.phases.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      reviewOn: p.reviewOn,
    })),
    targets: plan.targets.map((x) => ({
      id: x.id,
      subject: x.subject,
      levelId: x.levelId,
      fieldId: x.fieldId,
      value: x.value,
      measure: x.measure,
      description: x.description,
    })),
  };
}

/** A new plan's form (a fresh object each time: the form keeps what it is given). */
export const emptyPlan = (): Values => ({
  ownerUnitId: null,
  title: '',
  documentId: null,
  startsOn: null,
  endsOn: null,
  note: null,
  phases: [],
  targets: [],
});

/** Everything the shared rules find wrong across fields and rows, as form errors. */
export function crossIssues(values: Values): { name: (string | number)[]; errors: string[] }[] {
  const out: { name: (string | number)[]; errors: string[] }[] = [];
  if (values.startsOn && values.endsOn) {
    if (values.endsOn < values.startsOn) out.push({ name: ['endsOn'], errors: [t('plans.form.endBeforeStart')] });
    else
      for (const issue of phaseIssues({ startsOn: values.startsOn, endsOn: values.endsOn }, phasesOut(values)))
        out.push({ name: issue.path, errors: [issue.message] });
  }
  (values.phases ?? []).forEach((p, i) => {
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
      out.push({ name: ['phases', i, 'endsOn'], errors: [t('plans.form.phaseEndBeforeStart')] });
  });
  for (const issue of targetIssues(targetsOut(values))) out.push({ name: issue.path, errors: [issue.message] });
  return out;
}

/** What changed against the plan being edited: only those fields are sent, phases and targets as whole sets. */
export function planChanges(editing: TPlan, values: Values): TUpdatePlanBody {
  const before = fromPlan(editing);
  const body: TUpdatePlanBody = { revision: editing.revision };
  if (values.title.trim() !== editing.title) body.title = values.title;
  if ((values.documentId ?? null) !== (editing.document?.id ?? null)) body.documentId = values.documentId ?? null;
  if (values.startsOn !== editing.startsOn) body.startsOn = values.startsOn!;
  if (values.endsOn !== editing.endsOn) body.endsOn = values.endsOn!;
  if ((values.note?.trim() || null) !== editing.note) body.note = values.note ?? null;
  if (JSON.stringify(phasesOut(values)) !== JSON.stringify(phasesOut(before))) body.phases = phasesOut(values);
  if (JSON.stringify(targetsOut(values)) !== JSON.stringify(targetsOut(before))) body.targets = targetsOut(values);
  return body;
}
