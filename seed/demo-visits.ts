import type { DemoData, DemoHousehold, DemoResident } from './demo-model.ts';
import { DAY, HOUR, type HistoryUser, type HistoryVisit, type VisitKind } from './demo-needs-model.ts';
import { J_COMMUNITY, STORY_GRID } from './demo-territory.ts';
import { personName } from './names.ts';
import { ageOn } from './people.ts';
import type { Rng } from './prng.ts';

/** Care intervals of migrations/0002_territory.sql (resident_tags), the ones worklists use. */
export const CARE_INTERVALS: Record<string, number> = {
  elderly_alone: 7, elderly_80: 30, disabled: 30, low_income: 30, veteran: 90,
  left_behind_child: 30, community_correction: 30, serious_illness: 30,
};

/** Care visits before this many days ago are sparse (the last two follow the interval). */
const CARE_HISTORY_DAYS = 90;
const HISTORY_DAYS = 730;

export interface PlacedHousehold {
  community: string;
  communityName: string;
  grid: string;
  gridName: string;
  household: DemoHousehold;
  boundary: number[][][];
}

export function placedHouseholds(data: DemoData): PlacedHousehold[] {
  return data.communities.flatMap((c) =>
    c.grids.flatMap((g) =>
      g.buildings.flatMap((b) =>
        b.households.map((household) => ({ community: c.code, communityName: c.name, grid: g.code, gridName: g.name, household, boundary: g.boundary.coordinates })),
      ),
    ),
  );
}

export function careInterval(r: DemoResident): number | null {
  const days = r.tags.map((t) => CARE_INTERVALS[t]).filter((d): d is number => d !== undefined);
  return days.length ? Math.min(...days) : null;
}

const short = (code: string) => code.split('-').at(-1)!.toLowerCase();

/**
 * Who does the work besides the one-per-role logins: a grid worker for every grid that has
 * none, a community worker for every neighbour community, and residents of all communities
 * with an app account of their own (they report needs and rate the answers).
 */
export function generateStaff(rng: Rng, data: DemoData) {
  const year = data.referenceYear;
  const name = () => personName(rng, rng.chance(0.6) ? 'female' : 'male', year - rng.int(26, 50), year);
  const gridWorkers = new Map<string, string>();
  const communityStaff = new Map<string, { triage: string[]; handlers: string[] }>();
  const users: HistoryUser[] = [];
  for (const a of data.accounts) {
    for (const g of a.grants) {
      if (g.role === 'grid_worker' && g.scope.type === 'grid') gridWorkers.set(g.scope.grid, a.username);
    }
  }
  for (const c of data.communities) {
    for (const [i, g] of c.grids.entries()) {
      if (gridWorkers.has(g.code)) continue;
      const username = `wg-${short(c.code)}-${i + 1}`;
      users.push({ username, displayName: `${name()}（${c.name}${g.name}）`, grant: { role: 'grid_worker', scope: { type: 'grid', grid: g.code } } });
      gridWorkers.set(g.code, username);
    }
    if (c.code === J_COMMUNITY) {
      communityStaff.set(c.code, { triage: ['wu', 'zhou'], handlers: ['wu', 'zhou'] });
      continue;
    }
    const username = `sg-${short(c.code)}`;
    users.push({ username, displayName: `${name()}（${c.name}社工）`, grant: { role: 'community_worker', scope: { type: 'community', community: c.code } } });
    const admin = data.accounts.find((a) => a.grants.some((g) => g.role === 'community_admin' && g.scope.type === 'community' && g.scope.community === c.code));
    // Where no community admin signs in, the street office assigns and pools.
    communityStaff.set(c.code, { triage: [username], handlers: admin ? [username, admin.username] : [username] });
  }

  const residents = new Map<string, string>(); // household number → username
  let n = 0;
  for (const h of placedHouseholds(data)) {
    if (!rng.chance(0.07)) continue;
    const adult = h.household.residents.find((r) => r.status === 'active' && r.phone && ageOn(r.birthDate, `${year}-07-01`) >= 25 && ageOn(r.birthDate, `${year}-07-01`) <= 72);
    if (!adult) continue;
    const username = `jm-${String(++n).padStart(4, '0')}`;
    users.push({
      username, displayName: adult.name, residentIdNumber: adult.idNumber,
      grant: { role: 'resident', scope: { type: 'household', community: h.community, address: h.household.address } },
    });
    residents.set(h.household.householdNo, username);
  }
  return { users, gridWorkers, communityStaff, residentAccounts: residents };
}

const ROUTINE_NOTES = [
  '入户走访，了解家庭近况，宣传社区近期活动。', '例行走访，核对家庭成员信息，无变化。', '走访时住户不在家，电话联系后补充了解情况。',
  '入户宣传防诈骗知识，发放宣传册。', '走访了解住户对小区物业服务的意见。', '核对人口信息，登记新的联系电话。',
  '宣传垃圾分类新规，住户表示支持。', '入户开展消防安全检查，提醒不要在楼道堆放杂物。', '走访了解就业和社保办理情况。',
  '例行走访，住户反映邻里关系和睦。',
];
const ROUTINE_FINDINGS = ['', '', '', '无异常。', '家庭情况稳定。', '楼道有杂物堆放，已提醒清理。', '住户希望社区多组织文体活动。', '住户询问医保缴费事宜，已告知办理渠道。'];
const CARE_NOTES = [
  '探望老人，身体状况良好，精神不错。', '上门看望，帮助老人检查燃气和用电安全。', '电话预约后上门探访，陪老人聊天，了解饮食起居。',
  '探访时老人反映腿脚不便，提醒按时服药。', '上门关怀，测量血压正常，叮嘱注意保暖。', '探访并帮助老人整理药品，核对有效期。',
  '节前慰问，送去米面油。', '上门了解近期就医情况，子女每周来看望。',
];
const CARE_FINDINGS = ['', '生活能自理。', '独自做饭有困难。', '需关注用药情况。', '家中扶手松动。', '子女在外地，联系不便。'];
const FOLLOW_UP_NOTES = ['回访上次反映的问题，住户表示已解决。', '回访诉求办理情况，住户满意。', '回访了解问题处理进度，住户表示理解。'];
const EMERGENCY_NOTES = [
  '接邻居电话，老人在家中跌倒，已拨打120并通知家属，陪同至医院。', '住户家中漏水殃及楼下，紧急联系物业关闭总阀。',
  '夜间接报独居老人联系不上，会同民警上门确认老人安全。', '楼道电线冒烟，紧急联系电工断电处理。',
];

/**
 * Visits of two years: every grid's worker visits households in rounds, care-tagged
 * residents at their interval for the last two months (a few of them overdue), some
 * follow-ups and a few emergencies. Households of grid 3 are mostly covered in the last 90
 * days; Wang Guifang's last care visit is four weeks ago, far past her 7-day interval, so she heads
 * Li Min's worklist (story 1).
 */
export function generateVisits(rng: Rng, data: DemoData, gridWorkers: Map<string, string>, anchor: number, storyAddress: string): HistoryVisit[] {
  const visits: HistoryVisit[] = [];
  let key = 0;
  const at = (daysAgo: number) => anchor - daysAgo * DAY + rng.int(8 * 60 + 30, 17 * 60 + 30) * 60_000;
  const push = (h: PlacedHousehold, kind: VisitKind, time: number, resident: DemoResident | null, notes: string, findings: string) => {
    visits.push({
      key: ++key, community: h.community, grid: h.grid, householdNo: h.household.householdNo, resident: resident?.idNumber ?? null,
      worker: gridWorkers.get(h.grid)!, kind, at: time, notes, findings,
    });
  };
  for (const h of placedHouseholds(data)) {
    const story = h.household.address === storyAddress;
    const cared = h.household.residents
      .filter((r) => r.status === 'active')
      .map((r) => ({ r, interval: careInterval(r) }))
      .filter((x): x is { r: DemoResident; interval: number } => x.interval !== null);
    // Her older needs were found on visits: the home-care one on a visit about five months ago.
    if (story) for (const d of [160, 300]) push(h, 'routine', at(d), null, rng.pick(ROUTINE_NOTES), rng.pick(ROUTINE_FINDINGS));
    // Routine rounds: older history, then the last 90 days for most households.
    if (rng.chance(0.55)) push(h, 'routine', at(rng.int(91, HISTORY_DAYS)), null, rng.pick(ROUTINE_NOTES), rng.pick(ROUTINE_FINDINGS));
    const coverage = h.grid === STORY_GRID ? 0.85 : h.community === J_COMMUNITY ? 0.75 : 0.55;
    // A household visit names nobody and counts for every member's care interval, so
    // households with residents under care get resident visits instead in recent months.
    if (!cared.length && rng.chance(coverage)) push(h, 'routine', at(rng.int(1, 90)), null, rng.pick(ROUTINE_NOTES), rng.pick(ROUTINE_FINDINGS));
    if (!cared.length && rng.chance(0.03)) push(h, 'follow_up', at(rng.int(1, HISTORY_DAYS)), null, rng.pick(FOLLOW_UP_NOTES), '');
    for (const { r, interval } of cared) {
      // Most are on time; some are overdue, as a real worklist shows.
      const overdue = story || rng.chance(0.12);
      const last = story ? 28 : overdue ? interval + rng.int(1, Math.min(20, interval)) : rng.int(1, interval - 1);
      // The visit before the last one, at about the interval, shows the rhythm of care.
      push(h, 'care', at(last), r, rng.pick(CARE_NOTES), rng.pick(CARE_FINDINGS));
      if (story || rng.chance(0.6)) push(h, 'care', at(last + interval + rng.int(-1, 2)), r, rng.pick(CARE_NOTES), rng.pick(CARE_FINDINGS));
      if (story) push(h, 'care', at(last + 2 * interval + rng.int(-1, 2)), r, rng.pick(CARE_NOTES), rng.pick(CARE_FINDINGS));
      // Earlier care shows as sparser visits.
      if (rng.chance(0.5)) push(h, 'care', at(rng.int(CARE_HISTORY_DAYS, HISTORY_DAYS)), r, rng.pick(CARE_NOTES), rng.pick(CARE_FINDINGS));
    }
    if (cared.length && rng.chance(0.012)) {
      const r = cared[0]!.r;
      // Emergencies are old enough not to count as a recent visit of someone overdue.
      push(h, 'emergency', at(rng.int(CARE_HISTORY_DAYS + 1, HISTORY_DAYS)) + 12 * HOUR, r, rng.pick(EMERGENCY_NOTES), '已处置，后续跟进。');
    }
  }
  visits.sort((a, b) => a.at - b.at || a.key - b.key);
  return visits;
}
