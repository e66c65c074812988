/**
 * Thể thức văn bản of a unit: the place name and the layout parameters its
 * documents (and those of the units under it) are laid out with — margins,
 * font, body size, the party heading line. Shows whether the unit has its own
 * settings, inherits them from a unit above, or uses the defaults.
 */
import { useEffect } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Row, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { documentSettingsApi, type TDocumentSettings } from '../../api/review-reports.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { t } from '../../i18n/index.ts';

interface Values {
  unitId: number | null;
  place: string;
  layout: {
    margins: { topMm: number | null; bottomMm: number | null; leftMm: number | null; rightMm: number | null };
    font: string;
    partyHeading: string;
    sizes: { body: number | null };
  };
}

const MARGINS = ['topMm', 'bottomMm', 'leftMm', 'rightMm'] as const;

const valuesOf = (s: TDocumentSettings): Omit<Values, 'unitId'> => ({
  place: s.effective.place ?? '',
  layout: {
    margins: { ...s.effective.layout.margins },
    font: s.effective.layout.font,
    partyHeading: s.effective.layout.partyHeading,
    sizes: { body: s.effective.layout.sizes.body ?? null },
  },
});

function Source({ settings }: { settings: TDocumentSettings }) {
  if (settings.own)
    return (
      <Alert
        type="success"
        showIcon
        title={t('reviewReports.settings.own', { unit: settings.unit.name })}
        data-testid="review-settings-source"
        data-source="own"
      />
    );
  if (settings.effective.inheritedFrom) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('reviewReports.settings.inherited', { unit: settings.effective.inheritedFrom.name })}
        description={t('reviewReports.settings.inheritedHint')}
        data-testid="review-settings-source"
        data-source="inherited"
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title={t('reviewReports.settings.defaults')}
      description={t('reviewReports.settings.inheritedHint')}
      data-testid="review-settings-source"
      data-source="defaults"
    />
  );
}

export function DocumentSettingsModal({
  open,
  onClose,
  canWrite,
}: {
  open: boolean;
  onClose: () => void;
  canWrite: boolean;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const unitId = Form.useWatch('unitId', form) ?? null;
  const { data, error } = useQuery({
    queryKey: ['review-reports', 'document-settings', unitId],
    queryFn: () => documentSettingsApi.get(unitId!),
    enabled: open && unitId !== null,
  });
  useEffect(() => {
    if (data) form.setFieldsValue(valuesOf(data));
  }, [data, form]);

  const mm = (name: (typeof MARGINS)[number]) => (
    <Col xs={12} sm={6} key={name}>
      <Form.Item
        name={['layout', 'margins', name]}
        label={t(`reviewReports.settings.margin.${name}`)}
        rules={[{ required: true, message: t('reviewReports.required') }]}
      >
        <InputNumber
          min={0}
          max={400}
          step={1}
          addonAfter={t('reviewReports.settings.mm')}
          style={{ width: '100%' }}
          disabled={!canWrite}
          data-testid={`review-settings-margin-${name}`}
        />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal<Values>
      open={open}
      title={t('reviewReports.settings.title')}
      onClose={onClose}
      form={form}
      testId="review-settings-form"
      okText={t('reviewReports.settings.save')}
      width={720}
      onSubmit={async (values) => {
        if (!canWrite || !data || values.unitId === null) return null;
        const base = data.own?.layout ?? data.effective.override;
        const margins = Object.fromEntries(
          MARGINS.map((k) => [k, values.layout.margins[k] ?? data.effective.layout.margins[k]]),
        );
        const saved = await documentSettingsApi.save(values.unitId, {
          place: values.place.trim() === '' ? null : values.place.trim(),
          revision: data.own?.revision ?? null,
          layout: {
            ...base,
            margins,
            font: values.layout.font.trim(),
            partyHeading: values.layout.partyHeading.trim(),
            sizes: { ...base.sizes, ...(values.layout.sizes.body !== null ? { body: values.layout.sizes.body } : {}) },
          },
        });
        client.setQueryData(['review-reports', 'document-settings', values.unitId], saved);
        void message.success(t('reviewReports.settings.saved'));
        return saved;
      }}
    >
      <Form.Item
        name="unitId"
        label={t('reviewReports.field.unit')}
        rules={[{ required: true, message: t('reviewReports.required') }]}
      >
        <UnitSelect placeholder={t('reviewReports.field.unitPlaceholder')} testId="review-settings-unit" />
      </Form.Item>
      {unitId === null ? (
        <Typography.Paragraph type="secondary">{t('reviewReports.settings.pickUnit')}</Typography.Paragraph>
      ) : error ? (
        <Alert type="error" showIcon title={t('reviewReports.settings.loadFailed')} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Source settings={data} />
          {!canWrite && (
            <Typography.Paragraph type="secondary">{t('reviewReports.settings.readOnly')}</Typography.Paragraph>
          )}
          <Form.Item
            name="place"
            label={t('reviewReports.settings.place')}
            extra={t('reviewReports.settings.placeHint')}
            style={{ marginTop: 12 }}
          >
            <Input maxLength={200} disabled={!canWrite} data-testid="review-settings-place" />
          </Form.Item>
          <Typography.Text strong>{t('reviewReports.settings.margins')}</Typography.Text>
          <Row gutter={12}>{MARGINS.map(mm)}</Row>
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item
                name={['layout', 'font']}
                label={t('reviewReports.settings.font')}
                rules={[{ required: true, whitespace: true, message: t('reviewReports.required') }]}
              >
                <Input maxLength={100} disabled={!canWrite} data-testid="review-settings-font" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name={['layout', 'sizes', 'body']}
                label={t('reviewReports.settings.bodySize')}
                rules={[{ required: true, message: t('reviewReports.required') }]}
              >
                <InputNumber
                  min={6}
                  max={40}
                  step={0.5}
                  addonAfter={t('reviewReports.settings.pt')}
                  style={{ width: '100%' }}
                  disabled={!canWrite}
                  data-testid="review-settings-body-size"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['layout', 'partyHeading']}
            label={t('reviewReports.settings.partyHeading')}
            rules={[{ required: true, whitespace: true, message: t('reviewReports.required') }]}
          >
            <Input maxLength={200} disabled={!canWrite} data-testid="review-settings-party-heading" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
