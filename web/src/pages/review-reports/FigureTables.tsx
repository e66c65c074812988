/**
 * The stored figures of a review report as tables (counts by level, movements,
 * criteria met, exemplars met, and any other stated number); each number shows
 * its override, or (editing) an input whose empty value means "as computed".
 */
import type { ReactNode } from 'react';
import { InputNumber, Table, Tooltip, Typography } from 'antd';
import { MOVEMENT_BUCKETS, type ReviewEntryKind, type ReviewFigures } from '../../api/review-reports.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { numberLabel } from './number-labels.ts';

const KIND_KEY: Record<ReviewEntryKind, 'models' | 'exemplars'> = { model: 'models', exemplar: 'exemplars' };

export interface NumCtx {
  values: Map<string, { computed: number; value: number }>;
  overrides: Record<string, number>;
  editing: boolean;
  setOverride: (key: string, value: number | null) => void;
}

/** One stated number: read-only, or (editing) an input whose empty value means "as computed". */
function Num({ k, ctx, fallback = 0 }: { k: string; ctx: NumCtx; fallback?: number }) {
  const n = ctx.values.get(k);
  const computed = n?.computed ?? fallback;
  const has = Object.hasOwn(ctx.overrides, k);
  const value = has ? ctx.overrides[k]! : computed;
  if (ctx.editing && n) {
    return (
      <InputNumber
        size="small"
        min={0}
        precision={0}
        style={{ width: 84 }}
        value={has ? ctx.overrides[k] : null}
        placeholder={String(computed)}
        onChange={(v) => ctx.setOverride(k, typeof v === 'number' ? v : null)}
        data-testid={`review-num-${k}`}
      />
    );
  }
  if (has && value !== computed) {
    return (
      <Tooltip title={t('reviewReports.numbers.computedWas', { computed })}>
        <Typography.Text type="warning" strong data-testid={`review-num-${k}`}>
          {value}*
        </Typography.Text>
      </Tooltip>
    );
  }
  return <span data-testid={`review-num-${k}`}>{value}</span>;
}

type Cell = ReactNode;
function SimpleTable({ headers, rows, testId }: { headers: string[]; rows: Cell[][]; testId: string }) {
  return (
    <Table<{ key: number; cells: Cell[] }>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      dataSource={rows.map((cells, i) => ({ key: i, cells }))}
      columns={headers.map((h, i) => ({
        key: String(i),
        title: h,
        align: i === 0 ? 'left' : 'right',
        render: (_: unknown, r: { cells: Cell[] }) => r.cells[i],
      }))}
      locale={{ emptyText: t('reviewReports.numbers.empty') }}
    />
  );
}

export function FigureTables({ figures, ctx }: { figures: ReviewFigures; ctx: NumCtx }) {
  const levelName = (id: number) => figures.levels.find((l) => l.id === id)?.name ?? String(id);
  const countOf = (k: ReviewEntryKind, levelId: number) =>
    figures.counts[k].byLevel.find((c) => c.levelId === levelId)?.count ?? 0;
  const countLevels = figures.levels
    .filter((l) => ctx.values.has(`models.level.${l.id}.end`) || ctx.values.has(`exemplars.level.${l.id}.end`))
    .filter(
      (l) =>
        countOf('model', l.id) + countOf('exemplar', l.id) > 0 ||
        Object.hasOwn(ctx.overrides, `models.level.${l.id}.end`) ||
        Object.hasOwn(ctx.overrides, `exemplars.level.${l.id}.end`),
    );
  const mvHead = MOVEMENT_BUCKETS.map((b) => t(`reviewReports.movement.${b}` as MessageKey));
  const critLevels = (k: ReviewEntryKind) =>
    figures.levels.filter((l) => figures.criteria.some((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0));
  const shown = new Set<string>();
  const mark = (k: string) => {
    shown.add(k);
    return k;
  };
  const tables = (
    <>
      <Typography.Title level={5}>{t('reviewReports.tables.counts')}</Typography.Title>
      <SimpleTable
        testId="review-table-counts"
        headers={[t('reviewReports.col.level'), t('reviewReports.col.models'), t('reviewReports.col.exemplars')]}
        rows={[
          ...countLevels.map((l) => [
            l.name,
            <Num key="m" k={mark(`models.level.${l.id}.end`)} ctx={ctx} />,
            <Num key="e" k={mark(`exemplars.level.${l.id}.end`)} ctx={ctx} />,
          ]),
          [
            <strong key="t">{t('reviewReports.col.total')}</strong>,
            <Num key="m" k={mark('models.end')} ctx={ctx} />,
            <Num key="e" k={mark('exemplars.end')} ctx={ctx} />,
          ],
        ]}
      />
      {(['model', 'exemplar'] as const).map((k) => (
        <div key={k}>
          <Typography.Title level={5}>
            {t(k === 'model' ? 'reviewReports.tables.movementModels' : 'reviewReports.tables.movementExemplars')}
          </Typography.Title>
          <SimpleTable
            testId={`review-table-movement-${k}`}
            headers={[t('reviewReports.col.level'), ...mvHead]}
            rows={[
              ...figures.movements[k].byLevel.map((r) => [
                levelName(r.levelId),
                ...MOVEMENT_BUCKETS.map((b) => (
                  <Num key={b} k={mark(`${KIND_KEY[k]}.movement.level.${r.levelId}.${b}`)} ctx={ctx} />
                )),
              ]),
              [
                <strong key="t">{t('reviewReports.col.total')}</strong>,
                ...MOVEMENT_BUCKETS.map((b) => <Num key={b} k={mark(`${KIND_KEY[k]}.movement.${b}`)} ctx={ctx} />),
              ],
            ]}
          />
        </div>
      ))}
      <Typography.Title level={5}>{t('reviewReports.tables.criteria')}</Typography.Title>
      <SimpleTable
        testId="review-table-criteria"
        headers={[
          t('reviewReports.col.kind'),
          t('reviewReports.col.level'),
          t('reviewReports.col.field'),
          t('reviewReports.col.met'),
          t('reviewReports.col.evaluated'),
        ]}
        rows={(['model', 'exemplar'] as const).flatMap((k) =>
          critLevels(k).flatMap((l) => [
            ...figures.criteria
              .filter((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0)
              .map((c) => [
                t(`reviewReports.kindWord.${k}` as MessageKey),
                l.name,
                c.fieldName,
                <Num key="m" k={mark(`criteria.${k}.${l.id}.${c.fieldId}.met`)} ctx={ctx} />,
                <Num key="e" k={mark(`criteria.${k}.${l.id}.${c.fieldId}.evaluated`)} ctx={ctx} />,
              ]),
            [
              t(`reviewReports.kindWord.${k}` as MessageKey),
              l.name,
              <strong key="t">{t('reviewReports.col.total')}</strong>,
              <Num key="m" k={mark(`criteria.${k}.${l.id}.met`)} ctx={ctx} />,
              <Num key="e" k={mark(`criteria.${k}.${l.id}.evaluated`)} ctx={ctx} />,
            ],
          ]),
        )}
      />
      <Typography.Title level={5}>{t('reviewReports.tables.exemplars')}</Typography.Title>
      <SimpleTable
        testId="review-table-exemplars"
        headers={[
          t('reviewReports.col.index'),
          t('reviewReports.col.name'),
          t('reviewReports.col.position'),
          t('reviewReports.col.unit'),
          t('reviewReports.col.level'),
        ]}
        rows={figures.exemplarsMet.map((p, i) => [
          String(i + 1),
          p.name,
          p.position ?? '',
          p.unitName,
          levelName(p.levelId),
        ])}
      />
    </>
  );
  const others = [...ctx.values.keys()].filter((k) => !shown.has(k));
  return (
    <>
      {tables}
      {others.length > 0 && (
        <>
          <Typography.Title level={5}>{t('reviewReports.tables.others')}</Typography.Title>
          <SimpleTable
            testId="review-table-others"
            headers={[t('reviewReports.col.figure'), t('reviewReports.col.value')]}
            rows={others.map((k) => [numberLabel(k, figures), <Num key={k} k={k} ctx={ctx} />])}
          />
        </>
      )}
    </>
  );
}
