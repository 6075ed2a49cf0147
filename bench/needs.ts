import { sql, type Kysely } from 'kysely';
import { DEFAULT_LIMITS, DEFAULT_TREE, ensureDefaultCategories } from '../src/server/modules/needs/needs.categories.ts';
import type { DB } from '../src/server/tables.ts';
import type { AccountsInfo } from './resident-accounts.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench also writes its own bench_* tables, outside the schema type
type AnyDb = Kysely<any>;

/** Tables the needs phase fills; emptied together before it runs again (foreign keys join them). */
export const NEED_TABLES = [
  'open311_requests', 'need_attachments', 'need_followers', 'notifications', 'need_events', 'needs', 'visits', 'common_needs',
] as const;
/**
 * Tables of the projects phase that point at common needs: emptied with the history, whose
 * common needs they name (the projects phase loads again after a new history).
 */
const COMMON_NEED_LINKS = ['project_common_needs', 'resource_commitments'] as const;
/** Cases may name the need they came from: emptied with the history too (bench/workforce.ts loads them again). */
const CASE_TABLES = ['cases', 'case_records', 'case_consents', 'case_referrals'] as const;
/** Tables loaded in bulk, without their secondary indexes and foreign keys. */
export const NEED_BULK_TABLES = ['needs', 'need_events', 'visits'] as const;

/** The history runs two years back from the load; states follow from a need's age. */
export const HISTORY_DAYS = 730;

// How often each category is reported (leaves over their parents), and words residents use for it.
const CATEGORY_MIX: [string, number, string[]][] = [
  ['elderly_meals', 3, ['独居老人希望社区食堂能送餐上门', '老人行动不便，申请助餐服务', '助餐点饭菜偏咸，老人希望调整']],
  ['elderly_home_care', 3, ['失能老人需要居家照护服务', '老人卧床，家属申请上门护理', '希望安排护理员每周上门两次']],
  ['elderly_care', 1, ['高龄老人申请养老服务补贴', '老人希望参加社区日间照料']],
  ['disability_support', 2, ['残疾人需要辅具适配', '轮椅使用者出入单元门困难', '申请残疾人居家托养服务']],
  ['children_youth', 2, ['放学后孩子无人看护，希望有四点半课堂', '青少年沉迷网络，家长求助', '困境儿童需要学业帮扶']],
  ['environment_sanitation', 5, ['楼下垃圾桶满溢无人清运', '小区绿化带积水发臭', '楼道堆放杂物影响通行', '路面污水外溢需要疏通']],
  ['property_facilities', 2, ['小区大门门禁损坏', '单元防盗门闭门器坏了', '小区围墙破损']],
  ['facility_lighting', 4, ['楼道声控灯不亮，老人晚上上下楼不安全', '单元楼道照明损坏多日', '小区路灯不亮']],
  ['facility_elevator', 3, ['电梯经常停运，老人上下楼困难', '电梯运行异响，居民担心安全', '老旧小区希望加装电梯']],
  ['neighbour_disputes', 3, ['楼上漏水到楼下，邻居协商不成', '邻居装修噪音扰民', '楼道堆物引发邻里矛盾']],
  ['employment_assistance', 2, ['失业人员希望得到就业推荐', '家庭生活困难，申请临时救助', '大龄失业人员希望参加技能培训']],
  ['health', 2, ['慢病老人希望家庭医生上门', '需要预约健康体检', '希望社区开展义诊']],
  ['safety', 3, ['电动车在楼道充电存在火灾隐患', '小区消防通道被占用', '阳台外墙瓷砖有脱落危险']],
  ['culture_activities', 2, ['希望社区组织广场舞活动', '老年人希望开设书法班', '希望周末有亲子活动']],
  ['other', 2, ['咨询社区办事流程', '希望增加快递柜', '小区停车位紧张']],
];

export interface NeedsLoadInfo {
  needs: number;
  visits: number;
  events: number;
  requestedNeeds: number;
  requestedVisits: number;
  loadSeconds: number;
  phases: Record<string, number>;
  /** The instant the history ends: states and overdue needs are as of this time. */
  asOf: string;
  /** Resident accounts, their own reports and follows (added after the history, also to a reused one). */
  accounts?: AccountsInfo;
}

/** Helper functions and small tables the needs generator reads (all built inside the server). */
export async function createNeedHelpers(db: AnyDb, needs: number, visits: number, now: Date): Promise<void> {
  const endMs = now.getTime();
  const spanMs = HISTORY_DAYS * 24 * 3600_000;
  // A UUIDv7 whose time is the row's own time: lists are newest first by id, as for rows the app writes.
  await sql`
    create or replace function bench_uuid_at(kind text, n bigint, at timestamptz) returns uuid language sql immutable parallel safe as $$
      select (lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || substr(md5(kind || n), 1, 3) || '8'
              || substr(md5(kind || n), 4, 15))::uuid
    $$`.execute(db);
  await sql`
    create or replace function bench_unit(n bigint, salt int) returns float8 language sql immutable parallel safe as $$
      select (abs(hashint8extended(n, salt)) % 1000000) / 1000000.0
    $$`.execute(db);
  await sql.raw(`
    create or replace function bench_time(n bigint, salt int) returns timestamptz language sql immutable parallel safe as $$
      select to_timestamp((${endMs - spanMs}::bigint + abs(hashint8extended(n, salt)) % ${spanMs}::bigint) / 1000.0)
    $$`).execute(db);

  // Grids numbered, with their community's number, a corner of their box, and their share of
  // the needs and of the visits not linked to a need (in proportion to their households).
  const share = (total: number) => `ceil(${total}::numeric * m.households / sum(m.households) over ())::int`;
  const extraVisits = Math.max(0, visits - Math.round(needs * VISIT_SOURCE_SHARE));
  await sql`drop table if exists bench_need_grid`.execute(db);
  await sql`drop table if exists bench_community`.execute(db);
  await sql`
    create table bench_community as
    select (row_number() over (order by district_id, code) - 1)::int as ci, id as community_id, district_id from communities`.execute(db);
  await sql.raw(`
    create table bench_need_grid as
    select x.*, (sum(x.need_count) over (order by x.first_household) - x.need_count)::bigint as first_need,
           (sum(x.visit_count) over (order by x.first_household) - x.visit_count)::bigint as first_visit
    from (
      select (row_number() over (order by m.first_household) - 1)::bigint as gi, m.*, c.ci,
             (g.boundary::json -> 'coordinates' -> 0 -> 0 ->> 0)::float8 as lng0,
             (g.boundary::json -> 'coordinates' -> 0 -> 0 ->> 1)::float8 as lat0,
             ${share(needs)} as need_count, ${share(extraVisits)} as visit_count
      from bench_grid_map m
      join grids g on g.district_id = m.district_id and g.id = m.grid_id
      join bench_community c on c.community_id = m.community_id
    ) x`).execute(db);

  // Due times "within N working days" per local reporting date, on the app's calendar (weekends,
  // holidays and make-up days of calendar_days): the end of the Nth working day after the date.
  await sql`drop table if exists bench_due`.execute(db);
  await sql`
    create table bench_due as
    with days as (
      select d::date as d,
             coalesce(case cd.kind when 'workday' then true when 'holiday' then false end, extract(isodow from d) < 6) as working
      from generate_series(${new Date(endMs - spanMs - 5 * 24 * 3600_000).toISOString().slice(0, 10)}::date,
                           ${new Date(endMs + 60 * 24 * 3600_000).toISOString().slice(0, 10)}::date, interval '1 day') d
      left join calendar_days cd on cd.date = d::date
    ), cum as (select d, working, sum(working::int) over (order by d) as c from days)
    select a.d as local_date,
      ${sql.join([1, 2, 3, 7].map((n) => sql`(select ((min(b.d) + 1)::timestamp at time zone 'Asia/Shanghai') - interval '1 second'
                                              from cum b where b.working and b.c = a.c + ${n}) as ${sql.ref(`d${n}`)}`))}
    from cum a`.execute(db);
  await sql`alter table bench_due add primary key (local_date)`.execute(db);

  // The weighted category mix of each district, as slots 0..K-1, with descriptions per category.
  await sql`drop table if exists bench_cat`.execute(db);
  await sql`create table bench_cat (district_id uuid not null, slot int not null, category_id uuid not null, texts text[] not null,
    primary key (district_id, slot))`.execute(db);
  const slots = CATEGORY_MIX.flatMap(([code, weight, texts]) => Array.from({ length: weight }, () => ({ code, texts })));
  await sql`
    insert into bench_cat (district_id, slot, category_id, texts)
    select c.district_id, s.slot, c.id, s.texts
    from (values ${sql.join(slots.map((x, i) => sql`(${i}::int, ${x.code}::text, ${x.texts}::text[])`))}) s (slot, code, texts)
    join need_categories c on c.code = s.code`.execute(db);
}

/** Share of needs found on a visit: 45% of the 92% reported for a household (the rest come by phone, walk-in, app, council, Open311). */
export const VISIT_SOURCE_SHARE = 0.45 * 0.92;

export function categorySlots(): number {
  return CATEGORY_MIX.reduce((n, [, w]) => n + w, 0);
}

/** The app's default category tree in every district, created by the app's own function. */
export async function ensureCategories(db: Kysely<DB>): Promise<number> {
  const districts = await db.selectFrom('districts').select('id').execute();
  for (const d of districts) await ensureDefaultCategories({}, db, d.id);
  const codes = new Set<string>();
  const walk = (items: typeof DEFAULT_TREE) => items.forEach((s) => (codes.add(s.code), walk(s.children ?? [])));
  walk(DEFAULT_TREE);
  for (const [code] of CATEGORY_MIX) if (!codes.has(code)) throw new Error(`bench category ${code} is not in the default tree`);
  return districts.length;
}

/**
 * Grid workers (one per grid), community workers and community admins (one each per
 * community) who recorded and handled the history, all with the benchmark password.
 */
export async function insertStaff(db: AnyDb, passwordHash: string): Promise<void> {
  await sql`
    insert into users (id, username, display_name, password_hash)
    select bench_uuid('ugw', g.gi), 'bench_gw_' || g.gi, '网格员' || g.gi, ${passwordHash} from bench_need_grid g
    union all
    select bench_uuid('ucw', c.ci), 'bench_cw_' || c.ci, '社区工作者' || c.ci, ${passwordHash} from bench_community c
    union all
    select bench_uuid('uca', c.ci), 'bench_ca_' || c.ci, '社区书记' || c.ci, ${passwordHash} from bench_community c
    on conflict (username) do nothing`.execute(db);
  await sql`
    insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id)
    select bench_uuid('rgw', g.gi), bench_uuid('ugw', g.gi), 'grid_worker', 'grid', g.grid_id, g.district_id from bench_need_grid g
    union all
    select bench_uuid('rcw', c.ci), bench_uuid('ucw', c.ci), 'community_worker', 'community', c.community_id, c.district_id from bench_community c
    union all
    select bench_uuid('rca', c.ci), bench_uuid('uca', c.ci), 'community_admin', 'community', c.community_id, c.district_id from bench_community c
    on conflict do nothing`.execute(db);
  // One common need per community collects the pooled needs of the history.
  await sql`
    insert into common_needs (district_id, id, street_id, community_id, category_id, title, description, status, created_by, created_at, updated_at)
    select c.district_id, bench_uuid('cn', c.ci), co.street_id, c.community_id, k.id, '老旧小区公共设施改善', '居民反映集中的公共设施问题', 'candidate',
           bench_uuid('uca', c.ci), now() - interval '400 days', now() - interval '30 days'
    from bench_community c join communities co on co.id = c.community_id
    join need_categories k on k.district_id = c.district_id and k.code = 'property_facilities'`.execute(db);
}

// Triage/resolution limits as SQL: urgent triage counts clock hours, everything else working
// days (bd: the bench_due row of the reporting date).
function limitSql(phase: 'triage' | 'resolve', at: string) {
  const branch = (u: 'urgent' | 'normal' | 'difficult') => {
    const l = DEFAULT_LIMITS[u][phase];
    return l.unit === 'hours' ? `${at} + interval '${l.amount} hours'` : `bd.d${l.amount}`;
  };
  return `case p.urgency when 'urgent' then ${branch('urgent')} when 'normal' then ${branch('normal')} else ${branch('difficult')} end`;
}

/**
 * The needs of one district's grids, two years of them, in the states their age makes likely:
 * recent ones still reported, accepted or being worked on (some overdue and escalated), older
 * ones almost all closed, rejected, merged or pooled. Reference numbers count per district and
 * year like the app's; ids are UUIDv7 of the reporting time.
 */
export async function loadDistrictNeeds(db: AnyDb, districtIdx: number, now: Date): Promise<void> {
  const slots = categorySlots();
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`set work_mem = '256MB'`.execute(conn);
    await sql.raw(`
      insert into needs (district_id, id, ref_no, source, intake_channel, recorded_by_user_id, reporter_user_id, reporter_resident_id,
        category_id, description, street_id, community_id, grid_id, household_id, building_id, lng, lat, beneficiaries, urgency, state,
        handler_user_id, referral_org_id, referral_department, referral_answer, waiting_until, waiting_reason, outcome, outcome_note,
        rating, rating_comment, auto_confirmed, merged_into_id, common_need_id, visit_id, split_from_id,
        triage_due_at, resolve_due_at, escalation_level, escalated_at, resolved_at, closed_at, created_at, updated_at)
      with base as (
        select g.*, n, bench_time(n, 21) as t,
               abs(hashint8extended(n, 22)) % g.households as k,
               bench_unit(n, 23) < 0.08 as public_place,
               abs(hashint8extended(n, 24)) % 100 as rs,
               abs(hashint8extended(n, 25)) % 1000 as rstate,
               abs(hashint8extended(n, 26)) % 100 as ru
        from bench_need_grid g, generate_series(g.first_need, g.first_need + g.need_count - 1) n
        where g.district_idx = ${districtIdx}
      ), p as (
        select b.*, extract(epoch from ${nowSql} - b.t) / 86400 as age,
          case when b.ru < 8 then 'urgent' when b.ru < 85 then 'normal' else 'difficult' end as urgency,
          case when b.public_place then (case when b.rs < 60 then 'staff' when b.rs < 80 then 'council' else 'open311' end)
               else (case when b.rs < 45 then 'visit' when b.rs < 70 then 'staff' when b.rs < 88 then 'resident' when b.rs < 95 then 'council' else 'open311' end)
          end as source,
          row_number() over (partition by extract(year from b.t at time zone 'Asia/Shanghai') order by b.t, b.n) as seq
        from base b
      ), s as (
        select p.*,
          case
            when p.age < 2 then (case when p.rstate < 450 then 'reported' when p.rstate < 650 then 'accepted' when p.rstate < 850 then 'in_progress'
              when p.rstate < 880 then 'waiting' when p.rstate < 910 then 'rejected' when p.rstate < 930 then 'merged' when p.rstate < 980 then 'resolved' else 'closed' end)
            when p.age < 10 then (case when p.rstate < 30 then 'reported' when p.rstate < 80 then 'accepted' when p.rstate < 380 then 'in_progress'
              when p.rstate < 440 then 'waiting' when p.rstate < 480 then 'referred' when p.rstate < 500 then 'reopened' when p.rstate < 540 then 'rejected'
              when p.rstate < 570 then 'merged' when p.rstate < 590 then 'pooled' when p.rstate < 790 and p.age < 6.5 then 'resolved' else 'closed' end)
            when p.age < 60 then (case when p.rstate < 40 then 'in_progress' when p.rstate < 70 then 'waiting' when p.rstate < 90 then 'referred'
              when p.rstate < 100 then 'reopened' when p.rstate < 140 then 'rejected' when p.rstate < 170 then 'merged' when p.rstate < 200 then 'pooled' else 'closed' end)
            else (case when p.rstate < 3 then 'in_progress' when p.rstate < 6 then 'waiting' when p.rstate < 8 then 'referred'
              when p.rstate < 48 then 'rejected' when p.rstate < 78 then 'merged' when p.rstate < 108 then 'pooled' else 'closed' end)
          end as state0,
          ${limitSql('triage', 'p.t')} as triage_due,
          ${limitSql('resolve', 'p.t')} as resolve_due,
          -- triage a few hours after the report (never after now), resolution within days
          p.t + least((${nowSql} - p.t) * 0.3, interval '20 hours' * bench_unit(p.n, 27)) as accepted_at,
          p.t + least((${nowSql} - p.t) * 0.5, interval '1 day' * (0.2 + 2.5 * bench_unit(p.n, 28))) as resolved_at0
        from p join bench_due bd on bd.local_date = (p.t at time zone 'Asia/Shanghai')::date
      ), f as (
        select s.*,
          case when s.state0 = 'merged' and s.need_count < 2 then 'rejected' else s.state0 end as state,
          s.state0 = 'closed' and s.resolved_at0 + interval '7 days' <= ${nowSql} and bench_unit(s.n, 29) < 0.4 as auto,
          bench_uuid('ucw', s.ci) as worker
        from s
      ), e as (
        select f.*,
          case when f.state in ('reported', 'accepted', 'in_progress', 'referred', 'reopened')
               then (case when f.state = 'reported' then f.triage_due else f.resolve_due end) end as running_due,
          case when f.auto then f.resolved_at0 + interval '7 days'
               else f.resolved_at0 + least((${nowSql} - f.resolved_at0) * 0.8, interval '1 day' * (0.1 + 5 * bench_unit(f.n, 30))) end as closed_at0
        from f
      ), x as (
        select e.*,
          case when e.running_due < ${nowSql} then least(e.running_due + interval '5 minutes', ${nowSql}) end as esc1,
          case when e.running_due < ${nowSql} then (
            case when e.urgency = 'urgent' and e.state = 'reported' then e.running_due + interval '5 minutes 2 hours'
                 else (select case when e.state = 'reported' then (case e.urgency when 'normal' then d1 else d2 end)
                                   else (case e.urgency when 'urgent' then d1 when 'normal' then d3 else d7 end) end
                       from bench_due where local_date = ((e.running_due + interval '5 minutes') at time zone 'Asia/Shanghai')::date) end)
          end as due2
        from e
      )
      select x.district_id, bench_uuid_at('n', x.n, x.t),
        'N-' || extract(year from x.t at time zone 'Asia/Shanghai') || '-' || lpad(x.seq::text, 6, '0'),
        x.source,
        case when x.source = 'staff' then (case when x.rs % 5 < 3 then 'phone' else 'walk_in' end) end,
        case x.source when 'visit' then bench_uuid('ugw', x.gi) when 'staff' then x.worker when 'council' then x.worker end,
        null,
        case when not x.public_place and x.source in ('visit', 'staff', 'resident') then bench_uuid('r', (x.first_household + x.k) * 8 + 1) end,
        c.category_id,
        c.texts[1 + (abs(hashint8extended(x.n, 31)) % array_length(c.texts, 1))::int]
          || case when x.public_place then '（' || (1 + x.k % 40) || '栋附近）' else '' end,
        x.street_id, x.community_id, x.grid_id,
        case when not x.public_place then bench_uuid('h', x.first_household + x.k) end,
        case when not x.public_place then bench_uuid('b', x.first_building + x.k / 60) end,
        case when x.public_place then x.lng0 + 0.002 * bench_unit(x.n, 32) end,
        case when x.public_place then x.lat0 + 0.0006 * bench_unit(x.n, 33) end,
        case when x.public_place then 5 + abs(hashint8extended(x.n, 34)) % 200 else 1 + abs(hashint8extended(x.n, 34)) % 3 end,
        x.urgency, x.state,
        case when x.state in ('in_progress', 'waiting', 'referred', 'resolved', 'reopened', 'closed') then x.worker end,
        null,
        case when x.state = 'referred' then (array['区民政局', '街道城管科', '区住建局', '街道社会事务办'])[1 + (x.n % 4)::int] end,
        null,
        case when x.state = 'waiting' then (${nowSql} at time zone 'Asia/Shanghai')::date + (3 + x.n % 28)::int end,
        case when x.state = 'waiting' then '等待物业维修资金审批' end,
        case when x.state in ('resolved', 'closed', 'reopened') then
          (case when x.rs < 80 then 'fully' when x.rs < 95 then 'partly' else 'closed_unresolved' end) end,
        case when x.state = 'rejected' then '不属于社区受理范围，已告知居民办理渠道'
             when x.state in ('resolved', 'closed', 'reopened') and x.rs >= 95 then '已多方协调，暂无法解决' end,
        case when x.state = 'closed' and not x.auto then
          (case when x.ru < 50 then 5 when x.ru < 80 then 4 when x.ru < 92 then 3 when x.ru < 97 then 2 else 1 end) end,
        null,
        x.auto,
        case when x.state = 'merged' then bench_uuid_at('n', case when x.n > x.first_need then x.n - 1 else x.n + 1 end,
                                                              bench_time(case when x.n > x.first_need then x.n - 1 else x.n + 1 end, 21)) end,
        case when x.state = 'pooled' then bench_uuid('cn', x.ci) end,
        case when x.source = 'visit' then bench_uuid_at('v', x.n, x.t) end,
        null,
        x.triage_due, x.resolve_due,
        case when x.esc1 is null then 0 when x.due2 < ${nowSql} then 2 else 1 end,
        case when x.esc1 is null then null when x.due2 < ${nowSql} then least(x.due2 + interval '5 minutes', ${nowSql}) else x.esc1 end,
        case when x.state in ('resolved', 'closed') then x.resolved_at0 end,
        case when x.state = 'closed' then x.closed_at0 when x.state in ('rejected', 'merged') then x.accepted_at end,
        x.t,
        greatest(x.t, case x.state when 'reported' then x.t when 'closed' then x.closed_at0 when 'resolved' then x.resolved_at0
                                   when 'reopened' then x.closed_at0 else x.accepted_at end,
                 case when x.esc1 is null then null when x.due2 < ${nowSql} then least(x.due2 + interval '5 minutes', ${nowSql}) else x.esc1 end)
      from x
      join bench_cat c on c.district_id = x.district_id and c.slot = abs(hashint8extended(x.n, 35)) % ${slots}`).execute(conn);

    // The timeline: the report, the step that led to the present state, and the last escalation.
    await sql.raw(`
      insert into need_events (district_id, id, need_id, at, actor_user_id, actor_name, action, from_state, to_state, note, data)
      select n.district_id, bench_uuid_at('er', ('x' || substr(md5(n.id::text), 1, 15))::bit(60)::bigint, n.created_at), n.id, n.created_at,
             n.recorded_by_user_id, case when n.recorded_by_user_id is null then '' else '工作人员' end,
             'report', null, 'reported', '', jsonb_build_object('source', n.source)
      from needs n
      where n.district_id = (select district_id from bench_need_grid where district_idx = ${districtIdx} limit 1)`).execute(conn);
    await sql.raw(`
      insert into need_events (district_id, id, need_id, at, actor_user_id, actor_name, action, from_state, to_state, note, data)
      select n.district_id, bench_uuid_at('ef', ('x' || substr(md5(n.id::text), 1, 15))::bit(60)::bigint, a.at), n.id, a.at,
             case when a.action = 'auto_confirm' then null when a.action = 'confirm' then null else n.handler_user_id end,
             case when a.action in ('auto_confirm', 'confirm') then '' else '社区工作者' end,
             a.action, a.from_state, n.state, coalesce(n.outcome_note, ''), null
      from needs n,
      lateral (select case n.state when 'accepted' then 'accept' when 'rejected' then 'reject' when 'merged' then 'merge'
                        when 'pooled' then 'pool' when 'in_progress' then 'assign' when 'waiting' then 'wait' when 'referred' then 'refer'
                        when 'resolved' then 'resolve' when 'reopened' then 'dispute'
                        when 'closed' then case when n.auto_confirmed then 'auto_confirm' else 'confirm' end end as action,
                      case when n.state in ('accepted', 'rejected', 'merged') then 'reported' when n.state in ('pooled', 'in_progress') then 'accepted'
                        when n.state in ('closed', 'reopened') then 'resolved' else 'in_progress' end as from_state,
                      -- a still-running need changed state before it was escalated
                      case when n.escalated_at is not null then n.created_at + (n.escalated_at - n.created_at) * 0.5 else n.updated_at end as at) a
      where n.district_id = (select district_id from bench_need_grid where district_idx = ${districtIdx} limit 1) and n.state <> 'reported'`).execute(conn);
    await sql.raw(`
      insert into need_events (district_id, id, need_id, at, actor_user_id, actor_name, action, from_state, to_state, note, data)
      select n.district_id, bench_uuid_at('ee', ('x' || substr(md5(n.id::text), 1, 15))::bit(60)::bigint, n.escalated_at), n.id, n.escalated_at,
             null, '', 'escalate', n.state, n.state, '', jsonb_build_object('level', n.escalation_level)
      from needs n
      where n.district_id = (select district_id from bench_need_grid where district_idx = ${districtIdx} limit 1) and n.escalation_level > 0`).execute(conn);

    // Visits: the one each visit-found need came from, and visits that found nothing to report.
    await sql`
      insert into visits (district_id, id, street_id, community_id, grid_id, household_id, resident_id, worker_user_id, kind, visited_at, notes, findings, created_at)
      select n.district_id, n.visit_id, n.street_id, n.community_id, n.grid_id, n.household_id, n.reporter_resident_id, n.recorded_by_user_id,
             case when n.urgency = 'urgent' then 'emergency' else 'routine' end, n.created_at, '入户走访', n.description, n.created_at
      from needs n
      where n.district_id = (select district_id from bench_need_grid where district_idx = ${districtIdx} limit 1) and n.visit_id is not null`.execute(conn);
    await sql.raw(`
      insert into visits (district_id, id, street_id, community_id, grid_id, household_id, resident_id, worker_user_id, kind, visited_at, notes, findings, created_at)
      select g.district_id, bench_uuid_at('vx', v, t.at), g.street_id, g.community_id, g.grid_id, bench_uuid('h', g.first_household + k.k),
             case when k.kind = 'care' or k.r < 30 then bench_uuid('r', (g.first_household + k.k) * 8 + 1) end,
             bench_uuid('ugw', g.gi), k.kind, t.at,
             (array['入户走访，了解家庭近况', '关爱走访，老人身体状况良好', '回访上次反映的问题，已解决', '走访宣传反诈知识'])[1 + (v % 4)::int], '', t.at
      from bench_need_grid g, generate_series(g.first_visit, g.first_visit + g.visit_count - 1) v,
           lateral (select bench_time(v, 41) as at) t,
           lateral (select abs(hashint8extended(v, 42)) % g.households as k, abs(hashint8extended(v, 43)) % 100 as r,
                           (case when abs(hashint8extended(v, 44)) % 100 < 65 then 'routine' when abs(hashint8extended(v, 44)) % 100 < 80 then 'follow_up'
                                 when abs(hashint8extended(v, 44)) % 100 < 97 then 'care' else 'emergency' end) as kind) k
      where g.district_idx = ${districtIdx}`).execute(conn);
  });
}

/**
 * Reference numbers continue after the loaded history: each district's sequence starts again
 * from the highest number stored (decision 0018).
 */
export async function restartNumbering(db: AnyDb): Promise<void> {
  await sql`select need_ref_forget()`.execute(db);
}

export async function emptyNeeds(db: AnyDb): Promise<void> {
  await sql`truncate table ${sql.join([...NEED_TABLES, ...COMMON_NEED_LINKS, ...CASE_TABLES].map((t) => sql.table(t)))}`.execute(db);
  await restartNumbering(db);
}
