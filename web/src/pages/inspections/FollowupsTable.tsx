/**
 * Việc phải làm sau kiểm tra: a table of follow-ups (overdue in red) with
 * the close action (done or cancelled, dated, with a note) for those allowed.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { inspectionsApi, type TFollowup } from '../../api/inspections.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { FOLLOWUP_COLORS, followupStatusLabel } from './labels.ts';
import { useInvalidateInspections } from '../../api/inspections.ts';

interface CloseValues {
  status: 'done' | 'cancelled';
  closedOn: string;
  closingNote: string | null;
}

function CloseModal({ followup, onClose }: { followup: TFollowup; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateInspections();
  const [form] = Form.useForm<CloseValues>();
  const status = Form.useWatch('status', form);
  return (
    <FormModal<CloseValues>
      open
      form={form}
      title={t('inspections.followup.closeTitle', { action: followup.action })}
      testId="followup-close"
      width={520}
      okText={t('inspections.followup.close')}
      onClose={onClose}
      initialValues={{ status: 'done', closedOn: today(), closingNote: null }}
      onSubmit={(v) =>
        inspectionsApi.closeFollowup(followup.id, {
          status: v.status,
          closedOn: v.closedOn,
          closingNote: v.closingNote ?? null,
          revision: followup.revision,
        })
      }
      onDone={() => {
        void message.success(t('inspections.followup.closed'));
        void invalidate();
      }}
    >
      <Form.Item name="status" label={t('inspections.followup.result')}>
        <Select
          options={(['done', 'cancelled'] as const).map((s) => ({ value: s, label: followupStatusLabel(s) }))}
          data-testid="followup-close-status"
        />
      </Form.Item>
      <Form.Item
        name="closedOn"
        label={t('inspections.followup.closedOn')}
        rules={[{ required: true, message: t('inspections.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid="followup-close-date" />
      </Form.Item>
      <Form.Item
        name="closingNote"
        label={t('inspections.followup.closingNote')}
        rules={
          status === 'cancelled'
            ? [{ required: true, whitespace: true, message: t('inspections.followup.reasonRequired') }]
            : []
        }
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="followup-close-note" />
      </Form.Item>
    </FormModal>
  );
}

interface Props {
  items: TFollowup[];
  /** Show the inspection each follow-up belongs to (the tracking list). */
  showInspection?: boolean;
  loading?: boolean;
  pagination?: React.ComponentProps<typeof Table<TFollowup>>['pagination'];
}

export function FollowupsTable({ items, showInspection, loading, pagination = false }: Props) {
  const isPhone = useIsPhone();
  const [closing, setClosing] = useState<TFollowup | null>(null);
  return (
    <>
      <Table<TFollowup>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        data-testid="followups-table"
        onRow={(f) =>
          ({
            'data-testid': 'followup-row',
            'data-status': f.status,
            'data-overdue': f.overdue ? 'true' : 'false',
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'action',
            title: t('inspections.followup.action'),
            render: (_, f) => (
              <div style={{ minWidth: 180, maxWidth: isPhone ? 220 : 380, whiteSpace: 'normal' }}>
                <div>{f.action}</div>
                {showInspection && (
                  <Link to={`/kiem-tra/${f.inspectionId}`} style={{ fontSize: 12 }}>
                    {f.inspectionTitle}
                  </Link>
                )}
                {f.closingNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {f.closingNote}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            key: 'entry',
            title: t('inspections.followup.entry'),
            responsive: ['md'],
            render: (_, f) => (f.entry ? <Link to={`/mo-hinh/${f.entry.id}`}>{f.entry.name}</Link> : '—'),
          },
          {
            key: 'unit',
            title: t('inspections.followup.responsibleUnit'),
            responsive: ['md'],
            render: (_, f) => f.responsibleUnit?.name ?? '—',
          },
          {
            key: 'due',
            title: t('inspections.followup.dueOn'),
            render: (_, f) =>
              f.dueOn ? (
                <Typography.Text
                  type={f.overdue ? 'danger' : undefined}
                  strong={f.overdue}
                  data-testid={f.overdue ? 'followup-overdue' : undefined}
                >
                  {formatDateVi(f.dueOn)}
                  {f.overdue ? ` (${t('inspections.followup.overdue')})` : ''}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            key: 'status',
            title: t('inspections.field.status'),
            render: (_, f) => (
              <div>
                <Tag color={FOLLOWUP_COLORS[f.status]}>{followupStatusLabel(f.status)}</Tag>
                {f.closedOn && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {formatDateVi(f.closedOn)}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, f) =>
              f.canClose ? (
                <Button size="small" onClick={() => setClosing(f)} data-testid="followup-close-open">
                  {t('inspections.followup.close')}
                </Button>
              ) : null,
          },
        ]}
      />
      {closing && <CloseModal followup={closing} onClose={() => setClosing(null)} />}
    </>
  );
}
