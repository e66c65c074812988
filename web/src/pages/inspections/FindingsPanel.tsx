/**
 * Kết quả kiểm tra theo tiêu chí: for one covered entry, a row per criterion
 * of its own criteria set plus the overall finding — assessment and note —
 * saved together for that entry (the server replaces them).
 */
import { useMemo, useState } from 'react';
import { App, Button, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { catalogueApi } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { inspectionsApi, type Assessment, type TInspectionDetail } from '../../api/inspections.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { ASSESSMENTS, ASSESSMENT_COLORS, assessmentLabel } from './labels.ts';
import { useInvalidateInspections } from '../../api/inspections.ts';

type Subject = TInspectionDetail['subjects'][number];
interface Row {
  key: string;
  criterionId: number | null;
  code: string;
  title: string;
  assessment: Assessment | null;
  note: string;
}

export function FindingsPanel({ inspection, subject }: { inspection: TInspectionDetail; subject: Subject }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateInspections();
  const editable = inspection.can.edit;
  const isPhone = useIsPhone();
  const {
    data: set,
    isPending,
    error,
  } = useQuery({
    queryKey: ['catalogue', 'criteria-set', subject.criteriaSetId],
    queryFn: () => catalogueApi.criteriaSet(subject.criteriaSetId),
    staleTime: 300_000,
  });
  const saved = useMemo(
    () => inspection.findings.filter((f) => f.entryId === subject.id),
    [inspection.findings, subject.id],
  );
  const initial = useMemo((): Row[] => {
    const of = (criterionId: number | null) => saved.find((f) => f.criterionId === criterionId);
    const rows: Row[] = [
      {
        key: 'overall',
        criterionId: null,
        code: '',
        title: t('inspections.findings.overall'),
        assessment: of(null)?.assessment ?? null,
        note: of(null)?.note ?? '',
      },
    ];
    for (const c of set?.criteria ?? [])
      rows.push({
        key: String(c.id),
        criterionId: c.id,
        code: c.code,
        title: c.title,
        assessment: of(c.id)?.assessment ?? null,
        note: of(c.id)?.note ?? '',
      });
    return rows;
  }, [saved, set]);
  const [edits, setEdits] = useState<Record<string, Partial<Row>>>({});
  const [busy, setBusy] = useState(false);
  const rows = initial.map((r) => ({ ...r, ...edits[r.key] }));
  const dirty = Object.keys(edits).length > 0;
  const notMet = saved.filter((f) => f.assessment === 'not_met').length;

  const save = async () => {
    setBusy(true);
    try {
      await inspectionsApi.saveFindings(inspection.id, {
        entryId: subject.id,
        findings: rows
          .filter((r) => r.assessment)
          .map((r) => ({ criterionId: r.criterionId, assessment: r.assessment!, note: r.note.trim() || null })),
        revision: inspection.revision,
      });
      setEdits({});
      void message.success(t('inspections.findings.saved', { name: subject.name }));
      await invalidate();
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="findings-panel" data-entry-id={subject.id} style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Link to={`/mo-hinh/${subject.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {subject.name}
          </Typography.Text>
        </Link>
        <span className="dh-muted" style={{ fontSize: 12 }}>
          {subject.ownerUnit.name} · {subject.level.name}
        </span>
        {notMet > 0 && <Tag color="red">{t('inspections.findings.notMetCount', { count: notMet })}</Tag>}
        <span style={{ flex: 1 }} />
        {editable && (
          <Button
            size="small"
            type="primary"
            disabled={!dirty}
            loading={busy}
            onClick={() => void save()}
            data-testid="findings-save"
          >
            {t('inspections.findings.save')}
          </Button>
        )}
      </div>
      {error ? (
        <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>
      ) : isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({
              'data-testid': 'finding-row',
              'data-criterion-id': r.criterionId ?? 'overall',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'criterion',
              title: t('inspections.findings.criterion'),
              render: (_, r) => (
                <div style={{ minWidth: isPhone ? 120 : 160, maxWidth: isPhone ? 180 : 360, whiteSpace: 'normal' }}>
                  {r.criterionId === null ? (
                    <Typography.Text strong>{r.title}</Typography.Text>
                  ) : (
                    `${r.code}. ${r.title}`
                  )}
                </div>
              ),
            },
            {
              key: 'assessment',
              title: t('inspections.findings.assessment'),
              render: (_, r) =>
                editable ? (
                  <Select<Assessment>
                    allowClear
                    value={r.assessment ?? undefined}
                    onChange={(v) => setEdits((e) => ({ ...e, [r.key]: { ...e[r.key], assessment: v ?? null } }))}
                    options={ASSESSMENTS.map((a) => ({ value: a, label: assessmentLabel(a) }))}
                    placeholder={t('inspections.findings.pick')}
                    style={{ width: 170 }}
                    data-testid="finding-assessment"
                  />
                ) : r.assessment ? (
                  <Tag color={ASSESSMENT_COLORS[r.assessment]}>{assessmentLabel(r.assessment)}</Tag>
                ) : (
                  <span className="dh-muted">—</span>
                ),
            },
            {
              key: 'note',
              title: t('inspections.findings.note'),
              render: (_, r) =>
                editable ? (
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={2000}
                    value={r.note}
                    onChange={(ev) => {
                      const note = ev.target.value;
                      setEdits((e) => ({ ...e, [r.key]: { ...e[r.key], note } }));
                    }}
                    style={{ minWidth: 220 }}
                    data-testid="finding-note"
                  />
                ) : (
                  <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{r.note || '—'}</div>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
