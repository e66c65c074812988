/** Small shared pieces of the evaluation pages: the met / not met tag, a criterion's target, a reported value. */
import { Tag } from 'antd';
import type { TEvaluationCriterion } from '../../api/evaluation.ts';
import { t } from '../../i18n/index.ts';

export function MetTag({ met, testId }: { met: boolean | null; testId?: string }) {
  if (met === true)
    return (
      <Tag color="green" data-testid={testId}>
        {t('evaluation.met')}
      </Tag>
    );
  if (met === false)
    return (
      <Tag color="red" data-testid={testId}>
        {t('evaluation.notMet')}
      </Tag>
    );
  return <Tag data-testid={testId}>{t('evaluation.cannotPropose')}</Tag>;
}

export function criterionTarget(c: Pick<TEvaluationCriterion, 'rule' | 'target' | 'measure' | 'scaleMax'>): string {
  const unit = c.measure === 'percent' ? '%' : '';
  const scale = c.measure === 'score' && c.scaleMax !== null ? t('evaluation.target.scale', { max: c.scaleMax }) : '';
  switch (c.rule) {
    case 'yes':
      return t('evaluation.target.yes');
    case 'gte':
      return `${t('evaluation.target.gte', { target: `${c.target ?? ''}${unit}` })}${scale}`;
    case 'lte':
      return `${t('evaluation.target.lte', { target: `${c.target ?? ''}${unit}` })}${scale}`;
    default:
      return t('evaluation.target.none');
  }
}

export function valueText(c: Pick<TEvaluationCriterion, 'value' | 'measure'>): string {
  if (c.value === null) return t('evaluation.value.missing');
  if (typeof c.value === 'boolean') return c.value ? t('evaluation.value.yes') : t('evaluation.value.no');
  if (typeof c.value === 'number') return `${c.value.toLocaleString('vi-VN')}${c.measure === 'percent' ? '%' : ''}`;
  return c.value;
}
