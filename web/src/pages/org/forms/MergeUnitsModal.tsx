/**
 * Hợp nhất / sáp nhập: the chosen units end on the effective date; their
 * sub-units, people and role grants pass to an existing unit or to a new one.
 */
import { Alert, App, Form, Radio } from 'antd';
import type { TMergeBody, TUnitDetail, TUnitSummary } from '../../../api/types.ts';
import { orgApi } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { changeDefaults, parentRef } from './defaults.ts';
import { NewUnitFields } from './NewUnitFields.tsx';

interface Values extends ChangeValues {
  sourceIds: number[];
  mode: 'existing' | 'new';
  targetId?: number;
  newTarget?: NonNullable<TMergeBody['newTarget']>;
}

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (target: TUnitDetail) => void;
}

export function MergeUnitsModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const sourceIds = Form.useWatch('sourceIds', form) ?? [];
  const notSource = (u: TUnitSummary) => sourceIds.includes(u.id);

  const submit = (values: Values) =>
    orgApi.merge({
      sourceIds: values.sourceIds,
      targetId: values.mode === 'existing' ? values.targetId : null,
      newTarget: values.mode === 'new' ? values.newTarget : null,
      effectiveDate: values.effectiveDate,
      documentId: values.documentId ?? null,
      note: values.note ?? null,
    });

  return (
    <FormModal<Values>
      open={open}
      form={form}
      width={720}
      title={t('org.actions.merge')}
      testId="merge-units"
      onClose={onClose}
      initialValues={{
        ...changeDefaults(),
        sourceIds: [unit.id],
        mode: 'existing',
        newTarget: { name: '', typeId: unit.typeId, levelId: unit.levelId, parentId: unit.parentId },
      }}
      onSubmit={submit}
      onDone={(result) => {
        const target = result as TUnitDetail;
        void message.success(t('org.done.merged', { name: target.name }));
        onDone(target);
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('org.form.mergeHelp')} />
      <Form.Item
        name="sourceIds"
        label={t('org.form.mergeSources')}
        rules={[{ required: true, message: t('org.form.mergeSourcesRequired') }]}
      >
        <UnitSelect multiple known={[{ id: unit.id, name: unit.name }]} />
      </Form.Item>
      <Form.Item name="mode" label={t('org.form.mergeTarget')}>
        <Radio.Group
          options={[
            { value: 'existing', label: t('org.form.mergeTargetExisting') },
            { value: 'new', label: t('org.form.mergeTargetNew') },
          ]}
        />
      </Form.Item>
      {mode === 'new' ? (
        <NewUnitFields prefix={['newTarget']} withParent knownParents={parentRef(unit)} />
      ) : (
        <Form.Item
          name="targetId"
          label={t('org.form.mergeTargetUnit')}
          rules={[{ required: true, message: t('org.form.mergeTargetRequired') }]}
        >
          <UnitSelect exclude={notSource} />
        </Form.Item>
      )}
      <ChangeFields testId="merge-units" />
    </FormModal>
  );
}
