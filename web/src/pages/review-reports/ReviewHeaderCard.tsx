/** The report's header and closing data: title, number, place and date, the signer, the recipients (nơi nhận). */
import { Card, Col, Input, Row } from 'antd';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { t } from '../../i18n/index.ts';
import type { ReviewDraft } from './review-draft.ts';

export function ReviewHeaderCard({
  draft,
  change,
  editable,
}: {
  draft: ReviewDraft;
  change: (patch: Partial<ReviewDraft>) => void;
  editable: boolean;
}) {
  return (
    <Card title={t('reviewReports.section.header')} size="small" style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24}>
          <label>{t('reviewReports.field.title')}</label>
          <Input.TextArea
            autoSize={{ minRows: 1 }}
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            disabled={!editable}
            data-testid="review-title"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.number')}</label>
          <Input
            value={draft.number}
            onChange={(e) => change({ number: e.target.value })}
            placeholder={t('reviewReports.field.numberPlaceholder')}
            disabled={!editable}
            data-testid="review-number"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.place')}</label>
          <Input
            value={draft.place}
            onChange={(e) => change({ place: e.target.value })}
            disabled={!editable}
            data-testid="review-place"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.reportDate')}</label>
          <IsoDatePicker
            value={draft.reportDate}
            onChange={(v) => change({ reportDate: v })}
            disabled={!editable}
            data-testid="review-report-date"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.signerAuthority')}</label>
          <Input
            value={draft.signerAuthority}
            onChange={(e) => change({ signerAuthority: e.target.value })}
            placeholder={t('reviewReports.field.signerAuthorityPlaceholder')}
            disabled={!editable}
            data-testid="review-signer-authority"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.signerTitle')}</label>
          <Input
            value={draft.signerTitle}
            onChange={(e) => change({ signerTitle: e.target.value })}
            disabled={!editable}
            data-testid="review-signer-title"
          />
        </Col>
        <Col xs={24} md={8}>
          <label>{t('reviewReports.field.signerName')}</label>
          <Input
            value={draft.signerName}
            onChange={(e) => change({ signerName: e.target.value })}
            disabled={!editable}
            data-testid="review-signer-name"
          />
        </Col>
        <Col xs={24}>
          <label>{t('reviewReports.field.recipients')}</label>
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            value={draft.recipients}
            onChange={(e) => change({ recipients: e.target.value })}
            placeholder={t('reviewReports.field.recipientsPlaceholder')}
            disabled={!editable}
            data-testid="review-recipients"
          />
        </Col>
      </Row>
    </Card>
  );
}
