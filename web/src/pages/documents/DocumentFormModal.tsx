/** Đăng ký / sửa văn bản. The number and type are read from the symbol ("384-CV/ĐUK") by the server. */
import { App, Col, Form, Input, Row } from 'antd';
import { ZCreateDocumentBody } from '@common/schemas/documents.ts';
import { documentsApi } from '../../api/documents.ts';
import type { TDocument, TUpdateDocumentBody } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { FileUploadField } from './FileUploadField.tsx';

interface Values {
  symbol: string;
  issuedOn: string;
  issuerName: string;
  issuerUnitId: number | null;
  ownerUnitId: number;
  summary: string;
  signer: string | null;
  fileId: number | null;
}

const shape = ZCreateDocumentBody.shape;
const rules = {
  symbol: [zodRule(shape.symbol)],
  issuerName: [zodRule(shape.issuerName)],
  summary: [zodRule(shape.summary)],
  signer: [zodRule(shape.signer)],
};

const FIELDS = ['symbol', 'issuedOn', 'issuerName', 'issuerUnitId', 'ownerUnitId', 'summary', 'signer'] as const;

function changes(doc: TDocument, values: Values): TUpdateDocumentBody {
  const body: Record<string, unknown> = { revision: doc.revision };
  for (const key of FIELDS) {
    const next = typeof values[key] === 'string' ? values[key].trim() || null : (values[key] ?? null);
    if (next !== (doc[key] ?? null)) body[key] = values[key] ?? null;
  }
  if ((values.fileId ?? null) !== (doc.file?.id ?? null)) body.fileId = values.fileId ?? null;
  return body as TUpdateDocumentBody;
}

interface Props {
  /** null: closed; 'new': register; a document: edit. */
  doc: TDocument | 'new' | null;
  onClose: () => void;
  onSaved: (doc: TDocument) => void;
}

export function DocumentFormModal({ doc, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  if (!doc) return null;
  const editing = doc === 'new' ? null : doc;
  const initial: Partial<Values> = editing
    ? {
        symbol: editing.symbol,
        issuedOn: editing.issuedOn,
        issuerName: editing.issuerName,
        issuerUnitId: editing.issuerUnitId,
        ownerUnitId: editing.ownerUnitId,
        summary: editing.summary,
        signer: editing.signer,
        fileId: editing.file?.id ?? null,
      }
    : { fileId: null, issuerUnitId: null };
  return (
    <FormModal<Values>
      open
      width={760}
      title={editing ? t('documents.editTitle', { symbol: editing.symbol }) : t('documents.createTitle')}
      testId="document-form"
      onClose={onClose}
      initialValues={initial}
      onSubmit={(values) =>
        editing ? documentsApi.update(editing.id, changes(editing, values)) : documentsApi.create(values)
      }
      onDone={(result) => {
        const saved = result as TDocument;
        void message.success(
          editing
            ? t('documents.done.updated', { symbol: saved.symbol })
            : t('documents.done.created', { symbol: saved.symbol }),
        );
        onSaved(saved);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="symbol"
            label={t('documents.field.symbol')}
            rules={rules.symbol}
            required
            extra={t('documents.symbolHelp')}
          >
            <Input maxLength={100} placeholder={t('documents.symbolPlaceholder')} data-testid="document-symbol" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="issuedOn"
            label={t('documents.field.issuedOn')}
            rules={[{ required: true, message: t('documents.issuedOnRequired') }]}
          >
            <IsoDatePicker noFuture data-testid="document-issued-on" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t('documents.field.summary')} rules={rules.summary} required>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('documents.summaryPlaceholder')}
          data-testid="document-summary"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="issuerName" label={t('documents.field.issuerName')} rules={rules.issuerName} required>
            <Input maxLength={300} placeholder={t('documents.issuerPlaceholder')} data-testid="document-issuer" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="signer" label={t('documents.field.signer')} rules={rules.signer}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="ownerUnitId"
            label={t('documents.field.owner')}
            tooltip={t('documents.ownerHelp')}
            rules={[{ required: true, message: t('documents.ownerRequired') }]}
          >
            <UnitSelect
              known={editing ? [{ id: editing.ownerUnitId, name: editing.ownerUnitName }] : []}
              testId="document-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="issuerUnitId"
            label={t('documents.field.issuerUnit')}
            tooltip={t('documents.issuerUnitHelp')}
          >
            <UnitSelect
              known={editing?.issuerUnitId ? [{ id: editing.issuerUnitId, name: editing.issuerUnitName ?? '' }] : []}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fileId" label={t('documents.field.file')} extra={t('documents.fileHelp')}>
        <FileUploadField current={editing?.file ?? null} />
      </Form.Item>
    </FormModal>
  );
}
