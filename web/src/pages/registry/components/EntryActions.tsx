/**
 * What the user may do with this entry, from the API's `can` and the status:
 * the usual next step as buttons, the rest in a "Thao tác khác" menu (all in
 * one menu on phones).
 */
import type { ReactNode } from 'react';
import { Button, Dropdown, Space } from 'antd';
import {
  CheckOutlined,
  DownOutlined,
  EditOutlined,
  FlagOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { TEntryDetail } from '../../../api/types.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';
import { OFF_LIST } from '../labels.ts';

export type EntryAction =
  | 'edit'
  | 'submit'
  | 'accept'
  | 'return'
  | 'level_changed'
  | 'renamed'
  | 'content_adjusted'
  | 'removed'
  | 'replaced'
  | 'transferred_out'
  | 'reinstated'
  | 'launched'
  | 'commitment_signed'
  | 'assign'
  | 'owner';

interface ActionDef {
  key: EntryAction;
  label: MessageKey;
  icon?: ReactNode;
  danger?: boolean;
  primary?: boolean;
}

/** The actions open to the user, in the order they are offered. */
export function availableActions(entry: TEntryDetail): ActionDef[] {
  const { can, status } = entry;
  const list: ActionDef[] = [];
  if (can.edit) list.push({ key: 'edit', label: 'registry.action.edit', icon: <EditOutlined /> });
  if (can.submit) list.push({ key: 'submit', label: 'registry.action.submit', icon: <SendOutlined />, primary: true });
  if (can.approve) {
    list.push({ key: 'accept', label: 'registry.action.accept', icon: <CheckOutlined />, primary: true });
    list.push({
      key: 'return',
      label: 'registry.action.return',
      icon: <RollbackOutlined />,
      danger: true,
      primary: true,
    });
  }
  if (status === 'active') {
    if (can.assign) list.push({ key: 'level_changed', label: 'registry.action.level_changed', icon: <SwapOutlined /> });
    if (can.record) {
      list.push({ key: 'renamed', label: 'registry.action.renamed' });
      list.push({ key: 'content_adjusted', label: 'registry.action.content_adjusted' });
    }
  }
  if (can.record) {
    // One form records either a launch or a signed commitment.
    list.push({ key: 'launched', label: 'registry.action.launched', icon: <FlagOutlined /> });
  }
  if (can.assign && status !== 'draft')
    list.push({ key: 'assign', label: 'registry.action.assign', icon: <UserAddOutlined /> });
  if (status === 'active' && can.assign) {
    list.push({ key: 'owner', label: 'registry.action.owner', icon: <SwapOutlined /> });
    list.push({ key: 'replaced', label: 'registry.action.replaced', danger: true });
    list.push({ key: 'transferred_out', label: 'registry.action.transferred_out', danger: true });
    list.push({ key: 'removed', label: 'registry.action.removed', danger: true });
  }
  if (OFF_LIST.includes(status) && can.assign) list.push({ key: 'reinstated', label: 'registry.action.reinstated' });
  return list;
}

export function EntryActions({ entry, onAction }: { entry: TEntryDetail; onAction: (action: EntryAction) => void }) {
  const isPhone = useIsPhone();
  const actions = availableActions(entry);
  if (actions.length === 0) return null;
  const primary = isPhone ? [] : actions.filter((a) => a.primary || a.key === 'edit');
  const rest = actions.filter((a) => !primary.includes(a));
  return (
    <Space wrap data-testid="entry-actions">
      {primary.map((a) => (
        <Button
          key={a.key}
          type={a.primary && !a.danger ? 'primary' : 'default'}
          danger={a.danger}
          icon={a.icon}
          onClick={() => onAction(a.key)}
          data-testid={`entry-action-${a.key}`}
        >
          {t(a.label)}
        </Button>
      ))}
      {rest.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: rest.map((a) => ({
              key: a.key,
              icon: a.icon,
              danger: a.danger,
              label: <span data-testid={`entry-action-${a.key}`}>{t(a.label)}</span>,
            })),
            onClick: ({ key }) => onAction(key as EntryAction),
          }}
        >
          <Button type={isPhone ? 'primary' : 'default'} block={isPhone} data-testid="entry-actions-more">
            {isPhone ? t('registry.action.menu') : t('registry.action.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
