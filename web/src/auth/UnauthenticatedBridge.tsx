/** When any call answers 401 the session is gone: forget the user, which sends them to the sign-in page. */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from '../api/client.ts';
import { ME_KEY } from './me.ts';

export function UnauthenticatedBridge() {
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      client.setQueryData(ME_KEY, null);
    });
  }, [client]);
  return null;
}
