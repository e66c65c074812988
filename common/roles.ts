/**
 * Roles are granted on an org unit. "subtree" roles reach the unit and
 * everything under it; "unit" roles reach that unit only. What each role may
 * do is this one typed table; the server enforces it and sends the resulting
 * abilities to the web app, which only hides what the server would refuse.
 */
export const ROLES = ['admin', 'operator', 'reporter', 'monitor', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.write',
  'people.read',
  'people.write',
  'documents.read',
  'documents.write',
  'users.read',
  'users.write',
  'audit.read',
  'plans.read',
  'plans.write',
  'catalogue.write',
  'registry.read',
  'registry.write',
  'registry.approve',
  'inspections.write',
  'honours.propose',
  'honours.review',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  operator: [
    'org.read',
    'org.write',
    'people.read',
    'people.write',
    'documents.read',
    'documents.write',
    'users.read',
    'plans.read',
    'plans.write',
    'catalogue.write',
    'registry.read',
    'registry.write',
    'registry.approve',
    'inspections.write',
    'honours.propose',
    'honours.review',
  ],
  reporter: [
    'org.read',
    'people.read',
    'people.write',
    'documents.read',
    'documents.write',
    'plans.read',
    'registry.read',
    'registry.write',
    'honours.propose',
  ],
  monitor: ['org.read', 'people.read', 'documents.read', 'plans.read', 'registry.read'],
  viewer: ['org.read', 'people.read', 'documents.read', 'plans.read', 'registry.read'],
  /**
   * Kiểm tra viên: reads the audit log and what browsing it needs (unit names, accounts and their grants for
   * access reviews) — no personal records, no registry, and nothing that changes data. On a root unit the
   * whole log, as a system administrator would (server/lib/context.ts scopeOf).
   */
  auditor: ['audit.read', 'org.read', 'users.read'],
};

export const ROLE_REACH: Record<Role, 'subtree' | 'unit'> = {
  admin: 'subtree',
  operator: 'subtree',
  reporter: 'unit',
  monitor: 'subtree',
  viewer: 'subtree',
  auditor: 'subtree',
};

/** Vietnamese labels, used by the web app and by exports. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  operator: 'Cán bộ nghiệp vụ (quản lý cây đơn vị)',
  reporter: 'Cán bộ báo cáo của đơn vị',
  monitor: 'Người phụ trách theo dõi',
  viewer: 'Lãnh đạo / xem',
  auditor: 'Kiểm tra viên (chỉ đọc nhật ký)',
};

export function roleCan(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}
