import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { normalizePhone } from '../src/common/identity.ts';
import { ensureDefaultCategories } from '../src/server/modules/needs/needs.categories.ts';
import { loadCalendar } from '../src/server/platform/calendar/calendar.store.ts';
import { startOfLocalDay, localDate, type WorkingCalendar } from '../src/server/platform/calendar/working-days.ts';
import { maskPhone, type PiiCipher } from '../src/server/platform/crypto/pii.ts';
import type { DB } from '../src/server/tables.ts';
import { batchInserter, type LoadProgress } from './demo-insert.ts';
import type { DemoData, DemoScope } from './demo-model.ts';
import type { HistoryData } from './demo-needs-model.ts';
import { generateNeeds } from './demo-needs.ts';
import { generateResources } from './demo-resources.ts';
import { generateStaff, generateVisits } from './demo-visits.ts';
import { Rng } from './prng.ts';

/** The story household's address: the one the resident account wangjuan is bound to. */
function storyAddress(data: DemoData): string {
  for (const a of data.accounts) {
    for (const g of a.grants) if (g.scope.type === 'household') return g.scope.address;
  }
  throw new Error('the demo has no household account');
}

/**
 * Two years of visits and needs before `now`, the resources list and the common needs. The
 * same seed, demo data and `now` give the same history; times count back from the start of
 * today (Asia/Shanghai), and nothing happens later than yesterday evening.
 */
export function generateHistory(data: DemoData, now: Date, calendar: WorkingCalendar, seed = 'sanshe-demo-history-v1'): HistoryData {
  const rng = new Rng(`${seed}|${data.referenceYear}|${localDate(now)}`);
  const anchor = startOfLocalDay(localDate(now)).getTime();
  const address = storyAddress(data);
  const staff = generateStaff(rng, data);
  const visits = generateVisits(rng, data, staff.gridWorkers, anchor, address);
  const { needs, commonNeeds, projects } = generateNeeds({ rng, data, staff, visits, calendar, now: now.getTime(), anchor, storyAddress: address });
  const resources = generateResources(rng, data.referenceYear);
  return { now: now.getTime(), users: staff.users, visits, needs, commonNeeds, projects, resources };
}

/** Database ids of what loadDemo wrote, by demo key. */
export interface DemoIds {
  districtId: string;
  streetId: string;
  communityIds: Map<string, string>;
  gridIds: Map<string, string>;
  /** Household number → household row ids. */
  households: Map<string, { id: string; buildingId: string; gridId: string; communityId: string }>;
  /** Community code + address key → household id (how account scopes name a household). */
  householdByAddress: (community: string, address: string) => string;
  residentIds: Map<string, string>;
  userIds: Map<string, string>;
  organizationIds: Map<string, string>;
  passwordHash: string;
}

export interface HistoryCounts {
  visits: number;
  needs: number;
  needEvents: number;
  commonNeeds: number;
  projects: number;
  resources: number;
  historyUsers: number;
}

/** Writes the history with multi-row inserts, inside the caller's (the demo's) transaction. */
export async function loadHistory(db: Kysely<DB>, pii: PiiCipher, data: DemoData, ids: DemoIds, now = new Date(), progress?: LoadProgress): Promise<HistoryCounts> {
  const insertBatched = batchInserter(db, progress);
  const { districtId, streetId } = ids;
  // The district's category tree exactly as the app creates it.
  await ensureDefaultCategories({}, db, districtId);
  const categories = new Map(
    (await db.selectFrom('need_categories').select(['code', 'id']).where('district_id', '=', districtId).execute()).map((c) => [c.code, c.id]),
  );
  const h = generateHistory(data, now, await loadCalendar(db));

  const userIds = new Map(ids.userIds);
  const users = h.users.map((u) => {
    const id = uuidv7();
    userIds.set(u.username, id);
    const residentId = u.residentIdNumber ? ids.residentIds.get(u.residentIdNumber)! : null;
    return {
      id, username: u.username, display_name: u.displayName, password_hash: ids.passwordHash,
      resident_district_id: residentId ? districtId : null, resident_id: residentId,
    };
  });
  await insertBatched('users', users);
  const scopeOf = (s: DemoScope) => {
    if (s.type === 'grid') return { scope_id: ids.gridIds.get(s.grid)!, scope_district_id: districtId };
    if (s.type === 'community') return { scope_id: ids.communityIds.get(s.community)!, scope_district_id: districtId };
    if (s.type === 'household') return { scope_id: ids.householdByAddress(s.community, s.address), scope_district_id: districtId };
    throw new Error(`no history account in a ${s.type} scope`);
  };
  await insertBatched(
    'role_assignments',
    h.users.map((u) => ({ id: uuidv7(), user_id: userIds.get(u.username)!, role: u.grant.role, scope_type: u.grant.scope.type, ...scopeOf(u.grant.scope) })),
  );

  const visitIds = new Map<number, string>();
  await insertBatched(
    'visits',
    h.visits.map((v) => {
      const id = uuidv7();
      visitIds.set(v.key, id);
      const home = ids.households.get(v.householdNo)!;
      return {
        district_id: districtId, id, street_id: streetId, community_id: home.communityId, grid_id: home.gridId, household_id: home.id,
        resident_id: v.resident ? ids.residentIds.get(v.resident)! : null, worker_user_id: userIds.get(v.worker)!, kind: v.kind,
        visited_at: new Date(v.at), notes: v.notes, findings: v.findings, created_at: new Date(v.at),
      };
    }),
  );

  // Project numbers as the app gives them: per district and local year, in drafting order.
  const projectRefs = new Map<number, string>();
  const projectCounters: Record<number, number> = {};
  for (const p of h.projects) {
    const year = Number(localDate(new Date(p.createdAt)).slice(0, 4));
    projectCounters[year] = (projectCounters[year] ?? 0) + 1;
    projectRefs.set(p.key, `P-${year}-${String(projectCounters[year]).padStart(4, '0')}`);
  }
  const refOf = (commonNeed: number) => {
    const p = h.projects.find((x) => x.commonNeeds.includes(commonNeed));
    return p ? projectRefs.get(p.key)! : null;
  };

  const commonNeedIds = new Map<number, string>();
  await insertBatched(
    'common_needs',
    h.commonNeeds.map((c) => {
      const id = uuidv7();
      commonNeedIds.set(c.key, id);
      return {
        district_id: districtId, id, street_id: streetId, community_id: ids.communityIds.get(c.community)!,
        grid_id: c.grid ? ids.gridIds.get(c.grid)! : null, category_id: categories.get(c.category)!, title: c.title,
        description: c.description, status: c.status, project_ref: refOf(c.key), created_by: userIds.get(c.createdBy)!,
        created_at: new Date(c.createdAt), updated_at: new Date(c.createdAt),
      };
    }),
  );

  const needIds = new Map<number, string>(h.needs.map((n) => [n.key, uuidv7()]));
  const user = (u: string | null) => (u ? userIds.get(u)! : null);
  const ts = (ms: number | null) => (ms === null ? null : new Date(ms));
  // Timeline data names people and records by demo keys; the stored rows name them by id.
  const dataOf = (d: Record<string, unknown> | undefined) => {
    if (!d) return null;
    const out: Record<string, unknown> = { ...d };
    if (typeof d.handler_user_id === 'string') out.handler_user_id = user(d.handler_user_id);
    if (typeof d.referral_org_id === 'string') out.referral_org_id = ids.organizationIds.get(d.referral_org_id)!;
    if (typeof d.merged_into_id === 'number') out.merged_into_id = needIds.get(d.merged_into_id)!;
    if (typeof d.common_need_id === 'number') out.common_need_id = commonNeedIds.get(d.common_need_id)!;
    if (typeof d.mergedNeedId === 'number') out.mergedNeedId = needIds.get(d.mergedNeedId)!;
    return JSON.stringify(out);
  };
  const names = new Map<string, string>([...data.accounts.map((a) => [a.username, a.displayName] as const), ...h.users.map((u) => [u.username, u.displayName] as const)]);
  const needs = h.needs.map((n) => {
    const home = n.householdNo ? ids.households.get(n.householdNo)! : null;
    return {
      district_id: districtId, id: needIds.get(n.key)!, ref_no: n.refNo, source: n.source, intake_channel: n.intakeChannel,
      recorded_by_user_id: user(n.recordedBy), reporter_user_id: user(n.reporter),
      reporter_resident_id: n.reporterResident ? ids.residentIds.get(n.reporterResident)! : null,
      category_id: categories.get(n.category)!, description: n.description, street_id: streetId,
      community_id: ids.communityIds.get(n.community)!, grid_id: ids.gridIds.get(n.grid)!, household_id: home?.id ?? null,
      building_id: home?.buildingId ?? null, lng: n.point?.lng ?? null, lat: n.point?.lat ?? null, beneficiaries: n.beneficiaries,
      urgency: n.urgency, state: n.state, handler_user_id: user(n.handler),
      referral_org_id: n.referralOrg ? ids.organizationIds.get(n.referralOrg)! : null, referral_department: n.referralDepartment,
      referral_answer: n.referralAnswer, waiting_until: n.waitingUntil, waiting_reason: n.waitingReason, outcome: n.outcome,
      outcome_note: n.outcomeNote, rating: n.rating, rating_comment: n.ratingComment, auto_confirmed: n.autoConfirmed,
      merged_into_id: n.mergedInto ? needIds.get(n.mergedInto)! : null, split_from_id: null,
      common_need_id: n.commonNeed ? commonNeedIds.get(n.commonNeed)! : null, visit_id: n.visit ? visitIds.get(n.visit)! : null,
      triage_due_at: new Date(n.triageDueAt), resolve_due_at: new Date(n.resolveDueAt), escalation_level: n.escalationLevel,
      escalated_at: ts(n.escalatedAt), resolved_at: ts(n.resolvedAt), closed_at: ts(n.closedAt),
      created_at: new Date(n.createdAt), updated_at: new Date(n.updatedAt),
    };
  });
  // A survivor is always reported before the needs merged into it, so it is inserted first.
  await insertBatched('needs', needs);
  await insertBatched(
    'need_events',
    h.needs.flatMap((n) =>
      n.events.map((e) => ({
        district_id: districtId, id: uuidv7(), need_id: needIds.get(n.key)!, at: new Date(e.at), actor_user_id: user(e.actor),
        actor_name: e.actor ? names.get(e.actor)! : (e.actorName ?? ''), action: e.action, from_state: e.from, to_state: e.to,
        note: e.note, reply: e.reply, data: dataOf(e.data),
      })),
    ),
  );
  await insertBatched(
    'need_followers',
    h.needs.flatMap((n) => n.followers.map((u) => ({ district_id: districtId, need_id: needIds.get(n.key)!, user_id: userIds.get(u)!, created_at: new Date(n.createdAt) }))),
  );
  await insertBatched(
    'notifications',
    h.needs.flatMap((n) =>
      n.notifications.map((x) => ({
        district_id: districtId, id: uuidv7(), user_id: userIds.get(x.user)!, need_id: needIds.get(n.key)!, kind: x.kind, state: x.state,
        reply: x.reply, read_at: ts(x.readAt), created_at: new Date(x.at),
      })),
    ),
  );
  // Open311 needs came through the city hotline's client; its key was never handed out.
  const open311 = h.needs.filter((n) => n.source === 'open311');
  if (open311.length) {
    const clientId = uuidv7();
    const key = crypto.randomBytes(32).toString('hex');
    await db
      .insertInto('open311_clients')
      .values({ district_id: districtId, id: clientId, name: '南京12345热线', key_hash: crypto.createHash('sha256').update(key).digest('hex'), key_prefix: key.slice(0, 8), created_by: userIds.get('jbmz') ?? null, created_at: new Date(h.needs[0]!.createdAt) })
      .execute();
    await insertBatched(
      'open311_requests',
      open311.map((n) => ({ district_id: districtId, need_id: needIds.get(n.key)!, client_id: clientId, address_string: null, located_by_point: true, created_at: new Date(n.createdAt) })),
    );
  }

  await loadProjects(insertBatched, h, { districtId, streetId, communityIds: ids.communityIds, userIds, commonNeedIds, projectRefs, projectCounters });

  await insertBatched(
    'resources',
    h.resources.map((r) => {
      const phone = r.contactPhone ? normalizePhone(r.contactPhone)! : null;
      const area = r.area === 'district' ? { street_id: null, community_id: null } : r.area === 'street' ? { street_id: streetId, community_id: null } : { street_id: streetId, community_id: ids.communityIds.get(r.area.community)! };
      return {
        district_id: districtId, id: uuidv7(), kind: r.kind, name: r.name, description: r.description, owner_type: r.owner.type,
        owner_community_id: r.owner.type === 'community' ? ids.communityIds.get(r.owner.community)! : null,
        owner_organization_id: r.owner.type === 'organization' ? ids.organizationIds.get(r.owner.organization)! : null,
        owner_name: r.ownerName, ...area, categories: r.categories, weekly_windows: JSON.stringify(r.weeklyWindows),
        available_from: r.availableFrom, available_until: r.availableUntil, capacity: r.capacity, constraints: r.constraints,
        contact_name: r.contactName, contact_phone_cipher: phone ? pii.encrypt(phone) : null, contact_phone_hash: phone ? pii.lookupHash(phone) : null,
        contact_phone_masked: phone ? maskPhone(phone) : null,
      };
    }),
  );
  return {
    visits: h.visits.length,
    needs: h.needs.length,
    needEvents: h.needs.reduce((s, n) => s + n.events.length, 0),
    commonNeeds: h.commonNeeds.length,
    projects: h.projects.length,
    resources: h.resources.length,
    historyUsers: h.users.length,
  };
}

interface ProjectIds {
  districtId: string;
  streetId: string;
  communityIds: Map<string, string>;
  userIds: Map<string, string>;
  commonNeedIds: Map<number, string>;
  projectRefs: Map<number, string>;
  projectCounters: Record<number, number>;
}

/** The history's projects, their links to common needs, their timelines and the numbering counters. */
async function loadProjects(insertBatched: ReturnType<typeof batchInserter>, h: HistoryData, x: ProjectIds) {
  const rows = h.projects.map((p) => {
    const last = p.steps.at(-1);
    const approved = p.steps.find((s) => s.to === 'approved');
    const communities = [...new Set(p.commonNeeds.map((k) => x.communityIds.get(h.commonNeeds.find((c) => c.key === k)!.community)!))];
    return {
      district_id: x.districtId, id: uuidv7(), ref_no: x.projectRefs.get(p.key)!, title: p.title, objectives: p.objectives, target_beneficiaries: p.targetBeneficiaries,
      budget_fen: p.budgetFen, funding_source: p.fundingSource, period_start: null, period_end: null, purchaser_level: p.purchaser,
      purchaser_street_id: p.purchaser === 'street' ? x.streetId : null, street_ids: [x.streetId], community_ids: communities,
      status: last?.to ?? 'draft', created_by: x.userIds.get(p.createdBy)!, approved_by: approved ? x.userIds.get(approved.by)! : null,
      approved_at: approved ? new Date(approved.at) : null, created_at: new Date(p.createdAt), updated_at: new Date(last?.at ?? p.createdAt),
    };
  });
  await insertBatched('projects', rows);
  await insertBatched('project_common_needs', h.projects.flatMap((p, i) => p.commonNeeds.map((k) => ({ district_id: x.districtId, project_id: rows[i]!.id, common_need_id: x.commonNeedIds.get(k)! }))));
  await insertBatched(
    'project_events',
    h.projects.flatMap((p, i) => {
      const project_id = rows[i]!.id;
      // Ids grow with time: the draft's event is made first, so the timeline reads in order.
      const created = { district_id: x.districtId, id: uuidv7(), project_id, action: 'create', from_status: null, to_status: 'draft', reason: '', actor_user_id: x.userIds.get(p.createdBy)!, at: new Date(p.createdAt) };
      let from = 'draft';
      const steps = p.steps.map((s) => {
        const e = { district_id: x.districtId, id: uuidv7(), project_id, action: s.action, from_status: from, to_status: s.to, reason: '', actor_user_id: x.userIds.get(s.by)!, at: new Date(s.at) };
        from = s.to;
        return e;
      });
      return [created, ...steps];
    }),
  );
  await insertBatched('project_counters', Object.entries(x.projectCounters).map(([year, n]) => ({ district_id: x.districtId, year: Number(year), last_no: n })));
}
