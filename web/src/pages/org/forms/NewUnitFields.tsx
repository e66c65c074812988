/** Fields of a unit being created (alone, as a merge target, or as one part of a split). */
import { Col, Form, Input, Row } from 'antd';
import { t } from '../../../i18n/index.ts';
import { UnitSelect, type UnitRef } from '../../../components/UnitSelect.tsx';
import { unitRules } from './schemas.ts';
import { LevelSelect, UnitTypeSelect } from './TypeLevelSelects.tsx';

interface Props {
  /** Prefix inside the form: [] for top-level, ['newTarget'] or [index] inside a Form.List. */
  prefix?: (string | number)[];
  /** Show a parent picker (merge/split targets); otherwise the parent is fixed by the caller. */
  withParent?: boolean;
  knownParents?: UnitRef[];
  asOf?: string;
  testId?: string;
  /** The code is set when a unit is created and not changed afterwards. */
  withCode?: boolean;
}

export function NewUnitFields({ prefix = [], withParent, knownParents, asOf, testId, withCode = true }: Props) {
  const name = (field: string): (string | number)[] => [...prefix, field];
  return (
    <>
      <Form.Item name={name('name')} label={t('org.field.name')} rules={unitRules.name} required>
        <Input maxLength={300} data-testid={testId ? `${testId}-name` : undefined} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={withCode ? 12 : 24}>
          <Form.Item name={name('shortName')} label={t('org.field.shortName')} rules={unitRules.shortName}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {withCode && (
          <Col xs={24} sm={12}>
            <Form.Item
              name={name('code')}
              label={t('org.field.code')}
              rules={unitRules.code}
              tooltip={t('org.form.codeHelp')}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={name('typeId')}
            label={t('org.field.type')}
            rules={[{ required: true, message: t('org.form.typeRequired') }]}
          >
            <UnitTypeSelect testId={testId ? `${testId}-type` : undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={name('levelId')}
            label={t('org.field.level')}
            rules={[{ required: true, message: t('org.form.levelRequired') }]}
          >
            <LevelSelect testId={testId ? `${testId}-level` : undefined} />
          </Form.Item>
        </Col>
      </Row>
      {withParent && (
        <Form.Item
          name={name('parentId')}
          label={t('org.field.parent')}
          rules={[{ required: true, message: t('org.form.parentRequired') }]}
        >
          <UnitSelect asOf={asOf} known={knownParents} />
        </Form.Item>
      )}
    </>
  );
}
