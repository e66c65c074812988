/** The facts of a council session: unit, date, place, ballot kind, candidates, when it closed. */
import { Card, Descriptions, Typography } from 'antd';
import type { TCouncilSession } from '../../../api/honours-council.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

export function SessionFactsCard({ session: s }: { session: TCouncilSession }) {
  const open = s.status === 'open';
  return (
    <Card size="small" title={t('honoursFlow.council.section.facts')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('honoursFlow.council.field.unit')}>{s.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.council.field.heldOn')}>{formatDateVi(s.heldOn)}</Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.council.field.location')}>{s.location ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.council.field.ballot')}>
          {t(s.ballot === 'secret' ? 'honoursFlow.council.ballot.secret' : 'honoursFlow.council.ballot.open')}
        </Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.council.field.candidateCount')}>{s.candidateCount}</Descriptions.Item>
        {s.closedAt && (
          <Descriptions.Item label={t('honoursFlow.council.field.closedAt')}>
            {formatDateTimeVi(s.closedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {s.ballot === 'secret' && open && (
        <Typography.Text type="secondary">{t('honoursFlow.council.ballot.secretHelp')}</Typography.Text>
      )}
    </Card>
  );
}
