/** Buttons that open the restructuring forms; a single "Thao tác" menu on phones. */
import { Button, Dropdown, Space, Tooltip } from 'antd';
import {
  BranchesOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';

export type UnitAction = 'create' | 'change' | 'move' | 'merge' | 'split' | 'dissolve';

const ACTIONS: { key: UnitAction; label: MessageKey; icon: ReactNode; danger?: boolean }[] = [
  { key: 'create', label: 'org.actions.create', icon: <PlusOutlined /> },
  { key: 'change', label: 'org.actions.change', icon: <EditOutlined /> },
  { key: 'move', label: 'org.actions.move', icon: <SwapOutlined /> },
  { key: 'merge', label: 'org.actions.merge', icon: <MergeCellsOutlined /> },
  { key: 'split', label: 'org.actions.split', icon: <BranchesOutlined /> },
  { key: 'dissolve', label: 'org.actions.dissolve', icon: <DeleteOutlined />, danger: true },
];

interface Props {
  onAction: (action: UnitAction) => void;
  /** When set, actions are shown disabled with this explanation. */
  disabledReason?: string;
  /** The unit has no parent: it cannot be moved, merged or split into siblings. */
  isRoot: boolean;
}

export function UnitActions({ onAction, disabledReason, isRoot }: Props) {
  const isPhone = useIsPhone();
  const actions = ACTIONS.filter(
    (a) => !(isRoot && (a.key === 'move' || a.key === 'merge' || a.key === 'split' || a.key === 'dissolve')),
  );

  if (isPhone) {
    return (
      <Dropdown
        disabled={Boolean(disabledReason)}
        trigger={['click']}
        menu={{
          items: actions.map((a) => ({
            key: a.key,
            icon: a.icon,
            danger: a.danger,
            label: <span data-testid={`unit-action-${a.key}`}>{t(a.label)}</span>,
          })),
          onClick: ({ key }) => onAction(key as UnitAction),
        }}
      >
        <Button type="primary" block data-testid="unit-actions-menu">
          {t('org.actions.menu')} <DownOutlined />
        </Button>
      </Dropdown>
    );
  }

  const buttons = (
    <Space wrap size={[8, 8]}>
      {actions.map((a) => (
        <Button
          key={a.key}
          icon={a.icon}
          danger={a.danger}
          type={a.key === 'create' ? 'primary' : 'default'}
          disabled={Boolean(disabledReason)}
          onClick={() => onAction(a.key)}
          data-testid={`unit-action-${a.key}`}
        >
          {t(a.label)}
        </Button>
      ))}
    </Space>
  );
  return disabledReason ? <Tooltip title={disabledReason}>{buttons}</Tooltip> : buttons;
}
