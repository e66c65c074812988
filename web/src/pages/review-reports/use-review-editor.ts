/**
 * The review editor's state: the draft (the server's copy until the operator
 * types, then the operator's edits until saved), the figures' overrides, and
 * the actions — save, recompute, acknowledge the warnings, sign — each
 * refusing on a stale revision (409 → the conflict banner and "reload").
 */
import { useMemo, useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client.ts';
import { reviewReportsApi, type TReviewReportFull } from '../../api/review-reports.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import type { NumCtx } from './FigureTables.tsx';
import { bodyOf, draftOf, type ReviewDraft } from './review-draft.ts';

export type ReviewAction = 'save' | 'refresh' | 'ack' | 'sign';

export function useReviewEditor(report: TReviewReportFull, editable: boolean) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  /**
   * The operator's unsaved edits; null while there are none, so the draft is
   * derived from the server's copy and follows it whenever it changes.
   */
  const [edits, setEdits] = useState<ReviewDraft | null>(null);
  const [busy, setBusy] = useState<ReviewAction | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const draft = useMemo(() => edits ?? draftOf(report), [edits, report]);
  const dirty = edits !== null;

  const change = (patch: Partial<ReviewDraft>) => setEdits((e) => ({ ...(e ?? draftOf(report)), ...patch }));

  const ctx: NumCtx = useMemo(
    () => ({
      values: new Map(report.numbers.map((n) => [n.key, { computed: n.computed, value: n.value }])),
      overrides: draft.overrides,
      editing: editing && editable,
      setOverride: (key, value) =>
        setEdits((e) => {
          const d = e ?? draftOf(report);
          const overrides = { ...d.overrides };
          if (value === null) delete overrides[key];
          else overrides[key] = value;
          return { ...d, overrides };
        }),
    }),
    [report, draft.overrides, editing, editable],
  );

  const run = async (what: ReviewAction, call: () => Promise<TReviewReportFull>, done: MessageKey) => {
    setBusy(what);
    setProblem(null);
    try {
      const saved = await call();
      client.setQueryData(['review-reports', 'one', saved.id], saved);
      // A save makes the server's copy the draft again; other actions leave no edits (they need a clean draft).
      if (what === 'save') setEdits(null);
      setConflict(null);
      void client.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      void message.success(t(done));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(errorMessage(error));
      else setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', () => reviewReportsApi.update(report.id, bodyOf(draft, report.revision)), 'reviewReports.saved');
  const refresh = () =>
    run('refresh', () => reviewReportsApi.refresh(report.id, report.revision), 'reviewReports.refreshed');
  const acknowledge = () =>
    run('ack', () => reviewReportsApi.acknowledge(report.id, report.revision), 'reviewReports.acknowledged');
  const sign = () => {
    // The dialog runs the signing itself (onOk); the promise of its closing is not needed.
    void modal.confirm({
      title: t('reviewReports.sign.confirmTitle'),
      content: t('reviewReports.sign.confirmText', {
        number: report.number,
        date: formatDateVi(report.reportDate),
        signer: report.signerName,
      }),
      okText: t('reviewReports.sign.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'review-sign-confirm' },
      onOk: () => run('sign', () => reviewReportsApi.finalize(report.id, report.revision), 'reviewReports.sign.done'),
    });
  };
  /** After a conflict: the edits are dropped and the server's copy fetched again. */
  const reload = async () => {
    setEdits(null);
    setConflict(null);
    await client.fetchQuery({
      queryKey: ['review-reports', 'one', report.id],
      queryFn: () => reviewReportsApi.get(report.id),
    });
  };

  return {
    draft,
    dirty,
    change,
    ctx,
    busy,
    conflict,
    problem,
    clearProblem: () => setProblem(null),
    editing,
    setEditing,
    save,
    refresh,
    acknowledge,
    sign,
    reload,
  };
}

export type ReviewEditorState = ReturnType<typeof useReviewEditor>;
