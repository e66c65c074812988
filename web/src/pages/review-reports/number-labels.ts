/** Readable labels for the override keys of a review report (the API's `numbers`), built from the figures. */
import type { ReviewFigures } from '../../api/review-reports.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

const KIND: Record<string, MessageKey> = {
  models: 'reviewReports.kindWord.model',
  exemplars: 'reviewReports.kindWord.exemplar',
  model: 'reviewReports.kindWord.model',
  exemplar: 'reviewReports.kindWord.exemplar',
};

export function numberLabel(key: string, figures: ReviewFigures): string {
  const level = (id: string) => figures.levels.find((l) => String(l.id) === id)?.name ?? id;
  const field = (id: string) => figures.criteria.find((c) => String(c.fieldId) === id)?.fieldName ?? id;
  const bucket = (b: string) => t(`reviewReports.movement.${b}` as MessageKey);
  const measure = (m: string) => t(`reviewReports.measure.${m}` as MessageKey);
  const p = key.split('.');
  const kind = KIND[p[0] ?? ''] ? t(KIND[p[0]!]!) : '';
  if ((p[0] === 'models' || p[0] === 'exemplars') && p[1] === 'end' && p.length === 2)
    return t('reviewReports.numberLabel.total', { kind });
  if ((p[0] === 'models' || p[0] === 'exemplars') && p[1] === 'level' && p.length === 4)
    return t('reviewReports.numberLabel.level', { kind, level: level(p[2]!) });
  if ((p[0] === 'models' || p[0] === 'exemplars') && p[1] === 'movement' && p.length === 3)
    return t('reviewReports.numberLabel.movement', { kind, bucket: bucket(p[2]!) });
  if ((p[0] === 'models' || p[0] === 'exemplars') && p[1] === 'movement' && p[2] === 'level' && p.length === 5)
    return t('reviewReports.numberLabel.movementLevel', { kind, level: level(p[3]!), bucket: bucket(p[4]!) });
  if (p[0] === 'criteria' && p.length === 5)
    return t('reviewReports.numberLabel.criteriaField', {
      kind: t(KIND[p[1]!] ?? 'reviewReports.kindWord.model'),
      level: level(p[2]!),
      field: field(p[3]!),
      measure: measure(p[4]!),
    });
  if (p[0] === 'criteria' && p.length === 4)
    return t('reviewReports.numberLabel.criteriaLevel', {
      kind: t(KIND[p[1]!] ?? 'reviewReports.kindWord.model'),
      level: level(p[2]!),
      measure: measure(p[3]!),
    });
  if (p[0] === 'exemplars' && p[1] === 'upper')
    return t('reviewReports.numberLabel.upper', { measure: measure(p[2] ?? '') });
  if (p[0] === 'grassroots' && p[1] === 'field')
    return t('reviewReports.numberLabel.grassField', { field: field(p[2] ?? ''), measure: measure(p[3] ?? '') });
  if (p[0] === 'grassroots' && p[1] === 'models')
    return t('reviewReports.numberLabel.grassModels', { measure: measure(p[2] ?? '') });
  if (p[0] === 'grassroots' && p[1] === 'exemplars') return t('reviewReports.numberLabel.grassExemplars');
  return key;
}
