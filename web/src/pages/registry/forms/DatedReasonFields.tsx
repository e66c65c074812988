/**
 * The two fields every dated change of an entry asks for: the day it takes effect (never in the future) and the
 * reason, which the timeline and the audit log show.
 */
import { Form, Input } from 'antd';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { t } from '../../../i18n/index.ts';

export function DatedReasonFields({ testId }: { testId: string }) {
  return (
    <>
      <Form.Item
        name="effectiveDate"
        label={t('change.effectiveDate')}
        rules={[{ required: true, message: t('registry.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid={`${testId}-date`} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('registry.field.reason')}
        rules={[{ required: true, whitespace: true, message: t('registry.form.reasonRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`${testId}-reason`} />
      </Form.Item>
    </>
  );
}
