/**
 * Đăng ký mô hình / điển hình, or sửa hồ sơ đăng ký (nháp, bị trả lại), in a
 * drawer (full width on phones).
 *
 * A model: owner unit, field (only those for models, usable by the unit), name,
 * content and goals, start date, plan, commitments, level, responsible unit,
 * and the model it replicates. An exemplar: a person picked from the people
 * registry within a unit, position (from the person), party unit, field,
 * personal plan (content), level. Save as a draft, send for approval, or — for
 * the operator of the level — put on the list at once.
 */
import { useEffect, useMemo } from 'react';
import { Alert, App, Col, Descriptions, Form, Input, Row, Segmented } from 'antd';
import { registryApi } from '../../../api/registry.ts';
import type { EntryKind, TEntryDetail } from '../../../api/types.ts';
import { useCan } from '../../../auth/me.ts';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { FieldSelect } from '../../../components/FieldSelect.tsx';
import { FormDrawer, type FormDrawerAction } from '../../../components/FormDrawer.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { LevelSelect, useLevelList } from '../../../components/LevelSelect.tsx';
import { PlanSelect } from '../../../components/PlanSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../labels.ts';
import { AcceptNowFields } from './entry-form/AcceptNowFields.tsx';
import { EntryIdentityFields } from './entry-form/EntryIdentityFields.tsx';
import {
  changes,
  formField,
  fromEntry,
  newEntry,
  registration,
  rules,
  TEXT_MAX,
  type Values,
} from './entry-form/entry-values.ts';

interface Props {
  open: boolean;
  /** The kind of a new registration (ignored when editing). */
  kind: EntryKind;
  /** null: a new registration; otherwise the draft or returned registration to edit. */
  entry: TEntryDetail | null;
  onClose: () => void;
  onSaved: (entry: TEntryDetail) => void;
}

type Mode = 'draft' | 'submit';

export function EntryFormDrawer({ open, kind: newKind, entry, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const canApprove = useCan('registry.approve');
  const { data: levels } = useLevelList();
  const kind: EntryKind = Form.useWatch('kind', form) ?? entry?.kind ?? newKind;
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? null;
  const acceptNow = Form.useWatch('acceptNow', form) ?? false;
  const editing = entry !== null;

  const defaultLevel = useMemo(() => levels?.find((l) => l.code === 'co_so' && l.active)?.id ?? null, [levels]);

  // Reset when the drawer opens or the entry changes (not when the level list arrives: that would wipe what
  // was typed); the usual level is filled in by the next effect, which runs right after this one.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(entry ? fromEntry(entry) : newEntry(newKind, null));
  }, [open, entry, newKind, form]);

  // The level list may arrive after the drawer opened: fill in the usual level if none is chosen yet.
  useEffect(() => {
    if (open && !entry && defaultLevel && !form.getFieldValue('levelId'))
      form.setFieldsValue({ levelId: defaultLevel });
  }, [open, entry, defaultLevel, form]);

  const save = async (values: Values, mode: Mode): Promise<TEntryDetail> => {
    if (!entry) return registryApi.create(registration(values, mode));
    const body = changes(entry, values);
    const saved = Object.keys(body).length > 1 ? await registryApi.update(entry.id, body) : entry;
    return mode === 'submit' ? registryApi.submit(entry.id, saved.revision) : saved;
  };

  const title = editing
    ? t('registry.form.editTitle', { name: entry.name })
    : kind === 'model'
      ? t('registry.create.model')
      : t('registry.create.exemplar');

  const actions: FormDrawerAction<Mode>[] = [];
  if (!acceptNow)
    actions.push({
      key: 'draft',
      label: editing ? t('common.save') : t('registry.form.saveDraft'),
      testId: 'entry-save-draft',
    });
  if (!editing || entry.can.submit)
    actions.push({
      key: 'submit',
      primary: true,
      label: acceptNow
        ? t('registry.form.acceptNowButton')
        : editing
          ? t('registry.form.saveAndSubmit')
          : t('registry.form.submit'),
      testId: 'entry-submit',
    });

  return (
    <FormDrawer<Values, Mode, TEntryDetail>
      open={open}
      onClose={onClose}
      title={title}
      width={720}
      form={form}
      actions={actions}
      onSubmit={save}
      onDone={(saved) => {
        const done =
          saved.status === 'active'
            ? 'registry.done.accepted'
            : saved.status === 'submitted'
              ? 'registry.done.submitted'
              : 'registry.done.saved';
        void message.success(t(done, { name: saved.name }));
        onSaved(saved);
      }}
      mapField={(field, values) => formField(values.kind)(field)}
      formTestId="entry-form"
    >
      {entry?.status === 'returned' && entry.returnReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('registry.returnedTitle')}
          description={entry.returnReason}
          data-testid="entry-form-return-reason"
        />
      )}
      <Form.Item name="kind" label={t('registry.field.kind')} hidden={editing}>
        <Segmented
          block
          options={[
            { value: 'model', label: kindLabel('model') },
            { value: 'exemplar', label: kindLabel('exemplar') },
          ]}
          onChange={() => form.setFieldsValue({ fieldId: null, personId: null, replicatesId: null })}
          data-testid="entry-kind"
        />
      </Form.Item>
      {editing && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'kind', label: t('registry.field.kind'), children: kindLabel(entry.kind) },
            { key: 'owner', label: t('registry.field.ownerUnit'), children: entry.ownerUnit.name },
            ...(entry.person
              ? [{ key: 'person', label: t('registry.field.person'), children: entry.person.name }]
              : []),
          ]}
        />
      )}

      <EntryIdentityFields form={form} kind={kind} entry={entry} ownerUnitId={ownerUnitId} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="fieldId"
            label={t('registry.field.field')}
            rules={[{ required: true, message: t('registry.form.fieldRequired') }]}
          >
            <FieldSelect
              kind={kind}
              forUnitId={editing ? entry.ownerUnit.id : ownerUnitId}
              known={entry?.field ?? null}
              testId="entry-field"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="levelId"
            label={t('registry.field.level')}
            tooltip={t('registry.form.levelHelp')}
            rules={[{ required: true, message: t('registry.form.levelRequired') }]}
          >
            <LevelSelect testId="entry-level" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="content"
        label={kind === 'model' ? t('registry.field.content') : t('registry.field.personalPlan')}
        rules={rules.content}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={TEXT_MAX.content}
          showCount
          data-testid="entry-content"
        />
      </Form.Item>
      {kind === 'model' && (
        <Form.Item name="goals" label={t('registry.field.goals')} rules={rules.goals}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={TEXT_MAX.goals} />
        </Form.Item>
      )}
      <Form.Item name="commitments" label={t('registry.field.commitments')} rules={rules.commitments}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={TEXT_MAX.commitments} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="startedOn" label={t('registry.field.startedOn')}>
            <IsoDatePicker noFuture data-testid="entry-started-on" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="planId" label={t('registry.field.plan')}>
            <PlanSelect activeOnly known={entry?.plan ?? null} testId="entry-plan" />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'model' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="responsibleUnitId"
              label={t('registry.field.responsibleUnit')}
              tooltip={t('registry.form.responsibleHelp')}
            >
              <UnitSelect known={entry?.responsibleUnit ? [entry.responsibleUnit] : []} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="replicatesId"
              label={t('registry.field.replicates')}
              tooltip={t('registry.form.replicatesHelp')}
            >
              <EntrySelect
                kind="model"
                excludeId={entry?.id}
                known={entry?.replicates ?? null}
                testId="entry-replicates"
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {!editing && canApprove && <AcceptNowFields acceptNow={acceptNow} />}
    </FormDrawer>
  );
}
