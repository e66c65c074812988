/**
 * Tab "Hội đồng" of a round: the council sessions held for it (status, date,
 * counts; a row opens the session) and, for those who review the round,
 * "Lập phiên họp Hội đồng": title, date, place, members (accounts with their
 * role and position) and the candidates passed to the council.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { ZCreateCouncilBody } from '@common/schemas/honours-council.ts';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  councilApi,
  useCouncilSessions,
  useInvalidateHonours,
  useReviewQueue,
  type TCouncilSummary,
} from '../../../api/honours-council.ts';
import type { TUser } from '../../../api/types.ts';
import { usersApi } from '../../../api/users.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { RemoteSelect } from '../../../components/remote-select/RemoteSelect.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { CandidatePickTable } from '../CandidatePickTable.tsx';
import {
  COUNCIL_ROLES,
  SESSION_STATUS_COLORS,
  councilRoleLabel,
  sessionStatusLabel,
  type CouncilRole,
} from '../labels.ts';

export interface MemberRow {
  userId: number;
  name: string;
  role: CouncilRole;
  position: string;
}

const searchActiveUsers = async (q: string | undefined, signal: AbortSignal) =>
  (await usersApi.list({ q, status: 'active', pageSize: 20 }, signal)).items;

/** Council members: search accounts by name to add; each row gets a role and a position. */
function MembersField({ value = [], onChange }: { value?: MemberRow[]; onChange?: (rows: MemberRow[]) => void }) {
  const taken = new Set(value.map((m) => m.userId));
  // The picker only adds rows: a new one after each pick starts empty again.
  const [pickKey, setPickKey] = useState(0);
  const set = (index: number, patch: Partial<MemberRow>) =>
    onChange?.(value.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <div>
      <RemoteSelect<TUser>
        key={pickKey}
        queryKey={['users', 'pick', 'active']}
        search={searchActiveUsers}
        idOf={(u) => u.id}
        labelOf={(u) => u.fullName}
        offer={(u) => !taken.has(u.id)}
        value={null}
        onChange={(_id, user) => {
          if (!user) return;
          setPickKey((k) => k + 1);
          onChange?.([
            ...value,
            { userId: user.id, name: user.fullName, role: value.length === 0 ? 'chair' : 'member', position: '' },
          ]);
        }}
        allowClear={false}
        texts={{
          placeholder: t('honoursFlow.council.form.addMember'),
          notFound: t('honoursFlow.council.form.noUser'),
          unavailable: t('users.unavailable'),
        }}
        style={{ marginBottom: 8 }}
        testId="council-member-pick"
        renderOption={(user) => (
          <div>
            <div>{user.fullName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {user.username}
            </Typography.Text>
          </div>
        )}
      />
      <Table<MemberRow>
        size="small"
        rowKey="userId"
        pagination={false}
        dataSource={value}
        data-testid="council-members"
        locale={{ emptyText: t('honoursFlow.council.form.noMembers') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('honoursFlow.council.member.name'), render: (_, m) => m.name },
          {
            key: 'role',
            title: t('honoursFlow.council.member.role'),
            render: (_, m, i) => (
              <Select<CouncilRole>
                size="small"
                value={m.role}
                style={{ width: 170 }}
                onChange={(role) => set(i, { role })}
                options={COUNCIL_ROLES.map((r) => ({ value: r, label: councilRoleLabel(r) }))}
              />
            ),
          },
          {
            key: 'position',
            title: t('honoursFlow.council.member.position'),
            render: (_, m, i) => (
              <Input
                size="small"
                value={m.position}
                maxLength={300}
                style={{ minWidth: 180 }}
                onChange={(e) => set(i, { position: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            title: '',
            render: (_, m) => (
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => onChange?.(value.filter((x) => x.userId !== m.userId))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

interface CreateValues {
  title: string;
  heldOn: string;
  location: string | null;
  members: MemberRow[];
  candidateIds: number[];
}

function CreateCouncilModal({ round, onClose }: { round: TRound; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateHonours();
  const queue = useReviewQueue({ roundId: round.id, status: 'passed', pageSize: 500 });
  const candidates = useMemo(() => queue.data?.items ?? [], [queue.data]);
  return (
    <FormModal<CreateValues>
      open
      title={t('honoursFlow.council.create')}
      testId="council-create"
      width={960}
      okText={t('honoursFlow.council.createOk')}
      onClose={onClose}
      initialValues={{
        title: t('honoursFlow.council.form.defaultTitle', { round: round.name }),
        heldOn: today(),
        location: null,
        members: [],
        candidateIds: [],
      }}
      onSubmit={(v) =>
        councilApi.create({
          roundId: round.id,
          title: v.title,
          heldOn: v.heldOn,
          location: v.location || null,
          members: v.members.map((m) => ({ userId: m.userId, role: m.role, position: m.position.trim() || null })),
          candidateIds: v.candidateIds,
        })
      }
      onDone={(result) => {
        void message.success(t('honoursFlow.council.created'));
        void invalidate();
        const id = (result as { id?: number } | undefined)?.id;
        if (id) void navigate(`/khen-thuong/hoi-dong/${id}`);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="title"
            label={t('honoursFlow.council.field.title')}
            rules={[zodRule(ZCreateCouncilBody.shape.title)]}
            required
          >
            <Input maxLength={300} data-testid="council-title" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name="heldOn"
            label={t('honoursFlow.council.field.heldOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="council-date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="location" label={t('honoursFlow.council.field.location')}>
            <Input maxLength={300} data-testid="council-location" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="members"
        label={t('honoursFlow.council.field.members')}
        required
        rules={[
          {
            validator: (_r, v: MemberRow[] | undefined) =>
              !v || v.length === 0
                ? Promise.reject(new Error(t('honoursFlow.council.form.membersRequired')))
                : Promise.resolve(),
          },
        ]}
      >
        <MembersField />
      </Form.Item>
      <Form.Item
        name="candidateIds"
        label={t('honoursFlow.council.field.candidates')}
        required
        extra={t('honoursFlow.council.form.candidatesHelp')}
        rules={[
          {
            validator: (_r, v: number[] | undefined) =>
              !v || v.length === 0
                ? Promise.reject(new Error(t('honoursFlow.council.form.candidatesRequired')))
                : Promise.resolve(),
          },
        ]}
      >
        <CandidatePickTable candidates={candidates} loading={queue.isFetching} testId="council-candidates" />
      </Form.Item>
      {queue.error && <Alert type="error" showIcon title={errorMessage(queue.error)} />}
    </FormModal>
  );
}

export function CouncilTab(props: { round: TRound }) {
  const { round } = props;
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { page, pagination } = usePaging(20);
  const { data, isFetching, error } = useCouncilSessions({ roundId: round.id, ...page });
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="council-tab">
      <div className="dh-toolbar">
        {round.abilities.review && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="council-create-open"
          >
            {t('honoursFlow.council.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TCouncilSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="council-sessions"
        locale={{ emptyText: t('honoursFlow.council.none') }}
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        onRow={(s) =>
          ({
            onClick: () => void navigate(`/khen-thuong/hoi-dong/${s.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'council-row',
            'data-session-id': s.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'title',
            title: t('honoursFlow.council.field.title'),
            render: (_, s) => (
              <div style={{ minWidth: 200, whiteSpace: 'normal' }}>
                <Link
                  to={`/khen-thuong/hoi-dong/${s.id}`}
                  onClick={(e) => e.stopPropagation()}
                  data-testid="council-link"
                >
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {s.title}
                  </Typography.Text>
                </Link>
                {s.isMember && (
                  <Tag icon={<TeamOutlined />} color="gold" style={{ marginLeft: 6 }}>
                    {t('honoursFlow.council.iAmMember')}
                  </Tag>
                )}
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {s.unit.name}
                </div>
              </div>
            ),
          },
          { key: 'date', title: t('honoursFlow.council.field.heldOn'), render: (_, s) => formatDateVi(s.heldOn) },
          {
            key: 'status',
            title: t('honoursFlow.hc.field.status'),
            render: (_, s) => <Tag color={SESSION_STATUS_COLORS[s.status]}>{sessionStatusLabel(s.status)}</Tag>,
          },
          {
            key: 'candidates',
            title: t('honoursFlow.council.field.candidateCount'),
            align: 'right',
            render: (_, s) => s.candidateCount,
          },
          {
            key: 'members',
            title: t('honoursFlow.council.field.memberCount'),
            align: 'right',
            render: (_, s) => s.memberCount,
          },
        ]}
      />
      {creating && <CreateCouncilModal round={round} onClose={() => setCreating(false)} />}
    </div>
  );
}
