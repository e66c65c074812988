/** Chuyển đơn vị cấp trên: the unit moves, with everything under it, to a new parent from an effective date. */
import { Alert, App, Form } from 'antd';
import type { TUnitDetail, TUnitSummary } from '../../../api/types.ts';
import { orgApi } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { changeDefaults } from './defaults.ts';

interface Values extends ChangeValues {
  parentId: number;
}

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (moved: TUnitDetail) => void;
}

export function MoveUnitModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const inside = (u: TUnitSummary) => u.id === unit.id || u.id === unit.parentId || u.path.startsWith(`${unit.path}.`);
  return (
    <FormModal<Values>
      open={open}
      title={t('org.actions.moveTitle', { name: unit.name })}
      testId="move-unit"
      onClose={onClose}
      initialValues={changeDefaults()}
      onSubmit={(values) =>
        orgApi.move(unit.id, { ...values, documentId: values.documentId ?? null, revision: unit.revision })
      }
      onDone={(result) => {
        void message.success(t('org.done.moved', { name: unit.name }));
        onDone(result as TUnitDetail);
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title={t('org.form.moveHelp', { parent: unit.parentName ?? '—' })}
      />
      <Form.Item
        name="parentId"
        label={t('org.form.newParent')}
        rules={[{ required: true, message: t('org.form.parentRequired') }]}
      >
        <UnitSelect exclude={inside} testId="move-unit-parent" />
      </Form.Item>
      <ChangeFields testId="move-unit" />
    </FormModal>
  );
}
