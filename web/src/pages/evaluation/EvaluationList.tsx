/**
 * The list of one period or phase: filters, the proposal and the decision
 * of every entry, a "Đánh giá" drawer per row and (periods) confirming the
 * proposals of the selected rows at once.
 */
import { useState } from 'react';
import { Alert, App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import {
  evaluationApi,
  type EvaluationResult,
  type EvaluationScope,
  type TEvaluationRow,
} from '../../api/evaluation.ts';
import { FieldSelect } from '../../components/FieldSelect.tsx';
import { LevelSelect } from '../../components/LevelSelect.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { DecisionDrawer } from './DecisionDrawer.tsx';
import { MetTag } from './labels.tsx';

export interface ListFilters {
  unitId?: number;
  fieldId?: number;
  levelId?: number;
  kind?: 'model' | 'exemplar';
  result?: EvaluationResult;
  search?: string;
}

const RESULTS: EvaluationResult[] = ['met', 'not_met', 'decided', 'undecided', 'no_report'];

interface Props {
  scope: EvaluationScope;
  filters: ListFilters;
  onFilters: (next: ListFilters) => void;
}

export function EvaluationList({ scope, filters, onFilters }: Props) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { page, resetPage, pagination } = usePaging();
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [search, setSearch] = useState(filters.search ?? '');
  const set = (patch: Partial<ListFilters>) => {
    onFilters({ ...filters, ...patch });
    resetPage();
    setSelected([]);
  };
  const { data, isFetching, error } = useQuery({
    queryKey: ['evaluation', 'list', scope.type, scope.id, filters, page],
    queryFn: ({ signal }) => evaluationApi.list(scope, { ...filters, ...page }, signal),
  });

  const confirm = useMutation({
    mutationFn: () => evaluationApi.confirmMany(scope.id, selected),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['evaluation'] });
      setSelected([]);
      modal.info({
        title: t('evaluation.confirmMany.done', { confirmed: r.confirmed, skipped: r.skipped.length }),
        content:
          r.skipped.length > 0 ? (
            <ul data-testid="evaluation-confirm-skipped">
              {r.skipped.map((s) => (
                <li key={s.entryId}>
                  {data?.items.find((i) => i.entry.id === s.entryId)?.entry.name ?? `#${s.entryId}`}: {s.label}
                </li>
              ))}
            </ul>
          ) : null,
      });
    },
    onError: (e) => void message.error({ content: errorMessage(e), duration: 8 }),
  });

  const columns: ColumnsType<TEvaluationRow> = [
    {
      title: t('evaluation.col.entry'),
      key: 'entry',
      render: (_, r) => (
        <div>
          <Link to={`/mo-hinh/${r.entry.id}`}>{r.entry.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.entry.ownerUnit.name}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('evaluation.col.field'), key: 'field', responsive: ['md'], render: (_, r) => r.entry.field.name },
    { title: t('evaluation.col.level'), key: 'level', responsive: ['lg'], render: (_, r) => r.entry.level.name },
    {
      title: scope.type === 'period' ? t('evaluation.col.report') : t('evaluation.col.acceptedReports'),
      key: 'report',
      responsive: ['md'],
      render: (_, r) =>
        scope.type === 'period' ? (
          <Tag color={r.report?.status === 'accepted' ? 'blue' : 'default'}>
            {t(`evaluation.reportStatus.${r.report?.status ?? 'none'}`)}
          </Tag>
        ) : (
          r.acceptedReports
        ),
    },
    {
      title: t('evaluation.col.proposal'),
      key: 'proposal',
      render: (_, r) => (
        <Space size={4} wrap>
          <MetTag met={r.proposal.met} testId={`evaluation-proposal-${r.entry.id}`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evaluation.metOfJudged', { met: r.proposal.metCount, judged: r.proposal.judgedCount })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('evaluation.col.decision'),
      key: 'decision',
      render: (_, r) =>
        r.decision ? (
          <Space size={4} wrap>
            <MetTag met={r.decision.decidedMet} testId={`evaluation-decision-${r.entry.id}`} />
            {r.decision.overridden && <Tag color="orange">{t('evaluation.overridden')}</Tag>}
            {r.decision.recognitionLevel && (
              <Tag color="gold">{t('evaluation.recognised', { level: r.decision.recognitionLevel.name })}</Tag>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateVi(r.decision.decidedOn)}
            </Typography.Text>
          </Space>
        ) : (
          <Tag>{t('evaluation.undecided')}</Tag>
        ),
    },
    {
      title: '',
      key: 'action',
      width: 110,
      render: (_, r) => (
        <Button
          size="small"
          type={r.canDecide && !r.decision ? 'primary' : 'default'}
          onClick={() => setOpen(r.entry.id)}
          data-testid={`evaluation-open-${r.entry.id}`}
        >
          {r.canDecide ? t('evaluation.action.decide') : t('evaluation.action.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="dh-toolbar" data-testid="evaluation-filters">
        <UnitSelect
          value={filters.unitId ?? null}
          onChange={(unitId) => set({ unitId: unitId ?? undefined })}
          placeholder={t('evaluation.filter.unit')}
          style={{ width: 240 }}
          testId="evaluation-unit"
        />
        <FieldSelect
          value={filters.fieldId ?? null}
          onChange={(fieldId) => set({ fieldId: fieldId ?? undefined })}
          includeInactive
          allowClear
          placeholder={t('evaluation.filter.field')}
          style={{ width: 220 }}
          testId="evaluation-field"
        />
        <LevelSelect
          value={filters.levelId ?? null}
          onChange={(levelId) => set({ levelId: levelId ?? undefined })}
          allowClear
          placeholder={t('evaluation.filter.level')}
          style={{ width: 180 }}
          testId="evaluation-level"
        />
        <Select<EvaluationResult>
          value={filters.result}
          onChange={(result) => set({ result })}
          allowClear
          placeholder={t('evaluation.filter.result')}
          style={{ width: 220 }}
          options={RESULTS.map((r) => ({ value: r, label: t(`evaluation.result.${r}`) }))}
          data-testid="evaluation-result"
        />
        <Input.Search
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          allowClear
          placeholder={t('evaluation.filter.search')}
          style={{ width: 240 }}
          data-testid="evaluation-search"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {scope.type === 'period' && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Button
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={confirm.isPending}
            onClick={() =>
              void modal.confirm({
                title: t('evaluation.confirmMany.title', { count: selected.length }),
                content: t('evaluation.confirmMany.help'),
                okText: t('evaluation.confirmMany.ok'),
                cancelText: t('common.cancel'),
                onOk: () => confirm.mutateAsync(),
              })
            }
            data-testid="evaluation-confirm-many"
          >
            {t('evaluation.confirmMany.button', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evaluation.confirmMany.hint')}
          </Typography.Text>
        </Space>
      )}
      <Table<TEvaluationRow>
        rowKey={(r) => r.entry.id}
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        rowSelection={
          scope.type === 'period'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (r) => ({ disabled: !r.canDecide || r.decision !== null || r.proposal.met === null }),
              }
            : undefined
        }
        pagination={pagination(data?.total ?? 0, (total) => t('evaluation.total', { total }))}
        data-testid="evaluation-table"
      />
      <DecisionDrawer entryId={open} scope={open !== null ? scope : null} onClose={() => setOpen(null)} />
    </>
  );
}
