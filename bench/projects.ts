import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { DEFAULT_CALL_RULES } from '../src/server/modules/calls/calls.rules.ts';
import { DEFAULT_EVALUATION_TEMPLATE } from '../src/server/modules/projects/projects.evaluation-template.ts';
import { DEFAULT_GRADE_BANDS } from '../src/server/modules/projects/projects.grading.ts';
import { dropSecondary, restoreSecondary } from './load.ts';
import { BENCH_PASSWORD } from './prepare.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench also writes its own bench_* tables, outside the schema type
type AnyDb = Kysely<any>;

/** Tables the projects phase fills; emptied together before it runs again (foreign keys join them). */
export const PROJECT_TABLES = [
  'progress_reports', 'evaluations', 'project_evaluators', 'activity_feedback', 'activity_attendance', 'activity_registrations',
  'activity_sessions', 'activity_staff', 'activities', 'contract_payments', 'contract_tranches', 'project_milestones',
  'project_indicators', 'contracts', 'call_objections', 'call_awards', 'application_reviews', 'application_team', 'applications',
  'call_events', 'call_panel', 'call_projects', 'calls', 'call_counters', 'resource_commitments', 'project_common_needs',
  'project_events', 'projects', 'project_counters', 'social_workers', 'organization_credit_records',
] as const;
/** Loaded in bulk, without their secondary indexes and foreign keys. */
export const PROJECT_BULK_TABLES = ['activity_sessions', 'activity_registrations', 'activity_attendance', 'activity_feedback'] as const;

export interface ProjectsLoadInfo {
  requestedProjects: number;
  requestedOrganizations: number;
  loadSeconds: number;
  phases: Record<string, number>;
  /** Rows per table after the load. */
  rows: Record<string, number>;
  /** Projects per status. */
  statuses: Record<string, number>;
  asOf: string;
}

/** Rounds of calls: 0–2 delivered and ended, 3 in delivery now, 4 the round running now; 5 stands for projects not yet offered. */
const ROUNDS = 5;

// What projects are about: a title and the need category of the common need they answer.
const THEMES: [string, string][] = [
  ['长者助餐服务项目', 'elderly_meals'], ['居家养老上门服务项目', 'elderly_home_care'], ['青少年“四点半课堂”项目', 'children_youth'],
  ['困境儿童关爱帮扶项目', 'children_youth'], ['残疾人社区康复支持项目', 'disability_support'], ['睦邻文化节与兴趣小组项目', 'culture_activities'],
  ['老旧小区加装电梯协商服务项目', 'facility_elevator'], ['邻里矛盾调解服务项目', 'neighbour_disputes'], ['就业援助与技能培训项目', 'employment_assistance'],
  ['社区健康促进与慢病管理项目', 'health'], ['社区消防安全宣传项目', 'safety'], ['垃圾分类与环境整治项目', 'environment_sanitation'],
];
const ORG_WORDS = ['仁爱', '启航', '同心', '阳光', '和畅', '善邻', '悦享', '恒美', '心桥', '益众', '乐龄', '春晖', '明德', '暖阳', '众成', '安康'];
const ORG_KINDS: [string, string][] = [
  ['社会工作服务中心', 'service_institution'], ['公益发展中心', 'service_institution'], ['志愿服务协会', 'association'], ['社区服务社', 'community_based'],
];

/** The description of the common needs this phase adds: how they are told from the history's own. */
const PROJECT_NEED_NOTE = '居民集中反映的需求，汇总后立项';

/** 01, 02, … 99, 100: a call's and an application's number in the app's format. */
const atLeastTwoDigits = (n: string) => sql.raw(`case when ${n} < 10 then '0' else '' end || (${n})::text`);

const lit = (v: unknown) => `'${JSON.stringify(v).replaceAll("'", "''")}'`;
const textArray = (items: string[]) => `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ')}]::text[]`;

/**
 * Helper tables the generator reads: communities with their household ranges, districts with
 * their share of projects and organizations, the calls of each round, the projects with their
 * path through the lifecycle, applications, and the activities with their sessions. Everything
 * is a function of the row numbers, so a load of the same size gives the same rows.
 */
export async function createProjectHelpers(db: AnyDb, projects: number, organizations: number, asOf: Date): Promise<void> {
  const now = `'${asOf.toISOString()}'::timestamptz`;
  const day = (expr: string) => `make_interval(days => (${expr})::int)`;
  for (const t of ['bench_pcomm', 'bench_pstreet', 'bench_pdist', 'bench_porg', 'bench_pcall', 'bench_pj', 'bench_papp', 'bench_pact', 'bench_psess']) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
  // Households of a community are one range (bench/structure.ts numbers them community by community).
  await sql`
    create table bench_pcomm as
    select c.ci, m.district_idx, c.district_id, m.street_id, c.community_id,
           (row_number() over (partition by m.district_idx order by c.ci) - 1)::int as lci,
           min(m.first_household) as first_household, sum(m.households)::int as households
    from bench_community c join bench_grid_map m on m.community_id = c.community_id
    group by c.ci, m.district_idx, c.district_id, m.street_id, c.community_id`.execute(db);
  await sql`
    create table bench_pstreet as
    select x.*, (row_number() over (order by x.district_idx, x.lsi) - 1)::int as si
    from (select district_idx, district_id, street_id, (row_number() over (partition by district_idx order by street_id) - 1)::int as lsi
          from (select distinct district_idx, district_id, street_id from bench_pcomm) s) x`.execute(db);
  await sql.raw(`
    create table bench_pdist as
    select x.*, (sum(x.p) over (order by x.district_idx) - x.p)::int as first_p, (sum(x.o) over (order by x.district_idx) - x.o)::int as first_o,
           (select count(*) from bench_pstreet s where s.district_idx = x.district_idx)::int as ns
    from (
      select district_idx, district_id, count(*)::int as nc,
             ceil(${projects}::numeric * sum(households) / sum(sum(households)) over ())::int as p,
             -- two evaluation firms per district beside at least ten organizations that deliver
             greatest(12, ceil(${organizations}::numeric * sum(households) / sum(sum(households)) over ()))::int as o
      from bench_pcomm group by district_idx, district_id
    ) x`).execute(db);

  // Organizations: the first two of each district evaluate, the others deliver; 4–8 social workers each.
  await sql.raw(`
    create table bench_porg as
    select d.district_idx, d.district_id, d.first_o + li as oi, li, d.o, bench_uuid('porg', d.first_o + li) as id, li < 2 as evaluator,
           4 + (d.first_o + li) % 5 as nsw
    from bench_pdist d, generate_series(0, d.o - 1) li`).execute(db);

  // Calls: per district and round, one for each street and two of the district office.
  await sql.raw(`
    create table bench_pcall as
    with k as (
      select d.district_idx, d.district_id, r, 'street'::text as level, s.street_id, s.si, s.lsi as part
      from bench_pdist d cross join generate_series(0, ${ROUNDS - 1}) r join bench_pstreet s on s.district_idx = d.district_idx
      union all
      select d.district_idx, d.district_id, r, 'district', null::uuid, null::int, pt from bench_pdist d, generate_series(0, ${ROUNDS - 1}) r, generate_series(0, 1) pt
    ), n as (
      select k.*, (row_number() over (order by district_idx, r, level desc, part) - 1)::bigint as cn from k
    ), t as (
      -- The round running now is at every stage, from open to publicity; earlier rounds concluded.
      select n.*, case when r = ${ROUNDS - 1} then abs(hashint8extended(cn, 201)) % 44 - 25 else abs(hashint8extended(cn, 201)) % 41 - 20 end as j
      from n
    )
    select t.*, d_at as deadline, d_at - interval '45 days' as opened_at, d_at - interval '60 days' as created_at,
      case when r < ${ROUNDS - 1} then 'concluded' when j < 0 then 'open' when j < 4 then 'closed' when j < 12 then 'ranked' else 'publicity' end as status,
      case when r < ${ROUNDS - 1} or j >= 12 then d_at + interval '12 days' end as publicized_at,
      bench_uuid_at('pc', cn, d_at - interval '60 days') as id
    from t, lateral (select ${now} - ${day(`(${ROUNDS - 1} - r) * 365 - (case when r = ${ROUNDS - 1} then -j else j end)`)} as d_at) x`).execute(db);

  // Projects: which district, community and round, how far along, and their dates.
  await sql.raw(`
    create table bench_pj as
    with b as (
      select d.district_idx, d.district_id, d.o, d.first_o, n as pi,
             abs(hashint8extended(n, 101)) % 1000 as u, abs(hashint8extended(n, 102)) % d.nc as lci,
             abs(hashint8extended(n, 104)) % 100 < 70 as street_level, abs(hashint8extended(n, 105)) % 2 as part,
             bench_unit(n, 106) as w, abs(hashint8extended(n, 107)) % ${THEMES.length} as theme
      from bench_pdist d, generate_series(d.first_p, d.first_p + d.p - 1) n
    ), r as (
      select b.*, case when u < 40 then ${ROUNDS} when u < 140 then 4 when u < 340 then 3 else (u - 340) % 3 end as r from b
    ), p as (
      select r.*, c.ci, c.community_id, c.street_id, s.si, s.lsi, c.first_household, c.households,
             k.cn, k.id as call_id, k.status as call_status, k.deadline, k.publicized_at,
             -- winners skewed: a few organizations win many projects, as in a real city
             2 + floor((r.o - 2) * r.w * r.w)::int as winner_li
      from r
      join bench_pcomm c on c.district_idx = r.district_idx and c.lci = r.lci
      join bench_pstreet s on s.street_id = c.street_id
      left join bench_pcall k on r.r < ${ROUNDS} and k.district_idx = r.district_idx and k.r = r.r
        and (case when r.street_level then k.level = 'street' and k.street_id = c.street_id else k.level = 'district' and k.part = r.part end)
    ), t as (
      select p.*,
        case when p.r = ${ROUNDS} then ${now} - ${day('abs(hashint8extended(p.pi, 108)) % 60 + 1')} else p.deadline - ${day('100 + abs(hashint8extended(p.pi, 108)) % 20')} end as created_at,
        case when p.r = ${ROUNDS} then (${now} + interval '120 days')::date else (p.deadline + ${day('75 + abs(hashint8extended(p.pi, 109)) % 30')})::date end as period_start,
        (240 + abs(hashint8extended(p.pi, 110)) % 150)::int as len,
        abs(hashint8extended(p.pi, 111)) % 100 as v, abs(hashint8extended(p.pi, 112)) % 100 as v2,
        abs(hashint8extended(p.pi, 113)) % 100 < 3 as terminates,
        abs(hashint8extended(p.pi, 114)) % 100 < 15 as rectify
      from p
    ), e as (
      select t.*, (t.period_start + t.len) as period_end,
             (t.period_start::timestamp at time zone 'Asia/Shanghai') as start_at,
             ((t.period_start + t.len)::timestamp at time zone 'Asia/Shanghai') as end_at,
             t.publicized_at + interval '7 days' + ${day('3 + abs(hashint8extended(t.pi, 115)) % 8')} as signed_at
      from t
    )
    select e.*,
      e.start_at + (e.end_at - e.start_at) * 0.5 as midterm_at,
      e.start_at + (e.end_at - e.start_at) * 0.4 as terminate_at,
      case
        when e.r = ${ROUNDS} then (case when e.v < 35 then 'draft' when e.v < 60 then 'submitted' when e.v < 88 then 'approved' else 'cancelled' end)
        when e.r = 4 then (case e.call_status when 'open' then 'open' when 'publicity' then 'publicity' else 'reviewing' end)
        when e.terminates and e.start_at + (e.end_at - e.start_at) * 0.4 < ${now} then 'terminated'
        when e.r = 3 then (case when ${now} < e.start_at then 'contracted' when ${now} < e.start_at + (e.end_at - e.start_at) * 0.5 then 'in_delivery'
                                when ${now} < e.start_at + (e.end_at - e.start_at) * 0.55 then 'midterm' when ${now} < e.end_at then 'in_delivery' else 'final' end)
        else (case when e.v2 >= 90 then (case when e.v < 80 then 'accepted' when e.v < 93 then 'accepted_with_conditions' else 'failed' end) else 'closed' end)
      end as status,
      case when e.r < 3 and not e.terminates then (case when e.v < 80 then 'accepted' when e.v < 93 then 'accepted_with_conditions' else 'failed' end) end as acceptance
    from e`).execute(db);
  // How far along the lifecycle path (see projectPath) each project went.
  await sql`alter table bench_pj add column stage int`.execute(db);
  await sql.raw(`
    update bench_pj set stage = case status when 'draft' then 1 when 'submitted' then 2 when 'cancelled' then 2 when 'approved' then 3 when 'open' then 4
      when 'reviewing' then 5 when 'publicity' then 6 when 'contracted' then 7 when 'midterm' then 9 when 'final' then 11
      when 'accepted' then 12 when 'accepted_with_conditions' then 12 when 'failed' then 12 when 'closed' then 13
      when 'terminated' then case when terminate_at > midterm_at then 10 else 8 end
      else case when ${now} < midterm_at then 8 else 10 end end`).execute(db);
  await sql`alter table bench_pj add primary key (pi)`.execute(db);
  await sql`create index on bench_pj (community_id)`.execute(db);

  // Applications: 2–6 per offered project from different organizations of its district; the first is the winner's.
  await sql.raw(`
    create table bench_papp as
    select j.district_idx, j.district_id, j.pi, j.cn, j.call_id, k, j.pi * 8 + k as an,
           2 + ((j.winner_li - 2 + k) % (j.o - 2)) as li,
           case when k = 0 then 84 + abs(hashint8extended(j.pi * 8 + k, 121)) % 12 else 52 + abs(hashint8extended(j.pi * 8 + k, 121)) % 30 end as quality,
           j.deadline - ${day('1 + abs(hashint8extended(j.pi * 8 + k, 122)) % 20')} - interval '3 hours' as submitted_at,
           j.call_status = 'open' and abs(hashint8extended(j.pi * 8 + k, 123)) % 100 < 30 as draft,
           5 + abs(hashint8extended(j.pi * 8 + k, 124)) % 16 as co_pct
    from bench_pj j, generate_series(0, 1 + abs(hashint8extended(j.pi, 120)) % 5) k
    where j.r < ${ROUNDS} and j.status <> 'cancelled'`).execute(db);

  // Activities of contracted projects: weekly lunches, courses, monthly gatherings, one-off events.
  await sql.raw(`
    create table bench_pact as
    with a as (
      select j.district_idx, j.district_id, j.pi, j.street_id, j.community_id, j.ci, j.first_household, j.households, j.start_at, j.end_at,
             case when j.status = 'terminated' then j.terminate_at else j.end_at end as stop_at, j.winner_li, j.first_o, j.status,
             x as ax, j.pi * 4 + x as an, abs(hashint8extended(j.pi * 4 + x, 301)) % 100 as kind_v
      from bench_pj j, generate_series(0, abs(hashint8extended(j.pi, 300)) % 3) x
      where j.stage >= 7
    )
    select a.*, o.id as organization_id, o.oi,
      case when kind_v < 10 then 'lunch' when kind_v < 55 then 'course' when kind_v < 85 then 'monthly' else 'once' end as kind,
      case when kind_v < 10 then 30 + abs(hashint8extended(an, 302)) % 21 when kind_v < 55 then 12 + abs(hashint8extended(an, 302)) % 14
           when kind_v < 85 then 25 + abs(hashint8extended(an, 302)) % 26 else 40 + abs(hashint8extended(an, 302)) % 41 end as capacity,
      -- the regulars: a pool of households of the community twice the capacity
      abs(hashint8extended(an, 303)) % a.households as p0,
      a.start_at + ${day('7 + abs(hashint8extended(an, 304)) % 30')} + (case when kind_v < 10 then interval '11 hours 30 minutes' else interval '14 hours 30 minutes' end) as first_at,
      bench_uuid_at('pact', an, a.start_at) as id,
      bench_uuid('usw', o.oi * 16 + an % o.nsw) as staff_user, o.oi * 16 + an % o.nsw as staff_sw,
      case when abs(hashint8extended(an, 305)) % 2 = 0 then o.oi * 16 + (an + 1) % o.nsw end as second_sw
    from a join bench_porg o on o.district_idx = a.district_idx and o.li = a.winner_li`).execute(db);
  await sql`alter table bench_pact add column pool int`.execute(db);
  await sql`update bench_pact set pool = capacity * 2`.execute(db);
  await sql.raw(`
    create table bench_psess as
    select a.district_idx, a.district_id, a.an, a.id as activity_id, i + 1 as seq, a.an * 64 + i as sn, s.starts_at,
           s.starts_at + case when a.kind = 'lunch' then interval '1 hour' else interval '90 minutes' end as ends_at,
           bench_uuid_at('psess', a.an * 64 + i, s.starts_at) as id,
           lpad((abs(hashint8extended(a.an * 64 + i, 306)) % 1000000)::text, 6, '0') as checkin_code,
           case when s.starts_at < ${now} and abs(hashint8extended(a.an * 64 + i, 307)) % 100 < 2 then s.starts_at - interval '1 day' end as cancelled_at,
           -- how many register: most places of a held session, half of them a fortnight ahead, none further out
           case when s.starts_at < ${now} then ceil(a.capacity * (50 + abs(hashint8extended(a.an * 64 + i, 308)) % 41) / 100.0)::int
                when s.starts_at < ${now} + interval '14 days' then ceil(a.capacity * (20 + abs(hashint8extended(a.an * 64 + i, 308)) % 31) / 100.0)::int
                else 0 end as c
    from bench_pact a,
         generate_series(0, case a.kind when 'lunch' then 51 when 'course' then 7 + abs(hashint8extended(a.an, 309)) % 9 when 'monthly' then 11 else 0 end) i,
         lateral (select a.first_at + (case a.kind when 'monthly' then make_interval(days => (30 * i)::int) else make_interval(days => (7 * i)::int) end) as starts_at) s
    where s.starts_at < a.stop_at`).execute(db);
  await sql`alter table bench_psess add primary key (district_id, id)`.execute(db);
  await sql`alter table bench_pact add primary key (district_id, id)`.execute(db);
  await sql`alter table bench_pact add column sessions int not null default 0`.execute(db);
  await sql`update bench_pact a set sessions = x.n from (select activity_id, count(*)::int as n from bench_psess group by 1) x where x.activity_id = a.id`.execute(db);
}

/** Organizations, their people, reviewers, evaluators and the funding offices' officers, all with the benchmark password. */
export async function insertProjectPeople(db: AnyDb, passwordHash: string): Promise<void> {
  const words = textArray(ORG_WORDS);
  const kinds = textArray(ORG_KINDS.map(([k]) => k));
  const types = textArray(ORG_KINDS.map(([, t]) => t));
  await sql.raw(`
    insert into organizations (id, name, uscc, type, registration_date, registration_authority, registration_district_id, rating, rated_on,
      rating_valid_until, service_fields, service_community_ids, service_street_ids, address, contact_name, status, created_at, updated_at)
    select o.id,
      case when o.evaluator then '南京' || (${words})[1 + o.oi % ${ORG_WORDS.length}] || '社会服务评估中心' || o.oi
           else '南京市' || (${words})[1 + o.oi % ${ORG_WORDS.length}] || (${kinds})[1 + (o.oi / ${ORG_WORDS.length}) % ${ORG_KINDS.length}] || o.oi end,
      '52320100' || lpad(o.oi::text, 9, '0') || 'X',
      case when o.evaluator then 'service_institution' else (${types})[1 + (o.oi / ${ORG_WORDS.length}) % ${ORG_KINDS.length}] end,
      date '2012-01-01' + (o.oi * 37 % 3300), d.name || '民政局', o.district_id,
      case when o.oi % 10 < 7 then (array['3A', '4A', '5A'])[1 + o.oi % 3] end,
      case when o.oi % 10 < 7 then date '2024-06-30' end, case when o.oi % 10 < 7 then date '2029-06-29' end,
      array['elderly_care', 'children_youth', 'community_building'], cs.ids, cs.streets, d.name || '社会组织孵化园' || o.li || '号', '负责人' || o.oi,
      'active', now() - interval '3 years', now() - interval '3 years'
    from bench_porg o join districts d on d.id = o.district_id,
    lateral (select array_agg(c.community_id order by c.lci) as ids, array_agg(distinct c.street_id) as streets
             from bench_pcomm c join bench_pdist x on x.district_idx = c.district_idx
             where c.district_idx = o.district_idx and c.lci in (o.li % x.nc, (o.li + 1) % x.nc, (o.li + 2) % x.nc)) cs`).execute(db);
  const users = (who: string) => sql.raw(`
    insert into users (id, username, display_name, password_hash)
    ${who}
    on conflict (username) do nothing`);
  await users(`
    select bench_uuid('updo', d.district_idx), 'bench_pdo_' || d.district_idx, '区民政局科员' || d.district_idx, '${passwordHash}' from bench_pdist d
    union all select bench_uuid('upso', s.si), 'bench_pso_' || s.si, '街道社会事务科' || s.si, '${passwordHash}' from bench_pstreet s
    union all select bench_uuid('uoa', o.oi), 'bench_oa_' || o.oi, '机构负责人' || o.oi, '${passwordHash}' from bench_porg o
    union all select bench_uuid('usw', o.oi * 16 + k), 'bench_sw_' || (o.oi * 16 + k), '社工' || (o.oi * 16 + k), '${passwordHash}'
      from bench_porg o, generate_series(0, o.nsw - 1) k where not o.evaluator
    union all select bench_uuid('uev', o.oi * 4 + k), 'bench_ev_' || (o.oi * 4 + k), '评估师' || (o.oi * 4 + k), '${passwordHash}'
      from bench_porg o, generate_series(0, 2) k where o.evaluator
    union all select bench_uuid('urv', d.district_idx * 16 + k), 'bench_rv_' || (d.district_idx * 16 + k),
      case when k < 11 then '评审专家' else '大众评委' end || (d.district_idx * 16 + k), '${passwordHash}' from bench_pdist d, generate_series(0, 15) k`).execute(db);
  await sql`
    insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id)
    select bench_uuid('rpdo', d.district_idx), bench_uuid('updo', d.district_idx), 'district_officer', 'district', d.district_id, d.district_id from bench_pdist d
    union all select bench_uuid('rpso', s.si), bench_uuid('upso', s.si), 'street_officer', 'street', s.street_id, s.district_id from bench_pstreet s
    union all select bench_uuid('roa', o.oi), bench_uuid('uoa', o.oi), case when o.evaluator then 'evaluator' else 'org_admin' end, 'organization', o.id, null from bench_porg o
    union all select bench_uuid('rsw', o.oi * 16 + k), bench_uuid('usw', o.oi * 16 + k), 'social_worker', 'organization', o.id, null
      from bench_porg o, generate_series(0, o.nsw - 1) k where not o.evaluator
    union all select bench_uuid('rev', o.oi * 4 + k), bench_uuid('uev', o.oi * 4 + k), 'evaluator', 'organization', o.id, null
      from bench_porg o, generate_series(0, 2) k where o.evaluator
    union all select bench_uuid('rrv', d.district_idx * 16 + k), bench_uuid('urv', d.district_idx * 16 + k), 'reviewer', 'district', d.district_id, d.district_id
      from bench_pdist d, generate_series(0, 15) k
    on conflict do nothing`.execute(db);
  await sql.raw(`
    insert into social_workers (district_id, id, name, gender, employer_type, employer_organization_id, certificate_level, certificate_no, certificate_date,
      community_ids, street_ids, user_id, status, created_at, updated_at)
    select o.district_id, bench_uuid('psw', o.oi * 16 + k), '社工' || (o.oi * 16 + k), case when k % 3 = 0 then 'male' else 'female' end,
      'organization', o.id, case when k = 0 then 'intermediate' when k % 2 = 0 then 'assistant' else 'none' end,
      case when k = 0 or k % 2 = 0 then 'SW' || lpad((o.oi * 16 + k)::text, 8, '0') end, case when k = 0 or k % 2 = 0 then date '2020-06-21' end,
      org.service_community_ids, org.service_street_ids, bench_uuid('usw', o.oi * 16 + k), 'active', now() - interval '2 years', now() - interval '2 years'
    from bench_porg o join organizations org on org.id = o.id, generate_series(0, o.nsw - 1) k
    where not o.evaluator`).execute(db);
  await sql`
    insert into organization_credit_records (id, organization_id, kind, occurred_on, report_year, source, recorded_by, recorded_at)
    select bench_uuid('pcr', o.oi * 4 + y), o.id, 'annual_report', make_date(2023 + y, 5, 20), 2022 + y, '社会组织年报系统', bench_uuid('updo', o.district_idx), make_date(2023 + y, 5, 20)
    from bench_porg o, generate_series(0, 3) y`.execute(db);
}

/** The lifecycle path of DESIGN 3.6 a project walks, one event per step (projects.lifecycle.ts). */
const PATH: [number, string, string | null, string][] = [
  [1, 'create', null, 'draft'], [2, 'submit', 'draft', 'submitted'], [3, 'approve', 'submitted', 'approved'], [4, 'open_call', 'approved', 'open'],
  [5, 'close_call', 'open', 'reviewing'], [6, 'publicize', 'reviewing', 'publicity'], [7, 'contract', 'publicity', 'contracted'],
  [8, 'start_delivery', 'contracted', 'in_delivery'], [9, 'start_midterm', 'in_delivery', 'midterm'], [10, 'pass_midterm', 'midterm', 'in_delivery'],
  [11, 'start_final', 'in_delivery', 'final'], [12, 'accept', 'final', 'accepted'], [13, 'close', 'accepted', 'closed'],
];

/** Common needs, projects, their timeline, calls with applications, panels, reviews and awards, contracts and the delivery plan. */
export async function insertProjects(db: AnyDb, asOf: Date): Promise<void> {
  const now = `'${asOf.toISOString()}'::timestamptz`;
  const themes = textArray(THEMES.map(([t]) => t));
  const cats = textArray(THEMES.map(([, c]) => c));
  // Project numbers P-YYYY-NNNN count per district and year of drafting, in time order.
  await sql`alter table bench_pj add column ref_no text`.execute(db);
  await sql`
    update bench_pj j set ref_no = x.ref from (
      select pi, 'P-' || y || '-' || lpad((row_number() over (partition by district_id, y order by created_at, pi))::text, 4, '0') as ref
      from (select pi, district_id, created_at, extract(year from created_at at time zone 'Asia/Shanghai')::int as y from bench_pj) q
    ) x where x.pi = j.pi`.execute(db);
  await sql`alter table bench_pj add column id uuid`.execute(db);
  await sql`update bench_pj set id = bench_uuid_at('pj', pi, created_at)`.execute(db);
  await sql`alter table bench_pcall add column ref_no text`.execute(db);
  await sql`
    update bench_pcall k set ref_no = x.ref from (
      select cn, 'C-' || y || '-' || ${atLeastTwoDigits('row_number() over (partition by district_id, y order by opened_at, cn)')} as ref
      from (select cn, district_id, opened_at, extract(year from opened_at at time zone 'Asia/Shanghai')::int as y from bench_pcall) q
    ) x where x.cn = k.cn`.execute(db);
  await sql`delete from bench_pcall k where not exists (select 1 from bench_pj j where j.cn = k.cn and j.status <> 'cancelled')`.execute(db);

  // The common need each project answers (a community group, taken by the project), and some of the
  // history's pooled needs of its community moved into it.
  await sql.raw(`
    insert into common_needs (district_id, id, street_id, community_id, category_id, title, description, status, project_ref, level, created_by, created_at, updated_at)
    select j.district_id, bench_uuid_at('pcn', j.pi, j.created_at - interval '30 days'), j.street_id, j.community_id, c.id,
           co.name || '：' || replace((${themes})[1 + j.theme], '项目', '需求'), '${PROJECT_NEED_NOTE}',
           case when j.status = 'cancelled' then 'open' else 'projected' end, case when j.status <> 'cancelled' then j.ref_no end, 'community',
           bench_uuid('uca', j.ci), j.created_at - interval '30 days', j.created_at
    from bench_pj j join communities co on co.id = j.community_id
    join need_categories c on c.district_id = j.district_id and c.code = (${cats})[1 + j.theme]`).execute(db);
  await sql`
    update needs n set common_need_id = bench_uuid_at('pcn', x.pi, x.at)
    from (
      select n.district_id, n.id, j.pi, j.created_at - interval '30 days' as at
      from needs n
      join lateral (select j.pi, j.created_at from bench_pj j where j.community_id = n.community_id and j.created_at > n.created_at
                    order by abs(hashtext(n.id::text || j.pi)) limit 1) j on true
      where n.state = 'pooled' and abs(hashtext(n.id::text)) % 100 < 60
    ) x where n.district_id = x.district_id and n.id = x.id`.execute(db);

  await sql.raw(`
    insert into projects (district_id, id, ref_no, title, objectives, target_beneficiaries, budget_fen, funding_source, period_start, period_end,
      purchaser_level, purchaser_street_id, street_ids, community_ids, status, created_by, approved_by, approved_at, created_at, updated_at,
      contractor_organization_id, outcome, ended_on, evaluator_user_id)
    select j.district_id, j.id, j.ref_no, co.name || (${themes})[1 + j.theme], '回应社区居民集中反映的需求，提供专业社会工作服务',
      60 + abs(hashint8extended(j.pi, 130)) % 400, (50000 + abs(hashint8extended(j.pi, 131)) % 450000) * 100,
      case when j.street_level then 'government_purchase' else 'venture_philanthropy' end,
      j.period_start, j.period_end,
      case when j.street_level then 'street' else 'district' end, case when j.street_level then j.street_id end,
      array[j.street_id], array[j.community_id], j.status, bench_uuid('uca', j.ci),
      case when j.stage >= 3 and j.status <> 'cancelled' then f.funder end,
      case when j.stage >= 3 and j.status <> 'cancelled' then j.created_at + interval '20 days' end,
      j.created_at, least(${now}, j.created_at + interval '20 days'),
      case when j.stage >= 7 then o.id end,
      case when j.status = 'terminated' then 'terminated' else j.acceptance end,
      case when j.status = 'terminated' then (j.terminate_at at time zone 'Asia/Shanghai')::date
           when j.acceptance is not null then ((j.end_at + interval '25 days') at time zone 'Asia/Shanghai')::date end,
      case when j.stage >= 8 then bench_uuid('uev', (j.first_o + j.pi % 2) * 4 + j.pi % 3) end
    from bench_pj j join communities co on co.id = j.community_id
    join bench_porg o on o.district_idx = j.district_idx and o.li = j.winner_li,
    lateral (select case when j.street_level then bench_uuid('upso', j.si) else bench_uuid('updo', j.district_idx) end as funder) f`).execute(db);
  await sql`
    insert into project_common_needs (district_id, project_id, common_need_id)
    select district_id, id, bench_uuid_at('pcn', pi, created_at - interval '30 days') from bench_pj`.execute(db);

  // The timeline: one event per step of the path, at the step's time.
  const path = PATH.map(([s, a, f, t]) => `(${s}, '${a}', ${f ? `'${f}'` : 'null'}, '${t}')`).join(', ');
  await sql.raw(`
    insert into project_events (district_id, id, project_id, action, from_status, to_status, reason, actor_user_id, at)
    select j.district_id, bench_uuid_at('pe', j.pi * 16 + p.step, x.at), j.id,
      case when p.step = 12 then (case j.acceptance when 'accepted_with_conditions' then 'accept_with_conditions' when 'failed' then 'fail' else 'accept' end)
           when p.step = 10 and j.rectify then 'rectify' else p.action end,
      case when p.step = 13 then coalesce(j.acceptance, 'accepted') else p.from_status end,
      case when p.step = 12 then coalesce(j.acceptance, 'accepted') else p.to_status end,
      case when p.step = 10 and j.rectify then '中期评估要求整改：服务记录不完整' when p.step = 12 and j.acceptance = 'accepted_with_conditions' then '部分指标未达标，限期补充'
           when p.step = 12 and j.acceptance = 'failed' then '核心指标未完成' else '' end,
      case when p.step <= 2 then bench_uuid('uca', j.ci) when p.step = 8 then bench_uuid('uoa', j.first_o + j.winner_li)
           when p.step in (9, 10, 11) then bench_uuid('uev', (j.first_o + j.pi % 2) * 4 + j.pi % 3)
           when j.street_level then bench_uuid('upso', j.si) else bench_uuid('updo', j.district_idx) end,
      x.at
    from bench_pj j, (values ${path}) p (step, action, from_status, to_status),
    lateral (select case p.step when 1 then j.created_at when 2 then j.created_at + interval '10 days' when 3 then j.created_at + interval '20 days'
        when 4 then j.deadline - interval '45 days' when 5 then j.deadline when 6 then j.publicized_at when 7 then j.signed_at
        when 8 then j.start_at when 9 then j.midterm_at when 10 then j.midterm_at + interval '14 days' when 11 then j.end_at
        when 12 then j.end_at + interval '25 days' else j.end_at + interval '55 days' end as at) x
    where p.step <= j.stage`).execute(db);
  await sql`
    insert into project_events (district_id, id, project_id, action, from_status, to_status, reason, actor_user_id, at)
    select j.district_id, bench_uuid_at('pe', j.pi * 16 + 14, x.at), j.id, case when j.status = 'cancelled' then 'cancel' else 'terminate' end,
      case when j.status = 'cancelled' then 'submitted' else 'in_delivery' end, j.status,
      case when j.status = 'cancelled' then '需求已由其他渠道解决' else '承接机构无法继续履约' end,
      case when j.status = 'cancelled' then bench_uuid('uca', j.ci) when j.street_level then bench_uuid('upso', j.si) else bench_uuid('updo', j.district_idx) end, x.at
    from bench_pj j, lateral (select case when j.status = 'cancelled' then j.created_at + interval '15 days' else j.terminate_at end as at) x
    where j.status in ('cancelled', 'terminated')`.execute(db);

  // Calls, their offered projects, panels (five experts, two resident jurors) and their own timeline.
  await sql.raw(`
    insert into calls (district_id, id, ref_no, title, kind, issuer_level, issuer_street_id, description, themes, deadline, publicity_days, rules, rules_version,
      status, opened_at, created_by, created_at, updated_at, publicized_at, publicity_ends_at, award_reason)
    select k.district_id, k.id, k.ref_no,
      extract(year from k.deadline + interval '75 days')::int || '年度' || coalesce(s.name, d.name) || case when k.level = 'street' then '政府购买社会工作服务项目' else '公益创投项目（第' || (k.part + 1) || '批）' end,
      case when k.level = 'street' then 'government_purchase' else 'venture_philanthropy' end, k.level, k.street_id, '申报指南：面向辖区社会组织征集服务方案', '{}',
      k.deadline, 7, ${lit(DEFAULT_CALL_RULES)}::jsonb, 1, k.status, k.opened_at,
      case when k.level = 'street' then bench_uuid('upso', k.si) else bench_uuid('updo', k.district_idx) end, k.created_at,
      least(${now}, coalesce(k.publicized_at + interval '8 days', k.deadline + interval '6 days', k.opened_at)),
      k.publicized_at, k.publicized_at + interval '7 days', ''
    from bench_pcall k join districts d on d.id = k.district_id left join streets s on s.id = k.street_id`).execute(db);
  await sql`
    insert into call_counters (district_id, year, last_no)
    select district_id, substr(ref_no, 3, 4)::int, max(substr(ref_no, 8)::int) from bench_pcall group by 1, 2`.execute(db);
  await sql`
    insert into project_counters (district_id, year, last_no)
    select district_id, substr(ref_no, 3, 4)::int, max(substr(ref_no, 8)::int) from bench_pj group by 1, 2`.execute(db);
  await sql`
    insert into call_projects (district_id, call_id, project_id)
    select district_id, call_id, id from bench_pj where call_id is not null and status <> 'cancelled'`.execute(db);
  await sql`
    insert into call_panel (district_id, call_id, user_id, kind, added_by, added_at)
    select k.district_id, k.id, bench_uuid('urv', k.district_idx * 16 + (k.cn * 3 + m) % 16), case when (k.cn * 3 + m) % 16 < 11 then 'expert' else 'juror' end,
      case when k.level = 'street' then bench_uuid('upso', k.si) else bench_uuid('updo', k.district_idx) end, k.opened_at
    from bench_pcall k, generate_series(0, 6) m
    on conflict do nothing`.execute(db);
  await sql.raw(`
    insert into call_events (district_id, id, call_id, action, from_status, to_status, actor_user_id, at)
    select k.district_id, bench_uuid_at('ce', k.cn * 8 + e.n, e.at), k.id, e.action, e.from_status, e.to_status,
      case when k.level = 'street' then bench_uuid('upso', k.si) else bench_uuid('updo', k.district_idx) end, e.at
    from bench_pcall k, lateral (values
      (1, 'open', 'draft', 'open', k.opened_at), (2, 'close', 'open', 'closed', k.deadline), (3, 'rank', 'closed', 'ranked', k.deadline + interval '6 days'),
      (4, 'publicize', 'ranked', 'publicity', k.publicized_at), (5, 'conclude', 'publicity', 'concluded', k.publicized_at + interval '8 days')) e (n, action, from_status, to_status, at)
    where e.n <= case k.status when 'open' then 1 when 'closed' then 2 when 'ranked' then 3 when 'publicity' then 4 else 5 end`).execute(db);

  // Applications, numbered C-YYYY-NN-MM within their call in order of submission.
  await sql`
    insert into applications (district_id, id, call_id, ref_no, organization_id, project_id, title, summary, proposal, budget_lines, budget_fen,
      co_funding_fen, co_funding_source, status, submitted_at, created_by, created_at, updated_at)
    select a.district_id, bench_uuid_at('pa', a.an, a.submitted_at - interval '10 days'), a.call_id,
      k.ref_no || '-' || ${atLeastTwoDigits('row_number() over (partition by a.call_id order by a.submitted_at, a.an)')},
      o.id, j.id, p.title || '服务方案', '需求分析、服务目标与计划', '一、项目背景……二、服务内容……三、进度安排……四、评估方式……',
      jsonb_build_array(jsonb_build_object('item', '人员费用', 'amountFen', b.budget * 6 / 10, 'note', ''), jsonb_build_object('item', '活动费用', 'amountFen', b.budget - b.budget * 6 / 10, 'note', '')),
      b.budget, b.budget * a.co_pct / 100, case when a.co_pct > 0 then '机构自筹' else '' end,
      case when a.draft then 'draft' else 'submitted' end, case when not a.draft then a.submitted_at end,
      bench_uuid('uoa', o.oi), a.submitted_at - interval '10 days', a.submitted_at
    from bench_papp a join bench_pj j on j.pi = a.pi join projects p on p.district_id = j.district_id and p.id = j.id
    join bench_pcall k on k.cn = a.cn join bench_porg o on o.district_idx = a.district_idx and o.li = a.li,
    lateral (select p.budget_fen * (90 + abs(hashint8extended(a.an, 125)) % 11) / 100 as budget) b`.execute(db);
  await sql`
    insert into application_team (district_id, application_id, social_worker_id, role)
    select a.district_id, bench_uuid_at('pa', a.an, a.submitted_at - interval '10 days'), bench_uuid('psw', o.oi * 16 + (a.an + m) % o.nsw), case when m = 0 then 'lead' else 'member' end
    from bench_papp a join bench_porg o on o.district_idx = a.district_idx and o.li = a.li, generate_series(0, 1 + a.an % 2) m
    on conflict do nothing`.execute(db);
  // Reviews once the call closed: a declaration per panel member, rarely a conflict; score sheets
  // in tenths of a point per criterion around the application's quality. Sheets of a call closed
  // days ago are partly still drafts.
  const criteria = DEFAULT_CALL_RULES.criteria;
  const scores = criteria.map((c, i) => `'${c.id}', least(${c.maxPoints * 10}, greatest(0, round(${c.maxPoints * 10} * t.q / 100.0)::int + (abs(hashint8extended(a.an * 16 + m.m, ${140 + i})) % 5) - 2))`).join(', ');
  await sql.raw(`
    insert into application_reviews (district_id, call_id, application_id, reviewer_user_id, conflict, conflict_note, declared_at, scores, comment, submitted_at, updated_at)
    select a.district_id, a.call_id, bench_uuid_at('pa', a.an, a.submitted_at - interval '10 days'), bench_uuid('urv', k.district_idx * 16 + (k.cn * 3 + m.m) % 16),
      c.conflict, case when c.conflict then '曾在该机构兼职督导' else '' end, k.deadline + interval '1 day',
      case when not c.conflict then jsonb_build_object(${scores}) end,
      case when not c.conflict then '方案较完整，建议细化评估指标' else '' end,
      case when not c.conflict and (k.status <> 'closed' or abs(hashint8extended(a.an * 16 + m.m, 149)) % 100 < 60) then k.deadline + ${`make_interval(days => (1 + abs(hashint8extended(a.an * 16 + m.m, 148)) % 5)::int)`} end,
      k.deadline + interval '5 days'
    from bench_papp a join bench_pcall k on k.cn = a.cn, generate_series(0, 6) m (m),
    lateral (select abs(hashint8extended(a.an * 16 + m.m, 146)) % 100 < 3 as conflict) c,
    lateral (select least(100, greatest(30, a.quality + abs(hashint8extended(a.an * 16 + m.m, 147)) % 13 - 6)) as q) t
    where not a.draft and k.status <> 'open'`).execute(db);
  await sql`
    insert into call_awards (district_id, call_id, application_id, project_id, organization_id, amount_fen, rank)
    select x.district_id, x.call_id, x.app_id, x.project_id, x.organization_id, x.amount, x.rank
    from (
      select a.district_id, a.call_id, a.k, bench_uuid_at('pa', a.an, a.submitted_at - interval '10 days') as app_id, j.id as project_id, o.id as organization_id,
        ap.budget_fen - ap.co_funding_fen as amount, row_number() over (partition by a.call_id order by a.quality desc, a.an)::int as rank, k.status
      from bench_papp a join bench_pj j on j.pi = a.pi join bench_pcall k on k.cn = a.cn join bench_porg o on o.district_idx = a.district_idx and o.li = a.li
      join applications ap on ap.district_id = a.district_id and ap.id = bench_uuid_at('pa', a.an, a.submitted_at - interval '10 days')
      where not a.draft
    ) x where x.k = 0 and x.status in ('publicity', 'concluded')`.execute(db);

  // Contracts of the projects that got that far, three tranches each and the payments their preconditions allowed.
  await sql`
    insert into contracts (district_id, id, project_id, call_id, application_id, organization_id, amount_fen, term_start, term_end, status, signed_at, signed_by,
      terminated_at, termination_reason, clawback_fen, created_by, created_at, updated_at)
    select j.district_id, bench_uuid_at('pk', j.pi, j.signed_at - interval '3 days'), j.id, j.call_id, w.application_id, w.organization_id, w.amount_fen,
      j.period_start, j.period_end, case when j.status = 'terminated' then 'terminated' else 'signed' end, j.signed_at, f.funder,
      case when j.status = 'terminated' then j.terminate_at end, case when j.status = 'terminated' then '承接机构无法继续履约' end,
      case when j.status = 'terminated' then w.amount_fen / 10 end, f.funder, j.signed_at - interval '3 days', least(${asOf}::timestamptz, coalesce(j.terminate_at, j.signed_at))
    from bench_pj j join call_awards w on w.district_id = j.district_id and w.project_id = j.id,
    lateral (select case when j.street_level then bench_uuid('upso', j.si) else bench_uuid('updo', j.district_idx) end as funder) f
    where j.stage >= 7`.execute(db);
  await sql.raw(`
    insert into project_indicators (district_id, project_id, measure, target)
    select j.district_id, j.id, m.measure, greatest(1, case m.measure when 'sessions_held' then floor(x.sessions * 0.9) when 'people_served' then floor(x.pool * 0.6)
      when 'attendances' then floor(x.places * 0.6) else 85 end)::int
    from bench_pj j
    left join (select pi, sum(sessions) as sessions, sum(pool) as pool, sum(sessions * capacity) as places from bench_pact group by pi) y on y.pi = j.pi,
    lateral (select greatest(coalesce(y.sessions, 0), 1) as sessions, greatest(coalesce(y.pool, 0), 1) as pool, greatest(coalesce(y.places, 0), 1) as places) x,
    (values ('sessions_held'), ('people_served'), ('attendances'), ('satisfaction_rate')) m (measure)
    where j.stage >= 7`).execute(db);
  await sql`
    insert into project_milestones (district_id, id, project_id, seq, title, due_on, measure, threshold)
    select j.district_id, bench_uuid_at('pm', j.pi * 4 + m.seq, j.signed_at), j.id, m.seq, m.title,
      case when m.seq = 1 then (j.midterm_at at time zone 'Asia/Shanghai')::date else j.period_end end, m.measure,
      greatest(1, case when m.seq = 1 then i.target / 2 else i.target end)
    from bench_pj j cross join (values (1, '服务过半', 'attendances'), (2, '全部活动完成', 'sessions_held')) m (seq, title, measure)
    join project_indicators i on i.district_id = j.district_id and i.project_id = j.id and i.measure = m.measure
    where j.stage >= 7`.execute(db);
  await sql`
    insert into contract_tranches (district_id, contract_id, seq, amount_fen, precondition, milestone_id)
    select c.district_id, c.id, t.seq, case t.seq when 1 then c.amount_fen * 4 / 10 when 2 then c.amount_fen * 3 / 10 else c.amount_fen - c.amount_fen * 4 / 10 - c.amount_fen * 3 / 10 end,
      case when t.seq = 1 then 'signed' when t.seq = 3 then 'final_accepted' when j.pi % 10 < 3 then 'milestone_reached' else 'midterm_passed' end,
      case when t.seq = 2 and j.pi % 10 < 3 then bench_uuid_at('pm', j.pi * 4 + 1, j.signed_at) end
    from contracts c join bench_pj j on j.district_id = c.district_id and j.id = c.project_id, (values (1), (2), (3)) t (seq)`.execute(db);
  await sql.raw(`
    insert into contract_payments (district_id, id, contract_id, seq, amount_fen, voucher, paid_by, paid_at)
    select t.district_id, bench_uuid_at('pp', j.pi * 4 + t.seq, p.at), t.contract_id, t.seq, t.amount_fen, '付款凭证' || j.pi || '-' || t.seq, c.signed_by, p.at
    from contract_tranches t join contracts c on c.district_id = t.district_id and c.id = t.contract_id
    join bench_pj j on j.district_id = c.district_id and j.id = c.project_id,
    lateral (select case t.seq when 1 then j.signed_at + interval '10 days' when 2 then j.midterm_at + interval '30 days' else j.end_at + interval '40 days' end as at) p
    where p.at < ${now} and (t.seq = 1 or (t.seq = 2 and j.stage >= 10) or (t.seq = 3 and j.acceptance in ('accepted', 'accepted_with_conditions')))`).execute(db);

  // The evaluator assigned at the start of delivery, the mid-term and final evaluations as far as they went.
  await sql`
    insert into project_evaluators (district_id, project_id, user_id, organization_id, template, bands, assigned_by, assigned_at)
    select j.district_id, j.id, bench_uuid('uev', (j.first_o + j.pi % 2) * 4 + j.pi % 3), bench_uuid('porg', j.first_o + j.pi % 2),
      ${JSON.stringify(DEFAULT_EVALUATION_TEMPLATE)}::jsonb, ${JSON.stringify(DEFAULT_GRADE_BANDS)}::jsonb,
      case when j.street_level then bench_uuid('upso', j.si) else bench_uuid('updo', j.district_idx) end, j.start_at + interval '7 days'
    from bench_pj j where j.stage >= 8`.execute(db);
  const grade = (halves: string) => {
    const bands = [...DEFAULT_GRADE_BANDS].sort((a, b) => b.min - a.min);
    return `case ${bands.map((b) => `when ${halves} >= ${b.min * 2} then '${b.grade}'`).join(' ')} end`;
  };
  await sql.raw(`
    insert into evaluations (district_id, id, project_id, kind, evaluator_user_id, score_halves, grade, findings, conclusion, rectification, rectify_by,
      rectified_note, rectified_at, recheck, recheck_note, rechecked_at, submitted_at, created_at, updated_at)
    select j.district_id, bench_uuid_at('pev', j.pi * 2, j.midterm_at), j.id, 'midterm', bench_uuid('uev', (j.first_o + j.pi % 2) * 4 + j.pi % 3),
      case when d.done then s.h end, case when d.done then ${grade('s.h')} end, case when d.done then '服务按计划推进，记录基本完整' else '' end,
      case when d.done then (case when j.rectify then 'rectify' else 'passed' end) end,
      case when d.done and j.rectify then '补齐服务签到记录与满意度回访' else '' end,
      case when d.done and j.rectify then ((j.midterm_at + interval '30 days') at time zone 'Asia/Shanghai')::date end,
      case when d.done and j.rectify then '已补齐记录' end, case when d.done and j.rectify then j.midterm_at + interval '25 days' end,
      case when d.done and j.rectify then 'passed' end, case when d.done and j.rectify then '整改到位' end, case when d.done and j.rectify then j.midterm_at + interval '28 days' end,
      case when d.done then j.midterm_at + interval '14 days' end, j.midterm_at, least(${now}, j.midterm_at + interval '14 days')
    from bench_pj j, lateral (select j.stage >= 10 as done) d, lateral (select 130 + abs(hashint8extended(j.pi, 150)) % 60 as h) s
    where j.stage >= 9`).execute(db);
  await sql.raw(`
    insert into evaluations (district_id, id, project_id, kind, evaluator_user_id, score_halves, grade, findings, conclusion, submitted_at, created_at, updated_at)
    select j.district_id, bench_uuid_at('pev', j.pi * 2 + 1, j.end_at), j.id, 'final', bench_uuid('uev', (j.first_o + j.pi % 2) * 4 + j.pi % 3),
      case when d.done then s.h end, case when d.done then ${grade('s.h')} end, case when d.done then '项目目标基本达成' else '' end,
      case when d.done then j.acceptance end, case when d.done then j.end_at + interval '15 days' end, j.end_at, least(${now}, j.end_at + interval '15 days')
    from bench_pj j, lateral (select j.stage >= 12 and j.acceptance is not null as done) d,
    lateral (select case j.acceptance when 'failed' then 80 + abs(hashint8extended(j.pi, 151)) % 39 when 'accepted_with_conditions' then 120 + abs(hashint8extended(j.pi, 151)) % 39
                                      else 160 + abs(hashint8extended(j.pi, 151)) % 37 end as h) s
    where j.stage >= 11 and j.status <> 'terminated'`).execute(db);

  // Activities and who staffs them (sessions, registrations and attendance come per district).
  await sql.raw(`
    insert into activities (district_id, id, street_id, community_id, organization_id, project_id, title, method, description, venue_note, capacity, audience,
      volunteers_needed, recurrence, status, created_by, created_at)
    select a.district_id, a.id, a.street_id, a.community_id, a.organization_id, j.id,
      case a.kind when 'lunch' then '长者助餐·每周午餐会' when 'course' then (array['亲子阅读小组', '长者智能手机课堂', '手工编织兴趣班', '四点半课堂', '慢病自我管理小组'])[1 + a.an % 5] || '（第' || (a.ax + 1) || '期）'
        when 'monthly' then (array['月度睦邻茶话会', '每月义诊', '月度政策宣讲', '社区集市'])[1 + a.an % 4] else (array['社区邻里节', '重阳敬老活动', '消防演练开放日'])[1 + a.an % 3] end,
      case a.kind when 'lunch' then 'community_activity' when 'course' then (array['group_work', 'training'])[1 + a.an % 2] when 'monthly' then 'outreach' else 'community_activity' end,
      '项目服务活动', co.name || '党群服务中心活动室', a.capacity, case a.kind when 'lunch' then '辖区60岁以上老人' else '社区居民' end,
      case a.kind when 'once' then 10 else 2 end, case a.kind when 'monthly' then 'monthly' when 'once' then 'once' else 'weekly' end,
      case when a.status = 'terminated' then 'cancelled' else 'published' end, bench_uuid('uoa', a.oi), a.start_at
    from bench_pact a join bench_pj j on j.pi = a.pi join communities co on co.id = a.community_id`).execute(db);
  await sql`
    insert into activity_staff (district_id, activity_id, social_worker_id, user_id)
    select a.district_id, a.id, bench_uuid('psw', w.sw), bench_uuid('usw', w.sw)
    from bench_pact a, lateral (select a.staff_sw as sw union all select a.second_sw where a.second_sw is not null and a.second_sw <> a.staff_sw) w`.execute(db);
}

/**
 * One district's sessions, registrations (real residents of the activity's community: its
 * regulars, a pool twice the capacity), attendance at held sessions (about 85 %: by the session
 * code for households with an account, else signed at the door) and ratings from attendees whose
 * household has an account.
 */
export async function loadDistrictActivities(db: AnyDb, districtIdx: number, asOf: Date): Promise<void> {
  const now = `'${asOf.toISOString()}'::timestamptz`;
  // The resident accounts of bench/resident-accounts.ts: 8 % of households, id from the household id.
  const hasAccount = (h: string) => `abs(hashtext(${h}::text)) % 100 < 8`;
  const account = (h: string) => `md5('bench-ur' || ${h}::text)::uuid`;
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`set work_mem = '256MB'`.execute(conn);
    await sql.raw(`
      insert into activity_sessions (district_id, id, activity_id, seq, starts_at, ends_at, checkin_code, cancelled_at)
      select district_id, id, activity_id, seq, starts_at, ends_at, checkin_code, cancelled_at from bench_psess where district_idx = ${districtIdx}`).execute(conn);
    await sql.raw(`
      insert into activity_registrations (district_id, session_id, resident_id, household_id, registered_by, registered_at)
      select s.district_id, s.id, bench_uuid('r', hh.h * 8 + mem.j), hh.hid,
        case when ${hasAccount('hh.hid')} and hh.h % 2 = 0 then ${account('hh.hid')} else a.staff_user end,
        s.starts_at - make_interval(hours => (2 + abs(hashint8extended(hh.h, 311)) % 120)::int)
      from bench_psess s join bench_pact a on a.district_id = s.district_id and a.id = s.activity_id,
        generate_series(0, s.c - 1) k,
        lateral (select a.first_household + (a.p0 + ((k + s.seq * 3) % a.pool)) % a.households as h) h0,
        lateral (select h0.h, bench_uuid('h', h0.h) as hid) hh,
        -- the same member of a household comes each time; households have 1–5 members (bench/load.ts)
        lateral (select 1 + abs(hashint8extended(hh.h * 131 + a.an, 312)) % (case when z < 10 then 1 when z < 35 then 2 when z < 65 then 3 when z < 85 then 4 else 5 end) as j
                 from (select abs(hashint8extended(hh.h, 10)) % 100 as z) zz) mem
      where s.district_idx = ${districtIdx} and s.cancelled_at is null and s.c > 0`).execute(conn);
    await sql.raw(`
      insert into activity_attendance (district_id, session_id, resident_id, method, recorded_by, at)
      select r.district_id, r.session_id, r.resident_id, case when x.code then 'code' else 'staff' end,
        case when x.code then ${account('r.household_id')} else a.staff_user end,
        s.starts_at + make_interval(mins => (abs(hashtext(r.resident_id::text)) % 40 - 20)::int)
      from activity_registrations r
      join bench_psess s on s.district_id = r.district_id and s.id = r.session_id
      join bench_pact a on a.district_id = s.district_id and a.id = s.activity_id,
      lateral (select ${hasAccount('r.household_id')} and abs(hashtext(r.resident_id::text || 'c')) % 3 > 0 as code) x
      where r.district_id = (select district_id from bench_pdist where district_idx = ${districtIdx}) and s.district_idx = ${districtIdx}
        and s.starts_at < ${now} and abs(hashtext(r.session_id::text || r.resident_id::text)) % 100 < 85`).execute(conn);
    await sql.raw(`
      insert into activity_feedback (district_id, session_id, resident_id, rating, comment, given_by, at)
      select t.district_id, t.session_id, t.resident_id, x.rating,
        case when x.rating >= 4 then (array['很满意，希望继续办', '工作人员很耐心', '饭菜可口，价格实惠', ''])[1 + abs(hashtext(t.resident_id::text)) % 4]
             when x.rating = 3 then '一般' else '时间安排不太方便' end,
        ${account('r.household_id')}, s.ends_at + interval '3 hours'
      from activity_attendance t
      join activity_registrations r on r.district_id = t.district_id and r.session_id = t.session_id and r.resident_id = t.resident_id
      join bench_psess s on s.district_id = t.district_id and s.id = t.session_id,
      lateral (select abs(hashtext(t.session_id::text || t.resident_id::text || 'f')) % 100 as v) y,
      lateral (select case when y.v < 50 then 5 when y.v < 80 then 4 when y.v < 92 then 3 when y.v < 97 then 2 else 1 end as rating) x
      where t.district_id = (select district_id from bench_pdist where district_idx = ${districtIdx}) and s.district_idx = ${districtIdx}
        and ${hasAccount('r.household_id')} and abs(hashtext(t.resident_id::text || t.session_id::text)) % 100 < 70`).execute(conn);
  });
}

/**
 * Progress reports of projects in delivery and delivered: one per quarter of delivery, the
 * figures counted from the loaded attendance as the app computes them at submission.
 */
export async function insertProgressReports(db: AnyDb, asOf: Date): Promise<void> {
  const now = `'${asOf.toISOString()}'::timestamptz`;
  await sql.raw(`
    insert into progress_reports (district_id, id, project_id, seq, period_start, period_end, narrative, gaps, figures, submitted_by, submitted_at)
    with q as (
      select j.district_id, j.id, j.pi, j.first_o + j.winner_li as oi, q.seq, (j.period_start + 91 * (q.seq - 1)) as ps, (j.period_start + 91 * q.seq - 1) as pe
      from bench_pj j, generate_series(1, 4) q (seq)
      where j.stage >= 8 and (j.period_start + 91 * q.seq - 1) < (${now} at time zone 'Asia/Shanghai')::date and (j.period_start + 91 * q.seq - 1) <= j.period_end
    ), f as (
      select q.*, x.*
      from q, lateral (
        select count(distinct t.session_id) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai' and s.starts_at >= q.ps::timestamp at time zone 'Asia/Shanghai') as p_sessions,
               count(distinct t.resident_id) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai' and s.starts_at >= q.ps::timestamp at time zone 'Asia/Shanghai') as p_people,
               count(*) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai' and s.starts_at >= q.ps::timestamp at time zone 'Asia/Shanghai') as p_att,
               count(distinct t.session_id) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai') as d_sessions,
               count(distinct t.resident_id) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai') as d_people,
               count(*) filter (where s.starts_at < (q.pe + 1)::timestamp at time zone 'Asia/Shanghai') as d_att
        from activities a join activity_sessions s on s.district_id = a.district_id and s.activity_id = a.id and s.cancelled_at is null
        join activity_attendance t on t.district_id = s.district_id and t.session_id = s.id
        where a.district_id = q.district_id and a.project_id = q.id) x
    )
    select f.district_id, bench_uuid_at('ppr', f.pi * 8 + f.seq, (f.pe + 3)::timestamp at time zone 'Asia/Shanghai'), f.id, f.seq, f.ps, f.pe,
      '本季度按计划开展服务活动，居民参与积极。', '{}'::jsonb,
      jsonb_build_object(
        'period', jsonb_build_object('sessionsHeld', f.p_sessions, 'peopleServed', f.p_people, 'attendances', f.p_att, 'ratings', 0, 'satisfied', 0),
        'toDate', jsonb_build_object('sessionsHeld', f.d_sessions, 'peopleServed', f.d_people, 'attendances', f.d_att, 'ratings', 0, 'satisfied', 0),
        'indicators', (select coalesce(jsonb_agg(jsonb_build_object('measure', i.measure, 'target', i.target,
            'actual', case i.measure when 'sessions_held' then f.d_sessions when 'people_served' then f.d_people when 'attendances' then f.d_att end,
            'met', case i.measure when 'sessions_held' then f.d_sessions when 'people_served' then f.d_people when 'attendances' then f.d_att else 0 end >= i.target)
            order by i.measure), '[]'::jsonb)
          from project_indicators i where i.district_id = f.district_id and i.project_id = f.id and i.measure <> 'satisfaction_rate')),
      bench_uuid('uoa', f.oi), (f.pe + 3)::timestamp at time zone 'Asia/Shanghai'
    from f`).execute(db);
}

/** Empties what the projects phase loaded and gives the history's pooled needs back to their community group. */
export async function emptyProjects(db: AnyDb): Promise<void> {
  const groups = await sql<{ t: string | null }>`select to_regclass('bench_community')::text as t`.execute(db);
  if (groups.rows[0]?.t) {
    await sql`
      update needs n set common_need_id = bench_uuid('cn', c.ci)
      from common_needs cn, bench_community c
      where cn.district_id = n.district_id and cn.id = n.common_need_id and cn.description = ${PROJECT_NEED_NOTE} and c.community_id = n.community_id`.execute(db);
  }
  await sql`truncate table ${sql.join(PROJECT_TABLES.map((t) => sql.table(t)))}`.execute(db);
  await sql`delete from common_needs where description = ${PROJECT_NEED_NOTE}`.execute(db);
  // Needs name organizations they were referred to, so the register cannot be truncated; and
  // without an index on needs.referral_org_id, checking that key would read the whole history once
  // per organization. The history refers no one (its referral_org_id is null), so the check is
  // left out for this statement.
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`delete from organizations`.execute(trx);
  });
}

export async function projectCounts(db: AnyDb): Promise<{ rows: Record<string, number>; statuses: Record<string, number> }> {
  const rows: Record<string, number> = {};
  for (const t of ['organizations', 'social_workers', ...[...PROJECT_TABLES].reverse().filter((t) => !['social_workers', 'organization_credit_records', 'call_counters', 'project_counters'].includes(t))]) {
    rows[t] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]!.n);
  }
  const statuses = Object.fromEntries(
    (await sql<{ status: string; n: string }>`select status, count(*) as n from projects group by status order by count(*) desc`.execute(db)).rows.map((r) => [r.status, Number(r.n)]),
  );
  return { rows, statuses };
}

/** Organizations for a number of projects when not given: about one per eight projects, 200 to 2,000. */
export function defaultOrganizations(projects: number): number {
  return Math.min(2000, Math.max(200, Math.round(projects / 8)));
}

/**
 * The projects phase on top of the city and its needs history: reference rows and projects in
 * one statement per table, then sessions, registrations, attendance and feedback per district
 * (`parallel` districts at once) without their secondary indexes, rebuilt afterwards.
 */
export async function loadProjectsPhase(
  db: AnyDb,
  o: { projects: number; organizations: number; parallel: number; log: (msg: string) => void },
): Promise<ProjectsLoadInfo> {
  const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
  const phases: Record<string, number> = {};
  const started = performance.now();
  const asOf = new Date();
  let t = performance.now();
  await emptyProjects(db);
  await createProjectHelpers(db, o.projects, o.organizations, asOf);
  phases.plan = seconds(t);
  t = performance.now();
  await insertProjectPeople(db, await hashPassword(BENCH_PASSWORD));
  await insertProjects(db, asOf);
  phases.projects = seconds(t);
  o.log(`projects, calls, applications, reviews, contracts and activities written (${phases.projects} s)`);

  t = performance.now();
  const saved = await dropSecondary(db, PROJECT_BULK_TABLES);
  const districts = Number((await sql<{ n: number }>`select count(*)::int as n from bench_pdist`.execute(db)).rows[0]!.n);
  const queue = Array.from({ length: districts }, (_, i) => i);
  let done = 0;
  await Promise.all(
    Array.from({ length: o.parallel }, async () => {
      for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
        await loadDistrictActivities(db, d, asOf);
        o.log(`activities of district ${d + 1} loaded (${++done}/${districts}, ${seconds(t)} s)`);
      }
    }),
  );
  phases.activities = seconds(t);
  t = performance.now();
  o.log('rebuilding the activity tables\' indexes and constraints');
  await db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(conn);
    await restoreSecondary(conn, saved, o.log);
  });
  phases.indexes = seconds(t);
  t = performance.now();
  await insertProgressReports(db, asOf);
  phases.reports = seconds(t);
  t = performance.now();
  await sql`analyze`.execute(db);
  phases.analyze = seconds(t);
  const counts = await projectCounts(db);
  return { requestedProjects: o.projects, requestedOrganizations: o.organizations, loadSeconds: seconds(started), phases, ...counts, asOf: asOf.toISOString() };
}
