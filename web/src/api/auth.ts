/** /api/v1/auth and /api/v1/tokens — sign-in, who am I, password, my API tokens. */
import { api, request } from './client.ts';
import type { TApiToken, TCreatedToken, TCreateTokenBody, TMe } from './types.ts';

export const authApi = {
  me: () => request<TMe>('GET', '/auth/me', { quiet401: true }),
  login: (username: string, password: string) =>
    request<TMe>('POST', '/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/auth/logout', { body: {}, quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
  /** My tokens, and the lifetimes a new one gets by default and at most (days). */
  tokens: () => api.get<{ items: TApiToken[]; defaultDays: number; maxDays: number }>('/tokens'),
  createToken: (body: TCreateTokenBody) => api.post<TCreatedToken>('/tokens', body),
  revokeToken: (id: number) => api.post<TApiToken>(`/tokens/${id}/revoke`),
};
