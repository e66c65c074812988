/**
 * The full list of criteria of a new version, as editable rows: code, parent
 * code, title, measure (Có/Không, Số, Tỉ lệ %, Điểm, Văn bản), rule (Đạt khi
 * "Có", ≥, ≤, Không đánh giá — only those that fit the measure), target and
 * score scale. Rows can be moved, added and removed.
 */
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tooltip } from 'antd';
import type { FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CRITERION_MEASURES,
  RULES_FOR_MEASURE,
  ZCriterionInput,
  criterionIssues,
  type CriterionMeasure,
  type CriterionRule,
  type TCriterionInput,
} from '@common/schemas/catalogue.ts';
import type { TCriterion } from '../../api/types.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { measureLabel, ruleLabel } from './labels.ts';

export interface CriterionValues {
  code: string;
  parentCode: string | null;
  title: string;
  measure: CriterionMeasure;
  rule: CriterionRule;
  target: number | null;
  scaleMax: number | null;
}

const shape = ZCriterionInput.shape;
const rules = {
  code: [zodRule(shape.code)],
  title: [zodRule(shape.title)],
};

export const blankCriterion = (n: number): CriterionValues => ({
  code: `TC${n}`,
  parentCode: null,
  title: '',
  measure: 'boolean',
  rule: 'yes',
  target: null,
  scaleMax: null,
});

export function criteriaFrom(list: TCriterion[]): CriterionValues[] {
  return list.map((c) => ({
    code: c.code,
    parentCode: c.parentCode,
    title: c.title,
    measure: c.measure,
    rule: c.rule,
    target: c.target,
    scaleMax: c.scaleMax,
  }));
}

export function criteriaOut(list: CriterionValues[]): TCriterionInput[] {
  return (list ?? []).map((c) => ({
    code: c.code?.trim() ?? '',
    parentCode: c.parentCode?.trim() || null,
    title: c.title?.trim() ?? '',
    measure: c.measure,
    rule: c.rule,
    target: c.target ?? null,
    scaleMax: c.scaleMax ?? null,
  }));
}

/** The shared rules' findings across the list, as form errors on the rows. */
export function criteriaErrors(list: CriterionValues[]): { name: (string | number)[]; errors: string[] }[] {
  return criterionIssues(criteriaOut(list)).map((issue) => ({
    name: ['criteria', issue.index, issue.key],
    errors: [issue.message],
  }));
}

const COLS = { code: 3, parent: 2, title: 7, measure: 3, rule: 4, target: 2, scale: 2, actions: 1 };

export function CriteriaEditor({ form }: { form: FormInstance }) {
  const isPhone = useIsPhone();
  const list = (Form.useWatch('criteria', form) ?? []) as CriterionValues[];
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);

  /** Keep the row consistent when its measure or rule changes. */
  const adjust = (index: number, patch: Partial<CriterionValues>) => {
    const current = { ...(list[index] ?? blankCriterion(index + 1)), ...patch };
    if (!RULES_FOR_MEASURE[current.measure].includes(current.rule))
      current.rule = RULES_FOR_MEASURE[current.measure][0]!;
    if (current.rule !== 'gte' && current.rule !== 'lte') current.target = null;
    if (current.measure !== 'score') current.scaleMax = null;
    form.setFieldValue(['criteria', index], current);
  };

  return (
    <Form.List name="criteria">
      {(fields, { add, remove, move }) => (
        <div data-testid="criteria-editor">
          {!isPhone && fields.length > 0 && (
            <Row gutter={6} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col span={COLS.code}>{t('catalogue.criterion.code')}</Col>
              <Col span={COLS.parent}>{t('catalogue.criterion.parentShort')}</Col>
              <Col span={COLS.title}>{t('catalogue.criterion.title')}</Col>
              <Col span={COLS.measure}>{t('catalogue.criterion.measure')}</Col>
              <Col span={COLS.rule}>{t('catalogue.criterion.rule')}</Col>
              <Col span={COLS.target}>{t('catalogue.criterion.target')}</Col>
              <Col span={COLS.scale}>{t('catalogue.criterion.scaleMaxShort')}</Col>
            </Row>
          )}
          {fields.map((field, index) => {
            const row = list[index];
            const measure: CriterionMeasure = row?.measure ?? 'boolean';
            const rule: CriterionRule = row?.rule ?? 'yes';
            const compares = rule === 'gte' || rule === 'lte';
            return (
              <Row
                key={field.key}
                gutter={6}
                align="top"
                className={isPhone ? 'dh-criterion' : undefined}
                data-testid="criterion-edit-row"
              >
                <Col xs={12} md={COLS.code}>
                  <Form.Item name={[field.name, 'code']} label={label('catalogue.criterion.code')} rules={rules.code}>
                    <Input maxLength={20} data-testid="criterion-code" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={COLS.parent}>
                  <Form.Item
                    name={[field.name, 'parentCode']}
                    label={label('catalogue.criterion.parent')}
                    tooltip={isPhone ? t('catalogue.criterion.parentHelp') : undefined}
                  >
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={COLS.title}>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={label('catalogue.criterion.title')}
                    rules={rules.title}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      data-testid="criterion-title"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={COLS.measure}>
                  <Form.Item name={[field.name, 'measure']} label={label('catalogue.criterion.measure')}>
                    <Select
                      options={CRITERION_MEASURES.map((m) => ({ value: m, label: measureLabel(m) }))}
                      onChange={(m: CriterionMeasure) => adjust(index, { measure: m })}
                      popupMatchSelectWidth={false}
                      data-testid="criterion-measure"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={COLS.rule}>
                  <Form.Item name={[field.name, 'rule']} label={label('catalogue.criterion.rule')}>
                    <Select
                      options={RULES_FOR_MEASURE[measure].map((r) => ({ value: r, label: ruleLabel(r) }))}
                      onChange={(r: CriterionRule) => adjust(index, { rule: r })}
                      popupMatchSelectWidth={false}
                      data-testid="criterion-rule"
                    />
                  </Form.Item>
                </Col>
                <Col xs={10} md={COLS.target}>
                  <Form.Item
                    name={[field.name, 'target']}
                    label={label('catalogue.criterion.target')}
                    rules={compares ? [{ required: true, message: t('catalogue.form.targetRequired') }] : []}
                  >
                    <InputNumber disabled={!compares} style={{ width: '100%' }} data-testid="criterion-target" />
                  </Form.Item>
                </Col>
                <Col xs={8} md={COLS.scale}>
                  <Form.Item
                    name={[field.name, 'scaleMax']}
                    label={label('catalogue.criterion.scaleMaxShort')}
                    rules={measure === 'score' ? [{ required: true, message: t('catalogue.form.scaleRequired') }] : []}
                  >
                    <InputNumber
                      disabled={measure !== 'score'}
                      min={0}
                      style={{ width: '100%' }}
                      data-testid="criterion-scale"
                    />
                  </Form.Item>
                </Col>
                <Col xs={6} md={COLS.actions} style={{ paddingTop: isPhone ? 30 : 0 }}>
                  <Space size={0} orientation={isPhone ? 'horizontal' : 'vertical'}>
                    {index > 0 && (
                      <Tooltip title={t('catalogue.criterion.up')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('catalogue.criterion.up')}
                          onClick={() => move(index, index - 1)}
                        />
                      </Tooltip>
                    )}
                    {index < fields.length - 1 && (
                      <Tooltip title={t('catalogue.criterion.down')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('catalogue.criterion.down')}
                          onClick={() => move(index, index + 1)}
                        />
                      </Tooltip>
                    )}
                    {fields.length > 1 && (
                      <Tooltip title={t('common.remove')}>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.remove')}
                          onClick={() => remove(field.name)}
                        />
                      </Tooltip>
                    )}
                  </Space>
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 100}
            onClick={() => add(blankCriterion(fields.length + 1))}
            data-testid="criterion-add"
          >
            {t('catalogue.criterion.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
