/**
 * Gợi ý đề nghị khen thưởng: the proposer's models and exemplars whose latest evaluation met the criteria
 * and that are not yet proposed in the round, each one click from the candidate form.
 */
import { Alert, Button, Card, List, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { useSuggestions, type TProposal, type TSuggestion } from '../../../api/honours-proposals.ts';
import { t } from '../../../i18n/index.ts';
import { CandidateName, EvaluationSummary, FlagTags } from './CandidateCells.tsx';

export function Suggestions({ proposal, onAdd }: { proposal: TProposal; onAdd: (s: TSuggestion) => void }) {
  const { data, isFetching, error } = useSuggestions(proposal.id, true);
  const items = data?.items ?? [];
  return (
    <Card size="small" title={t('honoursFlow.suggestions.title')} data-testid="proposal-suggestions">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('honoursFlow.suggestions.help')}
      </Typography.Paragraph>
      {error ? (
        <Alert type="warning" showIcon title={errorMessage(error)} />
      ) : (
        <List
          size="small"
          loading={isFetching}
          dataSource={items}
          locale={{ emptyText: t('honoursFlow.suggestions.none') }}
          renderItem={(s) => (
            <List.Item
              data-testid={`suggestion-${s.displayName}`}
              actions={[
                <Button
                  key="add"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => onAdd(s)}
                  data-testid={`suggestion-add-${s.displayName}`}
                >
                  {t('honoursFlow.suggestions.add')}
                </Button>,
              ]}
            >
              <div style={{ minWidth: 0 }}>
                <CandidateName candidate={s} />
                <EvaluationSummary evaluation={s.evaluation} />
                <FlagTags flags={s.flags} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
