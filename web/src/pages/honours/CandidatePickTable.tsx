/**
 * Hồ sơ to choose (for a council session, a decision or a disclosure): a
 * checkbox table of candidates with name, position, unit, award form and the
 * flags that ask for a second look. The value is the chosen candidate ids.
 */
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { TCandidate } from '../../api/honours-council.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { CANDIDATE_STATUS_COLORS, SUBJECT_COLORS, candidateStatusLabel, subjectLabel } from './labels.ts';

type PickCandidate = TCandidate & { proposerUnit?: { id: number; name: string } };

interface Props {
  candidates: PickCandidate[];
  loading?: boolean;
  value?: number[];
  onChange?: (ids: number[]) => void;
  showStatus?: boolean;
  testId?: string;
}

/** Name with its subject tag and position, as every honours table shows a candidate. */
export function CandidateName({ c }: { c: Pick<TCandidate, 'subject' | 'displayName' | 'position'> }) {
  return (
    <div style={{ minWidth: 160, whiteSpace: 'normal' }}>
      <Tag color={SUBJECT_COLORS[c.subject]}>{subjectLabel(c.subject)}</Tag>
      <Typography.Text strong>{c.displayName}</Typography.Text>
      {c.position && (
        <div className="dh-muted" style={{ fontSize: 12 }}>
          {c.position}
        </div>
      )}
    </div>
  );
}

export function CandidateFlags({ flags }: { flags: TCandidate['flags'] }) {
  if (flags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {flags.map((f, i) => (
        <Tooltip key={i} title={f.text}>
          <Tag
            color={f.kind === 'discipline' ? 'red' : 'orange'}
            icon={<WarningOutlined />}
            data-testid={`flag-${f.kind}`}
          >
            {t(f.kind === 'discipline' ? 'honoursFlow.hc.flag.discipline' : 'honoursFlow.hc.flag.inspection')}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export function CandidatePickTable({ candidates, loading, value = [], onChange, showStatus, testId }: Props) {
  const isPhone = useIsPhone();
  return (
    <div data-testid={testId}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">
          {t('honoursFlow.hc.pick.chosen', { chosen: value.length, total: candidates.length })}
        </Typography.Text>
        <Button size="small" onClick={() => onChange?.(candidates.map((c) => c.id))} disabled={candidates.length === 0}>
          {t('honoursFlow.hc.pick.all')}
        </Button>
        <Button size="small" onClick={() => onChange?.([])} disabled={value.length === 0}>
          {t('honoursFlow.hc.pick.none')}
        </Button>
      </Space>
      <Table<PickCandidate>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={candidates}
        pagination={candidates.length > 50 ? { pageSize: 50, size: 'small' } : false}
        scroll={{ x: 'max-content', y: isPhone ? undefined : 360 }}
        locale={{ emptyText: t('honoursFlow.hc.pick.empty') }}
        rowSelection={{
          selectedRowKeys: value,
          onChange: (keys) => onChange?.(keys.map(Number)),
          getCheckboxProps: (c) => ({ 'data-testid': `pick-${c.displayName}` }) as object,
        }}
        columns={[
          { key: 'name', title: t('honoursFlow.hc.field.candidate'), render: (_, c) => <CandidateName c={c} /> },
          { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, c) => c.unit.name },
          { key: 'award', title: t('honoursFlow.hc.field.awardForm'), render: (_, c) => c.awardForm.name },
          ...(showStatus
            ? [
                {
                  key: 'status',
                  title: t('honoursFlow.hc.field.status'),
                  render: (_: unknown, c: PickCandidate) => (
                    <Tag color={CANDIDATE_STATUS_COLORS[c.status]}>{candidateStatusLabel(c.status)}</Tag>
                  ),
                },
              ]
            : []),
          {
            key: 'flags',
            title: t('honoursFlow.hc.field.flags'),
            render: (_, c) => <CandidateFlags flags={c.flags} />,
          },
        ]}
      />
    </div>
  );
}
