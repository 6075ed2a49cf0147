import type { Role } from '../src/common/roles.ts';

export const DEMO_PASSWORD = 'Sanshe2026';

/** One demo login per role (DESIGN 2), printed at start and listed in the README. */
export const DEMO_ACCOUNTS: { role: Role; username: string; password: string; name: string }[] = [
  { role: 'platform_admin', username: 'admin', password: DEMO_PASSWORD, name: '平台管理员' },
  { role: 'district_officer', username: 'jbmz', password: DEMO_PASSWORD, name: '江北新区民政局 刘科长' },
  { role: 'street_officer', username: 'tsjd', password: DEMO_PASSWORD, name: '泰山街道 马主任' },
  { role: 'community_admin', username: 'zhou', password: DEMO_PASSWORD, name: 'J社区 周书记' },
  { role: 'community_worker', username: 'wu', password: DEMO_PASSWORD, name: 'J社区 吴社工' },
  { role: 'grid_worker', username: 'limin', password: DEMO_PASSWORD, name: '李敏（第3网格）' },
  { role: 'org_admin', username: 'qihang', password: DEMO_PASSWORD, name: '启航社工服务中心 何主任' },
  { role: 'social_worker', username: 'chen', password: DEMO_PASSWORD, name: '陈社工（启航）' },
  { role: 'supervisor', username: 'dudao', password: DEMO_PASSWORD, name: '郑督导（启航）' },
  { role: 'evaluator', username: 'pinggu', password: DEMO_PASSWORD, name: '明鉴评估中心 孙评估师' },
  { role: 'reviewer', username: 'zhuanjia', password: DEMO_PASSWORD, name: '评审专家 高教授' },
  { role: 'resident', username: 'wangjuan', password: DEMO_PASSWORD, name: '王娟（王桂芳之女）' },
];
