/**
 * The editable copy of a periodic report (values and comments per criterion, the narrative, evidence files),
 * the body it is saved as, and how the server's refusals and a newer version are put back onto it. Pure.
 */
import { ApiError } from '../../api/client.ts';
import type { TReport } from '../../api/reporting.ts';
import type { CriterionValue } from './components/CriterionField.tsx';
import type { EvidenceFile } from './components/EvidenceFiles.tsx';
import { NARRATIVES, criterionField, type Narrative } from './labels.ts';

/** The server's field messages placed on criteria, narratives and files; the rest listed on top. */
export interface FieldErrors {
  byField: Record<string, string>;
  other: string[];
}

export const NO_ERRORS: FieldErrors = { byField: {}, other: [] };

export interface ReportDraft {
  values: Record<number, { value: CriterionValue; comment: string }>;
  narrative: Record<Narrative, string>;
  files: EvidenceFile[];
}

export function draftOf(report: TReport): ReportDraft {
  return {
    values: Object.fromEntries(
      report.criteria.map((c) => [c.criterionId, { value: c.value, comment: c.comment ?? '' }]),
    ),
    narrative: {
      results: report.results ?? '',
      difficulties: report.difficulties ?? '',
      proposals: report.proposals ?? '',
    },
    files: report.files.map((f) => ({
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      caption: f.caption ?? '',
    })),
  };
}

export function bodyOf(report: TReport, draft: ReportDraft) {
  const text = (v: string) => (v.trim() ? v : null);
  return {
    values: report.criteria.map((c) => {
      const v = draft.values[c.criterionId];
      return { criterionId: c.criterionId, value: v?.value ?? null, comment: text(v?.comment ?? '') };
    }),
    results: text(draft.narrative.results),
    difficulties: text(draft.narrative.difficulties),
    proposals: text(draft.narrative.proposals),
    files: draft.files.map((f) => ({ fileId: f.id, caption: text(f.caption) })),
  };
}

/** Depth of each criterion under its parent codes (sub-criteria are indented). */
export function depths(report: TReport): Map<number, number> {
  const byCode = new Map<string, number>();
  const out = new Map<number, number>();
  for (const c of report.criteria) {
    const d = c.parentCode ? (byCode.get(c.parentCode) ?? 0) + 1 : 0;
    byCode.set(c.code, d);
    out.set(c.criterionId, d);
  }
  return out;
}

/** The server's field messages on submit, placed on criteria and narratives; the rest listed on top. */
export function placeErrors(report: TReport, error: unknown): FieldErrors {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byField, other };
  for (const issue of error.fields) {
    const byId = /criterion:(\d+)/.exec(issue.field);
    const byIndex = /^(?:values|criteria)\.(\d+)/.exec(issue.field);
    const narrative = (NARRATIVES as readonly string[]).includes(issue.field) ? issue.field : null;
    const criterion = byId
      ? report.criteria.find((c) => c.criterionId === Number(byId[1]))
      : byIndex
        ? report.criteria[Number(byIndex[1])]
        : undefined;
    if (criterion) byField[criterionField(criterion.criterionId)] = issue.message;
    else if (narrative) byField[narrative] = issue.message;
    else if (issue.field === 'files' || issue.field.startsWith('files.')) byField.files = issue.message;
    else other.push(issue.message);
  }
  return { byField, other };
}

/**
 * The latest version from the server with what this user changed and had not saved (`touched` keys:
 * "criterion:<id>:value|comment", "files", a narrative) put back on top.
 */
export function mergeTouched(latest: TReport, mine: ReportDraft, touched: Iterable<string>): ReportDraft {
  const merged = draftOf(latest);
  for (const key of touched) {
    const m = /^criterion:(\d+):(value|comment)$/.exec(key);
    if (m) {
      const id = Number(m[1]);
      const part = m[2] as 'value' | 'comment';
      if (merged.values[id] && mine.values[id])
        merged.values[id] = { ...merged.values[id], [part]: mine.values[id][part] };
    } else if (key === 'files') merged.files = mine.files;
    else if ((NARRATIVES as readonly string[]).includes(key))
      merged.narrative[key as Narrative] = mine.narrative[key as Narrative];
  }
  return merged;
}
