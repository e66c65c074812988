/**
 * Autosave of a report draft: a change schedules a save ~1.5 s later; saves
 * never overlap (a change made while saving is saved right after); each save
 * carries the revision the last one returned. A stale revision (409) stops
 * autosaving and reports the conflict — nothing typed is thrown away.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { TReport } from '../../api/reporting.ts';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

export const AUTOSAVE_DELAY_MS = 1500;

/** Thrown by flush() while a conflict is unresolved (the page already shows it). */
export class AutosaveStopped extends Error {
  override name = 'AutosaveStopped';
}

interface Options<B> {
  revision: number;
  enabled: boolean;
  /** The body as now on screen (without the revision). */
  build: () => B;
  save: (body: B & { revision: number }) => Promise<TReport>;
  /** After a save; `upTo` is the change number (from changed()) the save included. */
  onSaved?: (report: TReport, upTo: number) => void;
}

export function useAutosave<B>({ revision, enabled, build, save, onSaved }: Options<B>) {
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const revisionRef = useRef(revision);
  const edits = useRef(0);
  const saved = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const stopped = useRef(false);
  // The caller's latest callbacks, for saves started by a timer; updated after each render, before any timer fires.
  const latest = useRef({ build, save, onSaved });
  useLayoutEffect(() => {
    latest.current = { build, save, onSaved };
  });
  // runSave schedules the next save and a scheduled save runs runSave: the timer reaches it through this ref.
  const runSaveRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const clearTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const schedule = useCallback(() => {
    clearTimer();
    timer.current = window.setTimeout(() => {
      timer.current = null;
      runSaveRef.current().catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
  }, [clearTimer]);

  /** Save what is on screen now (once; waits for a save already running). Throws on failure. */
  const runSave = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    if (edits.current === saved.current || stopped.current) return;
    const upTo = edits.current;
    const work = (async () => {
      setState('saving');
      try {
        const report = await latest.current.save({ ...latest.current.build(), revision: revisionRef.current });
        revisionRef.current = report.revision;
        saved.current = upTo;
        setSavedAt(new Date());
        setProblem(null);
        setState(edits.current === upTo ? 'saved' : 'dirty');
        latest.current.onSaved?.(report, upTo);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          stopped.current = true;
          setState('conflict');
        } else setState('error');
        setProblem(errorMessage(error));
        throw error;
      }
    })();
    inFlight.current = work;
    try {
      await work;
    } finally {
      inFlight.current = null;
    }
    // Typed while that save ran: save again soon.
    if (edits.current !== saved.current && !stopped.current) schedule();
  }, [schedule]);
  useLayoutEffect(() => {
    runSaveRef.current = runSave;
  }, [runSave]);

  /** Something on screen changed; returns the change's number. */
  const changed = useCallback((): number => {
    if (!enabled) return edits.current;
    edits.current += 1;
    if (!stopped.current) {
      setState((s) => (s === 'saving' ? s : 'dirty'));
      schedule();
    }
    return edits.current;
  }, [enabled, schedule]);

  /** Save now if anything is unsaved (before submitting). Throws when the save fails. */
  const flush = useCallback(async () => {
    clearTimer();
    if (stopped.current) throw new AutosaveStopped(problem ?? 'conflict');
    await runSave();
  }, [clearTimer, runSave, problem]);

  /** After a conflict: take this revision (the latest on the server) and save what is on screen over it. */
  const overwriteFrom = useCallback(
    async (latestRevision: number) => {
      revisionRef.current = latestRevision;
      stopped.current = false;
      edits.current = Math.max(edits.current, saved.current + 1);
      await runSave();
    },
    [runSave],
  );

  /** The revision to send with submit / accept. */
  const currentRevision = () => revisionRef.current;
  /** A newer revision came from an action (submit, return, accept). */
  const adoptRevision = (value: number) => {
    revisionRef.current = value;
  };

  useEffect(() => clearTimer, [clearTimer]);

  // Leaving the page with unsaved typing: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (edits.current !== saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return {
    state,
    savedAt,
    problem,
    changed,
    flush,
    overwriteFrom,
    currentRevision,
    adoptRevision,
    hasUnsaved: () => edits.current !== saved.current,
  };
}
