/** Routes: Vietnamese paths, every page lazily loaded, the signed-in area behind RequireAuth. */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { UnauthenticatedBridge } from './auth/UnauthenticatedBridge.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomeRedirect } from './layout/HomeRedirect.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { RequireAbility } from './auth/RequireAbility.tsx';
import { RequireSystemAdmin } from './auth/RequireSystemAdmin.tsx';
import { useCan } from './auth/me.ts';

const SignInPage = lazy(() => import('./pages/auth/SignInPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/profile/ChangePasswordPage.tsx'));
const TokensPage = lazy(() => import('./pages/profile/TokensPage.tsx'));
const OrgPage = lazy(() => import('./pages/org/OrgPage.tsx'));
const PeoplePage = lazy(() => import('./pages/people/PeoplePage.tsx'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const RegistryPage = lazy(() => import('./pages/registry/RegistryPage.tsx'));
const EntryPage = lazy(() => import('./pages/registry/EntryPage.tsx'));
const ImportPage = lazy(() => import('./pages/registry/import/ImportPage.tsx'));
const OwnerCheckPage = lazy(() => import('./pages/registry/owner-check/OwnerCheckPage.tsx'));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage.tsx'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx'));
const PlanPage = lazy(() => import('./pages/plans/PlanPage.tsx'));
const CataloguePage = lazy(() => import('./pages/catalogue/CataloguePage.tsx'));
const OrgReferencePage = lazy(() => import('./pages/org-reference/OrgReferencePage.tsx'));
const EvaluationPage = lazy(() => import('./pages/evaluation/EvaluationPage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const AwardFormsPage = lazy(() => import('./pages/honours/AwardFormsPage.tsx'));
const RoundsPage = lazy(() => import('./pages/honours/rounds/RoundsPage.tsx'));
const RoundPage = lazy(() => import('./pages/honours/rounds/RoundPage.tsx'));
const ProposalPage = lazy(() => import('./pages/honours/proposals/ProposalPage.tsx'));
const CouncilPage = lazy(() => import('./pages/honours/council/CouncilPage.tsx'));
const HonoursListPage = lazy(() => import('./pages/honours/decisions/HonoursListPage.tsx'));
const PublicDisclosurePage = lazy(() => import('./pages/honours/disclosure/PublicDisclosurePage.tsx'));
const InspectionsPage = lazy(() => import('./pages/inspections/InspectionsPage.tsx'));
const InspectionPage = lazy(() => import('./pages/inspections/InspectionPage.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage.tsx'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx'));
const ReportPage = lazy(() => import('./pages/reports/ReportPage.tsx'));
const ReviewReportsPage = lazy(() => import('./pages/review-reports/ReviewReportsPage.tsx'));
const ReviewReportPage = lazy(() => import('./pages/review-reports/ReviewReportPage.tsx'));
const BackupsPage = lazy(() => import('./pages/backups/BackupsPage.tsx'));

export const PATHS = {
  signIn: '/dang-nhap',
  org: '/to-chuc',
  people: '/can-bo',
  documents: '/van-ban',
  users: '/nguoi-dung',
  audit: '/nhat-ky',
  password: '/ho-so/mat-khau',
  tokens: '/ho-so/ma-truy-cap',
  registry: '/mo-hinh',
  registryImport: '/mo-hinh/nhap-excel',
  ownerCheck: '/mo-hinh/doi-chieu-don-vi',
  ledger: '/bien-dong',
  plans: '/ke-hoach',
  catalogue: '/danh-muc',
  orgReference: '/danh-muc-to-chuc',
  evaluation: '/danh-gia',
  dashboard: '/bang-dieu-khien',
  honoursForms: '/khen-thuong/hinh-thuc',
  honoursRounds: '/khen-thuong',
  honoursRound: '/khen-thuong/dot',
  honoursProposal: '/khen-thuong/to-trinh',
  honoursCouncil: '/khen-thuong/hoi-dong',
  honoursList: '/khen-thuong/so-khen-thuong',
  publicDisclosure: '/cong-khai',
  inspections: '/kiem-tra',
  notifications: '/thong-bao',
  reports: '/bao-cao-dinh-ky',
  reviewReports: '/bao-cao-so-ket',
  backups: '/sao-luu',
} as const;

/** "/": Việc của tôi for those who work with the registry; otherwise the first area the user may open. */
function HomeIndex() {
  const canRead = useCan('registry.read');
  return canRead ? <HomePage /> : <HomeRedirect />;
}

export function AppRoutes() {
  return (
    <>
      <UnauthenticatedBridge />
      <Routes>
        <Route path={PATHS.signIn} element={<SignInPage />} />
        <Route path={`${PATHS.publicDisclosure}/:token`} element={<PublicDisclosurePage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomeIndex />} />
            <Route
              path={PATHS.registry}
              element={
                <RequireAbility action="registry.read">
                  <RegistryPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.registryImport}
              element={
                <RequireAbility action="registry.write">
                  <ImportPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.ownerCheck}
              element={
                <RequireAbility action="registry.read">
                  <OwnerCheckPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.registry}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <EntryPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.ledger}
              element={
                <RequireAbility action="registry.read">
                  <LedgerPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.evaluation}
              element={
                <RequireAbility action="registry.read">
                  <EvaluationPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.dashboard}
              element={
                <RequireAbility action="registry.read">
                  <DashboardPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.honoursForms}
              element={
                <RequireAbility action="registry.read">
                  <AwardFormsPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.honoursRounds}
              element={
                <RequireAbility action="registry.read">
                  <RoundsPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.honoursRound}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <RoundPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.honoursProposal}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <ProposalPage />
                </RequireAbility>
              }
            />
            <Route path={`${PATHS.honoursCouncil}/:id`} element={<CouncilPage />} />
            <Route
              path={PATHS.honoursList}
              element={
                <RequireAbility action="registry.read">
                  <HonoursListPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.inspections}
              element={
                <RequireAbility action="registry.read">
                  <InspectionsPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.inspections}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <InspectionPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.reports}
              element={
                <RequireAbility action="registry.read">
                  <ReportsPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.reports}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <ReportPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.reviewReports}
              element={
                <RequireAbility action="registry.read">
                  <ReviewReportsPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.reviewReports}/:id`}
              element={
                <RequireAbility action="registry.read">
                  <ReviewReportPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.plans}
              element={
                <RequireAbility action="plans.read">
                  <PlansPage />
                </RequireAbility>
              }
            />
            <Route
              path={`${PATHS.plans}/:id`}
              element={
                <RequireAbility action="plans.read">
                  <PlanPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.catalogue}
              element={
                <RequireAbility action="plans.read">
                  <CataloguePage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.org}
              element={
                <RequireAbility action="org.read">
                  <OrgPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.orgReference}
              element={
                <RequireSystemAdmin>
                  <OrgReferencePage />
                </RequireSystemAdmin>
              }
            />
            <Route
              path={PATHS.backups}
              element={
                <RequireSystemAdmin>
                  <BackupsPage />
                </RequireSystemAdmin>
              }
            />
            <Route
              path={PATHS.people}
              element={
                <RequireAbility action="people.read">
                  <PeoplePage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.documents}
              element={
                <RequireAbility action="documents.read">
                  <DocumentsPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.users}
              element={
                <RequireAbility action="users.read">
                  <UsersPage />
                </RequireAbility>
              }
            />
            <Route
              path={PATHS.audit}
              element={
                <RequireAbility action="audit.read">
                  <AuditPage />
                </RequireAbility>
              }
            />
            <Route path={PATHS.password} element={<ChangePasswordPage />} />
            <Route path={PATHS.tokens} element={<TokensPage />} />
            <Route path={PATHS.notifications} element={<NotificationsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </>
  );
}
