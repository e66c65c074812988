/**
 * Báo cáo sơ kết, tổng kết (/bao-cao-so-ket): the review reports of the units
 * the user reads; operators with registry.approve create one (figures are
 * computed and stored as a snapshot by the server); "Thể thức văn bản" edits a
 * unit's layout settings, which the units under it inherit.
 */
import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import {
  REVIEW_REPORT_KINDS,
  reviewReportsApi,
  type ReviewReportKind,
  type TCreateReviewReportBody,
  type TReviewReportSummary,
} from '../../api/review-reports.ts';
import { useCan } from '../../auth/me.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PlanSelect } from '../../components/PlanSelect.tsx';
import { UnitSelect, type UnitSource } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { DocumentSettingsModal } from './DocumentSettingsModal.tsx';
import { reviewKindLabel, useInvalidateReviewReports, useReviewReports } from './use-review-reports.ts';

export const REVIEW_REPORTS_PATH = '/bao-cao-so-ket';

interface CreateValues {
  unitId: number;
  kind: ReviewReportKind;
  title: string;
  from: string;
  to: string;
  snapshotOn?: string | null;
  planId?: number | null;
}

/** The units the user may report on as they stood at the end of the period, including a unit that ended and that the user's units succeeded. */
const REPORT_UNITS: UnitSource = { key: 'review-report-units', search: reviewReportsApi.units };

function CreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const year = today().slice(0, 4);
  const required = [{ required: true, message: t('reviewReports.required') }];
  return (
    <FormModal<CreateValues>
      open={open}
      title={t('reviewReports.create')}
      onClose={onClose}
      okText={t('reviewReports.createOk')}
      testId="review-create-form"
      initialValues={{ kind: 'annual', from: `${year}-01-01`, to: `${year}-12-31`, snapshotOn: today() }}
      onSubmit={async (values) => {
        const body: TCreateReviewReportBody = {
          unitId: values.unitId,
          kind: values.kind,
          title: values.title,
          from: values.from,
          to: values.to,
          snapshotOn: values.snapshotOn ?? undefined,
          planId: values.planId ?? null,
        };
        const created = await reviewReportsApi.create(body);
        onCreated(created.id);
        return created;
      }}
    >
      {/* Units as they stood at the end of the period: a report on 2021–2023 can be made for a bloc that has since ended. */}
      <Form.Item noStyle shouldUpdate={(a: CreateValues, b: CreateValues) => a.to !== b.to}>
        {({ getFieldValue }) => (
          <Form.Item name="unitId" label={t('reviewReports.field.unit')} rules={required}>
            <UnitSelect
              asOf={(getFieldValue('to') as CreateValues['to']) || undefined}
              source={REPORT_UNITS}
              placeholder={t('reviewReports.field.unitPlaceholder')}
              testId="review-create-unit"
            />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="kind" label={t('reviewReports.field.kind')} rules={required}>
        <Select
          data-testid="review-create-kind"
          options={REVIEW_REPORT_KINDS.map((k) => ({ value: k, label: reviewKindLabel(k) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('reviewReports.field.title')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid="review-create-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="from" label={t('reviewReports.field.from')} rules={required}>
            <IsoDatePicker data-testid="review-create-from" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="to" label={t('reviewReports.field.to')} rules={required}>
            <IsoDatePicker data-testid="review-create-to" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="snapshotOn" label={t('reviewReports.field.snapshotOn')}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="planId" label={t('reviewReports.field.plan')}>
        <PlanSelect placeholder={t('reviewReports.field.planPlaceholder')} testId="review-create-plan" />
      </Form.Item>
    </FormModal>
  );
}

/** The report's warnings as of its last change, from the list itself. */
function WarningsCount({ count, acknowledged }: { count: number; acknowledged: boolean }) {
  if (count === 0)
    return (
      <span className="dh-muted" data-testid="review-row-warnings">
        0
      </span>
    );
  return (
    <Tag color={acknowledged ? 'default' : 'orange'} data-testid="review-row-warnings">
      {acknowledged ? t('reviewReports.warningsAcknowledgedCount', { count }) : count}
    </Tag>
  );
}

export default function ReviewReportsPage() {
  const canCreate = useCan('registry.approve');
  const canWriteSettings = useCan('documents.write');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const invalidate = useInvalidateReviewReports();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<ReviewReportKind | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const { page, resetPage, pagination } = usePaging();
  const { data, isFetching, error } = useReviewReports({ unitId, kind: kind === 'all' ? undefined : kind, ...page });
  return (
    <>
      <PageHeader
        title={t('reviewReports.title')}
        subtitle={t('reviewReports.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<FileTextOutlined />} onClick={() => setSettingsOpen(true)} data-testid="review-settings">
              {t('reviewReports.settings.open')}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="review-create"
              >
                {t('reviewReports.create')}
              </Button>
            )}
          </Space>
        }
      />
      <div className="dh-toolbar">
        <UnitSelect
          value={unitId ?? null}
          onChange={(id) => {
            setUnitId(id ?? undefined);
            resetPage();
          }}
          placeholder={t('reviewReports.filter.unit')}
          style={{ width: 280 }}
          testId="review-filter-unit"
        />
        <Select<ReviewReportKind | 'all'>
          value={kind}
          onChange={(v) => {
            setKind(v);
            resetPage();
          }}
          style={{ width: 200 }}
          options={[
            { value: 'all' as const, label: t('reviewReports.filter.allKinds') },
            ...REVIEW_REPORT_KINDS.map((k) => ({ value: k, label: reviewKindLabel(k) })),
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TReviewReportSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="review-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': 'review-row', 'data-review-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={pagination(data?.total ?? 0, (total) => t('reviewReports.total', { total }))}
        columns={[
          {
            key: 'title',
            title: t('reviewReports.field.title'),
            render: (_, r) => (
              <div style={{ minWidth: 200, maxWidth: isPhone ? 240 : 420, whiteSpace: 'normal' }}>
                <Link to={`${REVIEW_REPORTS_PATH}/${r.id}`} data-testid="review-link">
                  {r.title}
                </Link>
                {r.number && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {r.number}
                  </div>
                )}
              </div>
            ),
          },
          { key: 'kind', title: t('reviewReports.field.kind'), render: (_, r) => <Tag>{reviewKindLabel(r.kind)}</Tag> },
          { key: 'unit', title: t('reviewReports.field.unit'), render: (_, r) => r.unit.name },
          {
            key: 'period',
            title: t('reviewReports.field.period'),
            render: (_, r) => `${formatDateVi(r.periodFrom)} – ${formatDateVi(r.periodTo)}`,
          },
          { key: 'snapshot', title: t('reviewReports.field.snapshotOn'), render: (_, r) => formatDateVi(r.snapshotOn) },
          {
            key: 'status',
            title: t('reviewReports.field.status'),
            render: (_, r) => (
              <Tag color={r.status === 'final' ? 'green' : 'default'}>
                {t(r.status === 'final' ? 'reviewReports.status.final' : 'reviewReports.status.draft')}
              </Tag>
            ),
          },
          {
            key: 'warnings',
            title: t('reviewReports.field.warnings'),
            align: 'right',
            render: (_, r) => <WarningsCount count={r.warningCount} acknowledged={r.warningsAcknowledged} />,
          },
        ]}
      />
      <DocumentSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} canWrite={canWriteSettings} />
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          void invalidate();
          void navigate(`${REVIEW_REPORTS_PATH}/${id}`);
        }}
      />
    </>
  );
}
