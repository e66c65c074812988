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
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Descriptions, Form, Input, Row, Segmented, Space } from 'antd';
import { ActionDrawer } from '../../../components/ActionDrawer.tsx';
import { ZRegisterEntryBody } from '../../../../../common/schemas/registry.ts';
import { errorMessage } from '../../../api/client.ts';
import { registryApi } from '../../../api/registry.ts';
import type { EntryKind, TEntryDetail, TUpdateEntryBody } from '../../../api/types.ts';
import { useCan } from '../../../auth/me.ts';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { FieldSelect } from '../../../components/FieldSelect.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { LevelSelect, useLevelList } from '../../../components/LevelSelect.tsx';
import { PersonSelect } from '../../../components/PersonSelect.tsx';
import { PlanSelect } from '../../../components/PlanSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { applyFieldErrors } from '../../../lib/api-errors.ts';
import { today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../labels.ts';

interface Values {
  kind: EntryKind;
  /** A model's owner unit; for an exemplar, the unit to find the person in (the owner is the person's unit). */
  ownerUnitId: number | null;
  personId: number | null;
  name: string | null;
  position: string | null;
  partyUnitId: number | null;
  fieldId: number | null;
  planId: number | null;
  levelId: number | null;
  responsibleUnitId: number | null;
  startedOn: string | null;
  content: string | null;
  goals: string | null;
  commitments: string | null;
  replicatesId: number | null;
  acceptNow: boolean;
  acceptDate: string | null;
  acceptDocumentId: number | null;
}

interface Props {
  open: boolean;
  /** The kind of a new registration (ignored when editing). */
  kind: EntryKind;
  /** null: a new registration; otherwise the draft or returned registration to edit. */
  entry: TEntryDetail | null;
  onClose: () => void;
  onSaved: (entry: TEntryDetail) => void;
}

const shape = ZRegisterEntryBody.shape;
const rules = {
  name: [zodRule(shape.name)],
  content: [zodRule(shape.content)],
  goals: [zodRule(shape.goals)],
  commitments: [zodRule(shape.commitments)],
  position: [zodRule(shape.position)],
};

const TEXT_MAX = { content: 10000, goals: 5000, commitments: 5000 } as const;

/** The API names the single registration's fields `entry.<field>` and the acceptance's `accept.<field>`. */
function formField(kind: EntryKind) {
  return (field: string) => {
    const name = field.replace(/^entry\./, '');
    if (name === 'accept.effectiveDate' || name === 'effectiveDate') return 'acceptDate';
    if (name === 'accept.documentId' || name === 'documentId') return 'acceptDocumentId';
    if (kind === 'exemplar' && name === 'ownerUnitId') return 'personId';
    return name;
  };
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function changes(entry: TEntryDetail, v: Values): TUpdateEntryBody {
  const body: TUpdateEntryBody = { revision: entry.revision };
  if (entry.kind === 'model' && blank(v.name) && blank(v.name) !== entry.name) body.name = blank(v.name)!;
  if (blank(v.content) !== entry.content) body.content = blank(v.content);
  if (blank(v.goals) !== entry.goals) body.goals = blank(v.goals);
  if (blank(v.commitments) !== entry.commitments) body.commitments = blank(v.commitments);
  if (entry.kind === 'exemplar' && blank(v.position) !== entry.position) body.position = blank(v.position);
  if ((v.partyUnitId ?? null) !== (entry.partyUnit?.id ?? null)) body.partyUnitId = v.partyUnitId ?? null;
  if (v.fieldId && v.fieldId !== entry.field.id) body.fieldId = v.fieldId;
  if ((v.planId ?? null) !== (entry.planId ?? null)) body.planId = v.planId ?? null;
  if (v.levelId && v.levelId !== entry.level.id) body.levelId = v.levelId;
  if ((v.responsibleUnitId ?? null) !== (entry.responsibleUnit?.id ?? null))
    body.responsibleUnitId = v.responsibleUnitId ?? null;
  if ((v.startedOn ?? null) !== (entry.startedOn ?? null)) body.startedOn = v.startedOn ?? null;
  if ((v.replicatesId ?? null) !== (entry.replicates?.id ?? null)) body.replicatesId = v.replicatesId ?? null;
  return body;
}

export function EntryFormDrawer({ open, kind: newKind, entry, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const canApprove = useCan('registry.approve');
  const { data: levels } = useLevelList();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const kind: EntryKind = Form.useWatch('kind', form) ?? entry?.kind ?? newKind;
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? null;
  const acceptNow = Form.useWatch('acceptNow', form) ?? false;
  const editing = entry !== null;

  const defaultLevel = useMemo(() => levels?.find((l) => l.code === 'co_so' && l.active)?.id ?? null, [levels]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (entry) {
      form.setFieldsValue({
        kind: entry.kind,
        ownerUnitId: entry.ownerUnit.id,
        personId: entry.person?.id ?? null,
        name: entry.name,
        position: entry.position,
        partyUnitId: entry.partyUnit?.id ?? null,
        fieldId: entry.field.id,
        planId: entry.planId,
        levelId: entry.level.id,
        responsibleUnitId: entry.responsibleUnit?.id ?? null,
        startedOn: entry.startedOn,
        content: entry.content,
        goals: entry.goals,
        commitments: entry.commitments,
        replicatesId: entry.replicates?.id ?? null,
        acceptNow: false,
        acceptDate: null,
        acceptDocumentId: null,
      });
    } else {
      form.setFieldsValue({
        kind: newKind,
        ownerUnitId: null,
        personId: null,
        name: null,
        position: null,
        partyUnitId: null,
        fieldId: null,
        planId: null,
        levelId: defaultLevel,
        responsibleUnitId: null,
        startedOn: null,
        content: null,
        goals: null,
        commitments: null,
        replicatesId: null,
        acceptNow: false,
        acceptDate: today(),
        acceptDocumentId: null,
      });
    }
    // Reset only when the drawer opens or the entry changes; the default level is filled in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, entry, newKind, form]);

  // The level list may arrive after the drawer opened: fill in the usual level if none is chosen yet.
  useEffect(() => {
    if (open && !entry && defaultLevel && !form.getFieldValue('levelId'))
      form.setFieldsValue({ levelId: defaultLevel });
  }, [open, entry, defaultLevel, form]);

  const save = async (mode: 'draft' | 'submit') => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(mode);
    try {
      let saved: TEntryDetail;
      if (entry) {
        const body = changes(entry, values);
        saved = Object.keys(body).length > 1 ? await registryApi.update(entry.id, body) : entry;
        if (mode === 'submit') saved = await registryApi.submit(entry.id, saved.revision);
      } else {
        const model = values.kind === 'model';
        saved = await registryApi.create({
          entry: {
            kind: values.kind,
            name: model ? blank(values.name) : null,
            content: blank(values.content),
            goals: model ? blank(values.goals) : null,
            commitments: blank(values.commitments),
            ownerUnitId: model ? values.ownerUnitId : null,
            personId: model ? null : values.personId,
            position: model ? null : blank(values.position),
            partyUnitId: model ? null : values.partyUnitId,
            fieldId: values.fieldId!,
            planId: values.planId,
            levelId: values.levelId!,
            responsibleUnitId: values.responsibleUnitId,
            startedOn: values.startedOn,
            replicatesId: model ? values.replicatesId : null,
          },
          submit: mode === 'submit' && !values.acceptNow,
          accept: values.acceptNow ? { effectiveDate: values.acceptDate!, documentId: values.acceptDocumentId } : null,
        });
      }
      const done =
        saved.status === 'active'
          ? 'registry.done.accepted'
          : saved.status === 'submitted'
            ? 'registry.done.submitted'
            : 'registry.done.saved';
      void message.success(t(done, { name: saved.name }));
      onSaved(saved);
      onClose();
    } catch (error) {
      applyFieldErrors(form, error, formField(values.kind));
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const title = editing
    ? t('registry.form.editTitle', { name: entry.name })
    : kind === 'model'
      ? t('registry.create.model')
      : t('registry.create.exemplar');

  const buttons = (
    <Space wrap>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      {!acceptNow && (
        <Button
          loading={busy === 'draft'}
          disabled={busy !== null}
          onClick={() => void save('draft')}
          data-testid="entry-save-draft"
        >
          {editing ? t('common.save') : t('registry.form.saveDraft')}
        </Button>
      )}
      {(!editing || entry.can.submit) && (
        <Button
          type="primary"
          loading={busy === 'submit'}
          disabled={busy !== null}
          onClick={() => void save('submit')}
          data-testid="entry-submit"
        >
          {acceptNow
            ? t('registry.form.acceptNowButton')
            : editing
              ? t('registry.form.saveAndSubmit')
              : t('registry.form.submit')}
        </Button>
      )}
    </Space>
  );

  return (
    <ActionDrawer open={open} onClose={onClose} title={title} width={720} actions={buttons}>
      <Form<Values> form={form} layout="vertical" data-testid="entry-form" scrollToFirstError>
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

        {kind === 'model' ? (
          <>
            {!editing && (
              <Form.Item
                name="ownerUnitId"
                label={t('registry.field.ownerUnit')}
                tooltip={t('registry.form.ownerHelp')}
                rules={[{ required: true, message: t('registry.form.ownerRequired') }]}
              >
                <UnitSelect testId="entry-owner" onChange={() => form.setFieldsValue({ fieldId: null })} />
              </Form.Item>
            )}
            <Form.Item
              name="name"
              label={t('registry.field.modelName')}
              rules={[{ required: true, whitespace: true, message: t('registry.form.nameRequired') }, ...rules.name]}
            >
              <Input maxLength={500} placeholder={t('registry.form.namePlaceholder')} data-testid="entry-name" />
            </Form.Item>
          </>
        ) : (
          !editing && (
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="ownerUnitId"
                  label={t('registry.field.personUnit')}
                  tooltip={t('registry.form.personUnitHelp')}
                >
                  <UnitSelect
                    testId="entry-person-unit"
                    onChange={() => form.setFieldsValue({ personId: null, fieldId: null })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="personId"
                  label={t('registry.field.person')}
                  rules={[{ required: true, message: t('registry.form.personRequired') }]}
                >
                  <PersonSelect
                    unitId={ownerUnitId}
                    testId="entry-person"
                    onChange={(_id, person) => {
                      if (person && !blank(form.getFieldValue('position')))
                        form.setFieldsValue({ position: person.position });
                    }}
                  />
                </Form.Item>
              </Col>
            </Row>
          )
        )}
        {kind === 'exemplar' && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="position" label={t('registry.field.position')} rules={rules.position}>
                <Input maxLength={300} data-testid="entry-position" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="partyUnitId"
                label={t('registry.field.partyUnit')}
                tooltip={t('registry.form.partyUnitHelp')}
              >
                <UnitSelect known={entry?.partyUnit ? [entry.partyUnit] : []} testId="entry-party-unit" />
              </Form.Item>
            </Col>
          </Row>
        )}
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
        {!editing && canApprove && (
          <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0' }}>
            <Form.Item name="acceptNow" valuePropName="checked" extra={t('registry.form.acceptNowHelp')}>
              <Checkbox data-testid="entry-accept-now">{t('registry.form.acceptNow')}</Checkbox>
            </Form.Item>
            {acceptNow && (
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item
                    name="acceptDate"
                    label={t('registry.field.listedOn')}
                    rules={[{ required: true, message: t('registry.form.dateRequired') }]}
                  >
                    <IsoDatePicker noFuture data-testid="entry-accept-date" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="acceptDocumentId" label={t('registry.field.decision')}>
                    <DocumentSelect />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </div>
        )}
      </Form>
    </ActionDrawer>
  );
}
