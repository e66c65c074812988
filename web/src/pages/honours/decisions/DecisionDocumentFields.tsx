/**
 * The decision document's fields (số/ký hiệu, ngày ban hành, người ký, trích yếu, tệp) — registered in the document
 * registry with the honours — shared by issuing a decision, recording one from above and recording a unit's own.
 */
import { Col, Form, Input, Row } from 'antd';
import { ZDecisionDocument } from '@common/schemas/honours-decisions.ts';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { FileUploadField } from '../../documents/FileUploadField.tsx';

export interface DecisionDocumentValues {
  symbol: string;
  issuedOn: string;
  signer: string;
  summary: string;
  fileId: number | null;
}

interface Props {
  /** Prefix of the fields' test ids (the browser suite tells the forms apart by it). */
  testIdPrefix: 'decision' | 'record';
  symbolHelp: string;
  summaryPlaceholder?: string;
}

export function DecisionDocumentFields({ testIdPrefix, symbolHelp, summaryPlaceholder }: Props) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="symbol"
            label={t('honoursFlow.decision.symbol')}
            rules={[zodRule(ZDecisionDocument.shape.symbol)]}
            required
            extra={symbolHelp}
          >
            <Input maxLength={100} data-testid={`${testIdPrefix}-symbol`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="issuedOn"
            label={t('honoursFlow.decision.issuedOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker noFuture data-testid={`${testIdPrefix}-date`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={10}>
          <Form.Item
            name="signer"
            label={t('honoursFlow.decision.signer')}
            rules={[zodRule(ZDecisionDocument.shape.signer)]}
            required
          >
            <Input maxLength={200} data-testid={`${testIdPrefix}-signer`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('honoursFlow.decision.summary')}
        rules={[zodRule(ZDecisionDocument.shape.summary)]}
        required
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          placeholder={summaryPlaceholder}
          data-testid={`${testIdPrefix}-summary`}
        />
      </Form.Item>
      <Form.Item name="fileId" label={t('honoursFlow.decision.file')}>
        <FileUploadField />
      </Form.Item>
    </>
  );
}
