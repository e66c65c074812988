/** Add a form (with its first rule), edit a form, issue a new rule version — system administrators. */
import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { AWARD_KINDS, AWARD_SUBJECTS, ZCreateAwardFormBody } from '@common/schemas/honours.ts';
import { honoursApi, type TAwardForm, type TAwardRuleInput, type TCreateAwardFormBody } from '../../api/honours.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { today } from '../../lib/dates.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { AwardRuleFields, emptyRule } from './AwardRuleFields.tsx';

export type AwardEditing = { mode: 'create' } | { mode: 'edit'; form: TAwardForm } | { mode: 'rule'; form: TAwardForm };

const S = ZCreateAwardFormBody.shape;

function KindSubjectFields() {
  return (
    <>
      <Form.Item name="kind" label={t('honours.form.kind')} rules={[zodRule(S.kind)]} required>
        <Select
          options={AWARD_KINDS.map((k) => ({ value: k, label: t(`honours.kind.${k}` as MessageKey) }))}
          data-testid="award-form-kind"
        />
      </Form.Item>
      <Form.Item name="subject" label={t('honours.form.subject')} rules={[zodRule(S.subject)]} required>
        <Select
          options={AWARD_SUBJECTS.map((k) => ({ value: k, label: t(`honours.subject.${k}` as MessageKey) }))}
          data-testid="award-form-subject"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('honours.form.sortOrder')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

export function AwardFormModal({
  editing,
  onClose,
  onDone,
}: {
  editing: AwardEditing | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!editing) return null;
  if (editing.mode === 'create') {
    const initial: TCreateAwardFormBody = {
      code: '',
      name: '',
      kind: 'certificate',
      subject: 'both',
      sortOrder: 100,
      rule: emptyRule(today()),
    };
    return (
      <FormModal<TCreateAwardFormBody>
        open
        width={640}
        title={t('honours.form.createTitle')}
        testId="award-form-create-form"
        onClose={onClose}
        initialValues={initial}
        onSubmit={(values) => honoursApi.createAwardForm({ ...values, sortOrder: values.sortOrder ?? 0 })}
        onDone={(_, values) => {
          void message.success(t('honours.form.created', { name: values.name }));
          onDone();
        }}
      >
        <Form.Item
          name="code"
          label={t('honours.form.code')}
          extra={t('honours.form.codeHelp')}
          rules={[zodRule(S.code)]}
          required
        >
          <Input maxLength={40} autoComplete="off" data-testid="award-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('honours.form.name')} rules={[zodRule(S.name)]} required>
          <Input maxLength={300} data-testid="award-form-name" />
        </Form.Item>
        <KindSubjectFields />
        <AwardRuleFields prefix={['rule']} />
      </FormModal>
    );
  }
  const form = editing.form;
  if (editing.mode === 'edit') {
    type Values = {
      name: string;
      kind: TAwardForm['kind'];
      subject: TAwardForm['subject'];
      sortOrder: number;
      active: boolean;
    };
    return (
      <FormModal<Values>
        open
        width={560}
        title={t('honours.form.editTitle', { name: form.name })}
        testId="award-form-edit-form"
        onClose={onClose}
        initialValues={{
          name: form.name,
          kind: form.kind,
          subject: form.subject,
          sortOrder: form.sortOrder,
          active: form.active,
        }}
        onSubmit={(values) =>
          honoursApi.updateAwardForm(form.id, { ...values, sortOrder: values.sortOrder ?? 0, revision: form.revision })
        }
        onDone={(_, values) => {
          void message.success(t('honours.form.updated', { name: values.name }));
          onDone();
        }}
      >
        <Form.Item name="name" label={t('honours.form.name')} rules={[zodRule(S.name)]} required>
          <Input maxLength={300} />
        </Form.Item>
        <KindSubjectFields />
        <Form.Item
          name="active"
          label={t('honours.form.active')}
          valuePropName="checked"
          extra={t('honours.form.activeHelp')}
        >
          <Switch />
        </Form.Item>
      </FormModal>
    );
  }
  const current = form.rule;
  const initial: TAwardRuleInput = current
    ? {
        validFrom: today(),
        grantorKind: current.grantorKind,
        grantorLevelId: current.grantorLevel?.id ?? null,
        councilRequired: current.councilRequired,
        ballot: current.ballot,
        threshold: `${current.threshold.num}/${current.threshold.den}`,
        comparison: current.comparison,
        basis: current.basis,
        quorum: `${current.quorum.num}/${current.quorum.den}`,
        disclosureDays: current.disclosureDays,
        legalBasis: current.legalBasis,
        note: null,
      }
    : emptyRule(today());
  return (
    <FormModal<TAwardRuleInput>
      open
      width={640}
      title={t('honours.rule.createTitle', { name: form.name })}
      testId="award-rule-form"
      onClose={onClose}
      initialValues={initial}
      onSubmit={(values) => honoursApi.addRule(form.id, values)}
      onDone={() => {
        void message.success(t('honours.rule.created', { name: form.name }));
        onDone();
      }}
    >
      <AwardRuleFields prefix={[]} />
    </FormModal>
  );
}
