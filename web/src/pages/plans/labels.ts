import type { PhaseKind, PlanStatus, TargetMeasure, TargetSubject } from '@common/schemas/plans.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const phaseKindLabel = (kind: PhaseKind) => t(`plans.phaseKind.${kind}` as MessageKey);
export const subjectLabel = (subject: TargetSubject) => t(`plans.subject.${subject}` as MessageKey);
export const measureLabel = (measure: TargetMeasure) => t(`plans.measure.${measure}` as MessageKey);
export const planStatusLabel = (status: PlanStatus) => t(`plans.status.${status}` as MessageKey);
export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { active: 'green', closed: 'default' };
