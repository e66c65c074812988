/** The plan's targets (chỉ tiêu) as editable rows: what is counted, at which level and field, how many. */
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TARGET_MEASURES, TARGET_SUBJECTS } from '@common/schemas/plans.ts';
import { FieldSelect } from '../../../components/FieldSelect.tsx';
import { LevelSelect } from '../../../components/LevelSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { measureLabel, subjectLabel } from '../labels.ts';
import { rules, type Values } from './plan-values.ts';

export function TargetRows({ isPhone, form }: { isPhone: boolean; form: FormInstance<Values> }) {
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? null;
  const targets = Form.useWatch('targets', form) ?? [];
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <div data-testid="plan-targets">
          {!isPhone && fields.length > 0 && (
            <Row gutter={8} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col md={5}>{t('plans.target.subject')}</Col>
              <Col md={4}>{t('plans.target.level')}</Col>
              <Col md={4}>{t('plans.target.field')}</Col>
              <Col md={3}>{t('plans.target.value')}</Col>
              <Col md={6}>{t('plans.target.description')}</Col>
            </Row>
          )}
          {fields.map((field, index) => {
            const subject = targets[index]?.subject;
            const kind = subject === 'model' || subject === 'exemplar' ? subject : undefined;
            const measure = targets[index]?.measure ?? 'count';
            return (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                className={isPhone ? 'dh-criterion' : undefined}
                data-testid="plan-target-row"
              >
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'subject']} label={label('plans.target.subject')}>
                    <Select
                      options={TARGET_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
                      popupMatchSelectWidth={false}
                      data-testid="plan-target-subject"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'levelId']} label={label('plans.target.level')}>
                    <LevelSelect allowClear placeholder={t('plans.target.anyLevel')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'fieldId']} label={label('plans.target.field')}>
                    <FieldSelect
                      kind={kind}
                      forUnitId={ownerUnitId}
                      includeInactive
                      allowClear
                      placeholder={t('plans.target.anyField')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item label={label('plans.target.value')} required style={{ marginBottom: 0 }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item
                        name={[field.name, 'value']}
                        noStyle
                        rules={[{ required: true, message: t('plans.form.valueRequired') }]}
                      >
                        <InputNumber
                          min={0}
                          max={measure === 'percent' ? 100 : 1_000_000_000}
                          style={{ width: '55%' }}
                          data-testid="plan-target-value"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'measure']} noStyle>
                        <Select
                          style={{ width: '45%' }}
                          options={TARGET_MEASURES.map((m) => ({
                            value: m,
                            label: m === 'percent' ? '%' : t('plans.measure.countShort'),
                          }))}
                          popupMatchSelectWidth={false}
                          aria-label={measureLabel(measure)}
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={label('plans.target.description')}
                    rules={[
                      ...rules.targetDescription,
                      ...(subject === 'other'
                        ? [{ required: true, whitespace: true, message: t('plans.form.descriptionRequired') }]
                        : []),
                    ]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      placeholder={t('plans.target.descriptionPlaceholder')}
                    />
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
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 100}
            onClick={() =>
              add({ subject: 'model', levelId: null, fieldId: null, value: null, measure: 'count', description: null })
            }
            data-testid="plan-target-add"
          >
            {t('plans.target.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
