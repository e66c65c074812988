/** /api/v1/system — what this installation is (public: the sign-in page asks it too). */
import { useQuery } from '@tanstack/react-query';
import type { TSystemInfo } from '@common/schemas/system.ts';
import { request } from './client.ts';

export const systemApi = {
  info: () => request<TSystemInfo>('GET', '/system/info', { quiet401: true }),
};

/** Asked once per page load: whether the database holds demo data does not change while it runs. */
export function useSystemInfo() {
  return useQuery({ queryKey: ['system-info'], queryFn: systemApi.info, staleTime: Infinity, retry: 1 });
}
