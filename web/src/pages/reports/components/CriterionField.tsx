/**
 * One criterion of the report: its code and title, the requirement, the input
 * its measure asks for (Có/Không, a number, a percentage, a score up to the
 * scale, or text), a comment, whether it is met, and — when the report was
 * returned or the server refused it — the note next to it.
 */
import { Alert, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { isCriterionMet } from '@common/criterion-rules.ts';
import type { TReportCriterion } from '../../../api/reporting.ts';
import { t } from '../../../i18n/index.ts';
import { formatValue } from '../labels.ts';

export type CriterionValue = boolean | number | string | null;

export function requirement(c: TReportCriterion): string {
  if (c.rule === 'yes') return t('reporting.criterion.requireYes');
  if (c.rule === 'gte' && c.target !== null)
    return t('reporting.criterion.requireGte', { target: formatValue(c.target, c.measure) });
  if (c.rule === 'lte' && c.target !== null)
    return t('reporting.criterion.requireLte', { target: formatValue(c.target, c.measure) });
  return t('reporting.criterion.requireNone');
}

export function MetIndicator({ met }: { met: boolean | null }) {
  if (met === null)
    return (
      <Tag icon={<MinusCircleOutlined />} data-testid="criterion-met" data-met="none">
        {t('reporting.criterion.notJudged')}
      </Tag>
    );
  return met ? (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="criterion-met" data-met="true">
      {t('reporting.criterion.met')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled />} data-testid="criterion-met" data-met="false">
      {t('reporting.criterion.notMet')}
    </Tag>
  );
}

interface Props {
  criterion: TReportCriterion;
  depth: number;
  value: CriterionValue;
  comment: string;
  readOnly: boolean;
  /** The operator's note when the report was returned. */
  note?: string;
  /** The server's message when submitting (e.g. a missing value). */
  error?: string;
  onChange: (patch: { value?: CriterionValue; comment?: string }) => void;
}

export function CriterionField({ criterion: c, depth, value, comment, readOnly, note, error, onChange }: Props) {
  // Judged as the server judges it when the report is saved: one rule, in common/.
  const met = isCriterionMet(c, value);
  const numeric = typeof value === 'number' ? value : null;
  let input: React.ReactNode;
  switch (c.measure) {
    case 'boolean':
      input = (
        <Radio.Group
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => onChange({ value: e.target.value as boolean })}
          disabled={readOnly}
          data-testid="criterion-input"
          options={[
            { value: true, label: <span data-testid="criterion-yes">{t('common.yes')}</span> },
            { value: false, label: <span data-testid="criterion-no">{t('common.no')}</span> },
          ]}
        />
      );
      break;
    case 'number':
      input = (
        <InputNumber
          value={numeric}
          onChange={(v) => onChange({ value: v ?? null })}
          disabled={readOnly}
          style={{ width: 200 }}
          decimalSeparator=","
          data-testid="criterion-input"
        />
      );
      break;
    case 'percent':
      input = (
        <InputNumber
          value={numeric}
          onChange={(v) => onChange({ value: v ?? null })}
          disabled={readOnly}
          min={0}
          style={{ width: 200 }}
          suffix="%"
          decimalSeparator=","
          data-testid="criterion-input"
        />
      );
      break;
    case 'score':
      input = (
        <Space size={6}>
          <InputNumber
            value={numeric}
            onChange={(v) => onChange({ value: v ?? null })}
            disabled={readOnly}
            min={0}
            max={c.scaleMax ?? undefined}
            style={{ width: 160 }}
            decimalSeparator=","
            data-testid="criterion-input"
          />
          {c.scaleMax !== null && (
            <Typography.Text type="secondary">
              {t('reporting.criterion.outOf', { max: c.scaleMax.toLocaleString('vi-VN') })}
            </Typography.Text>
          )}
        </Space>
      );
      break;
    default:
      input = (
        <Input.TextArea
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange({ value: e.target.value === '' ? null : e.target.value })}
          disabled={readOnly}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={4000}
          data-testid="criterion-input"
        />
      );
  }
  return (
    <div
      data-testid="report-criterion"
      data-criterion-id={c.criterionId}
      data-code={c.code}
      data-measure={c.measure}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0', paddingInlineStart: depth * 20 }}
    >
      <div
        style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between' }}
      >
        <Typography.Text strong style={{ flex: '1 1 300px' }}>
          {c.code}. {c.title}
        </Typography.Text>
        <MetIndicator met={met} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="criterion-requirement">
        {requirement(c)}
      </Typography.Text>
      {note && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={t('reporting.return.noteHere')}
          description={<span data-testid="criterion-note">{note}</span>}
        />
      )}
      <div style={{ marginTop: 8 }}>{input}</div>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="criterion-error">
          {error}
        </Typography.Text>
      )}
      <Input.TextArea
        value={comment}
        onChange={(e) => onChange({ comment: e.target.value })}
        disabled={readOnly}
        placeholder={t('reporting.criterion.comment')}
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={2000}
        style={{ marginTop: 8 }}
        data-testid="criterion-comment"
      />
    </div>
  );
}
