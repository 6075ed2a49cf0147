import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, openBrowser, screenshot, signedInPages } from './browser.ts';
import { axe, choose, confirmModal, fits, inLanguage, stopAfterFailure } from './steps.ts';

/**
 * Stories 2–4 on one project, end to end: meal needs of J社区 and 桥北社区 (王娟's among them)
 * grouped by the street officer, drafted as 幸福食堂（全流程）, approved by the district, which
 * funds it and offers it in a call; 启航 and 邻里守望互助社 apply; the panel scores, 林老师
 * declaring her tie to 启航; the ranking puts 启航 first; a resident objects during the
 * publicity and is answered; the contract is signed in three tranches; 启航 delivers an activity
 * that 王娟 registers her mother for, signs her in and rates on her phone; the evaluator's
 * mid-term asks for a rectification, 启航 answers, the re-check passes and the second tranche
 * goes; the final scores 优秀, the district accepts, and 王娟 confirms her need on her phone.
 *
 * Everything it walks is its own: its needs are new ones (the demo's meal needs stay ungrouped
 * for the story-2 test, and no group of its is named like that test's 老年助餐), its call offers
 * only its project, and the second organization's
 * administrator is an account made here. The round's deadline and publicity end through the
 * test server's time control (TEST_TIME_CONTROLS), since a round lasts weeks.
 */
const signedIn = signedInPages();
/** Every page the walk opened, so a failing step leaves pictures of where it stood. */
const opened: Page[] = [];
async function as(username: string, phone: boolean) {
  const page = await signedIn(username, phone);
  opened.push(page);
  return page;
}
const STAMP = String(Date.now() % 100000);
const PROJECT = '幸福食堂（全流程）';
const CALL = `幸福食堂（全流程）承接机构征集 ${STAMP}`;
const J_GROUP = `J社区长者助餐 ${STAMP}`;
const QB_GROUP = `桥北社区长者助餐 ${STAMP}`;
const STREET_GROUP = `两社区长者助餐 ${STAMP}`;
const QIHANG_TITLE = '幸福食堂·长者午餐与健康饮食';
const LINLI_TITLE = '邻里守望·长者送餐';
const ACTIVITY = `幸福食堂开餐日 ${STAMP}`;
const OBJECTION = '幸福食堂设在二楼活动室，面积太小，坐轮椅的老人上不去';
const ANSWER = '开餐改在社区党群服务中心一楼多功能厅，可容纳 80 人，设有无障碍通道';
const RECTIFICATION = '登记长者的饮食禁忌';
const RECTIFIED = '已为全部就餐长者登记饮食禁忌，配餐前逐一核对。';
const LINLI_ADMIN = `linli${STAMP}`;
const PASSWORD = 'Sanshe2026';

/** Per criterion (need_fit 30, design 25, team 20, budget 15, sustainability 10). */
const SHEETS: Record<string, Record<string, number[]>> = {
  zhaojiaoshou: { qihang: [27, 22, 18, 13, 9], linli: [21, 17, 14, 10, 7] },
  sunbo: { qihang: [26, 21, 17, 13, 8], linli: [24, 19, 15, 11, 8] },
  qianyi: { qihang: [25, 20, 16, 12, 8], linli: [20, 17, 14, 10, 7] },
  linlaoshi: { linli: [22, 18, 15, 11, 7] },
};
const CRITERIA = ['need_fit', 'design', 'team', 'budget', 'sustainability'];

/** Mid-term 78 (合格) and final 91 (优秀): each level-3 indicator of the default template within its maximum. */
const MIDTERM: Record<string, string> = {
  'management.plan.schedule': '6.5', 'management.plan.records': '4', 'management.team.staffing': '5', 'management.team.supervision': '4',
  'outputs.volume.sessions': '8', 'outputs.volume.people': '8.5', 'outputs.reach.beneficiaries': '7', 'outcomes.goals.met': '11',
  'outcomes.satisfaction.residents': '8', 'outcomes.satisfaction.community': '4', 'finance.use.budget': '8', 'finance.use.vouchers': '4',
};
const FINAL: Record<string, string> = {
  'management.plan.schedule': '8', 'management.plan.records': '5.5', 'management.team.staffing': '6', 'management.team.supervision': '4.5',
  'outputs.volume.sessions': '9', 'outputs.volume.people': '9', 'outputs.reach.beneficiaries': '9', 'outcomes.goals.met': '13',
  'outcomes.satisfaction.residents': '9', 'outcomes.satisfaction.community': '5', 'finance.use.budget': '9', 'finance.use.vouchers': '4',
};

/** A month ahead and the contract's year, as days in Beijing, where the server reckons. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

interface Id { id: string }
const walk = {
  /** 王娟's meal need, pooled into the project. */
  wangjuanNeed: '',
  projectId: '',
  callId: '',
  streetId: '',
  jCommunityId: '',
  checkinCode: '',
};

async function typeDate(field: Locator, date: string) {
  await field.click();
  await field.fill(date);
  await field.press('Tab');
}

async function openProject(page: Page) {
  await page.goto(`${BASE_URL}/projects/${walk.projectId}`);
  await page.getByTestId('project-page').waitFor();
  await page.waitForLoadState('networkidle');
}

async function openCall(page: Page) {
  await page.goto(`${BASE_URL}/calls/${walk.callId}`);
  await page.getByTestId('call-status').first().waitFor();
  await page.waitForLoadState('networkidle');
}

const stageIs = (page: Page, stage: string) => page.locator(`[data-testid="evaluation-stage"][data-stage="${stage}"]`).waitFor();
const evaluation = (scope: Page | Locator, kind: 'midterm' | 'final') => scope.locator(`[data-testid="evaluation-item"][data-kind="${kind}"]`);
const tranche = (page: Page, seq: number) => page.getByTestId('contract-card').locator('.ant-list-item').filter({ hasText: `第 ${seq} 笔` });

/** The test server's clock for one round: its deadline or its publicity ends now. */
async function elapse(until: 'deadline' | 'publicity_end') {
  const jbmz = await apiAs('jbmz');
  await jbmz('POST', `/testing/calls/${walk.callId}/elapse`, { until });
}

/**
 * New meal needs in two communities, accepted and pooled by each community's admin: two in J社区
 * (王娟's, for her mother, and one taken on the phone) and two in 桥北社区.
 */
async function poolNewMealNeeds() {
  const wangjuan = await apiAs('wangjuan');
  const me = await wangjuan<{ assignments: { role: string; scopeId: string | null }[] }>('GET', '/me');
  const householdId = me.assignments.find((a) => a.role === 'resident')!.scopeId!;
  const household = await wangjuan<{ districtId: string; communityId: string }>('GET', `/households/${householdId}`);
  const categories = await wangjuan<{ items: { id: string; code: string }[] }>('GET', `/need-categories?districtId=${household.districtId}`);
  const meals = categories.items.find((c) => c.code === 'elderly_meals')!.id;
  walk.jCommunityId = household.communityId;
  walk.wangjuanNeed = (await wangjuan<Id>('POST', '/needs', { source: 'resident', householdId, categoryId: meals, description: '母亲一个人在家，中午做饭吃力，希望社区有个长者食堂' })).id;

  const tsjd = await apiAs('tsjd');
  const communities = await tsjd<{ items: (Id & { name: string; streetId: string })[] }>('GET', '/communities?limit=50');
  const qb = communities.items.find((c) => c.name === '桥北社区')!;
  walk.streetId = qb.streetId;
  for (const [admin, communityId, descriptions, title, own] of [
    ['zhou', household.communityId, ['独居老人来电：腿脚不便，希望就近有助餐点'], J_GROUP, [walk.wangjuanNeed]],
    ['qiaobei', qb.id, ['老伴住院，家里只剩老人，午餐没有着落', '高龄老人希望有送餐上门服务'], QB_GROUP, []],
  ] as const) {
    const staff = await apiAs(admin);
    const households = await staff<{ items: Id[] }>('GET', `/households?communityId=${communityId}&limit=20`);
    const ids: string[] = [...own];
    for (const [i, description] of descriptions.entries()) {
      ids.push((await staff<Id>('POST', '/needs', { source: 'staff', intakeChannel: 'phone', householdId: households.items[10 + i]!.id, categoryId: meals, description })).id);
    }
    for (const id of ids) await staff('POST', `/needs/${id}/transitions`, { action: 'accept' });
    await staff('POST', '/common-needs', { communityId, categoryId: meals, title, needIds: ids });
  }
}

/** 邻里守望互助社, filed last year, has no administrator in the demo: the platform admin makes one. */
async function linliAdministrator() {
  const admin = await apiAs('admin');
  const orgs = await admin<{ items: (Id & { name: string })[] }>('GET', '/organizations?limit=100');
  const linli = orgs.items.find((o) => o.name === '泰山街道邻里守望互助社')!;
  const user = await admin<Id>('POST', '/users', { username: LINLI_ADMIN, displayName: '邻里守望互助社 刘社长', password: PASSWORD, locale: 'zh-CN' });
  await admin('POST', `/users/${user.id}/roles`, { role: 'org_admin', scopeType: 'organization', scopeId: linli.id });
  // An application names its lead from the organization's register, where 互助社 has nobody yet.
  const own = await apiAs(LINLI_ADMIN);
  await own('POST', '/social-workers', { name: '刘秀英', employerType: 'organization', employerOrganizationId: linli.id, certificateLevel: 'none', communityIds: [walk.jCommunityId] });
}

/**
 * The demo seats its reviewers for the street's rounds only, and a district round draws on the
 * district's reviewers: the story's panel is seated for the district too (once per server).
 */
async function districtPanel() {
  const admin = await apiAs('admin');
  const jbmz = await apiAs('jbmz');
  const me = await jbmz<{ assignments: { role: string; scopeId: string | null }[] }>('GET', '/me');
  const districtId = me.assignments.find((a) => a.role === 'district_officer')!.scopeId!;
  for (const username of Object.keys(SHEETS)) {
    const users = await admin<{ items: (Id & { username: string; assignments: { role: string; scopeType: string }[] })[] }>('GET', `/users?q=${username}`);
    const user = users.items.find((u) => u.username === username)!;
    if (user.assignments.some((a) => a.role === 'reviewer' && a.scopeType === 'district')) continue;
    await admin('POST', `/users/${user.id}/roles`, { role: 'reviewer', scopeType: 'district', scopeId: districtId });
  }
}

/** One organization's administrator writes an application for the call's project and hands it in. */
async function apply(page: Page, a: { title: string; summary: string; proposal: string; budget: [string, string]; coFunding?: [string, string] }) {
  await openCall(page);
  await page.getByRole('link', { name: '我要申报' }).click();
  await page.waitForURL((url) => url.pathname === '/applications/new');
  await choose(page, page.getByLabel('申报项目 / 主题'), PROJECT);
  await page.getByLabel('项目名称').fill(a.title);
  await page.getByLabel('项目简介').fill(a.summary);
  await page.getByLabel('实施方案').fill(a.proposal);
  await page.getByLabel('预算科目').first().fill(a.budget[0]);
  await page.getByLabel('金额（元）').first().fill(a.budget[1]);
  if (a.coFunding) {
    await page.getByLabel('配套资金（元）').fill(a.coFunding[0]);
    await page.getByLabel('配套资金来源').fill(a.coFunding[1]);
    await choose(page, page.getByLabel('配套资金类别'), '其他');
  }
  await choose(page, page.getByLabel('项目团队'), /./);
  await page.locator('.ant-form-item').filter({ hasText: '项目负责人' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL((url) => /^\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByText('符合申报条件').waitFor();
  await axe(page);
  await page.getByTestId('application-submit').click();
  await confirmModal(page);
  await page.getByText('已提交').first().waitFor();
}

/** A panel member's sheet: declares no conflict on each application and hands in the scores. */
async function review(page: Page, reviewer: string) {
  await page.goto(`${BASE_URL}/reviews/${walk.callId}`);
  await page.getByTestId('review-sheet').waitFor();
  await page.getByTestId('review-item').first().waitFor();
  await page.waitForLoadState('networkidle');
  for (const [org, title] of [['qihang', QIHANG_TITLE], ['linli', LINLI_TITLE]] as const) {
    const scores = SHEETS[reviewer]![org];
    if (!scores) continue;
    const item = page.getByTestId('review-item').filter({ hasText: title });
    await item.getByTestId('review-no-conflict').click();
    await item.getByTestId('review-item-state').filter({ hasText: '评分中' }).waitFor();
    for (const [i, criterion] of CRITERIA.entries()) {
      const input = item.getByTestId(`review-score-${criterion}`);
      await input.fill(String(scores[i]));
      await input.blur();
    }
    const total = scores.reduce((a, b) => a + b, 0);
    await item.getByTestId('review-total').filter({ hasText: `合计：${total} / 100 分` }).waitFor();
    await item.getByTestId('review-submit').click();
    await page.getByTestId('review-submit-ok').click();
    await item.getByTestId('review-item-state').filter({ hasText: '已提交' }).waitFor();
  }
}

async function scoreEvaluation(page: Page, scores: Record<string, string>) {
  for (const [id, points] of Object.entries(scores)) {
    const input = page.getByTestId(`evaluation-points-${id}`);
    await input.fill(points);
    await input.blur();
  }
}

beforeAll(async () => {
  await poolNewMealNeeds();
  await linliAdministrator();
  await districtPanel();
}, 120_000);

stopAfterFailure(opened, 'stories');

describe('stories 2–4 on one project: from residents\' needs to the resident\'s confirmation', () => {
  it('the street officer groups both communities\' meal needs and drafts 幸福食堂（全流程）; the district approves it', { timeout: 240_000 }, async () => {
    const street = await as('tsjd', false);
    await street.goto(`${BASE_URL}/three-lists`);
    await street.getByTestId('street-group-create').click();
    // The street is filled in once the list arrives; a category picked before that was seen to be lost.
    await street.getByTestId('street-group-street').filter({ hasText: '泰山街道' }).waitFor();
    await choose(street, street.getByTestId('street-group-category'), /^助餐$/);
    await street.getByTestId('street-group-title').fill(STREET_GROUP);
    const groups = street.getByTestId('street-group-groups');
    for (const title of [J_GROUP, QB_GROUP]) {
      await groups.click();
      await groups.locator('input').fill(title);
      await street.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }).first().click();
    }
    await street.keyboard.press('Escape');
    await screenshot(street, 'stories-street-group-form', false);
    await street.getByTestId('street-group-save').click();
    const group = street.getByTestId('street-group').filter({ hasText: STREET_GROUP });
    await group.getByText('涵盖 2 个社区', { exact: false }).waitFor();
    await expect(group.getByTestId('street-group-households').textContent()).resolves.toMatch(/[1-9]/);
    await axe(street);

    await group.getByTestId('street-group-draft').click();
    await street.getByTestId('project-title').fill(PROJECT);
    await street.getByLabel('项目目标').fill('在 J社区和桥北社区为独居、高龄老人提供午间助餐和送餐，兼顾饮食禁忌。');
    await street.locator('[data-testid="budget"] input, input[data-testid="budget"]').first().fill('180000');
    await street.getByTestId('save-draft').click();
    await street.getByTestId('project-page').waitFor();
    await expect(street.getByTestId('project-budget').textContent()).resolves.toBe('¥180,000');
    await expect(street.getByTestId('project-need-count').textContent()).resolves.toMatch(/^4\D/);
    walk.projectId = new URL(street.url()).pathname.split('/').at(-1)!;
    expect(await street.getByTestId('project-approve').count()).toBe(0);
    await axe(street);
    await screenshot(street, 'stories-project-drafted');

    const district = await as('jbmz', false);
    await openProject(district);
    await district.getByTestId('project-approve').click();
    await district.getByTestId('project-action-ok').click();
    await district.getByTestId('project-status').filter({ hasText: '已审批' }).first().waitFor();
    await axe(district);

    // 王娟 reads on her phone that her mother's meal need is now part of the project.
    const phone = await as('wangjuan', true);
    await phone.goto(`${BASE_URL}/my-needs/${walk.wangjuanNeed}`);
    await phone.getByTestId('need-project').filter({ hasText: PROJECT }).waitFor();
    await fits(phone);
    await axe(phone);
    await screenshot(phone, 'stories-resident-need-in-project-phone');
  });

  it('the district opens a call for it: 20 days, the default criteria and co-funding bonus, a panel of experts and resident jurors, open to filed community organizations', { timeout: 240_000 }, async () => {
    // The form offers the approved project on a phone and in English too.
    const phone = await as('jbmz', true);
    await phone.goto(`${BASE_URL}/calls/new`);
    await inLanguage(phone, 'en');
    await phone.getByTestId('call-projects').click();
    await phone.getByTestId('call-projects').locator('input').fill(PROJECT);
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: PROJECT }).first().waitFor();
    await phone.keyboard.press('Escape');
    await axe(phone);
    await fits(phone);
    await screenshot(phone, 'stories-call-form-phone-en');
    await inLanguage(phone, 'zh-CN');

    const page = await as('jbmz', false);
    await page.goto(`${BASE_URL}/calls/new`);
    await page.getByLabel('名称').first().fill(CALL);
    await page.getByLabel('说明').fill('面向社会组织征集幸福食堂项目的承接机构，服务 J社区和桥北社区的独居、高龄老人。');
    const project = await (await apiAs('jbmz'))<{ refNo: string }>('GET', `/projects/${walk.projectId}`);
    await choose(page, page.getByTestId('call-projects'), project.refNo);
    // A community organization filed last year has no annual report yet: this call does not ask for one.
    await page.getByLabel('须按时报送年报').click();
    await axe(page);
    await screenshot(page, 'stories-call-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL((url) => /^\/calls\/[0-9a-f-]{36}$/.test(url.pathname));
    walk.callId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('cell', { name: PROJECT }).waitFor();

    for (const [name, kind] of [['林老师', '评审专家'], ['赵教授', '评审专家'], ['孙伯', '大众评委'], ['钱阿姨', '大众评委']] as const) {
      await choose(page, page.getByLabel('评审人'), name);
      await choose(page, page.getByLabel('身份', { exact: true }), new RegExp(`^${kind}$`));
      await page.getByRole('button', { name: '加入评审小组' }).click();
      await page.locator('.ant-list-item').filter({ hasText: name }).first().waitFor();
    }
    await page.getByTestId('call-open').click();
    await confirmModal(page);
    await page.locator('[data-testid="call-status"][data-status="open"]').first().waitFor();
    await page.getByText('还剩 20 天').or(page.getByText('还剩 21 天')).first().waitFor();
    await axe(page);
    await screenshot(page, 'stories-call-open');
    await inLanguage(page, 'en');
    await page.getByText('Projects offered').waitFor();
    await axe(page);
    await screenshot(page, 'stories-call-open-en');
    await inLanguage(page, 'zh-CN');
  });

  it('启航 and 邻里守望互助社 each apply for the project', { timeout: 240_000 }, async () => {
    const qihang = await as('qihang', false);
    await apply(qihang, {
      title: QIHANG_TITLE,
      summary: '工作日午间开餐，行动不便的老人送餐上门',
      proposal: '依托社区党群服务中心厨房，工作日提供午餐；社工建立长者档案，每月开展一次健康饮食讲座。',
      budget: ['餐食、配送与营养讲座', '180000'],
      coFunding: ['36000', '机构自筹与慈善募捐'],
    });
    await screenshot(qihang, 'stories-application-qihang');
    const linli = await as(LINLI_ADMIN, false);
    await apply(linli, {
      title: LINLI_TITLE,
      summary: '志愿者每天为行动不便的老人送午餐',
      proposal: '组织楼栋志愿者与周边餐馆合作，每天为报名老人送餐，每周电话回访。',
      budget: ['餐费补贴与志愿者保险', '150000'],
    });
  });

  it('the deadline passes; the panel scores, 林老师 steps out of 启航\'s application for her part-time work there', { timeout: 420_000 }, async () => {
    await elapse('deadline');
    const office = await as('jbmz', false);
    await openCall(office);
    await office.getByRole('button', { name: '截止申报' }).click();
    await confirmModal(office);
    await office.locator('[data-testid="call-status"][data-status="closed"]').first().waitFor();

    const lin = await as('linlaoshi', false);
    await lin.goto(`${BASE_URL}/reviews/${walk.callId}`);
    const theirs = lin.getByTestId('review-item').filter({ hasText: QIHANG_TITLE });
    await theirs.getByTestId('review-recuse').click();
    const dialog = lin.locator('.ant-modal').filter({ hasText: '回避后您将不再评审这份申报' });
    await dialog.getByLabel('回避理由').fill('本人在启航社工服务中心兼职督导');
    await axe(lin, '.ant-modal');
    await lin.getByTestId('review-recuse-ok').click();
    await theirs.getByTestId('review-item-state').filter({ hasText: '已回避' }).waitFor();
    // Stepped out: nothing of it to read or score, ever.
    expect(await theirs.getByTestId('review-read').count()).toBe(0);
    expect(await theirs.getByTestId('review-form').count()).toBe(0);
    await review(lin, 'linlaoshi');
    await axe(lin);
    await screenshot(lin, 'stories-review-linlaoshi');

    for (const reviewer of ['zhaojiaoshou', 'sunbo', 'qianyi']) {
      // 孙伯 scores on his phone.
      const page = await as(reviewer, reviewer === 'sunbo');
      await review(page, reviewer);
      if (reviewer === 'sunbo') {
        await fits(page);
        await axe(page);
        await screenshot(page, 'stories-review-sunbo-phone');
      }
    }
  });

  it('the district ranks the round (启航 first, with its co-funding bonus) and publicises the award; anyone reads it on the notice board', { timeout: 240_000 }, async () => {
    const office = await as('jbmz', false);
    await openCall(office);
    await office.getByText('评审小组已全部完成，可以结束评审并排名').waitFor();
    await office.getByTestId('call-rank').click();
    await confirmModal(office);
    // 启航: (89 + 85 + 81) / 3 = 85, plus 2 for co-funding of 20 %; 邻里守望: (73 + 69 + 77 + 68) / 4 = 71.75.
    const rows = office.locator('.ant-table-row');
    const first = rows.filter({ hasText: QIHANG_TITLE }).first();
    await first.getByText('85.00').waitFor();
    await first.getByText('87.00').waitFor();
    await rows.filter({ hasText: LINLI_TITLE }).first().getByText('71.75').first().waitFor();
    await expect(first.locator('td').first().textContent()).resolves.toBe('1');
    await expect(first.textContent()).resolves.toContain('启航社工服务中心');
    await axe(office);
    await screenshot(office, 'stories-ranking');
    await office.getByTestId('call-publicize').click();
    await office.getByText('公示期：').waitFor();
    await axe(office);

    const visitor = await openBrowser({ width: 1366, height: 900 });
    try {
      await visitor.page.goto(`${BASE_URL}/publicity?streetId=${walk.streetId}`);
      await visitor.page.getByText(CALL).waitFor();
      await visitor.page.getByText('启航社工服务中心').first().waitFor();
      await inLanguage(visitor.page, 'en');
      await visitor.page.getByText('notice board').waitFor();
      expect(await seriousAxeFindings(visitor.page, 'body')).toEqual([]);
      await screenshot(visitor.page, 'stories-public-board-en');
    } finally {
      await visitor.close();
    }
  });

  it('a resident objects on her phone that the venue is too small; the district answers; the publicity ends and the round concludes', { timeout: 240_000 }, async () => {
    const resident = await as('wangjuan', true);
    await resident.goto(`${BASE_URL}/calls/${walk.callId}`);
    await resident.getByRole('button', { name: '提出异议' }).click();
    await resident.getByLabel('异议内容').fill(OBJECTION);
    await resident.getByRole('button', { name: '提交异议' }).click();
    await resident.getByText('待答复').waitFor();
    await fits(resident);
    await axe(resident);
    await screenshot(resident, 'stories-objection-phone');

    const office = await as('jbmz', false);
    await openCall(office);
    await office.getByText(OBJECTION).waitFor();
    await office.getByLabel('异议不成立').check();
    await office.getByLabel('答复', { exact: true }).fill(ANSWER);
    await office.getByRole('button', { name: '发送答复' }).click();
    await office.getByText('异议不成立').last().waitFor();
    await axe(office);

    await resident.reload();
    await resident.getByText(ANSWER).waitFor();

    await elapse('publicity_end');
    // Ending the publicity, as the district office sees it on a phone in English.
    const phone = await as('jbmz', true);
    await openCall(phone);
    await inLanguage(phone, 'en');
    await phone.getByTestId('call-conclude').filter({ hasText: 'End the publicity' }).waitFor();
    await axe(phone);
    await fits(phone);
    await screenshot(phone, 'stories-call-conclude-phone-en');
    await inLanguage(phone, 'zh-CN');
    await office.reload();
    await office.getByTestId('call-conclude').click();
    await confirmModal(office);
    await office.locator('[data-testid="call-status"][data-status="concluded"]').first().waitFor();
    await axe(office);
    await screenshot(office, 'stories-round-concluded');
  });

  it('the district contracts 启航 in three tranches, signs and pays the first; the second waits for the mid-term', { timeout: 240_000 }, async () => {
    const page = await as('jbmz', false);
    await openProject(page);
    const card = page.getByTestId('contract-card');
    await card.getByText('授予：启航社工服务中心').waitFor();
    await typeDate(card.getByLabel('服务期开始'), day(0));
    await typeDate(card.getByLabel('服务期结束'), day(364));
    await axe(page);
    await card.getByRole('button', { name: /起草合同/ }).click();
    await card.getByText('草稿').waitFor();
    await card.getByText(/第 1 笔 · ¥[\d,.]+ · 合同签订后/).waitFor();
    await card.getByText(/第 2 笔 · ¥[\d,.]+ · 中期评估通过后/).waitFor();
    await card.getByText(/第 3 笔 · ¥[\d,.]+ · 结项验收通过后/).waitFor();
    await card.getByRole('button', { name: '签订合同' }).click();
    await confirmModal(page);
    await card.getByText('履行中').waitFor();
    await tranche(page, 1).getByRole('button', { name: /^拨\s*付$/ }).click();
    await confirmModal(page);
    await tranche(page, 1).getByText(/已于 .* 拨付/).waitFor();
    await tranche(page, 2).getByText('拨付条件尚未满足').waitFor();
    expect(await tranche(page, 2).getByRole('button', { name: /^拨\s*付$/ }).count()).toBe(0);
    await axe(page);
    await screenshot(page, 'stories-contract-signed');
    await inLanguage(page, 'en');
    await card.getByText('In force').waitFor();
    await axe(page);
    await screenshot(page, 'stories-contract-signed-en');
    await inLanguage(page, 'zh-CN');
  });

  it('启航 starts delivery and publishes a lunch starting now; 王娟 registers her mother, signs her in with the code and rates it on her phone', { timeout: 240_000 }, async () => {
    const page = await as('qihang', false);
    await openProject(page);
    await page.getByTestId('project-start_delivery').click();
    await page.getByTestId('project-action-ok').click();
    await page.getByTestId('publish-activity').click();
    const modal = page.locator('.ant-modal');
    // The contractor cannot read the register, yet it names the communities the project serves.
    await choose(page, modal.getByTestId('activity-community'), /^J社区$/);
    await modal.getByTestId('activity-title-input').fill(ACTIVITY);
    await modal.getByTestId('activity-venue').fill('J社区党群服务中心一楼多功能厅');
    await axe(page, '.ant-modal');
    await modal.getByTestId('activity-publish-ok').click();
    await page.getByTestId('activity-page').waitFor();
    walk.checkinCode = (await page.getByTestId('checkin-code').textContent())!;
    expect(walk.checkinCode).toMatch(/^\d{6}$/);
    await axe(page);
    await screenshot(page, 'stories-activity-published');

    const phone = await as('wangjuan', true);
    await phone.goto(`${BASE_URL}/my-activities`);
    await phone.getByTestId('my-activities').waitFor();
    const mother = phone.locator(`[data-testid="my-session"][data-title="${ACTIVITY}"]`).locator('[data-testid="member-session"][data-member="王桂芳"]');
    await mother.getByTestId('register').click();
    await mother.getByTestId('member-registered').waitFor();
    await mother.getByTestId('start-check-in').click();
    await mother.getByTestId('code-input').fill(walk.checkinCode);
    await mother.getByTestId('code-submit').click();
    await mother.getByTestId('member-attended').waitFor();
    const rate = phone.locator(`[data-testid="rate-session"][data-title="${ACTIVITY}"]`).locator('[data-testid="member-rating"][data-member="王桂芳"]');
    await rate.getByTestId('stars-5').click();
    await rate.getByTestId('rating-comment').fill('饭菜软烂，适合老人，妈妈吃得很满意');
    await axe(phone);
    await fits(phone);
    await screenshot(phone, 'stories-activity-rating-phone');
    await rate.getByTestId('rating-submit').click();
    await phone.locator(`[data-testid="rate-session"][data-title="${ACTIVITY}"]`).waitFor({ state: 'detached' });

    // The project counts what happened: a session held, a person served, a satisfied rating.
    await openProject(page);
    const card = page.getByTestId('delivery-card');
    for (const measure of ['sessions_held', 'people_served']) {
      const actual = await card.locator(`[data-testid="indicator"][data-measure="${measure}"]`).getAttribute('data-actual');
      expect(Number(actual), measure).toBeGreaterThanOrEqual(1);
    }
    await screenshot(page, 'stories-delivery-counted');
  });

  it('the district assigns 明鉴评估中心; the mid-term scores 78 with a rectification; 启航 answers on its phone; the re-check passes; the second tranche is released', { timeout: 360_000 }, async () => {
    const office = await as('jbmz', false);
    await openProject(office);
    const card = office.getByTestId('evaluation-card');
    await card.getByTestId('evaluation-assign-select').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '明鉴评估中心' }).first().click();
    await card.getByTestId('evaluation-assign-submit').click();
    await card.getByTestId('evaluation-evaluator').filter({ hasText: '明鉴评估中心 孙评估师' }).waitFor();

    const evaluator = await as('pinggu', false);
    await evaluator.goto(`${BASE_URL}/evaluations/${walk.projectId}`);
    await stageIs(evaluator, 'start_midterm');
    await evaluator.getByTestId('evaluation-start-midterm').click();
    await evaluator.getByTestId('evaluation-start-ok').click();
    await stageIs(evaluator, 'scoring_midterm');
    await scoreEvaluation(evaluator, MIDTERM);
    await evaluator.getByTestId('evaluation-total').filter({ hasText: '合计：78 / 100 分' }).waitFor();
    await evaluator.getByTestId('evaluation-findings').fill('午餐按计划开餐，服务人数达标；尚未登记长者的饮食禁忌。');
    await evaluator.getByTestId('evaluation-submit').click();
    const dialog = evaluator.locator('.ant-modal').filter({ hasText: '提交中期评估' });
    await dialog.getByText('限期整改', { exact: true }).click();
    await evaluator.getByTestId('evaluation-rectification-input').fill(RECTIFICATION);
    await typeDate(dialog.getByLabel('整改期限'), day(30));
    await axe(evaluator, '.ant-modal');
    await evaluator.getByTestId('evaluation-submit-ok').click();
    await stageIs(evaluator, 'rectifying');
    await evaluation(evaluator, 'midterm').getByTestId('evaluation-grade').filter({ hasText: '合格' }).waitFor();
    await axe(evaluator);
    await screenshot(evaluator, 'stories-midterm-rectify');

    const contractor = await as('qihang', true);
    await openProject(contractor);
    await evaluation(contractor.getByTestId('evaluation-card'), 'midterm').getByTestId('evaluation-rectification').filter({ hasText: RECTIFICATION }).waitFor();
    await contractor.getByTestId('evaluation-answer-note').fill(RECTIFIED);
    await contractor.getByTestId('evaluation-answer-submit').click();
    await evaluation(contractor.getByTestId('evaluation-card'), 'midterm').getByTestId('evaluation-answer').filter({ hasText: RECTIFIED }).waitFor();
    await fits(contractor);
    await axe(contractor);
    await screenshot(contractor, 'stories-rectified-phone');

    await evaluator.reload();
    await stageIs(evaluator, 'recheck');
    await evaluator.getByTestId('evaluation-recheck-form').getByText('复核通过', { exact: true }).click();
    await evaluator.getByTestId('evaluation-recheck-note').fill('抽查 10 位就餐长者，饮食禁忌均已登记并在配餐单上标注。');
    await evaluator.getByTestId('evaluation-recheck-submit').click();
    await stageIs(evaluator, 'start_final');

    await openProject(office);
    await tranche(office, 2).getByText('条件已满足，可以拨付').waitFor();
    await tranche(office, 2).getByRole('button', { name: /^拨\s*付$/ }).click();
    await confirmModal(office);
    await tranche(office, 2).getByText(/已于 .* 拨付/).waitFor();
    await tranche(office, 3).getByText('拨付条件尚未满足').waitFor();
    await axe(office);
    await screenshot(office, 'stories-second-tranche');
  });

  it('the final evaluation scores 91 (优秀); the district accepts the project and pays the last tranche', { timeout: 300_000 }, async () => {
    const evaluator = await as('pinggu', false);
    await evaluator.goto(`${BASE_URL}/evaluations/${walk.projectId}`);
    await stageIs(evaluator, 'start_final');
    await evaluator.getByTestId('evaluation-start-final').click();
    await evaluator.getByTestId('evaluation-start-ok').click();
    await stageIs(evaluator, 'scoring_final');
    await scoreEvaluation(evaluator, FINAL);
    await evaluator.getByTestId('evaluation-total').filter({ hasText: '合计：91 / 100 分' }).waitFor();
    await evaluator.getByTestId('evaluation-form').getByTestId('evaluation-grade').filter({ hasText: '优秀' }).waitFor();
    await evaluator.getByTestId('evaluation-findings').fill('全年按计划开餐，饮食禁忌登记规范，就餐老人满意度高。');
    await evaluator.getByTestId('evaluation-submit').click();
    const dialog = evaluator.locator('.ant-modal').filter({ hasText: '提交终期评估' });
    await dialog.getByText('建议验收通过', { exact: true }).click();
    await evaluator.getByTestId('evaluation-submit-ok').click();
    await stageIs(evaluator, 'acceptance');
    await axe(evaluator);
    await screenshot(evaluator, 'stories-final-evaluation');

    const office = await as('jbmz', false);
    await openProject(office);
    await office.getByTestId('evaluation-decide-accept').click();
    await office.getByTestId('evaluation-decide-ok').click();
    await office.getByTestId('project-status').filter({ hasText: '已验收' }).first().waitFor();
    await tranche(office, 3).getByRole('button', { name: /^拨\s*付$/ }).click();
    await confirmModal(office);
    await tranche(office, 3).getByText(/已于 .* 拨付/).waitFor();
    await axe(office);
    await screenshot(office, 'stories-accepted');
    await inLanguage(office, 'en');
    await office.getByTestId('evaluation-card').waitFor();
    await axe(office);
    await screenshot(office, 'stories-accepted-en');
    await inLanguage(office, 'zh-CN');
  });

  it('王娟 finds her mother\'s meal need resolved through the project and confirms it on her phone', { timeout: 180_000 }, async () => {
    const phone = await as('wangjuan', true);
    await phone.goto(`${BASE_URL}/my-needs/${walk.wangjuanNeed}`);
    await phone.locator('[data-testid=need-state][data-state=resolved]').waitFor();
    await phone.getByTestId('need-project').filter({ hasText: PROJECT }).filter({ hasText: '项目已通过验收' }).waitFor();
    await axe(phone);
    await screenshot(phone, 'stories-need-resolved-phone');
    await phone.getByTestId('confirm-need').click();
    await phone.getByTestId('rating').locator('li').nth(4).click();
    await phone.getByTestId('confirm-comment').fill('妈妈每天中午都去幸福食堂吃饭，谢谢社区');
    await phone.getByTestId('confirm-submit').click();
    await phone.locator('[data-testid=need-state][data-state=closed]').waitFor();
    await fits(phone);
    await axe(phone);
    await screenshot(phone, 'stories-need-confirmed-phone');

    const zhou = await apiAs('zhou');
    const need = await zhou<{ state: string; rating: number }>('GET', `/needs/${walk.wangjuanNeed}`);
    expect(need).toMatchObject({ state: 'closed', rating: 5 });
  });
});
