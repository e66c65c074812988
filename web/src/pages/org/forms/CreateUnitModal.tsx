/** Thêm đơn vị trực thuộc (or a top unit, for a system administrator). */
import { Alert, App } from 'antd';
import type { TCreateUnitBody, TUnitDetail } from '../../../api/types.ts';
import { orgApi } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';
import { useLevels } from '../../../api/org.ts';
import { changeDefaults, levelBelow } from './defaults.ts';
import { NewUnitFields } from './NewUnitFields.tsx';

type Values = Omit<TCreateUnitBody, 'parentId' | keyof ChangeValues> & ChangeValues;

interface Props {
  open: boolean;
  parent: TUnitDetail | null;
  onClose: () => void;
  onDone: (created: TUnitDetail) => void;
}

export function CreateUnitModal({ open, parent, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const { data: levels } = useLevels();
  return (
    <FormModal<Values>
      open={open}
      title={parent ? t('org.actions.create') : t('org.actions.addRoot')}
      testId="create-unit"
      onClose={onClose}
      initialValues={{ ...changeDefaults(), levelId: levelBelow(levels, parent?.levelId) }}
      onSubmit={(values) => orgApi.create({ ...values, parentId: parent?.id ?? null })}
      onDone={(result) => {
        const created = result as TUnitDetail;
        void message.success(t('org.done.created', { name: created.name }));
        onDone(created);
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title={parent ? t('org.form.createUnder', { parent: parent.name }) : t('org.form.createRoot')}
      />
      <NewUnitFields testId="create-unit" />
      <ChangeFields testId="create-unit" />
    </FormModal>
  );
}
