/** Thêm / sửa một cấp (mã, tên, thứ bậc — số nhỏ là cấp cao hơn, đang sử dụng). */
import { App, Form, Input, InputNumber, Switch } from 'antd';
import { ZLevelBody } from '@common/schemas/org.ts';
import { orgApi } from '../../api/org.ts';
import type { TLevel, TLevelBody } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';

export type LevelEditing = { mode: 'create' } | { mode: 'edit'; row: TLevel };

export function LevelModal({
  editing,
  onClose,
  onDone,
}: {
  editing: LevelEditing | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!editing) return null;
  const row = editing.mode === 'edit' ? editing.row : null;
  // A new level has no rank until one is typed (the field is required).
  const initialValues: Partial<TLevelBody> = row
    ? { code: row.code, name: row.name, rank: row.rank, active: row.active }
    : { code: '', name: '', active: true };
  return (
    <FormModal<TLevelBody>
      open
      width={560}
      title={row ? t('orgRef.level.editTitle', { name: row.name }) : t('orgRef.level.createTitle')}
      testId="level-form"
      onClose={onClose}
      initialValues={initialValues}
      onSubmit={(values) => {
        const body: TLevelBody = { ...values, code: values.code.trim() };
        return row ? orgApi.updateLevel(row.id, body) : orgApi.createLevel(body);
      }}
      onDone={(_, values) => {
        void message.success(t(row ? 'orgRef.level.updated' : 'orgRef.level.created', { name: values.name }));
        onDone();
      }}
    >
      <Form.Item
        name="code"
        label={t('orgRef.field.code')}
        extra={t('orgRef.field.codeHelp')}
        rules={[zodRule(ZLevelBody.shape.code)]}
        required
      >
        <Input maxLength={50} autoComplete="off" data-testid="level-code" />
      </Form.Item>
      <Form.Item name="name" label={t('orgRef.level.name')} rules={[zodRule(ZLevelBody.shape.name)]} required>
        <Input maxLength={200} data-testid="level-name" />
      </Form.Item>
      <Form.Item
        name="rank"
        label={t('orgRef.level.rank')}
        extra={t('orgRef.level.rankHelp')}
        rules={[zodRule(ZLevelBody.shape.rank)]}
        required
      >
        <InputNumber min={0} max={1000} precision={0} style={{ width: 160 }} data-testid="level-rank" />
      </Form.Item>
      <Form.Item
        name="active"
        label={t('orgRef.field.active')}
        valuePropName="checked"
        extra={t('orgRef.field.activeHelp')}
      >
        <Switch data-testid="level-active" />
      </Form.Item>
    </FormModal>
  );
}
