import {
  AlertOutlined,
  ApartmentOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  InboxOutlined,
  SettingOutlined,
  TableOutlined,
  AuditOutlined,
  CalendarOutlined,
  HeartOutlined,
  ScheduleOutlined,
  HomeOutlined,
  IdcardOutlined,
  SearchOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  BankOutlined,
  BarChartOutlined,
  FileDoneOutlined,
  OrderedListOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ShareAltOutlined,
  ProjectOutlined,
  FileTextOutlined,
  FormOutlined,
  SolutionOutlined,
  FieldTimeOutlined,
  TeamOutlined,
  CommentOutlined,
  SmileOutlined,
  WalletOutlined,
  ShopOutlined,
  StarOutlined,
  MessageOutlined,
  ControlOutlined,
  BulbOutlined,
  FundOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../common/roles.ts';
import { useAuth } from './auth.tsx';
import { useKeepsWorkLog } from '../pages/worklog/worklogQueries.ts';
import { useMyPartners } from '../pages/timebank/timeBankQueries.ts';

export interface NavEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
}

const TERRITORY_ROLES: Role[] = ['platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker'];
const STAFF_ROLES: Role[] = [
  'platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker',
  'org_admin', 'social_worker', 'supervisor', 'evaluator', 'reviewer',
];

/** The people of a social organization: they deliver its projects and run its activities. */
const ORGANIZATION_ROLES: Role[] = ['org_admin', 'supervisor', 'social_worker'];

const NEED_STAFF_ROLES: Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker', 'org_admin'];

/** Menu entries the signed-in user may use; the server still checks every request. */
export function useNavEntries(): NavEntry[] {
  const { can, hasRole } = useAuth();
  const canAny = (...perms: string[]) => perms.some((p) => can(p));
  const keepsWorkLog = useKeepsWorkLog();
  // A partner shop's clerk may hold no role at all: the shop's list of clerks names them.
  const clerkOf = useMyPartners();
  const entries: (NavEntry & { show: boolean })[] = [
    { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, show: true },
    { key: 'my-household', path: '/my-household', label: 'nav.myHousehold', icon: <HomeOutlined />, show: hasRole('resident') },
    { key: 'inbox', path: '/inbox', label: 'nav.inbox', icon: <InboxOutlined />, show: hasRole(...NEED_STAFF_ROLES) && can('needs.need.read') },
    { key: 'field', path: '/field', label: 'nav.field', icon: <EnvironmentOutlined />, show: hasRole('grid_worker') && can('visits.visit.create') },
    {
      key: 'needs', path: '/needs', label: 'nav.needs', icon: <AlertOutlined />,
      show: hasRole('district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker') && can('needs.need.read'),
    },
    { key: 'my-needs', path: '/my-needs', label: 'nav.myNeeds', icon: <CarryOutOutlined />, show: hasRole('resident') },
    { key: 'my-activities', path: '/my-activities', label: 'nav.myActivities', icon: <CalendarOutlined />, show: hasRole('resident') && can('services.participant.take_part') },
    { key: 'volunteer', path: '/volunteer', label: 'volunteer.nav', icon: <HeartOutlined />, show: hasRole('resident') },
    { key: 'participate', path: '/participate', label: 'participate.nav', icon: <BulbOutlined />, show: hasRole('resident') },
    {
      key: 'three-lists', path: '/three-lists', label: 'nav.threeLists', icon: <TableOutlined />,
      show: hasRole('district_officer', 'street_officer', 'community_admin', 'community_worker') && can('commonneeds.common_need.read'),
    },
    {
      key: 'projects', path: '/projects', label: 'nav.projects', icon: <ProjectOutlined />,
      show: hasRole('district_officer', 'street_officer', 'community_admin', 'community_worker', ...ORGANIZATION_ROLES) && can('projects.project.read'),
    },
    {
      key: 'activities', path: '/activities', label: 'nav.activities', icon: <ScheduleOutlined />,
      show: hasRole(...ORGANIZATION_ROLES) && can('services.activity.read'),
    },
    {
      key: 'cases', path: '/cases', label: 'nav.cases', icon: <ProfileOutlined />,
      show: hasRole('social_worker', 'supervisor', 'org_admin', 'community_admin', 'community_worker') && can('cases.case.read'),
    },
    { key: 'work-log', path: '/work-log', label: 'worklog.nav', icon: <FieldTimeOutlined />, show: keepsWorkLog },
    {
      key: 'supervision', path: '/supervision', label: 'nav.supervision', icon: <CommentOutlined />,
      // Those on the register take part in supervision; an organization's administrator sees its sessions (not their notes).
      show: can('workforce.supervision.read') && ((keepsWorkLog && hasRole('supervisor', 'social_worker')) || hasRole('org_admin')),
    },
    { key: 'referrals', path: '/referrals', label: 'nav.referrals', icon: <ShareAltOutlined />, show: hasRole('org_admin') && can('cases.referral.receive') },
    {
      key: 'volunteers', path: '/volunteers', label: 'nav.volunteers', icon: <SmileOutlined />,
      show: hasRole('district_officer', 'street_officer', 'community_admin', 'community_worker') && can('volunteers.volunteer.read'),
    },
    { key: 'time-bank', path: '/time-bank', label: 'timebank.nav', icon: <WalletOutlined />, show: hasRole('community_admin', 'community_worker') && can('volunteers.provider.manage') },
    { key: 'time-bank-confirm', path: '/time-bank/confirm', label: 'timebank.confirmNav', icon: <ShopOutlined />, show: (clerkOf.data?.length ?? 0) > 0 },
    {
      key: 'proposals', path: '/proposals', label: 'participate.staffNav', icon: <BulbOutlined />,
      show: hasRole('platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker') && can('participation.proposal.read'),
    },
    {
      key: 'budget-rounds', path: '/budget-rounds', label: 'budget.nav', icon: <FundOutlined />,
      show: hasRole('platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker') && can('participation.round.read'),
    },
    {
      key: 'engagement', path: '/engagement', label: 'budget.engagement.nav', icon: <RiseOutlined />,
      show: hasRole('platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker') && can('participation.engagement.read'),
    },
    {
      key: 'council', path: '/council', label: 'nav.council', icon: <MessageOutlined />,
      show: hasRole('platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker') && can('participation.council.read'),
    },
    { key: 'participation-settings', path: '/participation-settings', label: 'nav.participationSettings', icon: <ControlOutlined />, show: can('participation.settings.update') },
    { key: 'volunteer-settings', path: '/volunteer-settings', label: 'nav.volunteerSettings', icon: <StarOutlined />, show: can('volunteers.settings.update') },
    {
      key: 'territory', path: '/territory', label: 'nav.territory', icon: <ApartmentOutlined />,
      show: hasRole(...TERRITORY_ROLES) && canAny('territory.district.read', 'territory.community.read', 'territory.grid.read', 'territory.household.read'),
    },
    {
      key: 'households', path: '/households', label: 'nav.households', icon: <SearchOutlined />,
      show: hasRole(...TERRITORY_ROLES) && can('territory.household.read'),
    },
    {
      key: 'organizations', path: '/organizations', label: 'nav.organizations', icon: <BankOutlined />,
      show: hasRole(...STAFF_ROLES) && can('organizations.organization.read'),
    },
    {
      key: 'calls', path: '/calls', label: 'nav.calls', icon: <NotificationOutlined />,
      show: hasRole('district_officer', 'street_officer', 'org_admin', 'reviewer') && can('calls.call.read'),
    },
    { key: 'applications', path: '/applications', label: 'nav.applications', icon: <FileTextOutlined />, show: hasRole('org_admin', 'supervisor') },
    { key: 'reviews', path: '/reviews', label: 'nav.reviews', icon: <FormOutlined />, show: hasRole('reviewer') },
    { key: 'evaluations', path: '/evaluations', label: 'nav.evaluations', icon: <SolutionOutlined />, show: hasRole('evaluator') },
    {
      key: 'social-workers', path: '/social-workers', label: 'nav.socialWorkers', icon: <IdcardOutlined />,
      show: hasRole(...STAFF_ROLES) && can('workforce.social_worker.read'),
    },
    { key: 'admin-tasks', path: '/admin-tasks', label: 'nav.workTasks', icon: <FileDoneOutlined />, show: canAny('workforce.admin_task.read', 'workforce.admin_task.assign') },
    { key: 'workforce', path: '/workforce', label: 'nav.workforceView', icon: <TeamOutlined />, show: can('workforce.view.read') },
    { key: 'admin-load', path: '/admin-load', label: 'nav.adminLoad', icon: <BarChartOutlined />, show: can('workforce.admin_load.read') },
    { key: 'workforce-settings', path: '/workforce-settings', label: 'nav.workforceSettings', icon: <OrderedListOutlined />, show: can('workforce.settings.update') },
    {
      key: 'users', path: '/admin/users', label: 'nav.users', icon: <UsergroupAddOutlined />,
      show: can('accounts.user.read'),
    },
    { key: 'need-settings', path: '/need-settings', label: 'nav.needSettings', icon: <SettingOutlined />, show: can('needs.category.update') || can('needs.calendar.update') },
    { key: 'audit', path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, show: can('audit.record.read') },
    { key: 'account', path: '/account', label: 'nav.account', icon: <UserOutlined />, show: true },
  ];
  return entries.filter((e) => e.show);
}

