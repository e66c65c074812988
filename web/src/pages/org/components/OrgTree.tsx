/** The organisation tree: children load when a node opens; "Xem thêm" pages through very wide levels. */
import { useMemo } from 'react';
import { Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { ApartmentOutlined, PlusCircleOutlined } from '@ant-design/icons';
import type { TUnitSummary } from '../../../api/types.ts';
import { t } from '../../../i18n/index.ts';
import { ROOT_KEY, type OrgTreeState } from '../hooks/use-org-tree.ts';

interface Props {
  tree: OrgTreeState;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

interface Node extends TreeDataNode {
  unit?: TUnitSummary;
  moreOf?: string;
  remaining?: number;
  children?: Node[];
}

const MORE_PREFIX = 'more:';

function build(tree: OrgTreeState, key: string): Node[] | undefined {
  const list = tree.children[key];
  if (!list) return undefined;
  const nodes: Node[] = list.items.map((unit) => ({
    key: String(unit.id),
    unit,
    isLeaf: unit.childCount === 0,
    children: build(tree, String(unit.id)),
  }));
  if (list.items.length < list.total) {
    nodes.push({
      key: `${MORE_PREFIX}${key}`,
      moreOf: key,
      remaining: list.total - list.items.length,
      isLeaf: true,
      selectable: false,
    });
  }
  return nodes;
}

export function OrgTree({ tree, selectedId, onSelect }: Props) {
  const treeData = useMemo(() => build(tree, ROOT_KEY) ?? [], [tree]);

  return (
    <Tree<Node>
      blockNode
      showIcon={false}
      treeData={treeData}
      loadedKeys={tree.loadedKeys}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      loadData={async (node) => {
        if (node.unit) await tree.loadChildren(String(node.key));
      }}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      onSelect={(_keys, info) => {
        const node = info.node as Node;
        if (node.unit) onSelect(node.unit.id);
      }}
      titleRender={(node) => {
        if (node.moreOf) {
          return (
            <Typography.Link onClick={() => void tree.loadMore(node.moreOf!)} data-testid="org-tree-more">
              <PlusCircleOutlined /> {t('org.tree.more', { count: node.remaining })}
            </Typography.Link>
          );
        }
        const unit = node.unit!;
        return (
          <span
            className="dh-tree-title"
            data-testid="org-tree-node"
            data-unit-id={unit.id}
            title={`${unit.name} — ${unit.typeName}`}
          >
            {unit.childCount > 0 && <ApartmentOutlined className="dh-muted" />}
            <span>{unit.name}</span>
            {unit.childCount > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                ({unit.childCount})
              </Typography.Text>
            )}
          </span>
        );
      }}
    />
  );
}
