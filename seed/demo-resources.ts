import type { WeeklyWindow } from '../src/server/modules/resources/resources.tables.ts';
import type { HistoryResource } from './demo-needs-model.ts';
import { J_COMMUNITY } from './demo-territory.ts';
import { mobile } from './names.ts';
import type { Rng } from './prng.ts';

const WORKDAYS = [1, 2, 3, 4, 5];
const windows = (days: number[], from: string, to: string): WeeklyWindow[] => days.map((weekday) => ({ weekday, from, to }));

/**
 * The resources list (DESIGN 3.5 资源清单) of the street: venues, funds, partners, teams,
 * goods and professional services, tagged with the need category codes matching compares.
 * The J community kitchen is free at noon on working days (story 2).
 */
export function generateResources(rng: Rng, year: number): HistoryResource[] {
  const phone = () => mobile(rng);
  const base = { description: '', availableFrom: null, availableUntil: null, constraints: '', weeklyWindows: [] as WeeklyWindow[] };
  const community = (code: string) => ({ type: 'community' as const, community: code });
  const org = (key: string) => ({ type: 'organization' as const, organization: key });
  const rows: HistoryResource[] = [
    {
      ...base, kind: 'venue', name: 'J社区党群服务中心长者厨房', owner: community(J_COMMUNITY), ownerName: 'J社区居委会', area: { community: J_COMMUNITY },
      description: '党群服务中心一楼厨房及餐厅，可供 40 人同时就餐，午间空闲。', categories: ['elderly_meals', 'elderly_care'],
      weeklyWindows: windows(WORKDAYS, '11:00', '13:30'), capacity: 40, constraints: '需提前一天预约；不得使用明火油炸。', contactName: '周书记', contactPhone: phone(),
    },
    {
      ...base, kind: 'venue', name: 'J社区党群服务中心多功能活动室', owner: community(J_COMMUNITY), ownerName: 'J社区居委会', area: { community: J_COMMUNITY },
      description: '二楼活动室，配投影和音响。', categories: ['culture_activities', 'children_youth', 'health'],
      weeklyWindows: [...windows(WORKDAYS, '14:00', '21:00'), ...windows([6, 7], '09:00', '17:00')], capacity: 60, contactName: '吴社工', contactPhone: phone(),
    },
    {
      ...base, kind: 'venue', name: '桥北社区老年活动中心', owner: community('JB-TS-QB'), ownerName: '桥北社区居委会', area: { community: 'JB-TS-QB' },
      description: '含棋牌室、阅览室和小厨房。', categories: ['culture_activities', 'elderly_meals', 'elderly_care'],
      weeklyWindows: windows([1, 2, 3, 4, 5, 6], '08:30', '17:00'), capacity: 35, contactName: '钱主任', contactPhone: phone(),
    },
    {
      ...base, kind: 'venue', name: '新华社区文体广场', owner: community('JB-TS-XH'), ownerName: '新华社区居委会', area: { community: 'JB-TS-XH' },
      description: '露天广场，晚间可开展广场舞等活动。', categories: ['culture_activities'],
      weeklyWindows: windows([1, 2, 3, 4, 5, 6, 7], '18:30', '21:00'), capacity: 150,
      constraints: '21:00 后禁止使用音响。', contactName: '', contactPhone: null,
    },
    {
      ...base, kind: 'fund', name: 'J社区基金', owner: community(J_COMMUNITY), ownerName: 'J社区基金管委会', area: { community: J_COMMUNITY },
      description: '社区基金（慈善基金会专项基金），用于社区微项目和困难帮扶。', categories: ['elderly_meals', 'elderly_home_care', 'children_youth', 'culture_activities', 'employment_assistance'],
      availableFrom: `${year}-01-01`, availableUntil: `${year}-12-31`, capacity: 20_000_000, constraints: '单个项目不超过 5 万元，需经居民议事会议定。', contactName: '周书记', contactPhone: phone(),
    },
    {
      ...base, kind: 'fund', name: '泰山街道为老服务专项资金', owner: { type: 'other' }, ownerName: '泰山街道办事处', area: 'street',
      description: '街道财政安排的为老服务资金。', categories: ['elderly_meals', 'elderly_home_care', 'elderly_care'],
      availableFrom: `${year}-01-01`, availableUntil: `${year}-12-31`, capacity: 80_000_000, constraints: '按季度申报。', contactName: '马主任', contactPhone: phone(),
    },
    {
      ...base, kind: 'fund', name: '江北新区公益创投资金', owner: org('foundation'), ownerName: '江北新区公益慈善基金会', area: 'district',
      description: '面向社会组织的公益创投项目资金。', categories: ['elderly_care', 'disability_support', 'children_youth', 'culture_activities'],
      availableFrom: `${year}-03-01`, availableUntil: `${year + 1}-02-28`, capacity: 300_000_000, constraints: '需由备案或登记的社会组织申报。', contactName: '', contactPhone: null,
    },
    {
      ...base, kind: 'enterprise', name: '苏味轩餐饮有限公司', owner: { type: 'other' }, ownerName: '苏味轩餐饮有限公司', area: 'street',
      description: '辖区爱心企业，可按成本价为老年助餐点配送午餐。', categories: ['elderly_meals'],
      weeklyWindows: windows(WORKDAYS, '10:30', '13:00'), capacity: 200, constraints: '单次配送不少于 20 份。', contactName: '孙经理', contactPhone: phone(),
    },
    {
      ...base, kind: 'enterprise', name: '安居物业服务有限公司', owner: { type: 'other' }, ownerName: '安居物业服务有限公司', area: { community: J_COMMUNITY },
      description: '负责 J社区多个小区的物业服务，承接公共设施维修。', categories: ['property_facilities', 'facility_lighting', 'facility_elevator', 'environment_sanitation'],
      capacity: null, contactName: '钱经理', contactPhone: phone(),
    },
    {
      ...base, kind: 'enterprise', name: '江北电梯维保中心', owner: { type: 'other' }, ownerName: '江北电梯维保中心', area: 'district',
      description: '电梯应急维修与定期维保。', categories: ['facility_elevator', 'safety'], capacity: null, contactName: '赵工', contactPhone: phone(),
    },
    {
      ...base, kind: 'volunteer_team', name: '泰山街道邻里守望志愿队', owner: org('linli'), ownerName: '泰山街道邻里守望互助社', area: 'street',
      description: '30 余名低龄老人和在职党员，开展独居老人探访、助餐送餐。', categories: ['elderly_meals', 'elderly_home_care', 'neighbour_disputes'],
      weeklyWindows: [...windows(WORKDAYS, '09:00', '17:00'), ...windows([6], '09:00', '12:00')], capacity: 32, contactName: '', contactPhone: phone(),
    },
    {
      ...base, kind: 'volunteer_team', name: 'J社区青年志愿服务队', owner: community(J_COMMUNITY), ownerName: 'J社区居委会', area: { community: J_COMMUNITY },
      description: '周末开展课业辅导和环境整治。', categories: ['children_youth', 'environment_sanitation', 'culture_activities'],
      weeklyWindows: windows([6, 7], '09:00', '17:00'), capacity: 25, contactName: '吴社工', contactPhone: phone(),
    },
    {
      ...base, kind: 'volunteer_team', name: '浦珠社区银龄互助队', owner: community('JB-TS-PZ'), ownerName: '浦珠社区居委会', area: { community: 'JB-TS-PZ' },
      description: '低龄老人结对帮扶高龄独居老人。', categories: ['elderly_home_care', 'elderly_care'], capacity: 18, contactName: '', contactPhone: phone(),
    },
    {
      ...base, kind: 'goods', name: '爱心企业捐赠助行器和轮椅', owner: org('yangguang'), ownerName: '阳光助残服务社', area: 'street',
      description: '全新助行器 20 件、轮椅 8 辆，免费借用。', categories: ['disability_support', 'elderly_home_care'], capacity: 28, constraints: '借用需登记，用后归还。', contactName: '', contactPhone: phone(),
    },
    {
      ...base, kind: 'goods', name: '冬季慰问物资（米面油）', owner: community(J_COMMUNITY), ownerName: 'J社区居委会', area: { community: J_COMMUNITY },
      description: '街道下拨的慰问物资。', categories: ['employment_assistance', 'elderly_care'], availableFrom: `${year}-11-15`, availableUntil: `${year + 1}-02-15`,
      capacity: 150, contactName: '', contactPhone: null,
    },
    {
      ...base, kind: 'goods', name: '楼道感应灯具', owner: { type: 'other' }, ownerName: '泰山街道城建办', area: 'street',
      description: '节能声光控灯具 300 套，用于老旧小区楼道照明改造。', categories: ['facility_lighting', 'property_facilities'], capacity: 300, contactName: '', contactPhone: null,
    },
    {
      ...base, kind: 'professional_service', name: '启航社工服务中心个案服务', owner: org('qihang'), ownerName: '启航社工服务中心', area: 'street',
      description: '持证社工提供个案管理、困境家庭帮扶和青少年服务。', categories: ['children_youth', 'elderly_home_care', 'disability_support', 'neighbour_disputes'],
      weeklyWindows: windows(WORKDAYS, '09:00', '17:30'), capacity: 40, contactName: '何静', contactPhone: phone(),
    },
    {
      ...base, kind: 'professional_service', name: '乐龄为老服务中心居家照护', owner: org('leling'), ownerName: '乐龄为老服务中心', area: 'street',
      description: '助洁、助浴、助医等居家上门服务。', categories: ['elderly_home_care', 'elderly_meals', 'health'],
      weeklyWindows: [...windows(WORKDAYS, '08:00', '18:00'), ...windows([6], '08:00', '12:00')], capacity: 60, contactName: '', contactPhone: phone(),
    },
    {
      ...base, kind: 'professional_service', name: '泰山街道法律服务工作站', owner: { type: 'other' }, ownerName: '泰山街道司法所', area: 'street',
      description: '律师每周二坐班，提供法律咨询和人民调解。', categories: ['neighbour_disputes', 'employment_assistance'],
      weeklyWindows: windows([2], '09:00', '12:00'), capacity: 10, contactName: '', contactPhone: null,
    },
    {
      ...base, kind: 'professional_service', name: '社区卫生服务站家庭医生团队', owner: { type: 'other' }, ownerName: '泰山街道社区卫生服务中心', area: 'district',
      description: '家庭医生签约、慢病随访和健康讲座。', categories: ['health', 'elderly_home_care'],
      weeklyWindows: windows(WORKDAYS, '08:00', '16:30'), capacity: null, contactName: '', contactPhone: phone(),
    },
  ];
  return rows;
}
