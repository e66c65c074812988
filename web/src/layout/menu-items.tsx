/** Side-menu entries; each shows only when the user holds its ability (and, for some, is a system administrator). */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  ClusterOutlined,
  CloudServerOutlined,
  CrownOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StarOutlined,
  TrophyOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Action } from '@common/roles.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { TMe } from '../api/types.ts';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  ability: Action;
  /** Shown only to system administrators (GET /auth/me → isSystemAdmin). */
  systemAdminOnly?: boolean;
}

export const HOME_PATH = '/';

export const MENU: MenuEntry[] = [
  { key: 'home', path: HOME_PATH, label: 'menu.home', icon: <HomeOutlined />, ability: 'registry.read' },
  { key: 'registry', path: '/mo-hinh', label: 'menu.registry', icon: <StarOutlined />, ability: 'registry.read' },
  { key: 'ledger', path: '/bien-dong', label: 'menu.ledger', icon: <TableOutlined />, ability: 'registry.read' },
  {
    key: 'evaluation',
    path: '/danh-gia',
    label: 'menu.evaluation',
    icon: <CheckCircleOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'dashboard',
    path: '/bang-dieu-khien',
    label: 'menu.dashboard',
    icon: <DashboardOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'inspections',
    path: '/kiem-tra',
    label: 'menu.inspections',
    icon: <FileSearchOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'reports',
    path: '/bao-cao-dinh-ky',
    label: 'menu.reports',
    icon: <FileDoneOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'reviewReports',
    path: '/bao-cao-so-ket',
    label: 'menu.reviewReports',
    icon: <FileProtectOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'honoursRounds',
    path: '/khen-thuong',
    label: 'menu.honoursRounds',
    icon: <TrophyOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'honoursList',
    path: '/khen-thuong/so-khen-thuong',
    label: 'menu.honoursList',
    icon: <CrownOutlined />,
    ability: 'registry.read',
  },
  {
    key: 'honoursForms',
    path: '/khen-thuong/hinh-thuc',
    label: 'menu.honoursForms',
    icon: <SettingOutlined />,
    ability: 'registry.read',
  },
  { key: 'plans', path: '/ke-hoach', label: 'menu.plans', icon: <CalendarOutlined />, ability: 'plans.read' },
  {
    key: 'catalogue',
    path: '/danh-muc',
    label: 'menu.catalogue',
    icon: <OrderedListOutlined />,
    ability: 'plans.read',
  },
  { key: 'org', path: '/to-chuc', label: 'menu.org', icon: <ApartmentOutlined />, ability: 'org.read' },
  { key: 'people', path: '/can-bo', label: 'menu.people', icon: <TeamOutlined />, ability: 'people.read' },
  {
    key: 'documents',
    path: '/van-ban',
    label: 'menu.documents',
    icon: <FileTextOutlined />,
    ability: 'documents.read',
  },
  {
    key: 'orgReference',
    path: '/danh-muc-to-chuc',
    label: 'menu.orgReference',
    icon: <ClusterOutlined />,
    ability: 'org.write',
    systemAdminOnly: true,
  },
  {
    key: 'users',
    path: '/nguoi-dung',
    label: 'menu.users',
    icon: <SafetyCertificateOutlined />,
    ability: 'users.read',
  },
  { key: 'audit', path: '/nhat-ky', label: 'menu.audit', icon: <AuditOutlined />, ability: 'audit.read' },
  {
    key: 'backups',
    path: '/sao-luu',
    label: 'menu.backups',
    icon: <CloudServerOutlined />,
    ability: 'users.write',
    systemAdminOnly: true,
  },
];

export function visibleMenuItems(me: Pick<TMe, 'abilities' | 'isSystemAdmin'>): MenuEntry[] {
  return MENU.filter((m) => me.abilities[m.ability] && (!m.systemAdminOnly || me.isSystemAdmin));
}

/** The entry the current address belongs to ("/" only for itself). */
export function isMenuActive(entry: MenuEntry, pathname: string): boolean {
  return entry.path === HOME_PATH
    ? pathname === HOME_PATH
    : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
}
