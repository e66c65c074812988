/**
 * Nhập từ Excel (/mo-hinh/nhap-excel), in three steps:
 * 1. chọn loại và đơn vị, tải mẫu (template.xlsx);
 * 2. tải tệp lên → every row with its problems in red on the cell (the
 *    server's Vietnamese messages), each row can be left out ("Bỏ qua") or its
 *    cells corrected in place;
 * 3. xác nhận nhập: all rows or none (the server checks them again) → result.
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Radio, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { IMPORT_COLUMN_KEYS, importColumnsFor, type ImportColumnKey } from '@common/schemas/registry-excel.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { registryApi } from '../../../api/registry.ts';
import type { ImportKind, TImportCommitResult, TImportPreview, TImportProblem } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { UnitSelect, type UnitRef } from '../../../components/UnitSelect.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';
import { useInvalidateRegistry } from '../../../api/registry.ts';
import { kindLabel } from '../labels.ts';
import { ImportPreviewTable, type Fixes } from './ImportPreviewTable.tsx';

const CELL_KEYS = new Set<string>(IMPORT_COLUMN_KEYS);

/**
 * Problems of one row the user has not dealt with: a corrected cell settles its
 * own problems, and any correction settles the row's general ones (e.g. a
 * duplicate); the server checks all of it again when the rows are written.
 */
export function openProblems(
  problems: TImportProblem[],
  fixed: Partial<Record<ImportColumnKey, string | null>> | undefined,
): TImportProblem[] {
  return problems.filter((p) => !(fixed && (p.field in fixed || !CELL_KEYS.has(p.field))));
}

export default function ImportPage() {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const invalidate = useInvalidateRegistry();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('model');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [fixes, setFixes] = useState<Fixes>({});
  /** Problems the server found again when committing, by row index (replace the preview's for those rows). */
  const [recheck, setRecheck] = useState<Record<number, TImportProblem[]> | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'template' | 'upload' | 'commit' | null>(null);
  const [result, setResult] = useState<TImportCommitResult | null>(null);

  const problemsOf = useCallback(
    (index: number, own: TImportProblem[]) => (recheck && index in recheck ? recheck[index]! : recheck ? [] : own),
    [recheck],
  );

  const counts = useMemo(() => {
    if (!preview) return { total: 0, skipped: 0, open: 0, fixed: 0, toWrite: 0, toAccept: 0, toSubmit: 0 };
    let open = 0;
    let fixed = 0;
    let toAccept = 0;
    for (const row of preview.rows) {
      if (skip.has(row.index)) continue;
      if (openProblems(problemsOf(row.index, row.problems), fixes[row.index]).length > 0) open++;
      if (fixes[row.index]) fixed++;
      const listedOn = fixes[row.index]?.listedOn !== undefined ? fixes[row.index]!.listedOn : row.values.listedOn;
      if (listedOn) toAccept++;
    }
    const toWrite = preview.rows.length - skip.size;
    return {
      total: preview.rows.length,
      skipped: skip.size,
      open,
      fixed,
      toWrite,
      toAccept,
      toSubmit: toWrite - toAccept,
    };
  }, [preview, skip, fixes, problemsOf]);

  const downloadTemplate = async () => {
    setBusy('template');
    try {
      await registryApi.template(
        kind,
        unit?.id,
        kind === 'model' ? t('import.templateName.model') : t('import.templateName.exemplar'),
      );
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    if (!unit) return;
    setBusy('upload');
    setCommitError(null);
    try {
      const answer = await registryApi.importPreview(file, kind, unit.id);
      setPreview(answer);
      setSkip(new Set());
      setFixes({});
      setRecheck(null);
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 10 });
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('commit');
    setCommitError(null);
    try {
      const answer = await registryApi.importCommit(preview.importId, { skip: [...skip], fixes });
      setResult(answer);
      void invalidate();
    } catch (e) {
      // Rows still wrong: back to the table with the server's messages on their cells.
      if (e instanceof ApiError && e.code === 'VALIDATION') {
        const byRow: Record<number, TImportProblem[]> = {};
        for (const issue of e.fields) {
          const m = /^rows\.(\d+)\.(.+)$/.exec(issue.field);
          if (!m) continue;
          const index = Number(m[1]);
          (byRow[index] ??= []).push({ field: m[2]!, message: issue.message.replace(/^Dòng \d+:\s*/, '') });
        }
        if (Object.keys(byRow).length > 0) {
          setRecheck(byRow);
          // The corrections were checked: what is still wrong is in the new problems.
          setFixes((all) =>
            Object.fromEntries(
              Object.entries(all).map(([i, f]) => [
                i,
                Object.fromEntries(Object.entries(f).filter(([k]) => !byRow[Number(i)]?.some((p) => p.field === k))),
              ]),
            ),
          );
          setStep(1);
        }
      }
      setCommitError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setStep(0);
    setPreview(null);
    setResult(null);
    setSkip(new Set());
    setFixes({});
    setRecheck(null);
    setCommitError(null);
  };

  const columns = importColumnsFor(kind);

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          size="small"
          orientation={isPhone ? 'vertical' : 'horizontal'}
          items={[
            { title: t('import.step.choose') },
            { title: t('import.step.upload') },
            { title: t('import.step.confirm') },
          ]}
        />
      </Card>

      {step === 0 && (
        <Card size="small" data-testid="import-step-choose">
          <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 640 }}>
            <div>
              <Typography.Text strong>{t('import.kind')}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <Radio.Group
                  value={kind}
                  onChange={(e) => setKind(e.target.value as ImportKind)}
                  options={[
                    { value: 'model', label: kindLabel('model') },
                    { value: 'exemplar', label: kindLabel('exemplar') },
                  ]}
                  data-testid="import-kind"
                />
              </div>
            </div>
            <div>
              <Typography.Text strong>{t('import.unit')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px', fontSize: 12 }}>
                {t('import.unitHelp')}
              </Typography.Paragraph>
              <UnitSelect
                value={unit?.id ?? null}
                known={unit ? [unit] : []}
                onChange={(_id, ref) => setUnit(ref)}
                testId="import-unit"
              />
            </div>
            <Alert
              type="info"
              showIcon
              title={t('import.templateHelp')}
              description={columns.map((c) => c.label[kind] + (c.required ? ' *' : '')).join(' · ')}
            />
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'template'}
                onClick={() => void downloadTemplate()}
                data-testid="import-template"
              >
                {t('import.template')}
              </Button>
              <Button type="primary" disabled={!unit} onClick={() => setStep(1)} data-testid="import-next">
                {t('import.next')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}

      {step === 1 && unit && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-step-upload">
          <Alert
            type="info"
            title={t('import.target', { kind: kindLabel(kind), unit: unit.name })}
            action={
              <Button size="small" onClick={restart}>
                {t('import.change')}
              </Button>
            }
          />
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            multiple={false}
            disabled={busy !== null}
            customRequest={({ file }) => void upload(file as File)}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {busy === 'upload' ? t('import.reading') : preview ? t('import.uploadAnother') : t('import.upload')}
            </p>
            <p className="ant-upload-hint">{t('import.uploadHint')}</p>
          </Upload.Dragger>
          {commitError && <Alert type="error" showIcon title={commitError} data-testid="import-commit-error" />}
          {preview && (
            <>
              <Alert
                type={counts.open > 0 ? 'warning' : 'success'}
                showIcon
                data-testid="import-summary"
                title={t('import.summary', {
                  file: preview.fileName,
                  sheet: preview.sheetName,
                  total: counts.total,
                  clean: preview.summary.clean,
                  problems: preview.summary.withProblems,
                })}
                description={
                  counts.open > 0
                    ? t('import.openProblems', { open: counts.open, skipped: counts.skipped, fixed: counts.fixed })
                    : t('import.ready', { toWrite: counts.toWrite, skipped: counts.skipped, fixed: counts.fixed })
                }
              />
              <ImportPreviewTable
                preview={preview}
                kind={kind}
                skip={skip}
                fixes={fixes}
                problemsOf={problemsOf}
                onSkip={(index, skipped) =>
                  setSkip((all) => {
                    const next = new Set(all);
                    if (skipped) next.add(index);
                    else next.delete(index);
                    return next;
                  })
                }
                onSkipAllWithProblems={() =>
                  setSkip((all) => {
                    const next = new Set(all);
                    for (const row of preview.rows)
                      if (openProblems(problemsOf(row.index, row.problems), fixes[row.index]).length > 0)
                        next.add(row.index);
                    return next;
                  })
                }
                onFix={(index, key, value) =>
                  setFixes((all) => {
                    const row = preview.rows.find((r) => r.index === index);
                    const original = row?.values[key] ?? null;
                    const current = { ...(all[index] ?? {}) };
                    if ((value ?? null) === original && !row?.problems.some((p) => p.field === key))
                      delete current[key];
                    else current[key] = value;
                    const next = { ...all };
                    if (Object.keys(current).length === 0) delete next[index];
                    else next[index] = current;
                    return next;
                  })
                }
              />
              <Space wrap>
                <Button onClick={restart}>{t('import.back')}</Button>
                <Button
                  type="primary"
                  disabled={counts.open > 0 || counts.toWrite === 0}
                  onClick={() => setStep(2)}
                  data-testid="import-to-confirm"
                >
                  {t('import.next')}
                </Button>
                {counts.open > 0 && <Typography.Text type="danger">{t('import.fixFirst')}</Typography.Text>}
              </Space>
            </>
          )}
        </Space>
      )}

      {step === 2 && preview && unit && !result && (
        <Card size="small" data-testid="import-step-confirm">
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('import.confirmTitle', {
                count: counts.toWrite,
                kind: kindLabel(kind).toLowerCase(),
                unit: unit.name,
              })}
            </Typography.Title>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('import.confirmAccept', { count: counts.toAccept })}</li>
              <li>{t('import.confirmSubmit', { count: counts.toSubmit })}</li>
              <li>{t('import.confirmSkip', { count: counts.skipped })}</li>
              <li>{t('import.confirmFixed', { count: counts.fixed })}</li>
            </ul>
            <Alert type="warning" showIcon title={t('import.allOrNothing')} />
            {commitError && <Alert type="error" showIcon title={commitError} />}
            <Space wrap>
              <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
              <Button
                type="primary"
                loading={busy === 'commit'}
                onClick={() => void commit()}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}

      {result && (
        <Card size="small">
          <Result
            status="success"
            data-testid="import-result"
            title={t('import.done', { count: result.createdCount })}
            subTitle={t('import.doneDetail', {
              accepted: result.accepted,
              submitted: result.submitted,
              skipped: result.skipped,
            })}
            extra={[
              <Button type="primary" key="list" onClick={() => void navigate('/mo-hinh')} data-testid="import-to-list">
                {t('import.toList')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('import.again')}
              </Button>,
            ]}
          />
        </Card>
      )}
    </>
  );
}
