/**
 * Khen thưởng, kỷ luật của một người: the honours granted to them
 * (GET /people/:id/honours) and their discipline records
 * (GET/POST /people/:id/disciplines), with a form to record a discipline.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Empty, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ZDisciplineBody } from '@common/schemas/honours-discipline.ts';
import { errorMessage } from '../../api/client.ts';
import {
  honoursFlowApi,
  useDisciplines,
  useInvalidateHonoursFlow,
  usePersonHonours,
  type TDiscipline,
  type THonour,
} from '../../api/honours-proposals.ts';
import type { TPerson } from '../../api/types.ts';
import { DocumentSelect } from '../../components/DocumentSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';

interface DisciplineValues {
  form: string;
  reason: string;
  decidedOn: string;
  untilOn: string | null;
  documentId: number | null;
}

const shape = ZDisciplineBody.shape;

function DisciplineModal({ person, onClose }: { person: TPerson; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  return (
    <FormModal<DisciplineValues>
      open
      title={t('honoursFlow.person.disciplineAddTitle', { name: person.fullName })}
      testId="discipline-form"
      width={600}
      initialValues={{ untilOn: null, documentId: null }}
      onClose={onClose}
      onSubmit={(v) =>
        honoursFlowApi.addDiscipline(person.id, {
          form: v.form,
          reason: v.reason,
          decidedOn: v.decidedOn,
          untilOn: v.untilOn ?? null,
          documentId: v.documentId ?? null,
        })
      }
      onDone={() => {
        void message.success(t('honoursFlow.person.disciplineSaved'));
        void invalidate();
      }}
    >
      <Form.Item
        name="form"
        label={t('honoursFlow.person.disciplineForm')}
        rules={[zodRule(shape.form)]}
        required
        extra={t('honoursFlow.person.disciplineFormHelp')}
      >
        <Input maxLength={200} data-testid="discipline-form-name" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('honoursFlow.person.disciplineReason')}
        rules={[zodRule(shape.reason)]}
        required
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="discipline-reason" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item
            name="decidedOn"
            label={t('honoursFlow.person.disciplineDecidedOn')}
            rules={[{ required: true, message: t('honoursFlow.round.dateRequired') }]}
          >
            <IsoDatePicker noFuture data-testid="discipline-decided-on" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="untilOn" label={t('honoursFlow.person.disciplineUntil')}>
            <IsoDatePicker data-testid="discipline-until" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="documentId" label={t('honoursFlow.person.disciplineDocument')}>
        <DocumentSelect testId="discipline-document" />
      </Form.Item>
    </FormModal>
  );
}

function HonoursList({ personId }: { personId: number }) {
  const { data, isFetching, error } = usePersonHonours(personId);
  if (error) return <Alert type="warning" showIcon title={errorMessage(error)} />;
  return (
    <Table<THonour>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="person-honours"
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.person.noHonours')} />,
      }}
      onRow={() => ({ 'data-testid': 'person-honour-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'award',
          title: t('honoursFlow.field.awardForm'),
          render: (_, h) => (
            <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
              <Typography.Text strong delete={h.status === 'revoked'}>
                {h.awardForm.name}
              </Typography.Text>
              {h.status === 'revoked' && (
                <div>
                  <Tag color="red">{t('honoursFlow.person.revokedOn', { date: formatDateVi(h.revokedOn) })}</Tag>
                </div>
              )}
            </div>
          ),
        },
        {
          key: 'decision',
          title: t('honoursFlow.person.decision'),
          render: (_, h) => (
            <div style={{ maxWidth: 220, whiteSpace: 'normal', fontSize: 12 }}>
              <div>
                {t('honoursFlow.proposal.letterRef', {
                  symbol: h.decision.symbol,
                  date: formatDateVi(h.decision.issuedOn),
                })}
              </div>
              <div className="dh-muted">{h.grantor}</div>
            </div>
          ),
        },
      ]}
    />
  );
}

function DisciplineList({ personId }: { personId: number }) {
  const { data, isFetching, error } = useDisciplines(personId);
  if (error) return <Alert type="warning" showIcon title={errorMessage(error)} />;
  return (
    <Table<TDiscipline>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="person-disciplines"
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.person.noDisciplines')} />,
      }}
      onRow={() => ({ 'data-testid': 'person-discipline-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'form',
          title: t('honoursFlow.person.disciplineForm'),
          render: (_, d) => (
            <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>
              <Typography.Text strong>{d.form}</Typography.Text>{' '}
              {d.active && <Tag color="red">{t('honoursFlow.person.inForce')}</Tag>}
              <div className="dh-muted" style={{ fontSize: 12 }}>
                {d.reason}
              </div>
            </div>
          ),
        },
        {
          key: 'dates',
          title: t('honoursFlow.person.disciplineDecidedOn'),
          render: (_, d) => (
            <div style={{ fontSize: 12 }}>
              <div>{formatDateVi(d.decidedOn)}</div>
              {d.untilOn && (
                <div className="dh-muted">{t('honoursFlow.person.until', { date: formatDateVi(d.untilOn) })}</div>
              )}
              {d.document && <div className="dh-muted">{d.document.symbol}</div>}
            </div>
          ),
        },
      ]}
    />
  );
}

export function PersonRecordDrawer({ person, onClose }: { person: TPerson | null; onClose: () => void }) {
  const isPhone = useIsPhone();
  const [adding, setAdding] = useState(false);
  return (
    <Drawer
      open={person !== null}
      onClose={onClose}
      title={person ? t('honoursFlow.person.title', { name: person.fullName }) : ''}
      size={isPhone ? '100%' : 640}
      destroyOnHidden
    >
      {person && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-record">
          <div className="dh-muted">{[person.position, person.unitName].filter(Boolean).join(' · ')}</div>
          <Card size="small" title={t('honoursFlow.person.honours')}>
            <HonoursList personId={person.id} />
          </Card>
          <Card
            size="small"
            title={t('honoursFlow.person.disciplines')}
            extra={
              person.canWrite && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setAdding(true)}
                  data-testid="discipline-add"
                >
                  {t('honoursFlow.person.disciplineAdd')}
                </Button>
              )
            }
          >
            <DisciplineList personId={person.id} />
          </Card>
          {adding && <DisciplineModal person={person} onClose={() => setAdding(false)} />}
        </Space>
      )}
    </Drawer>
  );
}
