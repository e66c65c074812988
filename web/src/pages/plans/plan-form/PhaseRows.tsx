/** The plan's phases (giai đoạn) as editable rows: name, kind, dates and the review date (sơ kết, tổng kết). */
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PHASE_KINDS } from '@common/schemas/plans.ts';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { t } from '../../../i18n/index.ts';
import { phaseKindLabel } from '../labels.ts';
import { dateRequired, rules } from './plan-values.ts';

export function PhaseRows({ isPhone }: { isPhone: boolean }) {
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);
  return (
    <Form.List name="phases">
      {(fields, { add, remove }) => (
        <div data-testid="plan-phases">
          {!isPhone && fields.length > 0 && (
            <Row gutter={8} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col md={7}>{t('plans.phase.name')}</Col>
              <Col md={5}>{t('plans.phase.kind')}</Col>
              <Col md={3}>{t('plans.phase.startsOn')}</Col>
              <Col md={3}>{t('plans.phase.endsOn')}</Col>
              <Col md={4}>{t('plans.phase.reviewOn')}</Col>
            </Row>
          )}
          {fields.map((field) => (
            <Row
              key={field.key}
              gutter={8}
              align="top"
              className={isPhone ? 'dh-criterion' : undefined}
              data-testid="plan-phase-row"
            >
              <Col xs={24} md={7}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={label('plans.phase.name')}
                  required={isPhone}
                  rules={rules.phaseName}
                >
                  <Input maxLength={300} placeholder={t('plans.phase.namePlaceholder')} data-testid="plan-phase-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'kind']} label={label('plans.phase.kind')}>
                  <Select
                    options={PHASE_KINDS.map((k) => ({ value: k, label: phaseKindLabel(k) }))}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[field.name, 'startsOn']} label={label('plans.phase.startsOn')} rules={dateRequired}>
                  <IsoDatePicker data-testid="plan-phase-starts" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[field.name, 'endsOn']} label={label('plans.phase.endsOn')} rules={dateRequired}>
                  <IsoDatePicker data-testid="plan-phase-ends" />
                </Form.Item>
              </Col>
              <Col xs={20} md={4}>
                <Form.Item name={[field.name, 'reviewOn']} label={label('plans.phase.reviewOn')}>
                  <IsoDatePicker data-testid="plan-phase-review" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2} style={{ textAlign: 'right', paddingTop: isPhone ? 30 : 0 }}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 50}
            onClick={() => add({ name: '', kind: 'period', startsOn: null, endsOn: null, reviewOn: null })}
            data-testid="plan-phase-add"
          >
            {t('plans.phase.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
