/**
 * Theo dõi, đôn đốc: the notes, visits and reminders recorded on an entry,
 * newest first, and — for its active monitors and the operators of its
 * level (the server's `canWrite`) — a form to record one with attachments.
 */
import { useState } from 'react';
import { App, Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ZMonitorNoteBody } from '@common/schemas/monitoring.ts';
import { monitoringApi, type MonitorNoteKind, type TMonitorNote } from '../../../api/inspections.ts';
import { FilesUploadField } from '../../../components/FilesUploadField.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';

export const NOTE_KIND_KEYS: Record<MonitorNoteKind, MessageKey> = {
  note: 'monitoring.kind.note',
  visit: 'monitoring.kind.visit',
  urge: 'monitoring.kind.urge',
};
const NOTE_KIND_COLORS: Record<MonitorNoteKind, string> = { note: 'default', visit: 'cyan', urge: 'orange' };

interface Values {
  kind: MonitorNoteKind;
  occurredOn: string;
  content: string;
  fileIds: number[];
}

const PAGE_SIZE = 10;

function NoteItem({ note }: { note: TMonitorNote }) {
  return (
    <List.Item data-testid="monitor-note" data-kind={note.kind}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Tag color={NOTE_KIND_COLORS[note.kind]}>{t(NOTE_KIND_KEYS[note.kind])}</Tag>
          <Typography.Text strong>{formatDateVi(note.occurredOn)}</Typography.Text>
        </Space>
        <div style={{ whiteSpace: 'pre-wrap' }}>{note.content}</div>
        {note.files.map((f) => (
          <div key={f.id} style={{ fontSize: 13 }}>
            <PaperClipOutlined />{' '}
            <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
              {f.name}
            </a>
          </div>
        ))}
        {note.recordedBy && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note.recordedBy}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

export function MonitorNotes({ entryId }: { entryId: number }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['registry', 'monitor-notes', entryId, page],
    queryFn: () => monitoringApi.notes(entryId, page, PAGE_SIZE),
  });

  if (error) return <Typography.Text type="danger">{t('monitoring.unavailable')}</Typography.Text>;

  return (
    <div data-testid="monitor-notes">
      {data?.canWrite && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 8 }}
          data-testid="monitor-note-add"
        >
          {t('monitoring.add')}
        </Button>
      )}
      {!isPending && data && data.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.none')} />
      ) : (
        <List<TMonitorNote>
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          rowKey="id"
          renderItem={(note) => <NoteItem note={note} />}
          pagination={
            data && data.total > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: data.total, size: 'small', onChange: setPage }
              : false
          }
        />
      )}
      <FormModal<Values>
        open={open}
        title={t('monitoring.form.title')}
        testId="monitor-note-form"
        onClose={() => setOpen(false)}
        initialValues={{ kind: 'note', occurredOn: today(), content: '', fileIds: [] }}
        onSubmit={(v) =>
          monitoringApi.record(entryId, {
            kind: v.kind,
            occurredOn: v.occurredOn,
            content: v.content,
            fileIds: v.fileIds ?? [],
          })
        }
        onDone={() => {
          void message.success(t('monitoring.done'));
          setPage(1);
          void client.invalidateQueries({ queryKey: ['registry'] });
        }}
      >
        <Form.Item name="kind" label={t('monitoring.field.kind')}>
          <Select
            options={(Object.keys(NOTE_KIND_KEYS) as MonitorNoteKind[]).map((k) => ({
              value: k,
              label: t(NOTE_KIND_KEYS[k]),
            }))}
            data-testid="monitor-note-kind"
          />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('monitoring.field.occurredOn')}
          rules={[{ required: true, message: t('monitoring.form.dateRequired') }]}
        >
          <IsoDatePicker noFuture data-testid="monitor-note-date" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('monitoring.field.content')}
          rules={[zodRule(ZMonitorNoteBody.shape.content)]}
          required
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="monitor-note-content" />
        </Form.Item>
        <Form.Item name="fileIds" label={t('monitoring.field.files')}>
          <FilesUploadField testId="monitor-note-files" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
