/**
 * A drawer holding a form or a decision, with its action buttons where they fit:
 * in the header on a laptop, at the bottom on a phone (leaving the title its
 * width); full width on a phone. The buttons themselves belong to the caller.
 */
import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import { useIsPhone } from '../hooks/use-is-phone.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Width on a laptop, in pixels. */
  width: number;
  actions: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function ActionDrawer({ open, onClose, title, width, actions, testId, children }: Props) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isPhone ? '100%' : width}
      destroyOnHidden
      extra={isPhone ? undefined : actions}
      footer={isPhone ? <div style={{ display: 'flex', justifyContent: 'flex-end' }}>{actions}</div> : undefined}
      data-testid={testId}
    >
      {children}
    </Drawer>
  );
}
