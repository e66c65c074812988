/** Routes: Vietnamese paths, every page lazily loaded, the signed-in area behind RequireAuth. */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { UnauthenticatedBridge } from './auth/UnauthenticatedBridge.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomeRedirect } from './layout/HomeRedirect.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { RequireAbility } from './auth/RequireAbility.tsx';

const SignInPage = lazy(() => import('./pages/auth/SignInPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/profile/ChangePasswordPage.tsx'));
const TokensPage = lazy(() => import('./pages/profile/TokensPage.tsx'));
const OrgPage = lazy(() => import('./pages/org/OrgPage.tsx'));
const PeoplePage = lazy(() => import('./pages/people/PeoplePage.tsx'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));

export const PATHS = {
  signIn: '/dang-nhap',
  org: '/to-chuc',
  people: '/can-bo',
  documents: '/van-ban',
  users: '/nguoi-dung',
  audit: '/nhat-ky',
  password: '/ho-so/mat-khau',
  tokens: '/ho-so/ma-truy-cap',
} as const;

export function AppRoutes() {
  return (
    <>
      <UnauthenticatedBridge />
      <Routes>
        <Route path={PATHS.signIn} element={<SignInPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path={PATHS.org} element={<RequireAbility action="org.read"><OrgPage /></RequireAbility>} />
            <Route path={PATHS.people} element={<RequireAbility action="people.read"><PeoplePage /></RequireAbility>} />
            <Route path={PATHS.documents} element={<RequireAbility action="documents.read"><DocumentsPage /></RequireAbility>} />
            <Route path={PATHS.users} element={<RequireAbility action="users.read"><UsersPage /></RequireAbility>} />
            <Route path={PATHS.audit} element={<RequireAbility action="audit.read"><AuditPage /></RequireAbility>} />
            <Route path={PATHS.password} element={<ChangePasswordPage />} />
            <Route path={PATHS.tokens} element={<TokensPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </>
  );
}
