/**
 * Cần xem xét: models and exemplars that failed two consecutive periods.
 * Each links to its page, where the operator records removal from the list
 * or replacement (registry life events).
 */
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { evaluationApi, type TToReviewRow } from '../../api/evaluation.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  unitId?: number;
  onUnit: (unitId: number | undefined) => void;
}

export function ToReviewList({ unitId, onUnit }: Props) {
  const { page, resetPage, pagination } = usePaging();
  const { data, isFetching, error } = useQuery({
    queryKey: ['evaluation', 'to-review', unitId, page],
    queryFn: ({ signal }) => evaluationApi.toReview({ unitId, ...page }, signal),
  });
  const periodCell = (p: TToReviewRow['latest']) => (
    <div>
      <Tag color="red">{p.name}</Tag>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('evaluation.review.decidedOn', { date: formatDateVi(p.decidedOn) })}
          {p.reason ? ` — ${p.reason}` : ''}
        </Typography.Text>
      </div>
    </div>
  );
  const columns: ColumnsType<TToReviewRow> = [
    {
      title: t('evaluation.col.entry'),
      key: 'entry',
      render: (_, r) => (
        <div>
          <Link to={`/mo-hinh/${r.entry.id}`} data-testid={`evaluation-review-${r.entry.id}`}>
            {r.entry.name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.entry.ownerUnit.name} · {r.entry.level.name}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('evaluation.col.field'), key: 'field', responsive: ['md'], render: (_, r) => r.entry.field.name },
    { title: t('evaluation.review.previous'), key: 'previous', render: (_, r) => periodCell(r.previous) },
    { title: t('evaluation.review.latest'), key: 'latest', render: (_, r) => periodCell(r.latest) },
  ];
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('evaluation.review.hint')}
        data-testid="evaluation-review-hint"
      />
      <div className="dh-toolbar">
        <UnitSelect
          value={unitId ?? null}
          onChange={(u) => {
            onUnit(u ?? undefined);
            resetPage();
          }}
          placeholder={t('evaluation.filter.unit')}
          style={{ width: 260 }}
          testId="evaluation-review-unit"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TToReviewRow>
        rowKey={(r) => r.entry.id}
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 800 }}
        pagination={pagination(data?.total ?? 0, (total) => t('evaluation.total', { total }))}
        data-testid="evaluation-review-table"
      />
    </>
  );
}
