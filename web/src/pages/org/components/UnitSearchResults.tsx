/** Results of a name search over the visible tree (diacritics optional), each with where it sits. */
import { List, Typography } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import { t } from '../../../i18n/index.ts';
import { useUnitSearch } from '../../../api/org.ts';

interface Props {
  q: string;
  asOf: string;
  onPick: (id: number) => void;
}

export function UnitSearchResults({ q, asOf, onPick }: Props) {
  const { data, isFetching, error } = useUnitSearch(q, asOf);
  return (
    <List
      size="small"
      loading={isFetching}
      data-testid="org-search-results"
      header={
        data ? (
          <Typography.Text type="secondary">{t('org.search.count', { count: data.total })}</Typography.Text>
        ) : undefined
      }
      locale={{ emptyText: error ? errorMessage(error) : t('org.search.empty') }}
      dataSource={data?.items ?? []}
      renderItem={(unit) => (
        <List.Item
          key={unit.id}
          style={{ cursor: 'pointer' }}
          onClick={() => onPick(unit.id)}
          data-testid="org-search-result"
          data-unit-id={unit.id}
        >
          <List.Item.Meta
            title={<Typography.Link>{unit.name}</Typography.Link>}
            description={
              <span style={{ fontSize: 12 }}>
                {unit.typeName}
                {unit.parentName ? ` · ${t('unitSelect.under', { parent: unit.parentName })}` : ''}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}
