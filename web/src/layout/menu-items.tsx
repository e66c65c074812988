/** Side-menu entries; each shows only when the user holds its ability. */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileTextOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  StarOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
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

export const HOME_PATH = '/';

export const MENU: MenuEntry[] = [
  { key: 'home', path: HOME_PATH, label: 'menu.home', icon: <HomeOutlined />, ability: 'registry.read' },
  { key: 'registry', path: '/mo-hinh', label: 'menu.registry', icon: <StarOutlined />, ability: 'registry.read' },
  { key: 'ledger', path: '/bien-dong', label: 'menu.ledger', icon: <TableOutlined />, ability: 'registry.read' },
  { key: 'plans', path: '/ke-hoach', label: 'menu.plans', icon: <CalendarOutlined />, ability: 'plans.read' },
  { key: 'catalogue', path: '/danh-muc', label: 'menu.catalogue', icon: <OrderedListOutlined />, ability: 'plans.read' },
  { key: 'org', path: '/to-chuc', label: 'menu.org', icon: <ApartmentOutlined />, ability: 'org.read' },
  { key: 'people', path: '/can-bo', label: 'menu.people', icon: <TeamOutlined />, ability: 'people.read' },
  { key: 'documents', path: '/van-ban', label: 'menu.documents', icon: <FileTextOutlined />, ability: 'documents.read' },
  { key: 'users', path: '/nguoi-dung', label: 'menu.users', icon: <SafetyCertificateOutlined />, ability: 'users.read' },
  { key: 'audit', path: '/nhat-ky', label: 'menu.audit', icon: <AuditOutlined />, ability: 'audit.read' },
];

export function visibleMenuItems(abilities: TMe['abilities']): MenuEntry[] {
  return MENU.filter((m) => abilities[m.ability]);
}

/** The entry the current address belongs to ("/" only for itself). */
export function isMenuActive(entry: MenuEntry, pathname: string): boolean {
  return entry.path === HOME_PATH ? pathname === HOME_PATH : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
}
