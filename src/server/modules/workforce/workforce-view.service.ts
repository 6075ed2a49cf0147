import { sql, type SqlBool } from 'kysely';
import { isAdministrative, professionalShare } from '../../../common/worklogs.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { communitiesIn, communityNames, describeScopes, residentCounts, visibleUnit } from '../territory/index.ts';
import { ceDone, cycleOf, requiredHours, standing } from './ce.service.ts';
import { workforceViewPolicy, type WorkforceUnit } from './supervision.policy.ts';
import type { ViewQuery, WorkforceView } from './supervision.schemas.ts';
import { DEFAULT_TARGETS, workforceTargets } from './workforce-settings.service.ts';
import { openCaseloads, recordedWork } from './worklogs.facts.ts';
import { workLogPolicy } from './worklogs.policy.ts';
import { workerRecord } from './worklogs.service.ts';
import * as store from './worklogs.store.ts';

const MAX_RANGE_DAYS = 92;
const DAY_MS = 86_400_000;
/** Fewer people than this behind a figure are not counted aloud: the figure would name them. */
const SMALL_CELL = 3;
const MAX_WORKERS = 3000;

/** The unit asked for, where it lies; one the caller may not read answers 404. */
async function unitOf(ctx: RequestContext, q: ViewQuery): Promise<{ unit: WorkforceUnit; name: string }> {
  if (q.unit === 'organization') {
    const name = (await describeScopes(ctx.db, [{ scopeType: 'organization', scopeId: q.id, districtId: null }])).get(q.id);
    if (!name) throw new AppError('resource.not_found');
    return { unit: { districtId: null, streetId: null, communityId: null, organizationId: q.id }, name };
  }
  const place = await visibleUnit(ctx, q.unit, q.id);
  return { unit: { districtId: place.districtId, streetId: place.streetId, communityId: place.communityId, organizationId: null }, name: place.name };
}

/**
 * A unit's social workers over a period: the professional share of their logged and recorded
 * time, caseloads, staffing per 10,000 residents against the district's target, supervision,
 * continuing education behind, and pay grades as counts. A person's own minutes are shown only
 * to who reads their log.
 */
export async function workforceView(ctx: RequestContext, q: ViewQuery): Promise<WorkforceView> {
  const actor = requireActor(ctx);
  if (q.from > q.to || Date.parse(q.to) - Date.parse(q.from) >= MAX_RANGE_DAYS * DAY_MS) throw invalid({ field: 'to', code: 'work_log.range', params: { days: MAX_RANGE_DAYS } });
  const { unit, name } = await unitOf(ctx, q);
  if (!workforceViewPolicy.can(actor, 'read', unit)) throw new AppError('resource.not_found');

  let query = store.workers(ctx.db).where('w.status', '=', 'active');
  if (unit.organizationId) query = query.where('w.employer_organization_id', '=', unit.organizationId);
  else if (unit.communityId) query = query.where('w.district_id', '=', unit.districtId!).where(sql<SqlBool>`(w.community_ids @> array[${unit.communityId}]::uuid[] or w.employer_community_id = ${unit.communityId})`);
  else if (unit.streetId) query = query.where('w.district_id', '=', unit.districtId!).where(sql<SqlBool>`w.street_ids @> array[${unit.streetId}]::uuid[]`);
  else query = query.where('w.district_id', '=', unit.districtId!);
  const workers = await query.orderBy('w.name').orderBy('w.id').limit(MAX_WORKERS).execute();

  const today = localDate(new Date());
  const districts = [...new Set(workers.map((w) => w.district_id))];
  const targetsDistrict = unit.districtId ?? districts[0] ?? null;
  const perDistrict = await Promise.all(
    districts.map(async (d) => {
      const ids = workers.filter((w) => w.district_id === d).map((w) => w.id);
      const certified = workers.filter((w) => w.district_id === d && w.certificate_date && w.certificate_level !== 'none');
      const [logged, recorded, cases, targets, sessions] = await Promise.all([
        ctx.db
          .selectFrom('work_log_entries')
          .select(['social_worker_id', 'category', sql<string>`sum(minutes)`.as('minutes')])
          .where('district_id', '=', d)
          .where('social_worker_id', 'in', ids)
          .where('day', '>=', q.from)
          .where('day', '<=', q.to)
          .groupBy(['social_worker_id', 'category'])
          .execute(),
        recordedWork(ctx.db, d, ids, q.from, q.to),
        openCaseloads(ctx.db, d, ids),
        workforceTargets(ctx.db, d),
        ctx.db
          .selectFrom('supervision_sessions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('district_id', '=', d)
          .where('supervisor_id', 'in', ids)
          .where('held_on', '>=', q.from)
          .where('held_on', '<=', q.to)
          .executeTakeFirstOrThrow(),
      ]);
      const cycles = certified.map((w) => ({ id: w.id, start: cycleOf(w.certificate_date!, today).start }));
      const done = await ceDone(ctx.db, d, cycles);
      return { d, logged, recorded, cases, targets, sessions: Number(sessions.n), done };
    }),
  );

  const minutes = new Map<string, { professional: number; administrative: number }>();
  const add = (id: string, admin: boolean, m: number) => {
    const row = minutes.get(id) ?? { professional: 0, administrative: 0 };
    row[admin ? 'administrative' : 'professional'] += m;
    minutes.set(id, row);
  };
  for (const p of perDistrict) {
    for (const r of p.logged) add(r.social_worker_id, isAdministrative(r.category), Number(r.minutes));
    for (const r of p.recorded) add(r.workerId, false, r.minutes);
  }
  const districtOf = new Map(perDistrict.map((p) => [p.d, p]));
  const targets = districtOf.get(targetsDistrict ?? '')?.targets ?? (targetsDistrict ? await workforceTargets(ctx.db, targetsDistrict) : DEFAULT_TARGETS);

  const rows = workers.map((w) => {
    const p = districtOf.get(w.district_id)!;
    const m = minutes.get(w.id) ?? { professional: 0, administrative: 0 };
    const readsLog = workLogPolicy.can(actor, 'read', workerRecord(w));
    const required = requiredHours(w.certificate_level, p.targets);
    const behind = w.certificate_date && required > 0 ? standing(p.done.get(w.id) ?? 0, required, cycleOf(w.certificate_date, today), today).behind : false;
    return {
      id: w.id,
      name: w.name,
      certificateLevel: w.certificate_level,
      employerId: w.employer_organization_id ?? w.employer_community_id ?? '',
      openCases: p.cases.get(w.id) ?? 0,
      minutes: m,
      behind,
      readsLog,
    };
  });
  const employerNames = await describeScopes(ctx.db, [
    ...workers.filter((w) => w.employer_organization_id).map((w) => ({ scopeType: 'organization' as const, scopeId: w.employer_organization_id, districtId: null })),
    ...workers.filter((w) => w.employer_community_id).map((w) => ({ scopeType: 'community' as const, scopeId: w.employer_community_id, districtId: null })),
  ]);

  // Staffing: the unit's communities (an organization's: those its workers serve), each worker
  // counting 1/n in each of the n communities they serve.
  const served = store.servedCommunities;
  const districtOfCommunity = new Map(workers.flatMap((w) => served(w).map((c) => [c, w.district_id] as const)));
  const communityList = unit.organizationId
    ? [...(await communityNames(ctx.db, [...districtOfCommunity.keys()]))].map(([id, n]) => ({ id, name: n.name, districtId: districtOfCommunity.get(id)! }))
    : unit.communityId
      ? [{ id: unit.communityId, name, districtId: unit.districtId! }]
      : (await communitiesIn(ctx.db, { districtId: unit.districtId!, streetId: unit.streetId })).map((c) => ({ ...c, districtId: unit.districtId! }));
  const residents = await residentCounts(ctx.db, communityList);
  // Everyone serving the unit's communities counts toward their staffing, not only the unit's own workers.
  const ids = communityList.map((c) => c.id);
  const staffing =
    unit.organizationId || ids.length === 0
      ? workers
      : await store
          .workers(ctx.db)
          .where('w.status', '=', 'active')
          .where('w.district_id', '=', unit.districtId!)
          .where(sql<SqlBool>`(w.community_ids && array[${sql.join(ids)}]::uuid[] or w.employer_community_id in (${sql.join(ids)}))`)
          .execute();
  const communities = communityList.map((c) => {
    const serving = staffing.filter((w) => served(w).includes(c.id));
    const fte = Math.round(serving.reduce((n, w) => n + 1 / served(w).length, 0) * 100) / 100;
    const people = residents.get(c.id) ?? 0;
    return { id: c.id, name: c.name, residents: people, workers: serving.length, fte, per10k: people ? Math.round((fte * 10_000 * 10) / people) / 10 : null };
  });

  const grades = new Map<string, number>();
  for (const w of workers) grades.set(w.pay_grade ?? '', (grades.get(w.pay_grade ?? '') ?? 0) + 1);
  const supervisors = new Set(workers.flatMap((w) => (w.supervisor_id ? [w.supervisor_id] : [])));
  const supervised = workers.filter((w) => w.supervisor_id).length;
  const professional = rows.reduce((n, r) => n + r.minutes.professional, 0);
  const administrative = rows.reduce((n, r) => n + r.minutes.administrative, 0);
  // Totals over one or two people whose own figures are hidden would give theirs away (the visible rows subtracted).
  const hidden = rows.filter((r) => !r.readsLog).length;
  const disclose = hidden === 0 || hidden >= SMALL_CELL;

  return {
    unit: { kind: q.unit, id: q.id, name },
    from: q.from,
    to: q.to,
    targets: {
      adminShareTarget: targets.adminShareTarget,
      workersPer10kTarget: targets.workersPer10kTarget,
      supervisionRatioTarget: targets.supervisionRatioTarget,
    },
    totals: {
      workers: workers.length,
      professional: disclose ? professional : null,
      administrative: disclose ? administrative : null,
      share: disclose ? professionalShare(professional, administrative) : null,
      openCases: rows.reduce((n, r) => n + r.openCases, 0),
      ceBehind: disclose ? rows.filter((r) => r.behind).length : null,
    },
    workers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      certificateLevel: r.certificateLevel,
      employerName: employerNames.get(r.employerId) ?? '',
      openCases: r.openCases,
      professional: r.readsLog ? r.minutes.professional : null,
      administrative: r.readsLog ? r.minutes.administrative : null,
      share: r.readsLog ? professionalShare(r.minutes.professional, r.minutes.administrative) : null,
      ceBehind: r.readsLog ? r.behind : null,
    })),
    communities,
    payGrades: [...grades]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([grade, n]) => ({ grade, workers: n < SMALL_CELL ? null : n })),
    supervision: {
      supervisors: supervisors.size,
      supervised,
      ratio: supervisors.size ? Math.round((supervised * 10) / supervisors.size) / 10 : null,
      sessions: perDistrict.reduce((n, p) => n + p.sessions, 0),
    },
  };
}
