/**
 * Any API answer 403 PASSWORD_CHANGE_REQUIRED — not only who-am-I at sign-in —
 * reaches the app's handler, which sends the user to "Đổi mật khẩu"
 * (UnauthenticatedBridge marks the user, RequireAuth redirects).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, download, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from '../api/client.ts';

const answer = (status: number, code: string) =>
  vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify({ error: { code, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' } }), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );

afterEach(() => {
  vi.unstubAllGlobals();
  setPasswordChangeRequiredHandler(() => undefined);
});

describe('403 PASSWORD_CHANGE_REQUIRED from any call', () => {
  it('runs the handler for reads, writes and downloads, and still rejects with the server message', async () => {
    const handler = vi.fn();
    setPasswordChangeRequiredHandler(handler);
    vi.stubGlobal('fetch', answer(403, 'PASSWORD_CHANGE_REQUIRED'));
    await expect(api.get('/org/units')).rejects.toMatchObject({
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    });
    await expect(api.post('/people', { fullName: 'A' })).rejects.toBeInstanceOf(ApiError);
    await expect(download('/registry/entries.xlsx', undefined, 'x.xlsx')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('leaves other refusals alone', async () => {
    const handler = vi.fn();
    const signedOut = vi.fn();
    setPasswordChangeRequiredHandler(handler);
    setUnauthenticatedHandler(signedOut);
    vi.stubGlobal('fetch', answer(403, 'FORBIDDEN'));
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    vi.stubGlobal('fetch', answer(401, 'UNAUTHENTICATED'));
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).not.toHaveBeenCalled();
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});
