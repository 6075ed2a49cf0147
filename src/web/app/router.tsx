import { Spin } from 'antd';
import { Children, isValidElement, type ReactNode } from 'react';
import { createRoutesFromElements, matchRoutes, Navigate, Route, useLocation, useRoutes } from 'react-router-dom';
import { useAuth } from './auth.tsx';
import { lazyPage, type LazyPage } from './lazyPage.tsx';

// Each page is its own chunk, fetched when first opened: a resident's phone never downloads the
// needs board's map or the administration pages, and the sign-in page not even the menu.
const AppLayout = lazyPage(() => import('./AppLayout.tsx'), 'AppLayout', 'everyday');
const NotFoundState = lazyPage(() => import('../components/feedback.tsx'), 'NotFoundState', 'everyday');
const ActivitiesPage = lazyPage(() => import('../pages/activities/ActivitiesPage.tsx'), 'ActivitiesPage');
const ActivityPage = lazyPage(() => import('../pages/activities/ActivityPage.tsx'), 'ActivityPage');
const RosterPage = lazyPage(() => import('../pages/activities/RosterPage.tsx'), 'RosterPage');
const CasesPage = lazyPage(() => import('../pages/cases/CasesPage.tsx'), 'CasesPage');
const CasePage = lazyPage(() => import('../pages/cases/CasePage.tsx'), 'CasePage');
const ReferralsPage = lazyPage(() => import('../pages/cases/ReferralsPage.tsx'), 'ReferralsPage');
const ReferralPage = lazyPage(() => import('../pages/cases/ReferralPage.tsx'), 'ReferralPage');
const AccountPage = lazyPage(() => import('../pages/account/AccountPage.tsx'), 'AccountPage', 'everyday');
const ApplicationPage = lazyPage(() => import('../pages/applications/ApplicationPage.tsx'), 'ApplicationPage');
const MyApplicationsPage = lazyPage(() => import('../pages/applications/MyApplicationsPage.tsx'), 'MyApplicationsPage');
const PublicityPage = lazyPage(() => import('../pages/publicity/PublicityPage.tsx'), 'PublicityPage');
const CallPage = lazyPage(() => import('../pages/calls/CallPage.tsx'), 'CallPage');
const CallsPage = lazyPage(() => import('../pages/calls/CallsPage.tsx'), 'CallsPage');
const AuditPage = lazyPage(() => import('../pages/admin/AuditPage.tsx'), 'AuditPage');
const UserDetailPage = lazyPage(() => import('../pages/admin/UserDetailPage.tsx'), 'UserDetailPage');
const UsersPage = lazyPage(() => import('../pages/admin/UsersPage.tsx'), 'UsersPage');
const LoginPage = lazyPage(() => import('../pages/auth/LoginPage.tsx'), 'LoginPage', 'everyday');
const HomePage = lazyPage(() => import('../pages/home/HomePage.tsx'), 'HomePage');
const OrganizationPage = lazyPage(() => import('../pages/organizations/OrganizationPage.tsx'), 'OrganizationPage');
const OrganizationsPage = lazyPage(() => import('../pages/organizations/OrganizationsPage.tsx'), 'OrganizationsPage');
const GridWorklistPage = lazyPage(() => import('../pages/field/GridWorklistPage.tsx'), 'GridWorklistPage', 'everyday');
const MyGridsPage = lazyPage(() => import('../pages/field/MyGridsPage.tsx'), 'MyGridsPage', 'everyday');
const MyNeedPage = lazyPage(() => import('../pages/field/MyNeedPage.tsx'), 'MyNeedPage', 'everyday');
const MyNeedsPage = lazyPage(() => import('../pages/field/MyNeedsPage.tsx'), 'MyNeedsPage', 'everyday');
const RecordVisitPage = lazyPage(() => import('../pages/field/RecordVisitPage.tsx'), 'RecordVisitPage', 'everyday');
const ReportNeedPage = lazyPage(() => import('../pages/field/ReportNeedPage.tsx'), 'ReportNeedPage', 'everyday');
const InboxPage = lazyPage(() => import('../pages/lists/InboxPage.tsx'), 'InboxPage');
const NeedSettingsPage = lazyPage(() => import('../pages/lists/NeedSettingsPage.tsx'), 'NeedSettingsPage');
const ProjectsPage = lazyPage(() => import('../pages/projects/ProjectsPage.tsx'), 'ProjectsPage');
const ProjectDraftPage = lazyPage(() => import('../pages/projects/ProjectDraftPage.tsx'), 'ProjectDraftPage');
const ProjectPage = lazyPage(() => import('../pages/projects/ProjectPage.tsx'), 'ProjectPage');
const ReviewSheetPage = lazyPage(() => import('../pages/reviews/ReviewSheetPage.tsx'), 'ReviewSheetPage');
const ReviewsPage = lazyPage(() => import('../pages/reviews/ReviewsPage.tsx'), 'ReviewsPage');
const EvaluationsPage = lazyPage(() => import('../pages/evaluations/EvaluationsPage.tsx'), 'EvaluationsPage');
const EvaluationPage = lazyPage(() => import('../pages/evaluations/EvaluationPage.tsx'), 'EvaluationPage');
const ThreeListsPage = lazyPage(() => import('../pages/lists/ThreeListsPage.tsx'), 'ThreeListsPage');
const NeedPage = lazyPage(() => import('../pages/needs/NeedPage.tsx'), 'NeedPage');
const NeedsBoardPage = lazyPage(() => import('../pages/needs/NeedsBoardPage.tsx'), 'NeedsBoardPage');
const MyActivitiesPage = lazyPage(() => import('../pages/resident/MyActivitiesPage.tsx'), 'MyActivitiesPage', 'everyday');
const MyHouseholdPage = lazyPage(() => import('../pages/resident/MyHouseholdPage.tsx'), 'MyHouseholdPage', 'everyday');
const MyVolunteerPage = lazyPage(() => import('../pages/volunteer/MyVolunteerPage.tsx'), 'MyVolunteerPage', 'everyday');
const VolunteerOpportunitiesPage = lazyPage(() => import('../pages/volunteer/OpportunitiesPage.tsx'), 'OpportunitiesPage', 'everyday');
const VolunteerRedeemPage = lazyPage(() => import('../pages/volunteer/RedeemPage.tsx'), 'RedeemPage', 'everyday');
const CommunityPage = lazyPage(() => import('../pages/territory/CommunityPage.tsx'), 'CommunityPage');
const DistrictPage = lazyPage(() => import('../pages/territory/DistrictPage.tsx'), 'DistrictPage');
const GridPage = lazyPage(() => import('../pages/territory/GridPage.tsx'), 'GridPage');
const HouseholdPage = lazyPage(() => import('../pages/territory/HouseholdPage.tsx'), 'HouseholdPage');
const HouseholdSearchPage = lazyPage(() => import('../pages/territory/HouseholdSearchPage.tsx'), 'HouseholdSearchPage');
const ImportPage = lazyPage(() => import('../pages/territory/ImportPage.tsx'), 'ImportPage');
const ResidentPage = lazyPage(() => import('../pages/territory/ResidentPage.tsx'), 'ResidentPage');
const StreetPage = lazyPage(() => import('../pages/territory/StreetPage.tsx'), 'StreetPage');
const TerritoryHome = lazyPage(() => import('../pages/territory/TerritoryHome.tsx'), 'TerritoryHome');
const SocialWorkerPage = lazyPage(() => import('../pages/workforce/SocialWorkerPage.tsx'), 'SocialWorkerPage');
const SocialWorkersPage = lazyPage(() => import('../pages/workforce/SocialWorkersPage.tsx'), 'SocialWorkersPage');
const AdminTasksPage = lazyPage(() => import('../pages/worktasks/AdminTasksPage.tsx'), 'AdminTasksPage');
const AdminLoadPage = lazyPage(() => import('../pages/worktasks/AdminLoadPage.tsx'), 'AdminLoadPage');
const WorkforceSettingsPage = lazyPage(() => import('../pages/worktasks/WorkforceSettingsPage.tsx'), 'WorkforceSettingsPage');
const WorkLogPage = lazyPage(() => import('../pages/worklog/WorkLogPage.tsx'), 'WorkLogPage', 'everyday');
const WorkSummaryPage = lazyPage(() => import('../pages/worklog/WorkSummaryPage.tsx'), 'WorkSummaryPage');
const WorkforceViewPage = lazyPage(() => import('../pages/workforceview/WorkforceViewPage.tsx'), 'WorkforceViewPage');
const SupervisionPage = lazyPage(() => import('../pages/supervision/SupervisionPage.tsx'), 'SupervisionPage');
const SupervisionSessionPage = lazyPage(() => import('../pages/supervision/SupervisionSessionPage.tsx'), 'SupervisionSessionPage');
const VolunteersPage = lazyPage(() => import('../pages/volunteers/VolunteersPage.tsx'), 'VolunteersPage');
const VolunteerPage = lazyPage(() => import('../pages/volunteers/VolunteerPage.tsx'), 'VolunteerPage');
const VolunteerSettingsPage = lazyPage(() => import('../pages/volunteers/VolunteerSettingsPage.tsx'), 'VolunteerSettingsPage');
const TimeBankPage = lazyPage(() => import('../pages/timebank/TimeBankPage.tsx'), 'TimeBankPage');
const TimeBankConfirmPage = lazyPage(() => import('../pages/timebank/ConfirmPage.tsx'), 'ConfirmPage', 'everyday');
const CouncilPage = lazyPage(() => import('../pages/council/CouncilPage.tsx'), 'CouncilPage');
const CouncilTopicPage = lazyPage(() => import('../pages/council/TopicPage.tsx'), 'TopicPage');
const CouncilMeetingPage = lazyPage(() => import('../pages/council/MeetingPage.tsx'), 'MeetingPage');
const ParticipationSettingsPage = lazyPage(() => import('../pages/council/ParticipationSettingsPage.tsx'), 'ParticipationSettingsPage');
const ParticipatePage = lazyPage(() => import('../pages/participate/ParticipatePage.tsx'), 'ParticipatePage', 'everyday');
const ProposePage = lazyPage(() => import('../pages/participate/ProposePage.tsx'), 'ProposePage', 'everyday');
const ProposalPage = lazyPage(() => import('../pages/participate/ProposalPage.tsx'), 'ProposalPage', 'everyday');
const BallotPage = lazyPage(() => import('../pages/participate/BallotPage.tsx'), 'BallotPage', 'everyday');
const StaffProposalsPage = lazyPage(() => import('../pages/participate/StaffProposalsPage.tsx'), 'StaffProposalsPage');
const StaffProposalPage = lazyPage(() => import('../pages/participate/StaffProposalPage.tsx'), 'StaffProposalPage');
const BudgetRoundsPage = lazyPage(() => import('../pages/budget/BudgetRoundsPage.tsx'), 'BudgetRoundsPage');
const BudgetRoundPage = lazyPage(() => import('../pages/budget/RoundPage.tsx'), 'RoundPage');
const EngagementPage = lazyPage(() => import('../pages/budget/EngagementPage.tsx'), 'EngagementPage');
const BoardPage = lazyPage(() => import('../pages/board/BoardPage.tsx'), 'BoardPage', 'everyday');

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

const ROUTES = createRoutesFromElements(
  <>
    <Route path="/login" element={<LoginPage />} />
    <Route path="/publicity" element={<PublicityPage />} />
    <Route path="/board" element={<BoardPage />} />
    <Route
      element={
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      }
    >
      <Route index element={<HomePage />} />
      <Route path="my-household" element={<MyHouseholdPage />} />
      <Route path="my-activities" element={<MyActivitiesPage />} />
      <Route path="volunteer" element={<MyVolunteerPage />} />
      <Route path="volunteer/opportunities" element={<VolunteerOpportunitiesPage />} />
      <Route path="volunteer/redeem" element={<VolunteerRedeemPage />} />
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
      <Route path="calls" element={<CallsPage />} />
      <Route path="calls/new" element={<CallPage />} />
      <Route path="calls/:id" element={<CallPage />} />
      <Route path="applications" element={<MyApplicationsPage />} />
      <Route path="applications/new" element={<ApplicationPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="reviews" element={<ReviewsPage />} />
      <Route path="reviews/:callId" element={<ReviewSheetPage />} />
      <Route path="evaluations" element={<EvaluationsPage />} />
      <Route path="evaluations/:projectId" element={<EvaluationPage />} />
      <Route path="social-workers" element={<SocialWorkersPage />} />
      <Route path="social-workers/new" element={<SocialWorkerPage />} />
      <Route path="social-workers/:id" element={<SocialWorkerPage />} />
      <Route path="admin-tasks" element={<AdminTasksPage />} />
      <Route path="admin-load" element={<AdminLoadPage />} />
      <Route path="workforce-settings" element={<WorkforceSettingsPage />} />
      <Route path="work-log" element={<WorkLogPage />} />
      <Route path="work-log/summary" element={<WorkSummaryPage />} />
      <Route path="workforce" element={<WorkforceViewPage />} />
      <Route path="supervision" element={<SupervisionPage />} />
      <Route path="supervision/:id" element={<SupervisionSessionPage />} />
      <Route path="volunteers" element={<VolunteersPage />} />
      <Route path="volunteers/:id" element={<VolunteerPage />} />
      <Route path="volunteer-settings" element={<VolunteerSettingsPage />} />
      <Route path="time-bank" element={<TimeBankPage />} />
      <Route path="time-bank/confirm" element={<TimeBankConfirmPage />} />
      <Route path="council" element={<CouncilPage />} />
      <Route path="council/topics/:id" element={<CouncilTopicPage />} />
      <Route path="council/meetings/:id" element={<CouncilMeetingPage />} />
      <Route path="participation-settings" element={<ParticipationSettingsPage />} />
      <Route path="participate" element={<ParticipatePage />} />
      <Route path="participate/new" element={<ProposePage />} />
      <Route path="participate/proposals/:id" element={<ProposalPage />} />
      <Route path="vote/:roundId" element={<BallotPage />} />
      <Route path="proposals" element={<StaffProposalsPage />} />
      <Route path="proposals/:id" element={<StaffProposalPage />} />
      <Route path="budget-rounds" element={<BudgetRoundsPage />} />
      <Route path="budget-rounds/:id" element={<BudgetRoundPage />} />
      <Route path="engagement" element={<EngagementPage />} />
      <Route path="admin/users" element={<UsersPage />} />
      <Route path="admin/users/:id" element={<UserDetailPage />} />
      <Route path="admin/audit" element={<AuditPage />} />
      <Route path="needs" element={<NeedsBoardPage />} />
      <Route path="needs/:id" element={<NeedPage />} />
      <Route path="inbox" element={<InboxPage />} />
      <Route path="three-lists" element={<ThreeListsPage />} />
      <Route path="need-settings" element={<NeedSettingsPage />} />
      <Route path="projects" element={<ProjectsPage />} />
      <Route path="projects/new" element={<ProjectDraftPage />} />
      <Route path="projects/:id" element={<ProjectPage />} />
      <Route path="activities" element={<ActivitiesPage />} />
      <Route path="activities/:id" element={<ActivityPage />} />
      <Route path="activity-sessions/:id" element={<RosterPage />} />
      <Route path="cases" element={<CasesPage />} />
      <Route path="cases/:id" element={<CasePage />} />
      <Route path="referrals" element={<ReferralsPage />} />
      <Route path="referrals/:id" element={<ReferralPage />} />
      <Route path="field" element={<MyGridsPage />} />
      <Route path="field/grids/:id" element={<GridWorklistPage />} />
      <Route path="field/visit" element={<RecordVisitPage />} />
      <Route path="my-needs" element={<MyNeedsPage />} />
      <Route path="my-needs/new" element={<ReportNeedPage />} />
      <Route path="my-needs/:id" element={<MyNeedPage />} />
      <Route path="account" element={<AccountPage />} />
      <Route path="*" element={<NotFoundState />} />
    </Route>
  </>,
);

/** Starts fetching the lazy pages in an element: the element's own type and those it wraps. */
function preload(node: ReactNode) {
  if (!isValidElement<{ children?: ReactNode }>(node)) return;
  (node.type as Partial<LazyPage>).preload?.();
  Children.forEach(node.props.children, preload);
}

/**
 * On a cold visit the layout's file, the page's file and the texts are fetched at once, while the
 * session is being checked; drawn in turn, each would wait for the one before it (on Slow 4G,
 * over half a second a step).
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  for (const match of matchRoutes(ROUTES, pathname) ?? []) preload(match.route.element);
  return useRoutes(ROUTES);
}

