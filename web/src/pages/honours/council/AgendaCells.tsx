/** Cells of the council agenda: a candidate's result after counting and the details shown when a row is expanded. */
import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { type TCouncilAgendaItem, type TVoteResult } from '../../../api/honours-council.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

export function ResultCell({ r }: { r: TVoteResult }) {
  const note = !r.quorumMet
    ? t('honoursFlow.council.result.noQuorum', { present: r.present, needed: r.quorumNeeded })
    : r.yesNeeded === null
      ? t('honoursFlow.council.result.noBase')
      : t('honoursFlow.council.result.needed', { needed: r.yesNeeded, base: r.base });
  return (
    <Tooltip title={note}>
      <Space orientation="vertical" size={0}>
        <Tag
          color={r.passed ? 'green' : 'red'}
          icon={r.passed ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          data-testid="result-tag"
        >
          {r.passed ? t('honoursFlow.council.result.passed') : t('honoursFlow.council.result.failed')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

export function AgendaDetails({ item }: { item: TCouncilAgendaItem }) {
  const c = item.candidate;
  return (
    <div style={{ maxWidth: 900 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('honoursFlow.hc.field.achievement')}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.achievement}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.hc.field.rule')}>{item.ruleSummary}</Descriptions.Item>
        {c.evaluation.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.hc.field.evaluation')}>
            <Space orientation="vertical" size={0}>
              {c.evaluation.map((e, i) => (
                <span key={i}>
                  {t(e.met ? 'honoursFlow.hc.evaluation.met' : 'honoursFlow.hc.evaluation.notMet', {
                    scope: e.scope,
                    date: formatDateVi(e.decidedOn),
                    level: e.level ?? '',
                  })}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {c.flags.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.hc.field.flags')}>
            <Space orientation="vertical" size={0}>
              {c.flags.map((f, i) => (
                <Typography.Text key={i} type="danger">
                  {f.text}
                </Typography.Text>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {item.recusals.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.council.recusals')}>
            <Space orientation="vertical" size={0}>
              {item.recusals.map((r) => (
                <span key={r.user.id}>
                  {t('honoursFlow.council.recusalLine', { name: r.user.name, reason: r.reason })}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
