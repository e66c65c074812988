/** "Put on the list at once" for the operator of the level: the date listed and the deciding document. */
import { Checkbox, Col, Form, Row } from 'antd';
import { DocumentSelect } from '../../../../components/DocumentSelect.tsx';
import { IsoDatePicker } from '../../../../components/IsoDatePicker.tsx';
import { t } from '../../../../i18n/index.ts';

export function AcceptNowFields({ acceptNow }: { acceptNow: boolean }) {
  return (
    <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0' }}>
      <Form.Item name="acceptNow" valuePropName="checked" extra={t('registry.form.acceptNowHelp')}>
        <Checkbox data-testid="entry-accept-now">{t('registry.form.acceptNow')}</Checkbox>
      </Form.Item>
      {acceptNow && (
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="acceptDate"
              label={t('registry.field.listedOn')}
              rules={[{ required: true, message: t('registry.form.dateRequired') }]}
            >
              <IsoDatePicker noFuture data-testid="entry-accept-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="acceptDocumentId" label={t('registry.field.decision')}>
              <DocumentSelect />
            </Form.Item>
          </Col>
        </Row>
      )}
    </div>
  );
}
