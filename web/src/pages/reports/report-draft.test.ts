import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { TReport } from '../../api/reporting.ts';
import { bodyOf, depths, draftOf, mergeTouched, placeErrors } from './report-draft.ts';

const criterion = (
  criterionId: number,
  code: string,
  parentCode: string | null,
  value: unknown,
  comment: string | null,
) => ({
  criterionId,
  code,
  parentCode,
  value,
  comment,
});

/** The fields of a report the draft reads; the rest does not matter here. */
const report = (over: Partial<Record<string, unknown>> = {}) =>
  ({
    criteria: [
      criterion(1, '1', null, 5, 'ổn'),
      criterion(2, '1.1', '1', true, null),
      criterion(3, '2', null, null, null),
    ],
    results: 'Kết quả',
    difficulties: null,
    proposals: '',
    files: [{ id: 7, name: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 10, caption: null }],
    ...over,
  }) as unknown as TReport;

describe('draftOf and bodyOf', () => {
  it('round-trips a report: blank texts become null, every criterion is sent', () => {
    const draft = draftOf(report());
    expect(draft.values[2]).toEqual({ value: true, comment: '' });
    expect(draft.narrative).toEqual({ results: 'Kết quả', difficulties: '', proposals: '' });
    expect(bodyOf(report(), { ...draft, narrative: { ...draft.narrative, proposals: '   ' } })).toEqual({
      values: [
        { criterionId: 1, value: 5, comment: 'ổn' },
        { criterionId: 2, value: true, comment: null },
        { criterionId: 3, value: null, comment: null },
      ],
      results: 'Kết quả',
      difficulties: null,
      proposals: null,
      files: [{ fileId: 7, caption: null }],
    });
  });
});

describe('depths', () => {
  it('indents sub-criteria under their parent code', () => {
    expect([...depths(report()).entries()]).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });
});

describe('placeErrors', () => {
  it('puts field messages on criteria (by id or index), narratives and files; the rest on top', () => {
    const error = new ApiError(422, 'VALIDATION', 'Chưa đủ', [
      { field: 'criterion:3', message: 'Thiếu tiêu chí 2' },
      { field: 'values.1.value', message: 'Sai giá trị' },
      { field: 'results', message: 'Thiếu kết quả' },
      { field: 'files.0', message: 'Tệp hỏng' },
      { field: 'period', message: 'Kỳ đã đóng' },
    ]);
    expect(placeErrors(report(), error)).toEqual({
      byField: {
        'criterion:3': 'Thiếu tiêu chí 2',
        'criterion:2': 'Sai giá trị',
        results: 'Thiếu kết quả',
        files: 'Tệp hỏng',
      },
      other: ['Kỳ đã đóng'],
    });
  });

  it('places nothing for an error that is not the server refusing fields', () => {
    expect(placeErrors(report(), new Error('mạng'))).toEqual({ byField: {}, other: [] });
  });
});

describe('mergeTouched', () => {
  it('takes the latest version and puts back only what this user touched', () => {
    const mine = draftOf(report());
    mine.values[1] = { value: 9, comment: 'của tôi' };
    mine.values[3] = { value: 1, comment: 'không chạm' };
    mine.narrative.results = 'Kết quả của tôi';
    mine.narrative.difficulties = 'không chạm';
    const latest = report({
      criteria: [
        criterion(1, '1', null, 6, 'của người khác'),
        criterion(2, '1.1', '1', false, null),
        criterion(3, '2', null, 2, null),
      ],
      results: 'Kết quả mới',
      difficulties: 'Khó khăn mới',
      files: [],
    });
    const merged = mergeTouched(latest, mine, ['criterion:1:value', 'results', 'files']);
    expect(merged.values[1]).toEqual({ value: 9, comment: 'của người khác' });
    expect(merged.values[2]).toEqual({ value: false, comment: '' });
    expect(merged.values[3]).toEqual({ value: 2, comment: '' });
    expect(merged.narrative).toEqual({ results: 'Kết quả của tôi', difficulties: 'Khó khăn mới', proposals: '' });
    expect(merged.files).toEqual(mine.files);
  });

  it('drops a touched criterion the latest version no longer has', () => {
    const mine = draftOf(report());
    const latest = report({ criteria: [criterion(1, '1', null, 6, null)] });
    expect(mergeTouched(latest, mine, ['criterion:3:comment']).values[3]).toBeUndefined();
  });
});
