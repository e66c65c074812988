/**
 * Hợp nhất / sáp nhập: the chosen units end on the effective date; their
 * sub-units, people, role grants and the models and exemplars on the list pass
 * to an existing unit or to a new one. The preview lists those entries, each
 * "sẽ chuyển sang <đơn vị tiếp nhận>": nothing to choose, but seen before confirming.
 */
import { useState } from 'react';
import { Alert, App, Card, Form, Radio, Typography } from 'antd';
import type { TMergeBody, TUnitDetail, TUnitSummary } from '../../../api/types.ts';
import { errorMessage } from '../../../api/client.ts';
import { orgApi, useActiveEntries } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { ActiveEntriesList } from './ActiveEntriesList.tsx';
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
  const newName = Form.useWatch((v: Values) => v.newTarget?.name, form);
  const [targetName, setTargetName] = useState<string | null>(null);
  const notSource = (u: TUnitSummary) => sourceIds.includes(u.id);
  const carried = useActiveEntries(sourceIds, open);
  const target =
    (mode === 'new' ? newName?.trim() || t('restructure.entries.targetNew') : targetName) ??
    t('restructure.entries.targetUnchosen');

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
        void message.success(t('restructure.done.merged', { name: target.name, count: carried.items.length }));
        onDone(target);
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('org.form.mergeHelp')} />
      <Form.Item
        name="sourceIds"
        label={t('org.form.mergeSources')}
        rules={[{ required: true, message: t('org.form.mergeSourcesRequired') }]}
      >
        <UnitSelect multiple known={[{ id: unit.id, name: unit.name }]} testId="merge-units-sources" />
      </Form.Item>
      <Form.Item name="mode" label={t('org.form.mergeTarget')}>
        <Radio.Group
          options={[
            { value: 'existing', label: t('org.form.mergeTargetExisting') },
            { value: 'new', label: <span data-testid="merge-units-mode-new">{t('org.form.mergeTargetNew')}</span> },
          ]}
        />
      </Form.Item>
      {mode === 'new' ? (
        <NewUnitFields prefix={['newTarget']} withParent knownParents={parentRef(unit)} testId="merge-units-new" />
      ) : (
        <Form.Item
          name="targetId"
          label={t('org.form.mergeTargetUnit')}
          rules={[{ required: true, message: t('org.form.mergeTargetRequired') }]}
        >
          <UnitSelect exclude={notSource} onChange={(_, unit) => setTargetName(unit?.name ?? null)} />
        </Form.Item>
      )}
      <Card size="small" title={t('restructure.entries.mergeTitle')} style={{ marginBottom: 16 }}>
        {carried.error && <Alert type="error" showIcon title={errorMessage(carried.error)} />}
        <ActiveEntriesList
          entries={carried.items}
          loading={carried.isPending}
          testId="merge-units-entries"
          fate={() => (
            <Typography.Text type="secondary">{t('restructure.entries.willMoveTo', { target })}</Typography.Text>
          )}
        />
      </Card>
      <ChangeFields testId="merge-units" />
    </FormModal>
  );
}
