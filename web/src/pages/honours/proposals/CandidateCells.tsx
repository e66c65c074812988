/** Pieces of a candidate row shared by the proposal page and the review queue. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TCandidate, TSuggestion } from '../../../api/honours-proposals.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CANDIDATE_STATUS_COLORS, candidateStatusLabel, subjectLabel } from '../rounds/labels.ts';

type Flags = TCandidate['flags'];
type Evaluation = TCandidate['evaluation'];

export function FlagTags({ flags }: { flags: Flags }) {
  if (flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="candidate-flags">
      {flags.map((f, i) => (
        <Tooltip key={i} title={f.text}>
          <Tag color="red" icon={<WarningOutlined />} style={{ whiteSpace: 'normal', maxWidth: 260 }}>
            {f.kind === 'discipline' ? t('honoursFlow.flag.discipline') : t('honoursFlow.flag.inspection')}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export function EvaluationSummary({ evaluation }: { evaluation: Evaluation }) {
  if (evaluation.length === 0) return <span className="dh-muted">{t('honoursFlow.evaluation.none')}</span>;
  return (
    <div style={{ fontSize: 12, maxWidth: 260, whiteSpace: 'normal' }} data-testid="candidate-evaluation">
      {evaluation.map((e, i) => (
        <div key={i}>
          <Tag color={e.met ? 'green' : 'orange'} style={{ marginInlineEnd: 4 }}>
            {e.met ? t('honoursFlow.evaluation.met') : t('honoursFlow.evaluation.notMet')}
          </Tag>
          {e.scope} · {formatDateVi(e.decidedOn)}
          {e.level ? ` · ${e.level}` : ''}
        </div>
      ))}
    </div>
  );
}

export function CandidateStatusTag({ candidate }: { candidate: Pick<TCandidate, 'status' | 'returnReason'> }) {
  return (
    <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>
      <Tag
        color={CANDIDATE_STATUS_COLORS[candidate.status]}
        data-testid="candidate-status"
        data-status={candidate.status}
      >
        {candidateStatusLabel(candidate.status)}
      </Tag>
      {candidate.returnReason && candidate.status === 'returned' && (
        <div style={{ fontSize: 12 }} data-testid="candidate-return-reason">
          <Typography.Text type="danger">
            {t('honoursFlow.candidate.returnReason', { reason: candidate.returnReason })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

export function CandidateName({
  candidate,
}: {
  candidate: Pick<TCandidate, 'displayName' | 'position' | 'subject' | 'unit' | 'entry'> | TSuggestion;
}) {
  return (
    <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal' }}>
      <Typography.Text strong>{candidate.displayName}</Typography.Text>
      <div className="dh-muted" style={{ fontSize: 12 }}>
        {subjectLabel(candidate.subject)}
        {candidate.position ? ` · ${candidate.position}` : ''}
        {candidate.subject === 'individual' ? ` · ${candidate.unit.name}` : ''}
      </div>
      {candidate.entry && (
        <div style={{ fontSize: 12 }}>
          <Link to={`/mo-hinh/${candidate.entry.id}`}>{candidate.entry.name}</Link>
        </div>
      )}
    </div>
  );
}

export function AchievementCell({ candidate }: { candidate: Pick<TCandidate, 'achievement' | 'achievementFile'> }) {
  return (
    <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap', fontSize: 13 }}>
      <Typography.Paragraph
        ellipsis={{ rows: 3, expandable: 'collapsible' }}
        style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
      >
        {candidate.achievement}
      </Typography.Paragraph>
      {candidate.achievementFile && (
        <a
          href={`/api/v1/files/${candidate.achievementFile.id}`}
          target="_blank"
          rel="noreferrer"
          data-testid="candidate-achievement-file"
        >
          <PaperClipOutlined /> {candidate.achievementFile.name}
        </a>
      )}
    </div>
  );
}
