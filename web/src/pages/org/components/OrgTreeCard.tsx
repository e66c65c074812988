/** Left column: search box, then either the search results or the tree. */
import { useState } from 'react';
import { Alert, Button, Card, Input, Skeleton, Tooltip } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { useDebounced } from '../../../hooks/use-debounced.ts';
import { t } from '../../../i18n/index.ts';
import type { OrgTreeState } from '../hooks/use-org-tree.ts';
import { OrgTree } from './OrgTree.tsx';
import { UnitSearchResults } from './UnitSearchResults.tsx';

interface Props {
  tree: OrgTreeState;
  asOf: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onPickFromSearch: (id: number) => void;
  onAddRoot?: () => void;
}

export function OrgTreeCard({ tree, asOf, selectedId, onSelect, onPickFromSearch, onAddRoot }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);

  return (
    <Card
      title={t('org.tree.title')}
      size="small"
      extra={
        <>
          <Tooltip title={t('common.reload')}>
            <Button
              type="text"
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void tree.reload()}
              aria-label={t('common.reload')}
            />
          </Tooltip>
          {onAddRoot && (
            <Tooltip title={t('org.actions.addRoot')}>
              <Button
                type="text"
                size="small"
                icon={<PlusOutlined />}
                onClick={onAddRoot}
                aria-label={t('org.actions.addRoot')}
              />
            </Tooltip>
          )}
        </>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('org.search.placeholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="org-search"
      />
      <div className="dh-tree-wrap">
        {q ? (
          <UnitSearchResults
            q={q}
            asOf={asOf}
            onPick={(id) => {
              setSearch('');
              onPickFromSearch(id);
            }}
          />
        ) : tree.rootLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : tree.rootError ? (
          <Alert type="error" showIcon title={errorMessage(tree.rootError)} />
        ) : (
          <div data-testid="org-tree">
            <OrgTree tree={tree} selectedId={selectedId} onSelect={onSelect} />
          </div>
        )}
      </div>
    </Card>
  );
}
