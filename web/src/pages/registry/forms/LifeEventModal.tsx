/**
 * Diễn biến của một mô hình, điển hình trong danh sách — each dated, with a
 * reason, the deciding document and attachments: chuyển cấp, đổi tên, điều
 * chỉnh nội dung, đưa ra khỏi danh sách, thay thế bằng…, chuyển đi, khôi phục.
 */
import { Alert, App, Col, Form, Input, Row } from 'antd';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail, TLifeEventBody } from '../../../api/types.ts';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { FilesUploadField } from '../../../components/FilesUploadField.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LevelSelect } from '../../../components/LevelSelect.tsx';
import { PlanSelect } from '../../../components/PlanSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { DatedReasonFields } from './DatedReasonFields.tsx';
import { today } from '../../../lib/dates.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';

export type LifeEventKind = TLifeEventBody['kind'];

interface Values {
  effectiveDate: string;
  reason: string;
  documentId: number | null;
  fileIds: number[];
  toLevelId?: number | null;
  name?: string;
  content?: string | null;
  goals?: string | null;
  commitments?: string | null;
  planId?: number | null;
  responsibleUnitId?: number | null;
  position?: string | null;
  replacementId?: number | null;
  transferredTo?: string;
  levelId?: number | null;
}

const TITLES: Record<LifeEventKind, MessageKey> = {
  level_changed: 'registry.event.level_changed',
  renamed: 'registry.event.renamed',
  content_adjusted: 'registry.event.content_adjusted',
  removed: 'registry.event.removed',
  replaced: 'registry.action.replaced',
  transferred_out: 'registry.event.transferred_out',
  reinstated: 'registry.action.reinstated',
};

const HELP: Record<LifeEventKind, MessageKey> = {
  level_changed: 'registry.life.help.level_changed',
  renamed: 'registry.life.help.renamed',
  content_adjusted: 'registry.life.help.content_adjusted',
  removed: 'registry.life.help.removed',
  replaced: 'registry.life.help.replaced',
  transferred_out: 'registry.life.help.transferred_out',
  reinstated: 'registry.life.help.reinstated',
};

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function body(kind: LifeEventKind, entry: TEntryDetail, v: Values): TLifeEventBody {
  const base = {
    effectiveDate: v.effectiveDate,
    reason: v.reason,
    documentId: v.documentId ?? null,
    fileIds: v.fileIds ?? [],
    revision: entry.revision,
  };
  switch (kind) {
    case 'level_changed':
      return { kind, toLevelId: v.toLevelId!, ...base };
    case 'renamed':
      return { kind, name: v.name ?? '', ...base };
    case 'content_adjusted': {
      // Only what changed is sent: the event records exactly those changes.
      const out: Extract<TLifeEventBody, { kind: 'content_adjusted' }> = { kind, ...base };
      if (blank(v.content) !== entry.content) out.content = blank(v.content);
      if (blank(v.goals) !== entry.goals) out.goals = blank(v.goals);
      if (blank(v.commitments) !== entry.commitments) out.commitments = blank(v.commitments);
      if ((v.planId ?? null) !== entry.planId) out.planId = v.planId ?? null;
      if ((v.responsibleUnitId ?? null) !== (entry.responsibleUnit?.id ?? null))
        out.responsibleUnitId = v.responsibleUnitId ?? null;
      if (entry.kind === 'exemplar' && blank(v.position) !== entry.position) out.position = blank(v.position);
      return out;
    }
    case 'removed':
      return { kind, ...base };
    case 'replaced':
      return { kind, replacementId: v.replacementId!, ...base };
    case 'transferred_out':
      return { kind, transferredTo: v.transferredTo ?? '', ...base };
    case 'reinstated':
      return { kind, levelId: v.levelId ?? null, ...base };
  }
}

interface Props {
  kind: LifeEventKind;
  entry: TEntryDetail;
  onClose: () => void;
  onDone: (e: TEntryDetail) => void;
}

export function LifeEventModal({ kind, entry, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const testId = `entry-event-${kind}`;
  const danger = kind === 'removed' || kind === 'transferred_out' || kind === 'replaced';
  const initial: Partial<Values> = {
    effectiveDate: today(),
    reason: '',
    documentId: null,
    fileIds: [],
    ...(kind === 'renamed' ? { name: entry.name } : {}),
    ...(kind === 'content_adjusted'
      ? {
          content: entry.content,
          goals: entry.goals,
          commitments: entry.commitments,
          planId: entry.planId,
          responsibleUnitId: entry.responsibleUnit?.id ?? null,
          position: entry.position,
        }
      : {}),
    ...(kind === 'level_changed' ? { toLevelId: null } : {}),
    ...(kind === 'replaced' ? { replacementId: null } : {}),
    ...(kind === 'transferred_out' ? { transferredTo: '' } : {}),
    ...(kind === 'reinstated' ? { levelId: entry.level.id } : {}),
  };
  return (
    <FormModal<Values>
      open
      width={680}
      title={`${t(TITLES[kind])}: ${entry.name}`}
      testId={testId}
      danger={danger}
      okText={t(TITLES[kind])}
      onClose={onClose}
      initialValues={initial}
      onSubmit={(v) => registryApi.event(entry.id, body(kind, entry, v))}
      onDone={(result) => {
        void message.success(t('registry.done.event', { what: t(TITLES[kind]), name: entry.name }));
        onDone(result as TEntryDetail);
      }}
    >
      <Alert
        type={danger ? 'warning' : 'info'}
        style={{ marginBottom: 16 }}
        title={t(HELP[kind], { level: entry.level.name })}
      />
      {kind === 'level_changed' && (
        <Form.Item
          name="toLevelId"
          label={t('registry.field.toLevel')}
          rules={[{ required: true, message: t('registry.form.levelRequired') }]}
        >
          <LevelSelect exclude={[entry.level.id]} testId={`${testId}-level`} />
        </Form.Item>
      )}
      {kind === 'renamed' && (
        <Form.Item
          name="name"
          label={t('registry.field.newName')}
          rules={[{ required: true, whitespace: true, message: t('registry.form.nameRequired') }]}
        >
          <Input maxLength={500} data-testid={`${testId}-name`} />
        </Form.Item>
      )}
      {kind === 'content_adjusted' && (
        <>
          <Form.Item
            name="content"
            label={entry.kind === 'model' ? t('registry.field.content') : t('registry.field.personalPlan')}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
          </Form.Item>
          {entry.kind === 'model' && (
            <Form.Item name="goals" label={t('registry.field.goals')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          )}
          <Form.Item name="commitments" label={t('registry.field.commitments')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="planId" label={t('registry.field.plan')}>
                <PlanSelect known={entry.plan} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              {entry.kind === 'model' ? (
                <Form.Item name="responsibleUnitId" label={t('registry.field.responsibleUnit')}>
                  <UnitSelect known={entry.responsibleUnit ? [entry.responsibleUnit] : []} />
                </Form.Item>
              ) : (
                <Form.Item name="position" label={t('registry.field.position')}>
                  <Input maxLength={300} />
                </Form.Item>
              )}
            </Col>
          </Row>
        </>
      )}
      {kind === 'replaced' && (
        <Form.Item
          name="replacementId"
          label={t('registry.field.replacement')}
          tooltip={t('registry.life.replacementHelp')}
          rules={[{ required: true, message: t('registry.form.replacementRequired') }]}
        >
          <EntrySelect kind={entry.kind} excludeId={entry.id} testId={`${testId}-replacement`} />
        </Form.Item>
      )}
      {kind === 'transferred_out' && (
        <Form.Item
          name="transferredTo"
          label={t('registry.field.transferredTo')}
          rules={[{ required: true, whitespace: true, message: t('registry.form.transferredToRequired') }]}
        >
          <Input
            maxLength={300}
            placeholder={t('registry.life.transferredToPlaceholder')}
            data-testid={`${testId}-to`}
          />
        </Form.Item>
      )}
      {kind === 'reinstated' && (
        <Form.Item name="levelId" label={t('registry.field.reinstateLevel')}>
          <LevelSelect testId={`${testId}-level`} />
        </Form.Item>
      )}
      <DatedReasonFields testId={testId} />
      <Form.Item name="documentId" label={t('registry.field.decision')} tooltip={t('change.documentHelp')}>
        <DocumentSelect testId={`${testId}-document`} />
      </Form.Item>
      <Form.Item name="fileIds" label={t('registry.field.files')}>
        <FilesUploadField testId={`${testId}-files`} />
      </Form.Item>
    </FormModal>
  );
}
