/**
 * Một đợt kiểm tra, giám sát (/kiem-tra/:id): facts and team, the entries
 * covered (links to their records), findings per entry and criterion,
 * conclusions and recommendations ("Kết luận"), and the follow-ups tracked
 * to closure.
 */
import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { ZConcludeBody, ZFollowupBody } from '@common/schemas/inspections.ts';
import { inspectionsApi, type TInspectionDetail } from '../../api/inspections.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDateVi, today } from '../../lib/dates.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { FollowupsTable } from './FollowupsTable.tsx';
import { InspectionDrawer } from './InspectionDrawer.tsx';
import { KIND_COLORS, STATUS_COLORS, kindLabel, roleLabel, statusLabel } from './labels.ts';
import { useInspection, useInvalidateInspections } from '../../api/inspections.ts';

interface ConcludeValues {
  conclusions: string;
  recommendations: string | null;
  concludedOn: string;
}

interface FollowupValues {
  action: string;
  entryId: number | null;
  responsibleUnitId: number | null;
  dueOn: string | null;
}

function ConcludeModal({ inspection, onClose }: { inspection: TInspectionDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateInspections();
  return (
    <FormModal<ConcludeValues>
      open
      title={t('inspections.conclude.title', { title: inspection.title })}
      testId="inspection-conclude"
      width={720}
      okText={t('inspections.conclude.action')}
      onClose={onClose}
      initialValues={{ conclusions: '', recommendations: null, concludedOn: today() }}
      onSubmit={(v) =>
        inspectionsApi.conclude(inspection.id, {
          conclusions: v.conclusions,
          recommendations: v.recommendations ?? null,
          concludedOn: v.concludedOn,
          revision: inspection.revision,
        })
      }
      onDone={() => {
        void message.success(t('inspections.conclude.done'));
        void invalidate();
      }}
    >
      <Alert type="info" style={{ marginBottom: 16 }} title={t('inspections.conclude.help')} />
      <Form.Item
        name="concludedOn"
        label={t('inspections.field.concludedOn')}
        rules={[{ required: true, message: t('inspections.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid="inspection-conclude-date" />
      </Form.Item>
      <Form.Item
        name="conclusions"
        label={t('inspections.field.conclusions')}
        rules={[zodRule(ZConcludeBody.shape.conclusions)]}
        required
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} data-testid="inspection-conclusions" />
      </Form.Item>
      <Form.Item name="recommendations" label={t('inspections.field.recommendations')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={10000}
          data-testid="inspection-recommendations"
        />
      </Form.Item>
    </FormModal>
  );
}

function FollowupModal({ inspection, onClose }: { inspection: TInspectionDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateInspections();
  return (
    <FormModal<FollowupValues>
      open
      title={t('inspections.followup.addTitle')}
      testId="followup-add"
      width={600}
      onClose={onClose}
      initialValues={{ action: '', entryId: null, responsibleUnitId: null, dueOn: null }}
      onSubmit={(v) =>
        inspectionsApi.addFollowup(inspection.id, {
          action: v.action,
          entryId: v.entryId ?? null,
          responsibleUnitId: v.responsibleUnitId ?? null,
          dueOn: v.dueOn ?? null,
        })
      }
      onDone={() => {
        void message.success(t('inspections.followup.added'));
        void invalidate();
      }}
    >
      <Form.Item
        name="action"
        label={t('inspections.followup.action')}
        rules={[zodRule(ZFollowupBody.shape.action)]}
        required
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="followup-action" />
      </Form.Item>
      <Form.Item name="entryId" label={t('inspections.followup.entry')}>
        <Select
          allowClear
          options={inspection.subjects.map((s) => ({ value: s.id, label: s.name }))}
          placeholder={t('inspections.followup.anyEntry')}
          data-testid="followup-entry"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item name="responsibleUnitId" label={t('inspections.followup.responsibleUnit')}>
            <UnitSelect testId="followup-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="dueOn" label={t('inspections.followup.dueOn')}>
            <IsoDatePicker data-testid="followup-due" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

export default function InspectionPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const invalidate = useInvalidateInspections();
  const { data: insp, isPending, error, refetch } = useInspection(id);
  const [editing, setEditing] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const [addingFollowup, setAddingFollowup] = useState(false);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error || !insp) return <FullPageError error={error} onRetry={() => void refetch()} />;

  return (
    <div data-testid="inspection-page" data-inspection-id={insp.id} data-status={insp.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/kiem-tra'))}
        >
          {t('inspections.backToList')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="inspection-title">{insp.title}</h1>
        <Space wrap>
          {insp.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspection-edit">
              {t('common.edit')}
            </Button>
          )}
          {insp.can.conclude && (
            <Button type="primary" onClick={() => setConcluding(true)} data-testid="inspection-conclude-open">
              {t('inspections.conclude.action')}
            </Button>
          )}
        </Space>
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={KIND_COLORS[insp.kind]}>{kindLabel(insp.kind)}</Tag>
            <Tag color={STATUS_COLORS[insp.status]} data-testid="inspection-status">
              {statusLabel(insp.status)}
            </Tag>
            <Typography.Text type="secondary">{insp.ownerUnit.name}</Typography.Text>
          </Space>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('inspections.section.findings')}>
              {insp.subjects.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.subjects.none')} />
              ) : (
                insp.subjects.map((s) => <FindingsPanel key={s.id} inspection={insp} subject={s} />)
              )}
              {insp.hiddenSubjects > 0 && (
                <Typography.Text type="secondary">
                  {t('inspections.subjects.hidden', { count: insp.hiddenSubjects })}
                </Typography.Text>
              )}
            </Card>
            <Card size="small" title={t('inspections.section.conclusion')}>
              {insp.status === 'concluded' ? (
                <Space orientation="vertical" style={{ width: '100%' }} data-testid="inspection-conclusion">
                  <Typography.Text type="secondary">
                    {t('inspections.conclude.on', { date: formatDateVi(insp.concludedOn) })}
                  </Typography.Text>
                  <Typography.Title level={5}>{t('inspections.field.conclusions')}</Typography.Title>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{insp.conclusions}</div>
                  {insp.recommendations && (
                    <>
                      <Typography.Title level={5}>{t('inspections.field.recommendations')}</Typography.Title>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{insp.recommendations}</div>
                    </>
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('inspections.conclude.notYet')}</Typography.Text>
              )}
            </Card>
            <Card
              size="small"
              title={t('inspections.section.followups')}
              extra={
                insp.can.addFollowup ? (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setAddingFollowup(true)}
                    data-testid="followup-add-open"
                  >
                    {t('inspections.followup.add')}
                  </Button>
                ) : undefined
              }
            >
              {insp.followups.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.followup.none')} />
              ) : (
                <FollowupsTable items={insp.followups} />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('inspections.section.facts')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('inspections.field.ownerUnit')}>{insp.ownerUnit.name}</Descriptions.Item>
                <Descriptions.Item label={t('inspections.field.period')}>
                  {insp.endsOn
                    ? `${formatDateVi(insp.startsOn)} – ${formatDateVi(insp.endsOn)}`
                    : formatDateVi(insp.startsOn)}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.field.document')}>
                  {insp.document
                    ? t('org.history.documentRef', {
                        symbol: insp.document.symbol,
                        date: formatDateVi(insp.document.issuedOn),
                      })
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.field.openFollowups')}>
                  <Typography.Text type={insp.overdueFollowups > 0 ? 'danger' : undefined}>
                    {insp.overdueFollowups > 0
                      ? t('inspections.openWithOverdue', { open: insp.openFollowups, overdue: insp.overdueFollowups })
                      : insp.openFollowups}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('inspections.section.team')}>
              {insp.members.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.member.none')} />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={insp.members}
                  data-testid="inspection-team"
                  columns={[
                    {
                      key: 'name',
                      title: t('inspections.member.fullName'),
                      render: (_, m) => (
                        <div>
                          <div>{m.fullName}</div>
                          {m.position && (
                            <div className="dh-muted" style={{ fontSize: 12 }}>
                              {m.position}
                            </div>
                          )}
                        </div>
                      ),
                    },
                    { key: 'role', title: t('inspections.member.role'), render: (_, m) => roleLabel(m.role) },
                  ]}
                />
              )}
            </Card>
            <Card size="small" title={t('inspections.section.subjects')}>
              {insp.subjects.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.subjects.none')} />
              ) : (
                <List
                  size="small"
                  dataSource={insp.subjects}
                  data-testid="inspection-subjects"
                  renderItem={(s) => (
                    <List.Item>
                      <div>
                        <Link to={`/mo-hinh/${s.id}`} data-testid="inspection-subject-link">
                          {s.name}
                        </Link>
                        <div className="dh-muted" style={{ fontSize: 12 }}>
                          {s.ownerUnit.name} · {s.level.name} · {s.field.name}
                        </div>
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      <InspectionDrawer
        inspection={editing ? insp : null}
        onClose={() => setEditing(false)}
        onSaved={() => void invalidate()}
      />
      {concluding && <ConcludeModal inspection={insp} onClose={() => setConcluding(false)} />}
      {addingFollowup && <FollowupModal inspection={insp} onClose={() => setAddingFollowup(false)} />}
    </div>
  );
}
