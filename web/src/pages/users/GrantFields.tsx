/** One grant: a role on a unit (the role reaches the unit, and for most roles everything under it). */
import { Col, Form, Row } from 'antd';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { t } from '../../i18n/index.ts';
import { RoleSelect } from './RoleSelect.tsx';

export function GrantFields({ prefix = [], testId }: { prefix?: (string | number)[]; testId?: string }) {
  const name = (field: string): (string | number)[] => [...prefix, field];
  return (
    <Row gutter={12}>
      <Col xs={24} sm={10}>
        <Form.Item
          name={name('role')}
          label={t('users.field.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <RoleSelect testId={testId ? `${testId}-role` : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item
          name={name('unitId')}
          label={t('users.field.unit')}
          rules={[{ required: true, message: t('users.unitRequired') }]}
        >
          <UnitSelect testId={testId ? `${testId}-unit` : undefined} />
        </Form.Item>
      </Col>
    </Row>
  );
}
