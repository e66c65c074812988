/** Đổi tên / sửa: new name, short name, type or level from an effective date; only changed fields are sent. */
import { Alert, App } from 'antd';
import type { TChangeUnitBody, TUnitDetail } from '../../../api/types.ts';
import { orgApi } from '../../../api/org.ts';
import { UserError } from '../../../api/client.ts';
import { ChangeFields, type ChangeValues } from '../../../components/ChangeFields.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';
import { changeDefaults } from './defaults.ts';
import { NewUnitFields } from './NewUnitFields.tsx';

interface Values extends ChangeValues {
  name: string;
  shortName?: string | null;
  typeId: number;
  levelId: number;
}

interface Props {
  open: boolean;
  unit: TUnitDetail;
  onClose: () => void;
  onDone: (changed: TUnitDetail) => void;
}

export function ChangeUnitModal({ open, unit, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const submit = async (values: Values) => {
    const body: TChangeUnitBody = {
      revision: unit.revision,
      effectiveDate: values.effectiveDate,
      documentId: values.documentId ?? null,
      note: values.note ?? null,
    };
    if (values.name.trim() !== unit.name) body.name = values.name;
    if ((values.shortName ?? null) !== unit.shortName) body.shortName = values.shortName ?? null;
    if (values.typeId !== unit.typeId) body.typeId = values.typeId;
    if (values.levelId !== unit.levelId) body.levelId = values.levelId;
    if (
      body.name === undefined &&
      body.shortName === undefined &&
      body.typeId === undefined &&
      body.levelId === undefined
    ) {
      throw new UserError(t('org.form.nothingChanged'));
    }
    return orgApi.change(unit.id, body);
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('org.actions.changeTitle', { name: unit.name })}
      testId="change-unit"
      onClose={onClose}
      initialValues={{
        ...changeDefaults(),
        name: unit.name,
        shortName: unit.shortName,
        typeId: unit.typeId,
        levelId: unit.levelId,
      }}
      onSubmit={submit}
      onDone={(result) => {
        void message.success(t('org.done.changed', { name: (result as TUnitDetail).name }));
        onDone(result as TUnitDetail);
      }}
    >
      <Alert type="info" style={{ marginBottom: 16 }} title={t('org.form.changeHelp')} />
      <NewUnitFields testId="change-unit" withCode={false} />
      <ChangeFields testId="change-unit" />
    </FormModal>
  );
}
