/** /api/v1/admin/backups — backups for system administrators (server/backup/routes.ts). */
import type { TBackupList, TBackupRun, TBackupRunning, TBackupTrigger } from '@common/schemas/backups.ts';
import { API_BASE, api } from './client.ts';

export type { TBackupList, TBackupRun, TBackupRunning, TBackupTrigger };

export const backupsApi = {
  list: (signal?: AbortSignal) => api.get<TBackupList>('/admin/backups', undefined, signal),
  /** Starts a backup; answers at once (202) — the list shows when it is done. */
  start: () => api.post<TBackupRunning>('/admin/backups'),
};

/** The archive (same origin, cookie-authenticated GET; audited by the server). */
export function backupDownloadUrl(id: number): string {
  return `${API_BASE}/admin/backups/${id}/download`;
}
