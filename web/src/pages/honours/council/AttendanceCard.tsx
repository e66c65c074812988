/** The members of a council session and their attendance, ticked and saved by those who manage an open session. */
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Table, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { councilApi, useInvalidateHonours, type TCouncilSession } from '../../../api/honours-council.ts';
import { t } from '../../../i18n/index.ts';
import { councilRoleLabel } from '../labels.ts';

export function AttendanceCard({ session }: { session: TCouncilSession }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const canEdit = session.abilities.manage && session.status === 'open';
  // Compared by value: a refetch that changes only the ballot counts keeps unsaved ticks.
  const initialKey = session.members
    .filter((m) => m.present)
    .map((m) => m.user.id)
    .join(',');
  const initial = useMemo(() => (initialKey ? initialKey.split(',').map(Number) : []), [initialKey]);
  // Ticks made on top of the attendance as saved; they give way when the saved attendance itself changes.
  const [ticks, setTicks] = useState<{ on: string; present: number[] } | null>(null);
  const present = ticks?.on === initialKey ? ticks.present : initial;
  const tick = (userId: number, on: boolean) =>
    setTicks({ on: initialKey, present: on ? [...present, userId] : present.filter((id) => id !== userId) });
  const [busy, setBusy] = useState(false);
  const dirty = present.length !== initial.length || present.some((id) => !initial.includes(id));
  const save = async () => {
    setBusy(true);
    try {
      await councilApi.attendance(session.id, present, session.revision);
      void message.success(t('honoursFlow.council.attendance.saved'));
      await invalidate();
      setTicks(null); // saved: the session as refetched is the attendance now
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('honoursFlow.council.section.members', { present: initial.length, total: session.members.length })}
      extra={
        canEdit ? (
          <Button
            size="small"
            type={dirty ? 'primary' : 'default'}
            loading={busy}
            disabled={!dirty}
            onClick={() => void save()}
            data-testid="attendance-save"
          >
            {t('honoursFlow.council.attendance.save')}
          </Button>
        ) : undefined
      }
    >
      <Table
        size="small"
        rowKey={(m) => m.user.id}
        pagination={false}
        dataSource={session.members}
        data-testid="council-member-list"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('honoursFlow.council.member.name'),
            render: (_, m) => (
              <div>
                <div>{m.user.name}</div>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {[councilRoleLabel(m.role), m.position].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
          {
            key: 'present',
            title: t('honoursFlow.council.member.present'),
            align: 'center',
            render: (_, m) =>
              canEdit ? (
                <Checkbox
                  checked={present.includes(m.user.id)}
                  onChange={(e) => tick(m.user.id, e.target.checked)}
                  data-testid={`present-${m.user.name}`}
                />
              ) : m.present ? (
                <CheckCircleOutlined
                  style={{ color: '#389e0d' }}
                  aria-label={t('honoursFlow.council.member.presentYes')}
                />
              ) : (
                <Typography.Text type="secondary">{t('honoursFlow.council.member.absent')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
