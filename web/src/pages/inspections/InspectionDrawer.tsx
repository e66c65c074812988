/**
 * Lập / sửa đợt kiểm tra, giám sát: the inspecting unit, kind, title,
 * deciding document, dates, status (forward only), the team as editable rows
 * and the entries covered. Members and entries are sent as whole lists.
 */
import { useEffect } from 'react';
import { App, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZCreateInspectionBody, ZMemberInput } from '@common/schemas/inspections.ts';
import {
  inspectionsApi,
  type InspectionKind,
  type InspectionStatus,
  type MemberRole,
  type TInspectionDetail,
  type TUpdateInspectionBody,
} from '../../api/inspections.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { DocumentSelect } from '../../components/DocumentSelect.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PersonSelect } from '../../components/PersonSelect.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { EntryMultiSelect } from './EntryMultiSelect.tsx';
import { INSPECTION_KINDS, MEMBER_ROLES, kindLabel, roleLabel, statusLabel } from './labels.ts';

interface MemberValues {
  fullName: string;
  position: string | null;
  role: MemberRole;
  personId: number | null;
}

interface Values {
  ownerUnitId: number | null;
  kind: InspectionKind;
  title: string;
  documentId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  status: InspectionStatus;
  members: MemberValues[];
  entryIds: number[];
}

const rules = {
  title: [zodRule(ZCreateInspectionBody.shape.title)],
  fullName: [zodRule(ZMemberInput.shape.fullName)],
};

function membersOut(values: { members?: MemberValues[] }) {
  return (values.members ?? []).map((m) => ({
    fullName: m.fullName?.trim() ?? '',
    position: m.position?.trim() || null,
    role: m.role,
    personId: m.personId ?? null,
  }));
}

function fromDetail(d: TInspectionDetail): Values {
  return {
    ownerUnitId: d.ownerUnit.id,
    kind: d.kind,
    title: d.title,
    documentId: d.document?.id ?? null,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    status: d.status,
    members: d.members.map((m) => ({ fullName: m.fullName, position: m.position, role: m.role, personId: m.personId })),
    entryIds: d.subjects.map((s) => s.id),
  };
}

function MemberRows({ isPhone }: { isPhone: boolean }) {
  const form = Form.useFormInstance<Values>();
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <div data-testid="inspection-members">
          {!isPhone && fields.length > 0 && (
            <Row gutter={8} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col md={6}>{t('inspections.member.person')}</Col>
              <Col md={6}>{t('inspections.member.fullName')}</Col>
              <Col md={6}>{t('inspections.member.position')}</Col>
              <Col md={4}>{t('inspections.member.role')}</Col>
            </Row>
          )}
          {fields.map((field) => (
            <Row
              key={field.key}
              gutter={8}
              align="top"
              className={isPhone ? 'dh-criterion' : undefined}
              data-testid="inspection-member-row"
            >
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'personId']} label={label('inspections.member.person')}>
                  <PersonSelect
                    onChange={(id, person) => {
                      form.setFieldValue(['members', field.name, 'personId'], id);
                      if (person) {
                        form.setFieldValue(['members', field.name, 'fullName'], person.fullName);
                        if (person.position) form.setFieldValue(['members', field.name, 'position'], person.position);
                      }
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name={[field.name, 'fullName']}
                  label={label('inspections.member.fullName')}
                  rules={rules.fullName}
                  required={isPhone}
                >
                  <Input maxLength={200} data-testid="inspection-member-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'position']} label={label('inspections.member.position')}>
                  <Input maxLength={300} data-testid="inspection-member-position" />
                </Form.Item>
              </Col>
              <Col xs={20} md={4}>
                <Form.Item name={[field.name, 'role']} label={label('inspections.member.role')}>
                  <Select
                    options={MEMBER_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                    popupMatchSelectWidth={false}
                    data-testid="inspection-member-role"
                  />
                </Form.Item>
              </Col>
              <Col xs={4} md={2} style={{ textAlign: 'right', paddingTop: isPhone ? 30 : 0 }}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 50}
            onClick={() =>
              add({ fullName: '', position: null, role: fields.length === 0 ? 'lead' : 'member', personId: null })
            }
            data-testid="inspection-member-add"
          >
            {t('inspections.member.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

interface Props {
  /** null: closed; 'new': create; an inspection: edit. */
  inspection: TInspectionDetail | 'new' | null;
  onClose: () => void;
  onSaved: (saved: TInspectionDetail) => void;
}

export function InspectionDrawer({ inspection, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const editing = inspection && inspection !== 'new' ? inspection : null;
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? null;

  useEffect(() => {
    if (!inspection) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? fromDetail(editing)
        : {
            ownerUnitId: null,
            kind: 'inspection',
            title: '',
            documentId: null,
            startsOn: null,
            endsOn: null,
            status: 'planned',
            members: [],
            entryIds: [],
          },
    );
  }, [inspection, editing, form]);

  const precheck = (values: Values) => {
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) {
      form.setFields([{ name: ['endsOn'], errors: [t('inspections.form.endBeforeStart')] }]);
      return false;
    }
    return true;
  };

  const save = (values: Values): Promise<TInspectionDetail> => {
    if (editing) {
      const before = fromDetail(editing);
      const body: TUpdateInspectionBody = { revision: editing.revision };
      if (values.kind !== before.kind) body.kind = values.kind;
      if (values.title.trim() !== before.title) body.title = values.title;
      if ((values.documentId ?? null) !== before.documentId) body.documentId = values.documentId ?? null;
      if (values.startsOn !== before.startsOn) body.startsOn = values.startsOn!;
      if ((values.endsOn ?? null) !== before.endsOn) body.endsOn = values.endsOn ?? null;
      if (values.status !== before.status && values.status !== 'concluded') body.status = values.status;
      if (JSON.stringify(membersOut(values)) !== JSON.stringify(membersOut(before))) body.members = membersOut(values);
      if (JSON.stringify([...(values.entryIds ?? [])].sort()) !== JSON.stringify([...before.entryIds].sort()))
        body.entryIds = values.entryIds ?? [];
      return inspectionsApi.update(editing.id, body);
    }
    return inspectionsApi.create({
      ownerUnitId: values.ownerUnitId!,
      kind: values.kind,
      title: values.title,
      documentId: values.documentId ?? null,
      startsOn: values.startsOn!,
      endsOn: values.endsOn ?? null,
      members: membersOut(values),
      entryIds: values.entryIds ?? [],
    });
  };

  return (
    <FormDrawer<Values, 'save', TInspectionDetail>
      open={inspection !== null}
      onClose={onClose}
      title={editing ? t('inspections.editTitle', { title: editing.title }) : t('inspections.createTitle')}
      width={960}
      form={form}
      precheck={precheck}
      onSubmit={save}
      onDone={(saved) => {
        void message.success(
          editing
            ? t('inspections.done.updated', { title: saved.title })
            : t('inspections.done.created', { title: saved.title }),
        );
        onSaved(saved);
      }}
      submitTestId="inspection-submit"
      formTestId="inspection-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="ownerUnitId"
            label={t('inspections.field.ownerUnit')}
            tooltip={t('inspections.form.ownerHelp')}
            rules={[{ required: true, message: t('inspections.form.ownerRequired') }]}
          >
            <UnitSelect
              disabled={Boolean(editing)}
              known={editing ? [editing.ownerUnit] : []}
              testId="inspection-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('inspections.field.kind')}>
            <Select
              options={INSPECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              data-testid="inspection-kind"
            />
          </Form.Item>
        </Col>
        {editing && (
          <Col xs={12} md={6}>
            <Form.Item name="status" label={t('inspections.field.status')}>
              <Select
                options={(editing.status === 'planned'
                  ? (['planned', 'in_progress'] as const)
                  : (['in_progress'] as const)
                ).map((s) => ({ value: s, label: statusLabel(s) }))}
                data-testid="inspection-status"
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="title" label={t('inspections.field.title')} rules={rules.title} required>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={500}
          placeholder={t('inspections.form.titlePlaceholder')}
          data-testid="inspection-title"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="documentId"
            label={t('inspections.field.document')}
            tooltip={t('inspections.form.documentHelp')}
          >
            <DocumentSelect
              known={editing?.document ? { ...editing.document, summary: '' } : null}
              testId="inspection-document"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="startsOn"
            label={t('inspections.field.startsOn')}
            rules={[{ required: true, message: t('inspections.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="inspection-starts" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="endsOn" label={t('inspections.field.endsOn')}>
            <IsoDatePicker data-testid="inspection-ends" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="entryIds" label={t('inspections.field.subjects')} tooltip={t('inspections.form.entriesHelp')}>
        <EntryMultiSelect
          unitId={ownerUnitId}
          known={
            editing
              ? editing.subjects.map((s) => ({
                  id: s.id,
                  name: s.name,
                  sub: `${s.ownerUnit.name} · ${s.level.name}`,
                }))
              : []
          }
          testId="inspection-entries"
        />
      </Form.Item>
      <Typography.Title level={5}>{t('inspections.section.team')}</Typography.Title>
      <MemberRows isPhone={isPhone} />
    </FormDrawer>
  );
}
