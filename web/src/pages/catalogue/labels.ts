import type { CriterionMeasure, CriterionRule, FieldAppliesTo } from '@common/schemas/catalogue.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const measureLabel = (m: CriterionMeasure) => t(`catalogue.measure.${m}` as MessageKey);
export const ruleLabel = (r: CriterionRule) => t(`catalogue.rule.${r}` as MessageKey);
export const appliesToLabel = (a: FieldAppliesTo) => t(`catalogue.appliesTo.${a}` as MessageKey);
