/**
 * Một phiên họp Hội đồng Thi đua – Khen thưởng (/khen-thuong/hoi-dong/:id):
 * the session's facts and members; for those who manage it the attendance,
 * closing with the count and the minutes (.docx); the agenda of candidates
 * with the rule in force; for a member, one ballot (agree / disagree / not
 * voting per candidate, or a declared conflict of interest) sent at once;
 * after closing, the result of every candidate.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Skeleton, Space, Tag } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { councilApi, useCouncilSession, useInvalidateHonours } from '../../../api/honours-council.ts';
import { useMe } from '../../../auth/me.ts';
import { FullPageError } from '../../../components/FullPageError.tsx';
import { t } from '../../../i18n/index.ts';
import { SESSION_STATUS_COLORS, sessionStatusLabel } from '../labels.ts';
import { AgendaCard } from './AgendaCard.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { SessionFactsCard } from './SessionFactsCard.tsx';

export default function CouncilPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const me = useMe();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateHonours();
  const { data: session, isPending, error, refetch } = useCouncilSession(id);
  const [downloading, setDownloading] = useState(false);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error || !session) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const s = session;
  const open = s.status === 'open';
  const mine = s.members.find((m) => m.user.id === me.id) ?? null;
  const quorum = s.agenda.find((a) => a.result)?.result ?? null;

  // The dialog closes the session itself (onOk); the promise of its closing is not needed.
  const closeSession = () => {
    void modal.confirm({
      title: t('honoursFlow.council.close.title'),
      content: t('honoursFlow.council.close.body', {
        present: s.members.filter((m) => m.present).length,
        total: s.members.length,
      }),
      okText: t('honoursFlow.council.close.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'close-session-confirm' },
      onOk: async () => {
        try {
          await councilApi.close(s.id, s.revision);
          void message.success(t('honoursFlow.council.close.done'));
          await invalidate();
        } catch (err) {
          void message.error({ content: errorMessage(err), duration: 8 });
        }
      },
    });
  };

  const downloadMinutes = async () => {
    setDownloading(true);
    try {
      await councilApi.minutes(s.id);
    } catch (err) {
      void message.error({ content: errorMessage(err), duration: 8 });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div data-testid="council-page" data-session-id={s.id} data-status={s.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate(`/khen-thuong/dot/${s.round.id}`))}
        >
          {t('honoursFlow.council.back')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="council-title">{s.title}</h1>
        <Space wrap>
          {s.abilities.manage && open && (
            <Button type="primary" danger icon={<LockOutlined />} onClick={closeSession} data-testid="close-session">
              {t('honoursFlow.council.close.action')}
            </Button>
          )}
          {!open && (
            <Button
              icon={<FileWordOutlined />}
              loading={downloading}
              onClick={() => void downloadMinutes()}
              data-testid="minutes-download"
            >
              {t('honoursFlow.council.minutes')}
            </Button>
          )}
        </Space>
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={SESSION_STATUS_COLORS[s.status]} data-testid="council-status">
              {sessionStatusLabel(s.status)}
            </Tag>
            <Tag>
              {t(s.ballot === 'secret' ? 'honoursFlow.council.ballot.secret' : 'honoursFlow.council.ballot.open')}
            </Tag>
            <Link to={`/khen-thuong/dot/${s.round.id}`}>{s.round.name}</Link>
          </Space>
        </div>
      </div>
      {quorum && !quorum.quorumMet && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('honoursFlow.council.result.noQuorumAlert', {
            present: quorum.present,
            members: quorum.members,
            needed: quorum.quorumNeeded,
          })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <AgendaCard session={s} mine={mine} />
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <SessionFactsCard session={s} />
            <AttendanceCard session={s} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
