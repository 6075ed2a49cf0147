import { CASE_OPENED_REPLY } from '../src/server/modules/needs/needs.cases.ts';
import { DEFAULT_LIMITS } from '../src/server/modules/needs/needs.categories.ts';
import type { NeedState } from '../src/server/modules/needs/needs.lifecycle.ts';
import type { NeedSource, Outcome, Urgency } from '../src/server/modules/needs/needs.tables.ts';
import { dueAt, localDate, type WorkingCalendar } from '../src/server/platform/calendar/working-days.ts';
import type { DemoData, DemoResident } from './demo-model.ts';
import { DAY, HOUR, type HistoryCommonNeed, type HistoryNeed, type HistoryProject, type HistoryVisit } from './demo-needs-model.ts';
import * as T from './demo-needs-texts.ts';
import { J_COMMUNITY } from './demo-territory.ts';
import { placedHouseholds, type generateStaff, type PlacedHousehold } from './demo-visits.ts';
import { ageOn } from './people.ts';
import type { Rng } from './prng.ts';

export const MEAL_CATEGORY = 'elderly_meals';
/** Story 2: the neighbour community whose meal needs the street pools with J community's. */
export const MEAL_NEIGHBOUR = 'JB-TS-QB';
export const MEAL_HOUSEHOLDS = { [J_COMMUNITY]: 37, [MEAL_NEIGHBOUR]: 22 } as const;

const BACKGROUND_NEEDS = 2100;
const HISTORY_DAYS = 730;
const COMMUNITY_WEIGHTS: Record<string, number> = { 'JB-TS-J': 34, 'JB-TS-QB': 20, 'JB-TS-XH': 17, 'JB-TS-PZ': 12, 'JB-TS-YX': 17 };
const REFERRAL_ORGS: Record<string, string> = { elderly_meals: 'leling', elderly_home_care: 'leling', disability_support: 'yangguang', children_youth: 'qihang', culture_activities: 'wenti' };

type Staff = ReturnType<typeof generateStaff>;
type Plan = 'reported' | 'accepted' | 'rejected' | 'merged' | 'pooled' | 'in_progress' | 'waiting' | 'referred' | 'answered' | 'resolved' | 'reopened' | 'closed' | 'closed_after_dispute';

interface Draft {
  community: string;
  grid: string;
  household: PlacedHousehold | null;
  category: string;
  source: NeedSource;
  createdAt: number;
  plan: Plan;
  visit: HistoryVisit | null;
  reporter: string | null;
  urgency?: Urgency;
  description?: string;
  commonNeed?: HistoryCommonNeed;
  poolAt?: number;
  /** Story 1: a closed need of Wang Guifang's household, closed by the job (unread for 王娟). */
  autoConfirmAt?: number;
  /** Story 5: the organization the need is referred to, and the social worker who opened a case on it. */
  referTo?: string;
  caseOpenedBy?: string;
}

export interface NeedsContext {
  rng: Rng;
  data: DemoData;
  staff: Staff;
  visits: HistoryVisit[];
  calendar: WorkingCalendar;
  now: number;
  anchor: number;
  storyAddress: string;
}

function pointIn(rng: Rng, ring: number[][][]): { lng: number; lat: number } {
  const xs = ring[0]!.map((p) => p[0]!);
  const ys = ring[0]!.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lng: round(w + (e - w) * (0.05 + 0.9 * rng.next())), lat: round(s + (n - s) * (0.05 + 0.9 * rng.next())) };
}

function planFor(rng: Rng, daysAgo: number): Plan {
  if (daysAgo >= 60) {
    return rng.weighted<Plan>([['closed', 82], ['closed_after_dispute', 3], ['rejected', 6], ['merged', 5], ['waiting', 0.4], ['in_progress', 0.3]]);
  }
  if (daysAgo >= 14) {
    return rng.weighted<Plan>([['closed', 66], ['closed_after_dispute', 3], ['rejected', 5], ['merged', 4], ['in_progress', 8], ['waiting', 5], ['referred', 3], ['answered', 2], ['reopened', 3], ['accepted', 2]]);
  }
  if (daysAgo >= 6) {
    return rng.weighted<Plan>([['closed', 30], ['rejected', 5], ['merged', 3], ['in_progress', 24], ['waiting', 8], ['referred', 7], ['answered', 4], ['resolved', 14], ['reopened', 8]]);
  }
  return rng.weighted<Plan>([['accepted', 20], ['in_progress', 30], ['resolved', 20], ['rejected', 5], ['merged', 4], ['referred', 4]]);
}

const RUNNING: readonly NeedState[] = ['reported', 'accepted', 'in_progress', 'referred', 'reopened'];

/**
 * About 2,200 needs of two years across the street's communities, in every state and from
 * every source, with timelines whose times follow the working-day limits; plus story 2's
 * accepted meal needs and two example common needs with pooled members.
 */
export function generateNeeds(ctx: NeedsContext): { needs: HistoryNeed[]; commonNeeds: HistoryCommonNeed[]; projects: HistoryProject[] } {
  const { rng, data, staff, anchor } = ctx;
  const all = placedHouseholds(data).filter((h) => h.household.address !== ctx.storyAddress);
  const story = placedHouseholds(data).find((h) => h.household.address === ctx.storyAddress)!;
  const add = <T>(m: Map<string, T[]>, key: string, item: T) => (m.get(key) ?? m.set(key, []).get(key)!).push(item);
  const byCommunity = new Map<string, PlacedHousehold[]>();
  const withAccount = new Map<string, PlacedHousehold[]>();
  for (const h of all) {
    add(byCommunity, h.community, h);
    if (staff.residentAccounts.has(h.household.householdNo)) add(withAccount, h.community, h);
  }
  const visitsBy = new Map<string, HistoryVisit[]>();
  const storyVisits = ctx.visits.filter((v) => v.householdNo === story.household.householdNo && v.kind !== 'emergency');
  for (const v of ctx.visits) {
    if (v.kind === 'emergency' || v.householdNo === story.household.householdNo) continue;
    add(visitsBy, v.community, v);
    if (staff.residentAccounts.has(v.householdNo)) add(visitsBy, `${v.community}|account`, v);
  }
  const placeOf = new Map(all.map((h) => [h.household.householdNo, h]));
  const gridsOf = new Map(data.communities.map((c) => [c.code, c.grids]));
  const categories = Object.entries(T.CATEGORY_MIX).map(([code, [w]]) => [code, w] as const);
  const communities = Object.entries(COMMUNITY_WEIGHTS);
  const at = (daysAgo: number, fromHour = 8, toHour = 20) => anchor - daysAgo * DAY + rng.int(fromHour * 60, toHour * 60) * 60_000;
  const drafts: Draft[] = [];

  const householdDraft = (community: string, category: string, daysAgo: number, plan: Plan, sources?: NeedSource[]): Draft => {
    const source = rng.weighted<NeedSource>(([['visit', 35], ['resident', 40], ['staff', 25]] as const).filter(([s]) => !sources || sources.includes(s)));
    if (source === 'visit') {
      const pool = visitsBy.get(rng.chance(0.5) ? `${community}|account` : community)!;
      // A visit near the wanted day: sample a few, keep the closest.
      let best = rng.pick(pool);
      for (let i = 0; i < 12; i++) {
        const v = rng.pick(pool);
        if (Math.abs(anchor - v.at - daysAgo * DAY) < Math.abs(anchor - best.at - daysAgo * DAY)) best = v;
      }
      const h = placeOf.get(best.householdNo)!;
      return { community, grid: h.grid, household: h, category, source, createdAt: best.at + rng.int(10, 40) * 60_000, plan, visit: best, reporter: null };
    }
    if (source === 'resident') {
      const h = rng.pick(withAccount.get(community)!);
      return { community, grid: h.grid, household: h, category, source, createdAt: at(daysAgo, 7, 22), plan, visit: null, reporter: staff.residentAccounts.get(h.household.householdNo)! };
    }
    // Half of those who call or come in also hold an app account (and rate the answer there).
    const h = rng.pick(rng.chance(0.5) ? withAccount.get(community)! : byCommunity.get(community)!);
    return { community, grid: h.grid, household: h, category, source, createdAt: at(daysAgo, 9, 17), plan, visit: null, reporter: null };
  };

  for (let i = 0; i < BACKGROUND_NEEDS; i++) {
    const community = rng.weighted(communities);
    const category = rng.weighted(categories);
    // More needs lately: the platform was taken up over the two years.
    const daysAgo = Math.floor(HISTORY_DAYS * Math.pow(rng.next(), 1.25)) + 1;
    let plan = planFor(rng, daysAgo);
    // Story 2 counts its meal needs exactly: other recent meal needs there have moved on.
    if (category === 'elderly_meals' && plan === 'accepted' && daysAgo <= 95 && community in MEAL_HOUSEHOLDS) plan = 'in_progress';
    const aboutHousehold = rng.chance(T.CATEGORY_MIX[category]![1]);
    if (aboutHousehold) {
      drafts.push(householdDraft(community, category, daysAgo, plan));
      continue;
    }
    const grid = rng.pick(gridsOf.get(community)!);
    const source = rng.weighted<NeedSource>([['staff', 35], ['resident', 35], ['council', 10], ['open311', 20]]);
    const reporterHome = source === 'resident' ? rng.pick(withAccount.get(community)!) : null;
    drafts.push({
      community, grid: reporterHome?.grid ?? grid.code, household: null, category, source, createdAt: at(daysAgo, 7, 21), plan, visit: null,
      reporter: reporterHome ? staff.residentAccounts.get(reporterHome.household.householdNo)! : null,
    });
  }

  // A few reports in J community still wait for triage past their limit: the board shows them first.
  // Reported two to five working days ago, whatever holidays lie between: past their limit.
  const workingDaysAgo = (n: number) => {
    let daysAgo = 0;
    for (let left = n; left > 0; ) if (ctx.calendar.isWorkingDay(localDate(new Date(anchor - ++daysAgo * DAY)))) left--;
    return daysAgo;
  };
  for (let i = 0; i < 5; i++) {
    const daysAgo = workingDaysAgo(rng.int(2, 5));
    const d = householdDraft(J_COMMUNITY, rng.pick(['environment_sanitation', 'facility_lighting', 'neighbour_disputes', 'elderly_home_care']), daysAgo, 'reported', ['resident', 'staff']);
    d.createdAt = at(daysAgo, 9, 17);
    drafts.push(d);
  }
  // Fresh reports of the last working day, still within their triage limit.
  for (let i = 0; i < 12; i++) {
    const d = householdDraft(rng.weighted(communities), rng.weighted(categories), 1, 'reported', ['resident', 'staff']);
    d.createdAt = at(1, 9, 18);
    d.urgency = 'normal';
    drafts.push(d);
  }

  // Story 2: 37 households of J community and 22 of its neighbour asked for meals in the
  // last three months; accepted, waiting for someone to see them as one need.
  for (const [community, count] of Object.entries(MEAL_HOUSEHOLDS)) {
    const elderly = byCommunity.get(community)!.filter((h) =>
      h.household.residents.some((r) => r.status === 'active' && ageOn(r.birthDate, localDate(new Date(anchor))) >= 70));
    const taken = new Set<string>();
    // Two of them reported it on the app themselves (their households have accounts), whatever
    // the day's draw: story 2's reporters read on their phone that their need joined a project.
    const reporters = elderly.filter((h) => staff.residentAccounts.has(h.household.householdNo)).slice(0, 2);
    while (taken.size < count) {
      const h = reporters.shift() ?? rng.pick(elderly);
      if (taken.has(h.household.householdNo)) continue;
      taken.add(h.household.householdNo);
      const source = staff.residentAccounts.has(h.household.householdNo) ? 'resident' : rng.chance(0.5) ? 'staff' : 'visit';
      const near = source === 'visit' ? nearestVisit(ctx.visits, h.household.householdNo, anchor - 45 * DAY) : null;
      const visit = near && near.at > anchor - 88 * DAY && near.at < anchor - 3 * DAY ? near : null;
      const createdAt = visit ? visit.at + 15 * 60_000 : at(rng.int(3, 88), 8, 19);
      drafts.push({
        community, grid: h.grid, household: h, category: MEAL_CATEGORY, source: visit ? 'visit' : source === 'visit' ? 'staff' : source, createdAt, plan: 'accepted', visit,
        reporter: source === 'resident' ? staff.residentAccounts.get(h.household.householdNo)! : null,
        urgency: 'normal', description: rng.pick(T.DESCRIPTIONS.elderly_meals!),
      });
    }
  }

  // Two groups already made elsewhere: one open, one drafted into a project now awaiting the
  // district's approval (story 2's meal needs stay ungrouped for the street to group).
  const commonNeeds: HistoryCommonNeed[] = [
    { key: 1, community: 'JB-TS-XH', grid: null, category: 'culture_activities', title: '新华社区老年文体活动场地不足', description: '多位老人反映缺少固定的文体活动场地和兴趣班。', status: 'open', createdBy: 'tsjd', createdAt: at(25, 9, 11) },
    { key: 2, community: 'JB-TS-PZ', grid: null, category: 'elderly_home_care', title: '浦珠社区独居老人居家照护', description: '独居和高龄老人希望获得定期上门照护服务，拟作为项目申报。', status: 'projected', createdBy: 'tsjd', createdAt: at(40, 9, 11) },
  ];
  const projects: HistoryProject[] = [
    {
      key: 1, commonNeeds: [2], title: '浦珠社区“暖心守护”居家照护', objectives: '为独居和高龄老人提供每周上门探访、助洁和健康监测服务。',
      budgetFen: 12_000_000, fundingSource: 'venture_philanthropy', purchaser: 'district', targetBeneficiaries: 40, createdBy: 'tsjd', createdAt: at(12, 10, 11),
      steps: [{ action: 'submit', to: 'submitted', by: 'tsjd', at: at(10, 15, 16) }],
    },
  ];
  for (const [group, members] of [[commonNeeds[0]!, 9], [commonNeeds[1]!, 7]] as const) {
    for (let i = 0; i < members; i++) {
      const d = householdDraft(group.community, group.category, Math.round((anchor - group.createdAt) / DAY) + rng.int(2, 40), 'pooled', ['resident', 'staff']);
      d.commonNeed = group;
      d.poolAt = group.createdAt + rng.int(1, 20) * HOUR;
      drafts.push(d);
    }
  }

  // Story 1: older needs of Wang Guifang's household, all closed (related needs show them);
  // the last one closed by the job two days ago, so 王娟 has unread notices.
  const storyVisit = (daysAgo: number) => nearestVisit(storyVisits, story.household.householdNo, anchor - daysAgo * DAY);
  for (const [category, daysAgo, source] of [['facility_lighting', 300, 'staff'], ['elderly_home_care', 160, 'visit'], [MEAL_CATEGORY, 21, 'resident']] as const) {
    const visit = source === 'visit' ? storyVisit(daysAgo) : null;
    const createdAt = visit ? visit.at + 20 * 60_000 : at(daysAgo, 9, 17);
    drafts.push({
      community: story.community, grid: story.grid, household: story, category, source, createdAt, plan: 'closed', visit,
      reporter: source === 'resident' ? 'wangjuan' : null, urgency: 'normal',
      autoConfirmAt: source === 'resident' ? anchor - 2 * DAY + 9 * HOUR : undefined,
    });
  }

  // Story 5: an older man of J community told the office about quarrels with his son; the need
  // was referred to 启航 and 陈社工 opened a case on it (the case itself: demo-cases.ts).
  const today = localDate(new Date(anchor));
  const adults = (h: PlacedHousehold) => h.household.residents.filter((r) => r.status === 'active' && ageOn(r.birthDate, today) >= 25);
  const family = byCommunity.get(J_COMMUNITY)!.find((h) => adults(h).length >= 2 && adults(h).some((r) => r.gender === 'male' && ageOn(r.birthDate, today) >= 62))!;
  drafts.push({
    community: J_COMMUNITY, grid: family.grid, household: family, category: 'other', source: 'staff', createdAt: at(9, 9, 11), plan: 'referred', visit: null, reporter: null,
    urgency: 'normal', description: '老人反映与儿子因赡养和住房问题多次争吵，近来情绪低落、不愿出门，家人希望有社工介入调解。', referTo: 'qihang', caseOpenedBy: 'chen',
  });

  drafts.sort((a, b) => a.createdAt - b.createdAt);
  const needs: HistoryNeed[] = [];
  for (const d of drafts) needs.push(buildNeed(ctx, d, needs.length + 1, needs));

  // Reference numbers in order of reporting, per local year, as the app numbers them.
  const counters: Record<number, number> = {};
  for (const n of needs) {
    const year = Number(localDate(new Date(n.createdAt)).slice(0, 4));
    counters[year] = (counters[year] ?? 0) + 1;
    n.refNo = `N-${year}-${String(counters[year]).padStart(6, '0')}`;
  }
  for (const n of needs) for (const notice of n.notifications) if (notice.kind === 'merged_into') notice.reply = needs[Number(notice.reply) - 1]!.refNo;
  for (const n of needs) for (const e of n.events) if (e.action === 'absorb') e.reply = needs[Number(e.reply) - 1]!.refNo;
  return { needs, commonNeeds, projects };
}

function nearestVisit(visits: HistoryVisit[], householdNo: string, target: number): HistoryVisit | null {
  let best: HistoryVisit | null = null;
  for (const v of visits) {
    if (v.householdNo !== householdNo || v.kind === 'emergency') continue;
    if (!best || Math.abs(v.at - target) < Math.abs(best.at - target)) best = v;
  }
  return best;
}

/** Builds one need's timeline step by step from its plan; times keep to the limits mostly. */
function buildNeed(ctx: NeedsContext, d: Draft, key: number, earlier: HistoryNeed[]): HistoryNeed {
  const { rng, calendar, now, staff } = ctx;
  const urgency = d.urgency ?? rng.weighted<Urgency>([['normal', 80], ['urgent', 7], ['difficult', 13]]);
  const limits = DEFAULT_LIMITS[urgency];
  const created = new Date(d.createdAt);
  const triageDue = dueAt(calendar, created, limits.triage.amount, limits.triage.unit).getTime();
  const resolveDue = dueAt(calendar, created, limits.resolve.amount, limits.resolve.unit).getTime();
  const team = staff.communityStaff.get(d.community)!;
  const triager = rng.pick(team.triage);
  const handler = rng.pick(team.handlers);
  // Assigning takes a community admin, or the street office where none signs in.
  const assigner = d.community === J_COMMUNITY ? 'zhou' : d.community === MEAL_NEIGHBOUR ? 'qiaobei' : 'tsjd';
  const household = d.household;
  const householdAccount = household ? staff.residentAccounts.get(household.household.householdNo) ?? (household.household.address === ctx.storyAddress ? 'wangjuan' : null) : null;
  const head: DemoResident | undefined = household?.household.residents.find((r) => r.status === 'active') ?? household?.household.residents[0];
  const grid = ctx.data.communities.find((c) => c.code === d.community)!.grids.find((g) => g.code === d.grid)!;

  const n: HistoryNeed = {
    key, refNo: '', source: d.source,
    intakeChannel: d.source === 'staff' ? rng.weighted<'phone' | 'walk_in'>([['phone', 60], ['walk_in', 40]]) : null,
    recordedBy: d.source === 'visit' ? d.visit!.worker : d.source === 'staff' || d.source === 'council' ? triager : null,
    reporter: d.reporter, reporterResident: d.source === 'visit' || d.source === 'staff' ? (head?.idNumber ?? null) : null,
    category: d.category, description: d.description ?? rng.pick(T.DESCRIPTIONS[d.category]!),
    community: d.community, grid: d.grid, householdNo: household?.household.householdNo ?? null,
    point: household ? null : pointIn(rng, grid.boundary.coordinates),
    beneficiaries: household ? rng.weighted([[1, 70], [2, 25], [3, 5]] as const) : rng.int(5, 120),
    urgency, state: 'reported', handler: null, referralOrg: null, referralDepartment: null, referralAnswer: null,
    waitingUntil: null, waitingReason: null, outcome: null, outcomeNote: null, rating: null, ratingComment: null, autoConfirmed: false,
    mergedInto: null, commonNeed: d.commonNeed?.key ?? null, visit: d.visit?.key ?? null,
    triageDueAt: triageDue, resolveDueAt: resolveDue, escalationLevel: 0, escalatedAt: null, resolvedAt: null, closedAt: null,
    createdAt: d.createdAt, updatedAt: d.createdAt, events: [], followers: [], notifications: [],
  };
  if (d.source === 'council') n.description = `居民议事会提出：${n.description}`;
  const reportActor = d.source === 'open311' ? null : d.source === 'resident' ? d.reporter! : d.source === 'visit' ? d.visit!.worker : triager;
  const open311Name = 'Open311: 南京12345热线';
  let t = d.createdAt;
  // An internal note among staff, and what the resident is told (docs/decisions/0013).
  const step = (action: string, to: NeedState, actor: string | null, text: { note?: string; reply?: string } = {}, data?: Record<string, unknown>, time = t) => {
    t = time;
    n.events.push({ at: t, actor, action, from: n.events.length ? n.state : null, to, note: text.note ?? '', reply: text.reply ?? '', data });
    n.state = to;
  };
  step('report', 'reported', reportActor, {}, { source: d.source });
  if (d.source === 'open311') n.events[0]!.actorName = open311Name;

  // The latest a step may happen: yesterday at 20:00, when the office has long closed.
  const latest = Math.min(now, ctx.anchor) - 4 * HOUR;
  // Staff act in office hours (08:30–18:00): a time outside them moves to the next morning.
  const office = (ms: number) => {
    const sinceMidnight = (ms + 8 * HOUR) % DAY;
    const morning = ms - sinceMidnight + 8.5 * HOUR + (Math.floor(ms / 60_000) % 90) * 60_000;
    return sinceMidnight < 8.5 * HOUR ? morning : sinceMidnight > 18 * HOUR ? morning + DAY : ms;
  };
  const later = (minMs: number, maxMs: number, staffAct = true) => {
    const raw = t + rng.int(Math.round(minMs / 60_000), Math.round(maxMs / 60_000)) * 60_000;
    return Math.min(staffAct ? office(raw) : raw, Math.max(t + 60_000, latest));
  };
  const plan = d.plan;
  if (plan === 'reported') return finish(ctx, n, householdAccount);
  // Triage within its limit.
  const triageAt = later(20 * 60_000, Math.max(30 * 60_000, (triageDue - t) * 0.8), urgency !== 'urgent');
  if (plan === 'rejected') {
    const reason = rng.pick(T.REJECT_REASONS);
    step('reject', 'rejected', triager, { reply: reason }, { outcome_note: reason }, triageAt);
    n.outcomeNote = reason;
    n.closedAt = t;
    return finish(ctx, n, householdAccount);
  }
  if (plan === 'merged') {
    const survivor = [...earlier].reverse().find((s) =>
      s.community === d.community && s.category === d.category && s.createdAt < d.createdAt && d.createdAt - s.createdAt < 45 * DAY &&
      s.state !== 'merged' && s.state !== 'rejected' && (s.closedAt === null || s.closedAt > triageAt) && s.createdAt < triageAt);
    if (survivor) {
      step('merge', 'merged', triager, {}, { merged_into_id: survivor.key }, triageAt);
      n.mergedInto = survivor.key;
      n.closedAt = t;
      return finish(ctx, n, householdAccount, survivor);
    }
  }
  step('accept', 'accepted', triager, {}, {}, triageAt);
  if (plan === 'accepted') return finish(ctx, n, householdAccount);
  if (plan === 'pooled') {
    step('pool', 'pooled', d.commonNeed!.createdBy, { reply: d.commonNeed!.title }, { common_need_id: d.commonNeed!.key }, Math.max(d.poolAt!, t + HOUR));
    return finish(ctx, n, householdAccount);
  }
  // Every third assignment carries an instruction to the handler (chosen without the random stream, which stays as it was).
  const instruction = n.key % 3 === 0 ? { note: T.ASSIGN_NOTES[n.key % T.ASSIGN_NOTES.length]! } : {};
  step('assign', 'in_progress', assigner, instruction, { handler_user_id: handler }, later(HOUR, 20 * HOUR));
  n.handler = handler;
  if (plan === 'in_progress') return finish(ctx, n, householdAccount);
  const waits = plan === 'waiting' || (plan !== 'referred' && plan !== 'answered' && rng.chance(0.08));
  if (waits) {
    const reason = rng.pick(T.WAIT_REASONS);
    const waitAt = later(2 * HOUR, 2 * DAY);
    const until = plan === 'waiting' ? localDate(new Date(ctx.anchor + rng.int(3, 40) * DAY)) : localDate(new Date(waitAt + rng.int(5, 20) * DAY));
    step('wait', 'waiting', handler, { reply: reason }, { waiting_until: until, waiting_reason: reason }, waitAt);
    n.waitingUntil = until;
    n.waitingReason = reason;
    if (plan === 'waiting') return finish(ctx, n, householdAccount);
    step('resume', 'in_progress', handler, {}, { waiting_until: null, waiting_reason: null }, later(3 * DAY, 15 * DAY));
    n.waitingUntil = null;
    n.waitingReason = null;
  }
  const refers = plan === 'referred' || plan === 'answered' || (d.category in REFERRAL_ORGS || ['employment_assistance', 'health'].includes(d.category) ? rng.chance(0.3) : rng.chance(0.03));
  if (refers) {
    const org = d.referTo ?? REFERRAL_ORGS[d.category] ?? (rng.chance(0.4) ? 'qihang' : null);
    const department = org ? null : rng.pick(T.REFER_DEPARTMENTS);
    step('refer', 'referred', handler, {}, { referral_org_id: org, referral_department: department, referral_answer: null }, later(2 * HOUR, 2 * DAY));
    n.referralOrg = org;
    n.referralDepartment = department;
    if (d.caseOpenedBy) step('open_case', 'referred', d.caseOpenedBy, { reply: CASE_OPENED_REPLY }, undefined, later(3 * HOUR, DAY));
    if (plan === 'referred') return finish(ctx, n, householdAccount);
    const answer = rng.pick(T.REFERRAL_ANSWERS);
    step('answer_referral', 'in_progress', org === 'qihang' ? 'qihang' : triager, { note: answer }, { referral_answer: answer }, later(4 * HOUR, 4 * DAY));
    n.referralAnswer = answer;
    if (plan === 'answered') return finish(ctx, n, householdAccount);
  }
  // Resolved mostly within the limit; some late (they were escalated on the way).
  const onTime = (d.autoConfirmAt !== undefined || rng.chance(0.85)) && resolveDue > t + HOUR;
  let resolveAt = onTime ? later(HOUR, Math.max(HOUR, (resolveDue - t) * 0.95)) : later(HOUR, rng.int(1, 12) * DAY);
  if (plan === 'resolved') resolveAt = Math.max(t + 30 * 60_000, office(ctx.anchor - rng.int(8 * 60, 5 * 24 * 60) * 60_000));
  // A need the job closes on a set day was resolved at least seven days before it, whatever the
  // working-day calendar of the weeks before says (else it would still wait on some dates).
  if (d.autoConfirmAt !== undefined) resolveAt = Math.min(resolveAt, d.autoConfirmAt - 7 * DAY - HOUR);
  const resolve = () => {
    const outcome = rng.weighted<Outcome>([['fully', 80], ['partly', 13], ['closed_unresolved', 7]]);
    const note = rng.pick(T.RESOLVE_NOTES[outcome]);
    step('resolve', 'resolved', handler, { reply: note }, { outcome, outcome_note: note }, Math.min(Math.max(resolveAt, t + 30 * 60_000), Math.max(t + 60_000, latest)));
    n.outcome = outcome;
    n.outcomeNote = note;
    n.resolvedAt = t;
  };
  resolve();
  if (plan === 'resolved') return finish(ctx, n, householdAccount);
  const confirmer = n.reporter ?? householdAccount;
  if (plan === 'reopened' || plan === 'closed_after_dispute') {
    if (confirmer) {
      const reason = rng.pick(T.DISPUTE_REASONS);
      step('dispute', 'reopened', confirmer, { reply: reason }, { resolved_at: null }, later(4 * HOUR, 3 * DAY, false));
      n.resolvedAt = null;
      if (plan === 'reopened') return finish(ctx, n, householdAccount);
      step('assign', 'in_progress', assigner, {}, { handler_user_id: handler }, later(HOUR, DAY));
      resolveAt = later(DAY, 6 * DAY);
      resolve();
    }
  }
  if (confirmer && d.autoConfirmAt === undefined && rng.chance(0.9)) {
    const rating = n.outcome === 'closed_unresolved' ? rng.weighted([[2, 30], [3, 50], [4, 20]] as const) : rng.weighted([[5, 58], [4, 30], [3, 10], [2, 2]] as const);
    const comment = rng.pick(T.RATING_COMMENTS);
    step('confirm', 'closed', confirmer, { reply: comment }, { rating, rating_comment: comment || null }, later(2 * HOUR, 5 * DAY, false));
    n.rating = rating;
    n.ratingComment = comment || null;
  } else {
    // The job closes it seven days after resolution (it runs every few minutes); until then
    // it waits for the resident's answer.
    const due = n.resolvedAt! + 7 * DAY;
    if (due > now + HOUR) return finish(ctx, n, householdAccount);
    const autoAt = Math.max(d.autoConfirmAt ?? due + rng.int(1, 10) * 60_000, due + 60_000);
    step('auto_confirm', 'closed', null, {}, undefined, Math.min(autoAt, now - 60_000));
    n.autoConfirmed = true;
  }
  n.closedAt = t;
  return finish(ctx, n, householdAccount);
}

/**
 * Escalations the job would have made (so that starting the server escalates nothing), the
 * merge's mark on the survivor, and the notices the reporter and the household's account got.
 */
function finish(ctx: NeedsContext, n: HistoryNeed, householdAccount: string | null, survivor?: HistoryNeed): HistoryNeed {
  const { calendar, now } = ctx;
  const final = n.state;
  // Late resolutions of the past: escalated when the limit passed.
  const resolveEvent = n.events.find((e) => e.action === 'resolve');
  if (resolveEvent && resolveEvent.at > n.resolveDueAt) {
    const limit = DEFAULT_LIMITS[n.urgency].resolve;
    const first = n.resolveDueAt + 5 * 60_000;
    const steps = [...n.events].reverse();
    const stateAt = (time: number) => steps.find((e) => e.at <= time)?.to ?? 'reported';
    if (first < resolveEvent.at && RUNNING.includes(stateAt(first))) {
      n.events.push({ at: first, actor: null, action: 'escalate', from: stateAt(first), to: stateAt(first), note: '', reply: '', data: { level: 1, dueAt: new Date(n.resolveDueAt).toISOString() } });
      n.escalationLevel = 1;
      n.escalatedAt = first;
      const due2 = dueAt(calendar, new Date(first), limit.amount, limit.unit).getTime();
      if (due2 + 5 * 60_000 < resolveEvent.at && RUNNING.includes(stateAt(due2 + 5 * 60_000))) {
        const state = stateAt(due2 + 5 * 60_000);
        n.events.push({ at: due2 + 5 * 60_000, actor: null, action: 'escalate', from: state, to: state, note: '', reply: '', data: { level: 2, dueAt: new Date(due2).toISOString() } });
        n.escalationLevel = 2;
        n.escalatedAt = due2 + 5 * 60_000;
      }
    }
  }
  // Open and running now: the levels the job has reached by now.
  if (RUNNING.includes(final)) {
    const phase = final === 'reported' ? 'triage' : 'resolve';
    const limit = DEFAULT_LIMITS[n.urgency][phase];
    // Escalations only count from when the need last changed state.
    const since = Math.max(...n.events.filter((e) => e.action !== 'escalate').map((e) => e.at));
    let level = n.escalationLevel;
    let escalatedAt = n.escalatedAt;
    while (level < 2) {
      const due = level === 0 ? (phase === 'triage' ? n.triageDueAt : n.resolveDueAt) : dueAt(calendar, new Date(escalatedAt!), limit.amount, limit.unit).getTime();
      if (due >= now) break;
      // The job runs every few minutes; a limit that passed moments ago is escalated by now too.
      const when = Math.min(Math.max(due, since) + 5 * 60_000, now);
      level++;
      escalatedAt = when;
      n.events.push({ at: when, actor: null, action: 'escalate', from: final, to: final, note: '', reply: '', data: { level, dueAt: new Date(due).toISOString() } });
    }
    n.escalationLevel = level;
    n.escalatedAt = escalatedAt;
  }
  n.events.sort((a, b) => a.at - b.at);
  n.updatedAt = n.events.at(-1)!.at;

  const audience = [...new Set([n.reporter, householdAccount].filter((u): u is string => !!u))];
  // Notices go to residents: they carry the reply, never the internal note.
  const notify = (users: string[], e: { at: number; actor: string | null }, kind: string, state: string | null, reply: string) => {
    for (const user of users) {
      if (user === e.actor) continue;
      // Residents read their notices within days; 王娟 has not opened the app for two weeks.
      const fresh = ctx.now - e.at < (user === 'wangjuan' ? 14 : 4) * DAY;
      n.notifications.push({ user, at: e.at, kind, state, reply, readAt: fresh ? null : e.at + (2 + (e.at % 40)) * HOUR });
    }
  };
  for (const e of n.events) {
    if (['report', 'escalate', 'absorb'].includes(e.action)) continue;
    notify(audience, e, 'state_changed', e.to, e.reply);
  }
  if (survivor) {
    const mergeAt = n.closedAt!;
    const survivorState = [...survivor.events].reverse().find((e) => e.at <= mergeAt)?.to ?? 'reported';
    survivor.events.push({ at: mergeAt, actor: n.events.at(-1)!.actor, action: 'absorb', from: survivorState, to: survivorState, note: '', reply: String(n.key), data: { mergedNeedId: n.key } });
    survivor.events.sort((a, b) => a.at - b.at);
    for (const u of audience) if (!survivor.followers.includes(u)) survivor.followers.push(u);
    // The reply names the merged need by its reference number once numbers are given.
    for (const u of audience) survivor.notifications.push({ user: u, at: mergeAt, kind: 'merged_into', state: survivorState, reply: String(n.key), readAt: mergeAt + 6 * HOUR });
  }
  return n;
}
