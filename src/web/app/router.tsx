import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { NotFoundState } from '../components/feedback.tsx';
import { AccountPage } from '../pages/account/AccountPage.tsx';
import { AuditPage } from '../pages/admin/AuditPage.tsx';
import { UserDetailPage } from '../pages/admin/UserDetailPage.tsx';
import { UsersPage } from '../pages/admin/UsersPage.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { OrganizationPage } from '../pages/organizations/OrganizationPage.tsx';
import { OrganizationsPage } from '../pages/organizations/OrganizationsPage.tsx';
import { GridWorklistPage } from '../pages/field/GridWorklistPage.tsx';
import { MyGridsPage } from '../pages/field/MyGridsPage.tsx';
import { MyNeedPage } from '../pages/field/MyNeedPage.tsx';
import { MyNeedsPage } from '../pages/field/MyNeedsPage.tsx';
import { RecordVisitPage } from '../pages/field/RecordVisitPage.tsx';
import { ReportNeedPage } from '../pages/field/ReportNeedPage.tsx';
import { InboxPage } from '../pages/lists/InboxPage.tsx';
import { NeedSettingsPage } from '../pages/lists/NeedSettingsPage.tsx';
import { ThreeListsPage } from '../pages/lists/ThreeListsPage.tsx';
import { NeedPage } from '../pages/needs/NeedPage.tsx';
import { NeedsBoardPage } from '../pages/needs/NeedsBoardPage.tsx';
import { MyHouseholdPage } from '../pages/resident/MyHouseholdPage.tsx';
import { CommunityPage } from '../pages/territory/CommunityPage.tsx';
import { DistrictPage } from '../pages/territory/DistrictPage.tsx';
import { GridPage } from '../pages/territory/GridPage.tsx';
import { HouseholdPage } from '../pages/territory/HouseholdPage.tsx';
import { HouseholdSearchPage } from '../pages/territory/HouseholdSearchPage.tsx';
import { ImportPage } from '../pages/territory/ImportPage.tsx';
import { ResidentPage } from '../pages/territory/ResidentPage.tsx';
import { StreetPage } from '../pages/territory/StreetPage.tsx';
import { TerritoryHome } from '../pages/territory/TerritoryHome.tsx';
import { SocialWorkerPage } from '../pages/workforce/SocialWorkerPage.tsx';
import { SocialWorkersPage } from '../pages/workforce/SocialWorkersPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { useAuth } from './auth.tsx';

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="my-household" element={<MyHouseholdPage />} />
        <Route path="territory" element={<TerritoryHome />} />
        <Route path="territory/districts/:id" element={<DistrictPage />} />
        <Route path="territory/streets/:id" element={<StreetPage />} />
        <Route path="territory/communities/:id" element={<CommunityPage />} />
        <Route path="territory/communities/:id/import" element={<ImportPage />} />
        <Route path="territory/grids/:id" element={<GridPage />} />
        <Route path="territory/households/:id" element={<HouseholdPage />} />
        <Route path="territory/residents/:id" element={<ResidentPage />} />
        <Route path="households" element={<HouseholdSearchPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/new" element={<OrganizationPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="social-workers" element={<SocialWorkersPage />} />
        <Route path="social-workers/new" element={<SocialWorkerPage />} />
        <Route path="social-workers/:id" element={<SocialWorkerPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/users/:id" element={<UserDetailPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="needs" element={<NeedsBoardPage />} />
        <Route path="needs/:id" element={<NeedPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="three-lists" element={<ThreeListsPage />} />
        <Route path="need-settings" element={<NeedSettingsPage />} />
        <Route path="field" element={<MyGridsPage />} />
        <Route path="field/grids/:id" element={<GridWorklistPage />} />
        <Route path="field/visit" element={<RecordVisitPage />} />
        <Route path="my-needs" element={<MyNeedsPage />} />
        <Route path="my-needs/new" element={<ReportNeedPage />} />
        <Route path="my-needs/:id" element={<MyNeedPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundState />} />
      </Route>
    </Routes>
  );
}
