/** Giải thể: the unit ends on the effective date (the server refuses while it still has sub-units or people). */
import { Alert, App } from 'antd';
import type { TUnitDetail } from '../../../api/types.ts';
import { orgApi } from '../../../api/org.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';
import { changeDefaults } from './defaults.ts';

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (unit: TUnitDetail) => void;
}

export function DissolveUnitModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  return (
    <FormModal<ChangeValues>
      open={open}
      title={t('org.actions.dissolveTitle', { name: unit.name })}
      testId="dissolve-unit"
      danger
      okText={t('org.actions.dissolve')}
      onClose={onClose}
      initialValues={changeDefaults()}
      onSubmit={(values) =>
        orgApi.dissolve(unit.id, { ...values, documentId: values.documentId ?? null, revision: unit.revision })
      }
      onDone={(result) => {
        void message.success(t('org.done.dissolved', { name: unit.name }));
        onDone(result as TUnitDetail);
      }}
    >
      <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('org.form.dissolveHelp')} />
      <ChangeFields testId="dissolve-unit" />
    </FormModal>
  );
}
