/** Thêm / sửa một loại đơn vị (mã, tên, là tổ chức đảng, thứ tự, đang sử dụng). */
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { ZUnitTypeBody } from '@common/schemas/org.ts';
import { orgApi } from '../../api/org.ts';
import type { TUnitType, TUnitTypeBody } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';

export type UnitTypeEditing = { mode: 'create'; nextSortOrder: number } | { mode: 'edit'; row: TUnitType };

export function UnitTypeModal({
  editing,
  onClose,
  onDone,
}: {
  editing: UnitTypeEditing | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!editing) return null;
  const row = editing.mode === 'edit' ? editing.row : null;
  const initialValues: TUnitTypeBody = row
    ? { code: row.code, name: row.name, isParty: row.isParty, sortOrder: row.sortOrder, active: row.active }
    : {
        code: '',
        name: '',
        isParty: false,
        sortOrder: editing.mode === 'create' ? editing.nextSortOrder : 0,
        active: true,
      };
  return (
    <FormModal<TUnitTypeBody>
      open
      width={560}
      title={row ? t('orgRef.type.editTitle', { name: row.name }) : t('orgRef.type.createTitle')}
      testId="unit-type-form"
      onClose={onClose}
      initialValues={initialValues}
      onSubmit={(values) => {
        const body: TUnitTypeBody = { ...values, code: values.code.trim(), sortOrder: values.sortOrder ?? 0 };
        return row ? orgApi.updateUnitType(row.id, body) : orgApi.createUnitType(body);
      }}
      onDone={(_, values) => {
        void message.success(t(row ? 'orgRef.type.updated' : 'orgRef.type.created', { name: values.name }));
        onDone();
      }}
    >
      <Form.Item
        name="code"
        label={t('orgRef.field.code')}
        extra={t('orgRef.field.codeHelp')}
        rules={[zodRule(ZUnitTypeBody.shape.code)]}
        required
      >
        <Input maxLength={50} autoComplete="off" data-testid="unit-type-code" />
      </Form.Item>
      <Form.Item name="name" label={t('orgRef.type.name')} rules={[zodRule(ZUnitTypeBody.shape.name)]} required>
        <Input maxLength={200} data-testid="unit-type-name" />
      </Form.Item>
      <Form.Item
        name="sortOrder"
        label={t('orgRef.type.sortOrder')}
        extra={t('orgRef.type.sortOrderHelp')}
        rules={[zodRule(ZUnitTypeBody.shape.sortOrder)]}
      >
        <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} data-testid="unit-type-sort" />
      </Form.Item>
      <Form.Item name="isParty" label={t('orgRef.type.isParty')} valuePropName="checked">
        <Switch data-testid="unit-type-party" />
      </Form.Item>
      <Form.Item
        name="active"
        label={t('orgRef.field.active')}
        valuePropName="checked"
        extra={t('orgRef.field.activeHelp')}
      >
        <Switch data-testid="unit-type-active" />
      </Form.Item>
    </FormModal>
  );
}
