/**
 * Đánh giá, công nhận (/danh-gia): by period, by phase of a plan, and the
 * "Cần xem xét" list. Choices live in the address bar so the dashboard can
 * link here: ?tab=period&period=…&fieldId=…&levelId=…&result=…&unitId=…
 */
import { useCallback, useMemo } from 'react';
import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { EVALUATION_RESULTS, type EvaluationResult } from '@common/schemas/evaluation.ts';
import { evaluationApi } from '../../api/evaluation.ts';
import { plansApi } from '../../api/plans.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PlanSelect } from '../../components/PlanSelect.tsx';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { EvaluationList, type ListFilters } from './EvaluationList.tsx';
import { ToReviewList } from './ToReviewList.tsx';

type Tab = 'period' | 'phase' | 'review';
const NUMBERS = ['plan', 'period', 'phase', 'unitId', 'fieldId', 'levelId'] as const;

function useEvaluationParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => {
    const num = (k: string) => {
      const v = Number(params.get(k));
      return Number.isInteger(v) && v > 0 ? v : undefined;
    };
    const tabParam = params.get('tab');
    const result = params.get('result');
    const kind = params.get('kind');
    return {
      tab: tabParam === 'phase' || tabParam === 'review' ? tabParam : 'period',
      plan: num('plan'),
      period: num('period'),
      phase: num('phase'),
      filters: {
        unitId: num('unitId'),
        fieldId: num('fieldId'),
        levelId: num('levelId'),
        kind: kind === 'model' || kind === 'exemplar' ? kind : undefined,
        result:
          result && (EVALUATION_RESULTS as readonly string[]).includes(result)
            ? (result as EvaluationResult)
            : undefined,
        search: params.get('search') ?? undefined,
      } satisfies ListFilters,
    };
  }, [params]);
  const update = useCallback(
    (patch: Partial<{ tab: Tab; plan?: number; period?: number; phase?: number } & ListFilters>) => {
      const next = {
        tab: state.tab,
        plan: state.plan,
        period: state.period,
        phase: state.phase,
        ...state.filters,
        ...patch,
      } as Record<string, string | number | undefined>;
      const out = new URLSearchParams();
      if (next.tab !== 'period') out.set('tab', String(next.tab));
      for (const k of [...NUMBERS, 'kind', 'result', 'search'])
        if (next[k] !== undefined && next[k] !== null && next[k] !== '') out.set(k, String(next[k]));
      setParams(out, { replace: true });
    },
    [state, setParams],
  );
  return { ...state, update };
}

export default function EvaluationPage() {
  const { tab, plan, period, phase, filters, update } = useEvaluationParams();
  const periods = useQuery({
    queryKey: ['evaluation', 'periods', plan],
    queryFn: () => evaluationApi.periods(plan),
    staleTime: 60_000,
  });
  const planDetail = useQuery({
    queryKey: ['plans', 'one', plan],
    queryFn: () => plansApi.get(plan!),
    enabled: Boolean(plan),
  });

  const planPicker = (
    <PlanSelect
      value={plan ?? null}
      onChange={(p) => update({ plan: p ?? undefined, period: undefined, phase: undefined })}
      placeholder={t('evaluation.filter.plan')}
      style={{ width: 300 }}
      testId="evaluation-plan"
    />
  );

  const byPeriod = (
    <>
      <div className="dh-toolbar">
        {planPicker}
        <Select<number>
          value={period}
          onChange={(p) => update({ period: p })}
          loading={periods.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('evaluation.filter.period')}
          style={{ width: 320 }}
          options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.plan.title}` }))}
          data-testid="evaluation-period"
        />
      </div>
      {period ? (
        <EvaluationList
          key={`period-${period}`}
          scope={{ type: 'period', id: period }}
          filters={filters}
          onFilters={(f) => update({ ...f })}
        />
      ) : (
        <div style={{ padding: 24, color: '#888' }}>{t('evaluation.pickPeriod')}</div>
      )}
    </>
  );

  const byPhase = (
    <>
      <div className="dh-toolbar">
        {planPicker}
        <Select<number>
          value={phase}
          onChange={(p) => update({ phase: p })}
          disabled={!plan}
          placeholder={t('evaluation.filter.phase')}
          style={{ width: 320 }}
          options={(planDetail.data?.phases ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)})`,
          }))}
          data-testid="evaluation-phase"
        />
      </div>
      {phase ? (
        <EvaluationList
          key={`phase-${phase}`}
          scope={{ type: 'phase', id: phase }}
          filters={filters}
          onFilters={(f) => update({ ...f })}
        />
      ) : (
        <div style={{ padding: 24, color: '#888' }}>{t('evaluation.pickPhase')}</div>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('evaluation.title')} subtitle={t('evaluation.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k as Tab })}
        items={[
          {
            key: 'period',
            label: <span data-testid="evaluation-tab-period">{t('evaluation.tab.period')}</span>,
            children: byPeriod,
          },
          {
            key: 'phase',
            label: <span data-testid="evaluation-tab-phase">{t('evaluation.tab.phase')}</span>,
            children: byPhase,
          },
          {
            key: 'review',
            label: <span data-testid="evaluation-tab-review">{t('evaluation.tab.review')}</span>,
            children: <ToReviewList unitId={filters.unitId} onUnit={(unitId) => update({ unitId })} />,
          },
        ]}
      />
    </>
  );
}
