/** Side-menu entries; each shows only when the user holds its ability. */
import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, FileTextOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action } from '../../../common/roles.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { TMe } from '../api/types.ts';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  ability: Action;
}

export const MENU: MenuEntry[] = [
  { key: 'org', path: '/to-chuc', label: 'menu.org', icon: <ApartmentOutlined />, ability: 'org.read' },
  { key: 'people', path: '/can-bo', label: 'menu.people', icon: <TeamOutlined />, ability: 'people.read' },
  { key: 'documents', path: '/van-ban', label: 'menu.documents', icon: <FileTextOutlined />, ability: 'documents.read' },
  { key: 'users', path: '/nguoi-dung', label: 'menu.users', icon: <SafetyCertificateOutlined />, ability: 'users.read' },
  { key: 'audit', path: '/nhat-ky', label: 'menu.audit', icon: <AuditOutlined />, ability: 'audit.read' },
];

export function visibleMenuItems(abilities: TMe['abilities']): MenuEntry[] {
  return MENU.filter((m) => abilities[m.ability]);
}
