/**
 * The state of a periodic report's form: the draft, saved by itself (use-autosave.ts) with what this user
 * touched remembered for a merge; submitting and accepting (after saving what is unsaved), and the ways out
 * of a conflict — reload the latest, or merge what was typed over it and save.
 */
import { useRef, useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client.ts';
import { reportingApi, type TReport } from '../../api/reporting.ts';
import { t } from '../../i18n/index.ts';
import type { CriterionValue } from './components/CriterionField.tsx';
import { criterionField } from './labels.ts';
import {
  NO_ERRORS,
  bodyOf,
  draftOf,
  mergeTouched,
  placeErrors,
  type FieldErrors,
  type ReportDraft,
} from './report-draft.ts';
import { AutosaveStopped, useAutosave } from './use-autosave.ts';

export function useReportForm(report: TReport, onReplaced: (r: TReport) => void, onReload: () => Promise<void>) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<ReportDraft>(() => draftOf(report));
  const draftRef = useRef(draft);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState<'submit' | 'accept' | 'overwrite' | null>(null);
  const [returning, setReturning] = useState(false);
  const readOnly = !report.can.edit;

  // What this user changed and has not saved yet (key → change number): kept when merging with a newer version.
  const touched = useRef(new Map<string, number>());
  const autosave = useAutosave({
    revision: report.revision,
    enabled: !readOnly,
    build: () => bodyOf(report, draftRef.current),
    save: (body) => reportingApi.save(report.id, body),
    onSaved: (saved, upTo) => {
      for (const [key, seq] of touched.current) if (seq <= upTo) touched.current.delete(key);
      client.setQueryData(['reporting', 'report', report.id], saved);
    },
  });
  const conflictMessage = conflict ?? (autosave.state === 'conflict' ? autosave.problem : null);

  const update = (keys: string[], fn: (d: ReportDraft) => ReportDraft) => {
    setDraft((d) => {
      const next = fn(d);
      draftRef.current = next;
      return next;
    });
    const seq = autosave.changed();
    for (const key of keys) touched.current.set(key, seq);
  };
  const setCriterion = (id: number, patch: { value?: CriterionValue; comment?: string }) =>
    update(
      Object.keys(patch).map((k) => `${criterionField(id)}:${k}`),
      (d) => ({ ...d, values: { ...d.values, [id]: { value: null, comment: '', ...d.values[id], ...patch } } }),
    );

  /** Errors of an action: a stale revision shows the conflict; field messages go next to their fields. */
  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT') setConflict(e.message);
    else setErrors(placeErrors(report, e));
    void message.error({ content: errorMessage(e), duration: 8 });
  };

  const act = async (kind: 'submit' | 'accept', call: (revision: number) => Promise<TReport>, done: string) => {
    setBusy(kind);
    setErrors(NO_ERRORS);
    try {
      if (autosave.hasUnsaved()) await autosave.flush();
      const result = await call(autosave.currentRevision());
      void message.success(done);
      onReplaced(result);
    } catch (e) {
      if (!(e instanceof AutosaveStopped)) failed(e);
    } finally {
      setBusy(null);
    }
  };

  // Each dialog runs its action itself (onOk); the promise of its closing is not needed.
  const submit = () => {
    void modal.confirm({
      title: t('reporting.submit.confirm', { name: report.entry.name }),
      content: t('reporting.submit.help'),
      okText: t('reporting.action.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-submit-confirm' },
      onOk: () =>
        act(
          'submit',
          (revision) => reportingApi.submit(report.id, revision),
          t('reporting.done.submitted', { name: report.entry.name }),
        ),
    });
  };

  const accept = () => {
    void modal.confirm({
      title: t('reporting.accept.confirm', { name: report.entry.name }),
      content: report.changedAfterAcceptance ? t('reporting.accept.helpChanged') : t('reporting.accept.help'),
      okText: t('reporting.action.accept'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-accept-confirm' },
      onOk: () =>
        act(
          'accept',
          (revision) => reportingApi.accept(report.id, revision),
          t('reporting.done.accepted', { name: report.entry.name }),
        ),
    });
  };

  const reloadLatest = () => {
    void modal.confirm({
      title: t('reporting.conflict.reloadConfirm'),
      content: t('reporting.conflict.reloadHelp'),
      okText: t('reporting.conflict.reload'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'report-conflict-reload-confirm' },
      onOk: () => onReload(),
    });
  };

  /** The latest version from the server, with what this user changed (and had not saved) put back on top; then saved. */
  const merge = async () => {
    setBusy('overwrite');
    try {
      const latest = await reportingApi.report(report.id);
      const merged = mergeTouched(latest, draftRef.current, touched.current.keys());
      draftRef.current = merged;
      setDraft(merged);
      client.setQueryData(['reporting', 'report', report.id], latest);
      setConflict(null);
      await autosave.overwriteFrom(latest.revision);
      void message.success(t('reporting.conflict.merged'));
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  return {
    draft,
    readOnly,
    autosave,
    errors,
    busy,
    conflictMessage,
    returning,
    setReturning,
    update,
    setCriterion,
    submit,
    accept,
    reloadLatest,
    merge,
  };
}

export type ReportFormState = ReturnType<typeof useReportForm>;
