/**
 * The paste box of "Ghi nhận khen thưởng của đơn vị": the pasted lines are
 * looked up among the active people of the granting unit and its sub-units,
 * and each line naming exactly one person becomes a row (pasted-names.ts).
 */
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import { peopleApi } from '../../../api/people.ts';
import { t } from '../../../i18n/index.ts';
import { matchesOf, parsePastedNames, resolvePasted } from './pasted-names.ts';
import { emptyRow, hasPick, type KnownPerson, type RecordValues, type RowValues } from './record-honours-form.ts';

export interface PasteOutcome {
  added: number;
  duplicates: number;
  unmatched: Array<{ line: string; reason: string }>;
}

export function usePasteNames(form: FormInstance<RecordValues>, onPeople: (people: KnownPerson[]) => void) {
  const [text, setText] = useState('');
  const [awardFormId, setAwardFormId] = useState<number | null>(null);
  const [pasting, setPasting] = useState(false);
  const [outcome, setOutcome] = useState<PasteOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = async () => {
    setOutcome(null);
    setError(null);
    const unitId = form.getFieldValue('grantorUnitId') as number | null;
    if (!unitId) {
      setError(t('honoursFlow.record.pasteNeedUnit'));
      return;
    }
    const lines = parsePastedNames(text, t('honoursFlow.record.pasteHeaderName'));
    if (lines.length === 0) {
      setError(t('honoursFlow.record.pasteEmpty'));
      return;
    }
    setPasting(true);
    try {
      const current = ((form.getFieldValue('recipients') ?? []) as RowValues[]).filter(hasPick);
      const taken = new Set(
        current.filter((r) => r.subject === 'individual' && r.pickBy === 'person').map((r) => r.personId!),
      );
      const found = await Promise.all(
        lines.map(async (line) => {
          const page = await peopleApi.list({ q: line.name, unitId, status: 'active', pageSize: 50 });
          return matchesOf(line, page.items);
        }),
      );
      const resolved = resolvePasted(lines, found, taken);
      const added = resolved.added.map(({ person, achievement }) => ({
        ...emptyRow('individual', awardFormId),
        personId: person.id,
        achievement,
      }));
      onPeople(resolved.added.map((a) => a.person));
      form.setFieldValue('recipients', [...current, ...added].length > 0 ? [...current, ...added] : [emptyRow()]);
      setOutcome({
        added: added.length,
        duplicates: resolved.duplicates,
        unmatched: resolved.unmatched.map((u) => ({
          line: u.line,
          reason:
            u.matches === 0
              ? t('honoursFlow.record.pasteNotFound')
              : t('honoursFlow.record.pasteAmbiguous', { count: u.matches }),
        })),
      });
      // The new rows are checked at once so a missing award form shows; the errors are the form's to display.
      if (added.length > 0) form.validateFields([['recipients']]).catch(() => undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPasting(false);
    }
  };

  return {
    text,
    setText,
    awardFormId,
    setAwardFormId,
    pasting,
    outcome,
    error,
    apply,
    /** A new granting unit: the last outcome no longer describes the rows. */
    clearOutcome: () => setOutcome(null),
  };
}

export type PasteNames = ReturnType<typeof usePasteNames>;
