/**
 * Reactions to what any API call may answer, wired to the signed-in user's
 * state: a 401 means the session is gone (forget the user → sign-in page);
 * a 403 PASSWORD_CHANGE_REQUIRED means the account must change its password
 * first (mark it → RequireAuth shows the password page), e.g. after an
 * administrator reset it or granted it an admin role while it was signed in.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from '../api/client.ts';
import type { TMe } from '../api/types.ts';
import { ME_KEY } from './me.ts';

export function UnauthenticatedBridge() {
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      client.setQueryData(ME_KEY, null);
    });
    setPasswordChangeRequiredHandler(() => {
      client.setQueryData<TMe | null>(ME_KEY, (me) =>
        me && !me.mustChangePassword ? { ...me, mustChangePassword: true } : me,
      );
    });
  }, [client]);
  return null;
}
