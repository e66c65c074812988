/**
 * The uploaded rows: each cell with its value and, in red, the server's
 * problems with it; a cell can be corrected in place (the text as one would
 * type it in Excel); each row can be left out. Rows with problems can be shown alone.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Input, Switch, Table, Tooltip, Typography } from 'antd';
import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { importColumnsFor, type ImportColumnKey } from '@common/schemas/registry-excel.ts';
import type { ImportKind, TImportPreview, TImportProblem, TImportRow } from '../../../api/types.ts';
import { t } from '../../../i18n/index.ts';

export type Fixes = Record<number, Partial<Record<ImportColumnKey, string | null>>>;

interface Props {
  preview: TImportPreview;
  kind: ImportKind;
  skip: Set<number>;
  fixes: Fixes;
  problemsOf: (index: number, own: TImportProblem[]) => TImportProblem[];
  onSkip: (index: number, skipped: boolean) => void;
  onSkipAllWithProblems: () => void;
  onFix: (index: number, key: ImportColumnKey, value: string | null) => void;
}

function Cell({
  row,
  column,
  problems,
  fixed,
  skipped,
  onFix,
}: {
  row: TImportRow;
  column: ImportColumnKey;
  problems: TImportProblem[];
  fixed: string | null | undefined;
  skipped: boolean;
  onFix: (value: string | null) => void;
}) {
  const [editing, setEditing] = useState(false);
  const isFixed = fixed !== undefined;
  const value = isFixed ? fixed : (row.values[column] ?? null);
  const open = isFixed ? [] : problems;

  if (editing) {
    return (
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 1, maxRows: 4 }}
        defaultValue={value ?? ''}
        style={{ minWidth: 180 }}
        data-testid="import-cell-input"
        onBlur={(e) => {
          onFix(e.target.value.trim() ? e.target.value : null);
          setEditing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            (e.target as HTMLTextAreaElement).blur();
          }
          if (e.key === 'Escape') setEditing(false);
        }}
      />
    );
  }
  return (
    <div
      className={open.length > 0 ? 'dh-import-bad' : isFixed ? 'dh-import-fixed' : undefined}
      data-testid="import-cell"
      data-column={column}
      data-problem={open.length > 0 ? 'true' : 'false'}
      style={{ minWidth: 120, maxWidth: 280, whiteSpace: 'normal' }}
    >
      <span>{value ?? <span className="dh-muted">—</span>}</span>
      {!skipped && (
        <Tooltip title={t('import.editCell')}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('import.editCell')}
            onClick={() => setEditing(true)}
            data-testid="import-cell-edit"
          />
        </Tooltip>
      )}
      {isFixed && (
        <Tooltip title={t('import.undoFix', { value: row.values[column] ?? '—' })}>
          <Button
            type="text"
            size="small"
            icon={<UndoOutlined />}
            aria-label={t('import.undo')}
            onClick={() => onFix(row.values[column] ?? null)}
          />
        </Tooltip>
      )}
      {open.map((p, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="import-problem">
          {p.message}
        </Typography.Text>
      ))}
      {isFixed && problems.length > 0 && (
        <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
          {t('import.fixedPending')}
        </Typography.Text>
      )}
    </div>
  );
}

export function ImportPreviewTable({
  preview,
  kind,
  skip,
  fixes,
  problemsOf,
  onSkip,
  onSkipAllWithProblems,
  onFix,
}: Props) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const columns = importColumnsFor(kind);
  const keys = new Set<string>(columns.map((c) => c.key));

  const rows = useMemo(
    () => (onlyProblems ? preview.rows.filter((r) => problemsOf(r.index, r.problems).length > 0) : preview.rows),
    [onlyProblems, preview.rows, problemsOf],
  );

  return (
    <div>
      <div className="dh-toolbar" style={{ alignItems: 'center' }}>
        <span>
          <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} data-testid="import-only-problems" />{' '}
          <Typography.Text>{t('import.onlyProblems')}</Typography.Text>
        </span>
        <Button size="small" onClick={onSkipAllWithProblems} data-testid="import-skip-all-problems">
          {t('import.skipAllProblems')}
        </Button>
      </div>
      <Table<TImportRow>
        rowKey="index"
        size="small"
        bordered
        data-testid="import-table"
        dataSource={rows}
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          showTotal: (total) => t('common.totalRows', { total: total.toLocaleString('vi-VN') }),
        }}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (skip.has(r.index) ? 'dh-import-skipped' : '')}
        onRow={(r) =>
          ({
            'data-testid': 'import-row',
            'data-index': r.index,
            'data-row-number': r.rowNumber,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'skip',
            title: t('import.skip'),
            fixed: 'left',
            width: 70,
            render: (_, r) => (
              <Checkbox
                checked={skip.has(r.index)}
                onChange={(e) => onSkip(r.index, e.target.checked)}
                data-testid="import-skip"
              />
            ),
          },
          { key: 'rowNumber', title: t('import.rowNumber'), width: 60, render: (_, r) => r.rowNumber },
          ...columns.map((c) => ({
            key: c.key,
            title: preview.columns[c.key] ?? c.label[kind],
            render: (_: unknown, r: TImportRow) => (
              <Cell
                row={r}
                column={c.key}
                problems={problemsOf(r.index, r.problems).filter((p) => p.field === c.key)}
                fixed={fixes[r.index]?.[c.key]}
                skipped={skip.has(r.index)}
                onFix={(value) => onFix(r.index, c.key, value)}
              />
            ),
          })),
          {
            key: 'row',
            title: t('import.rowProblems'),
            render: (_: unknown, r: TImportRow) => {
              const own = problemsOf(r.index, r.problems).filter((p) => !keys.has(p.field));
              return own.length === 0 ? null : (
                <div style={{ minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }} className="dh-import-bad">
                  {own.map((p, i) => (
                    <Typography.Text
                      key={i}
                      type="danger"
                      style={{ display: 'block', fontSize: 12 }}
                      data-testid="import-problem"
                    >
                      {p.message}
                    </Typography.Text>
                  ))}
                </div>
              );
            },
          },
        ]}
      />
    </div>
  );
}
