/**
 * The models and exemplars on the list that a restructuring carries (or that block it): each with its kind,
 * level and person, a link to its record, and on the right what happens to it (a text, or a select to route it).
 * A list, not a table, so it stacks on a phone.
 */
import type { ReactNode } from 'react';
import { Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ActiveEntry } from '../../../api/org.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';

interface Props<E extends ActiveEntry> {
  entries: E[];
  loading?: boolean;
  /** What happens to the entry: "sẽ chuyển sang …", a select, a link to handle it. */
  fate?: (entry: E) => ReactNode;
  testId: string;
}

export function ActiveEntriesList<E extends ActiveEntry>({ entries, loading, fate, testId }: Props<E>) {
  const isPhone = useIsPhone();
  if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (entries.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('restructure.entries.none')}
        data-testid={`${testId}-empty`}
      />
    );
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={entries}
      renderItem={(e) => (
        <List.Item data-testid={`${testId}-item`} data-entry-id={e.id} style={{ flexWrap: 'wrap', gap: 8 }}>
          <div style={{ flex: isPhone ? '1 1 100%' : '1 1 55%', minWidth: 0 }}>
            <Link to={`/mo-hinh/${e.id}`} target="_blank" rel="noreferrer">
              <Typography.Text strong style={{ color: 'inherit' }}>
                {e.name}
              </Typography.Text>
            </Link>
            <div className="dh-muted" style={{ fontSize: 12 }}>
              <Tag>{t(e.kind === 'model' ? 'registry.kind.model' : 'registry.kind.exemplar')}</Tag>
              {e.levelName}
              {e.personUnitName && ` · ${t('restructure.entries.personUnit', { unit: e.personUnitName })}`}
            </div>
          </div>
          {fate && <div style={{ flex: isPhone ? '1 1 100%' : '1 1 40%', minWidth: 0 }}>{fate(e)}</div>}
        </List.Item>
      )}
    />
  );
}
