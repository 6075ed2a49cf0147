import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CallStatus } from '../src/server/modules/calls/calls.lifecycle.ts';
import { DEFAULT_CALL_RULES, type CallRules } from '../src/server/modules/calls/calls.rules.ts';
import type { ProjectStatus } from '../src/server/modules/projects/projects.tables.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import { loadDelivery } from './demo-delivery.ts';
import { J_COMMUNITY } from './demo-territory.ts';

const QIAOBEI = 'JB-TS-QB';
import type { DB } from '../src/server/tables.ts';

const DAY = 86_400_000;

/**
 * The district's open venture-philanthropy round, so organizations, reviewers and officers see
 * a published call with its panel (story 3's panel: three experts and two resident jurors).
 * Story 2's own call for 幸福食堂 is opened by the street in the journey itself.
 */
export interface CallIds {
  districtId: string;
  streetId: string;
  communityIds: Map<string, string>;
  userIds: Map<string, string>;
  organizationIds: Map<string, string>;
}

export async function loadCalls(db: Kysely<DB>, ids: CallIds, now: Date): Promise<number> {
  const officer = ids.userIds.get('jbmz')!;
  const rules: CallRules = { ...DEFAULT_CALL_RULES, bonus: { ...DEFAULT_CALL_RULES.bonus, priorityThemes: [{ theme: '为老服务', points: 2 }] } };
  const callId = uuidv7();
  const year = Number(localDate(now).slice(0, 4));
  const opened = new Date(now.getTime() - 5 * DAY);
  await db
    .insertInto('calls')
    .values({
      district_id: ids.districtId,
      id: callId,
      ref_no: `C-${year}-01`,
      title: `${year + 1} 年度江北新区社区公益创投大赛`,
      kind: 'venture_philanthropy',
      issuer_level: 'district',
      issuer_street_id: null,
      description: '面向全区社会组织征集为老服务、儿童关爱和社区融合类公益项目，单个项目资助不超过 10 万元，鼓励配套资金。',
      themes: ['为老服务', '儿童关爱', '社区融合'],
      deadline: new Date(now.getTime() + 25 * DAY),
      publicity_days: 7,
      rules: JSON.stringify(rules),
      rules_version: 0,
      status: 'open',
      opened_at: opened,
      created_by: officer,
      created_at: new Date(opened.getTime() - 2 * DAY),
    })
    .execute();
  await db.insertInto('call_counters').values({ district_id: ids.districtId, year, last_no: 3 }).execute();
  const panel: [string, 'expert' | 'juror'][] = [['zhuanjia', 'expert'], ['linlaoshi', 'expert'], ['zhaojiaoshou', 'expert'], ['sunbo', 'juror'], ['qianyi', 'juror']];
  await db
    .insertInto('call_panel')
    .values(panel.map(([username, kind]) => ({ district_id: ids.districtId, call_id: callId, user_id: ids.userIds.get(username)!, kind, added_by: officer, added_at: opened })))
    .execute();
  await db
    .insertInto('call_events')
    .values([
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'create', from_status: null, to_status: 'draft', actor_user_id: officer, at: new Date(opened.getTime() - 2 * DAY) },
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'open', from_status: 'draft', to_status: 'open', actor_user_id: officer, at: opened },
    ])
    .execute();
  await draftApplication(db, ids, callId, `C-${year}-01`, now);
  await loadReviewRound(db, ids, `C-${year}-02`, now);
  await loadDeliveryHistory(db, ids, now);
  await loadConcludedRound(db, ids, `C-${year}-03`, now);
  await loadDelivery(db, ids, now);
  return 4;
}

/** The active social workers an organization employs, most qualified first: its teams. */
async function staffOf(db: Kysely<DB>, organizationId: string) {
  const rows = await db.selectFrom('social_workers').select(['id', 'certificate_level']).where('employer_organization_id', '=', organizationId).execute();
  const order = ['senior', 'intermediate', 'assistant', 'none'];
  return rows.sort((a, b) => order.indexOf(a.certificate_level) - order.indexOf(b.certificate_level)).map((r) => r.id);
}

const lines = (...l: [string, number][]) => l.map(([item, yuan]) => ({ item, amountFen: yuan * 100 }));
const total = (l: { amountFen: number }[]) => l.reduce((a, b) => a + b.amountFen, 0);

/** 启航's application to the district round, still a draft: the org admin's home shows it. */
async function draftApplication(db: Kysely<DB>, ids: CallIds, callId: string, callRef: string, now: Date) {
  const budget = lines(['活动物料', 18_000], ['志愿者培训与保险', 9_000], ['社工人力', 45_000]);
  const id = uuidv7();
  await db
    .insertInto('applications')
    .values({
      district_id: ids.districtId, id, call_id: callId, ref_no: `${callRef}-01`, organization_id: ids.organizationIds.get('qihang')!,
      project_id: null, theme: '为老服务', title: '银龄互助·楼道守望', summary: '组织低龄老人结对探访高龄独居老人，每周一次上门问候。',
      proposal: '', budget_lines: JSON.stringify(budget), budget_fen: total(budget), co_funding_fen: 1_440_000, co_funding_source: '企业捐赠（江北新区某物业公司）', co_funding_kind: 'enterprise',
      status: 'draft', created_by: ids.userIds.get('qihang')!, created_at: new Date(now.getTime() - 2 * DAY), updated_at: new Date(now.getTime() - DAY),
    })
    .execute();
  const staff = await staffOf(db, ids.organizationIds.get('qihang')!);
  await db.insertInto('application_team').values(staff.slice(0, 2).map((w, i) => ({ district_id: ids.districtId, application_id: id, social_worker_id: w, role: i === 0 ? 'lead' as const : 'member' as const }))).execute();
}

const CRITERIA = DEFAULT_CALL_RULES.criteria.map((c) => c.id);
/** A sheet from per-criterion shares of each criterion's points (tenths), so totals read like real ones. */
const sheetOf = (shares: number[]) => Object.fromEntries(CRITERIA.map((id, i) => [id, Math.round(DEFAULT_CALL_RULES.criteria[i]!.maxPoints * shares[i]! * 10)]));

/**
 * The street's second round of the year, closed yesterday with two applications under review:
 * 林老师 (part-time at 启航) declared her conflict with 启航; 赵教授 and 孙伯 handed in their sheets;
 * 高教授 (zhuanjia) still owes both, so a reviewer signing in finds work and the office sees
 * who is outstanding before it can rank.
 */
async function loadReviewRound(db: Kysely<DB>, ids: CallIds, ref: string, now: Date) {
  const officer = ids.userIds.get('tsjd')!;
  const callId = uuidv7();
  const opened = new Date(now.getTime() - 30 * DAY);
  const closedAt = new Date(now.getTime() - DAY);
  await db
    .insertInto('calls')
    .values({
      district_id: ids.districtId, id: callId, ref_no: ref, title: '泰山街道社区服务项目征集（第二批）', kind: 'government_purchase', issuer_level: 'street', issuer_street_id: ids.streetId,
      description: '面向辖区社区征集儿童关爱和社区融合类服务项目，单个项目申请资助不超过 8 万元。', themes: ['儿童关爱', '社区融合'],
      deadline: new Date(now.getTime() - 2 * DAY), publicity_days: 7, rules: JSON.stringify(DEFAULT_CALL_RULES), rules_version: 0, status: 'closed', opened_at: opened, created_by: officer,
      created_at: new Date(opened.getTime() - 3 * DAY),
    })
    .execute();
  const panel: [string, 'expert' | 'juror'][] = [['zhuanjia', 'expert'], ['linlaoshi', 'expert'], ['zhaojiaoshou', 'expert'], ['sunbo', 'juror']];
  await db.insertInto('call_panel').values(panel.map(([u, kind]) => ({ district_id: ids.districtId, call_id: callId, user_id: ids.userIds.get(u)!, kind, added_by: officer, added_at: opened }))).execute();
  await db
    .insertInto('call_events')
    .values([
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'create', from_status: null, to_status: 'draft', actor_user_id: officer, at: new Date(opened.getTime() - 3 * DAY) },
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'open', from_status: 'draft', to_status: 'open', actor_user_id: officer, at: opened },
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'close', from_status: 'open', to_status: 'closed', actor_user_id: officer, at: closedAt },
    ])
    .execute();

  const apps = [
    {
      org: 'qihang', theme: '儿童关爱', title: '四点半课堂·双职工家庭儿童托管', summary: '工作日放学后为双职工家庭 6–12 岁儿童提供作业辅导和安全看护。',
      proposal: '在 J社区党群服务中心开设四点半课堂，每周一至周五 16:30–18:30。由持证社工统筹，招募大学生志愿者辅导作业，每月开展一次亲子活动。预计服务 40 名儿童，家长满意度目标 90%。',
      budget: lines(['志愿者补贴与保险', 24_000], ['教具与图书', 12_000], ['社工人力', 48_000], ['亲子活动', 16_000]), coFunding: 2_000_000, source: '启航自筹与社区基金', kind: 'other' as const,
      sheets: { zhaojiaoshou: [0.9, 0.85, 0.9, 0.8, 0.8], sunbo: [0.95, 0.9, 0.85, 0.85, 0.9] } as Record<string, number[]>,
    },
    {
      org: 'association', theme: '社区融合', title: '新市民融入·邻里互助计划', summary: '帮助新迁入居民认识社区、结识邻里，建立楼栋互助小组。',
      proposal: '以楼栋为单位组建互助小组，开展新居民欢迎会、社区导览和技能交换集市，培育 5 支楼栋志愿者队伍。',
      budget: lines(['活动场地布置', 10_000], ['物料', 15_000], ['社工人力', 40_000]), coFunding: 0, source: '', kind: null,
      sheets: { linlaoshi: [0.8, 0.75, 0.85, 0.8, 0.7], zhaojiaoshou: [0.75, 0.8, 0.8, 0.75, 0.7], sunbo: [0.85, 0.8, 0.75, 0.8, 0.8] } as Record<string, number[]>,
    },
  ];
  for (const [i, a] of apps.entries()) {
    const id = uuidv7();
    const submitted = new Date(now.getTime() - (5 - i) * DAY);
    const organizationId = ids.organizationIds.get(a.org)!;
    await db
      .insertInto('applications')
      .values({
        district_id: ids.districtId, id, call_id: callId, ref_no: `${ref}-${String(i + 1).padStart(2, '0')}`, organization_id: organizationId, project_id: null, theme: a.theme,
        title: a.title, summary: a.summary, proposal: a.proposal, budget_lines: JSON.stringify(a.budget), budget_fen: total(a.budget), co_funding_fen: a.coFunding, co_funding_source: a.source, co_funding_kind: a.kind,
        status: 'submitted', eligibility: JSON.stringify({ eligible: true, onDate: localDate(submitted), checks: [] }), submitted_at: submitted,
        created_by: ids.userIds.get('qihang')!, created_at: new Date(submitted.getTime() - 3 * DAY), updated_at: submitted,
      })
      .execute();
    const staff = await staffOf(db, organizationId);
    await db.insertInto('application_team').values(staff.slice(0, 3).map((w, j) => ({ district_id: ids.districtId, application_id: id, social_worker_id: w, role: j === 0 ? 'lead' as const : 'member' as const }))).execute();
    const base = { district_id: ids.districtId, call_id: callId, application_id: id, declared_at: closedAt, updated_at: closedAt };
    await db
      .insertInto('application_reviews')
      .values([
        ...Object.entries(a.sheets).map(([u, shares]) => ({
          ...base, reviewer_user_id: ids.userIds.get(u)!, conflict: false, scores: JSON.stringify(sheetOf(shares)), submitted_at: new Date(closedAt.getTime() + 3 * 3600_000),
        })),
        ...(a.org === 'qihang' ? [{ ...base, reviewer_user_id: ids.userIds.get('linlaoshi')!, conflict: true, conflict_note: '本人在启航社工服务中心兼职督导' }] : []),
      ])
      .execute();
  }
}

/**
 * Projects delivered in past years, so track records and eligibility differ: 启航 twice accepted
 * (once with conditions), the association accepted, 阳光 failed eight months ago (and is
 * excluded from new rounds for 24 months from then).
 */
async function loadDeliveryHistory(db: Kysely<DB>, ids: CallIds, now: Date) {
  const year = Number(localDate(now).slice(0, 4));
  const past: { org: string; title: string; year: number; outcome: 'accepted' | 'accepted_with_conditions' | 'failed'; endedOn: string; budgetYuan: number; community: string }[] = [
    { org: 'qihang', title: 'J社区“四点半课堂”（一期）', year: year - 2, outcome: 'accepted', endedOn: `${year - 2}-12-20`, budgetYuan: 80_000, community: J_COMMUNITY },
    { org: 'qihang', title: '桥北社区邻里节', year: year - 1, outcome: 'accepted_with_conditions', endedOn: `${year - 1}-11-28`, budgetYuan: 50_000, community: QIAOBEI },
    { org: 'association', title: '社区社工督导支持计划', year: year - 1, outcome: 'accepted', endedOn: `${year - 1}-12-15`, budgetYuan: 60_000, community: J_COMMUNITY },
    { org: 'yangguang', title: '残障人士康复陪伴', year: year - 1, outcome: 'failed', endedOn: localDate(new Date(now.getTime() - 240 * DAY)), budgetYuan: 70_000, community: QIAOBEI },
  ];
  const officer = ids.userIds.get('tsjd')!;
  for (const p of past) {
    const counter = await db
      .insertInto('project_counters')
      .values({ district_id: ids.districtId, year: p.year, last_no: 1 })
      .onConflict((oc) => oc.columns(['district_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('project_counters.last_no', '+', 1) })))
      .returning('last_no')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('projects')
      .values({
        district_id: ids.districtId, id: uuidv7(), ref_no: `P-${p.year}-${String(counter.last_no).padStart(4, '0')}`, title: p.title, objectives: '', budget_fen: p.budgetYuan * 100,
        funding_source: 'government_purchase', period_start: `${p.year}-01-01`, period_end: p.endedOn, purchaser_level: 'street', purchaser_street_id: ids.streetId,
        street_ids: [ids.streetId], community_ids: [ids.communityIds.get(p.community)!], status: 'closed', created_by: officer, approved_by: officer,
        approved_at: new Date(`${p.year}-01-01T02:00:00Z`), contractor_organization_id: ids.organizationIds.get(p.org)!, outcome: p.outcome, ended_on: p.endedOn,
        created_at: new Date(`${p.year - 1}-12-01T02:00:00Z`), updated_at: new Date(`${p.endedOn}T08:00:00Z`),
      })
      .execute();
  }
}

/**
 * The street's first round of the year, concluded: 启航 won 四点半课堂（二期） and the project
 * waits, in publicity, for its contract (story 3's end: the street drafts and signs it and pays
 * the first tranche). The street's public notice board shows the result.
 */
async function loadConcludedRound(db: Kysely<DB>, ids: CallIds, ref: string, now: Date) {
  const officer = ids.userIds.get('tsjd')!;
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const year = Number(localDate(now).slice(0, 4));
  const counter = await db
    .insertInto('project_counters')
    .values({ district_id: ids.districtId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['district_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('project_counters.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  const projectId = uuidv7();
  await db
    .insertInto('projects')
    .values({
      district_id: ids.districtId, id: projectId, ref_no: `P-${year}-${String(counter.last_no).padStart(4, '0')}`, title: 'J社区四点半课堂（二期）',
      objectives: '为双职工家庭 6–12 岁儿童提供放学后的作业辅导和安全看护。', target_beneficiaries: 40, budget_fen: 12_000_000, funding_source: 'government_purchase',
      period_start: `${year + 1}-01-01`, period_end: `${year + 1}-12-31`, purchaser_level: 'street', purchaser_street_id: ids.streetId, street_ids: [ids.streetId],
      community_ids: [ids.communityIds.get(J_COMMUNITY)!], status: 'publicity', created_by: officer, approved_by: ids.userIds.get('jbmz')!, approved_at: at(70), created_at: at(75), updated_at: at(20),
    })
    .execute();
  const steps: [string, ProjectStatus | null, ProjectStatus, number][] = [
    ['create', null, 'draft', 75], ['approve', 'draft', 'approved', 70], ['open_call', 'approved', 'open', 60], ['close_call', 'open', 'reviewing', 40], ['publicize', 'reviewing', 'publicity', 20],
  ];
  await db
    .insertInto('project_events')
    .values(steps.map(([action, from, to, days]) => ({ district_id: ids.districtId, id: uuidv7(), project_id: projectId, action, from_status: from, to_status: to, reason: action === 'create' ? '' : ref, actor_user_id: action === 'approve' ? ids.userIds.get('jbmz')! : officer, at: at(days) })))
    .execute();

  const callId = uuidv7();
  await db
    .insertInto('calls')
    .values({
      district_id: ids.districtId, id: callId, ref_no: ref, title: '泰山街道社区服务项目征集（第一批）', kind: 'government_purchase', issuer_level: 'street', issuer_street_id: ids.streetId,
      description: '购买 J社区四点半课堂（二期）服务。', themes: [], deadline: at(40), publicity_days: 7, rules: JSON.stringify(DEFAULT_CALL_RULES), rules_version: 0, status: 'concluded',
      opened_at: at(60), publicized_at: at(20), publicity_ends_at: at(13), created_by: officer, created_at: at(62),
    })
    .execute();
  await db.insertInto('call_projects').values({ district_id: ids.districtId, call_id: callId, project_id: projectId }).execute();
  const panel = ['zhaojiaoshou', 'sunbo', 'qianyi'];
  await db.insertInto('call_panel').values(panel.map((u, i) => ({ district_id: ids.districtId, call_id: callId, user_id: ids.userIds.get(u)!, kind: i === 0 ? 'expert' as const : 'juror' as const, added_by: officer, added_at: at(61) }))).execute();
  const events: [string, CallStatus | null, CallStatus, number][] = [['create', null, 'draft', 62], ['open', 'draft', 'open', 60], ['close', 'open', 'closed', 40], ['rank', 'closed', 'ranked', 25], ['publicize', 'ranked', 'publicity', 20], ['conclude', 'publicity', 'concluded', 12]];
  await db
    .insertInto('call_events')
    .values(events.map(([action, from, to, days]) => ({ district_id: ids.districtId, id: uuidv7(), call_id: callId, action, from_status: from, to_status: to, actor_user_id: officer, at: at(days) })))
    .execute();

  const organizationId = ids.organizationIds.get('qihang')!;
  const budget = lines(['志愿者补贴与保险', 30_000], ['教具与图书', 15_000], ['社工人力', 60_000], ['亲子活动', 15_000]);
  const applicationId = uuidv7();
  await db
    .insertInto('applications')
    .values({
      district_id: ids.districtId, id: applicationId, call_id: callId, ref_no: `${ref}-01`, organization_id: organizationId, project_id: projectId, theme: null,
      title: '四点半课堂（二期）', summary: '工作日放学后的作业辅导和安全看护，每月一次亲子活动。', proposal: '由持证社工统筹，招募大学生志愿者，每周一至周五 16:30–18:30 开放。',
      budget_lines: JSON.stringify(budget), budget_fen: total(budget), co_funding_fen: 2_400_000, co_funding_source: '启航自筹', co_funding_kind: 'other',
      status: 'submitted', eligibility: JSON.stringify({ eligible: true, onDate: localDate(at(45)), checks: [] }), submitted_at: at(45), created_by: ids.userIds.get('qihang')!, created_at: at(50), updated_at: at(45),
    })
    .execute();
  const staff = await staffOf(db, organizationId);
  await db.insertInto('application_team').values(staff.slice(0, 3).map((w, j) => ({ district_id: ids.districtId, application_id: applicationId, social_worker_id: w, role: j === 0 ? 'lead' as const : 'member' as const }))).execute();
  const shares: Record<string, number[]> = { zhaojiaoshou: [0.9, 0.85, 0.9, 0.85, 0.8], sunbo: [0.95, 0.9, 0.9, 0.85, 0.9], qianyi: [0.9, 0.9, 0.85, 0.8, 0.85] };
  await db
    .insertInto('application_reviews')
    .values(panel.map((u) => ({ district_id: ids.districtId, call_id: callId, application_id: applicationId, reviewer_user_id: ids.userIds.get(u)!, conflict: false, declared_at: at(39), scores: JSON.stringify(sheetOf(shares[u]!)), submitted_at: at(30), updated_at: at(30) })))
    .execute();
  // 120,000 budget less 24,000 co-funding: 96,000 requested.
  await db.insertInto('call_awards').values({ district_id: ids.districtId, call_id: callId, application_id: applicationId, project_id: projectId, organization_id: organizationId, amount_fen: total(budget) - 2_400_000, rank: 1 }).execute();
}
