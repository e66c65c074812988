/** Gate of the signed-in area: sign-in when signed out; the password page when a change is required. */
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { FullPageError } from '../components/FullPageError.tsx';
import { useMeQuery } from './me.ts';

export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/dang-nhap${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/ho-so/mat-khau') {
    return <Navigate to="/ho-so/mat-khau" replace />;
  }
  return <Outlet />;
}
