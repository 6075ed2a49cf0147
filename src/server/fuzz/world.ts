/**
 * A small world for the request fuzzer: one district down to a resident, an organization and
 * its social worker, needs, a common need, a resource, webhooks, Open311 keys, a visit, an
 * attachment and a notification, and a signed-in client per role. Rows come from the modules'
 * test factories; what has no factory is made through the API, as a user would.
 */
import { newId } from '../platform/db/ids.ts';
import type { Role } from '../../common/roles.ts';
import { buildReviewedRound } from '../modules/calls/calls.testing.ts';
import { buildCommonNeed } from '../modules/commonneeds/commonneeds.testing.ts';
import { buildNeed, buildNeedWorld } from '../modules/needs/needs.testing.ts';
import { buildOrganization, fakeUscc } from '../modules/organizations/testing.ts';
import { DEFAULT_EVALUATION_TEMPLATE, leavesOf } from '../modules/projects/projects.evaluation-template.ts';
import { DEFAULT_GRADE_BANDS } from '../modules/projects/projects.grading.ts';
import { buildProject } from '../modules/projects/projects.testing.ts';
import { buildImportJob } from '../modules/territory/import.testing.ts';
import { buildBuilding, buildResident, fakeIdNumber } from '../modules/territory/testing.ts';
import { buildSocialWorker } from '../modules/workforce/testing.ts';
import { Client, clientAs, createUser, type Grant, type TestApp } from '../testing.ts';

export type Who = Role | 'anonymous';
export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>;

/** Answers of the set-up calls must be what a user gets; a failed set-up would hide routes from the fuzzer. */
function created<T = { id: string; apiKey?: string }>(res: { statusCode: number; body: string }, what: string): T {
  if (res.statusCode >= 300) throw new Error(`fuzz world: ${what} answered ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** The world, with a signed-in client for each role in `roles`. */
export async function buildFuzzWorld(t: TestApp, roles: Iterable<Who>) {
  const w = await buildNeedWorld(t.db);
  const d = w.district.id;
  const building = await buildBuilding(t.db, { grid: w.grid });
  const resident = await buildResident(t.db, t.platform.pii, { household: w.household, tags: ['elderly_alone'] });
  const organization = await buildOrganization(t.db, t.platform.pii, { district: w.district, communities: [w.community] });
  const socialWorker = await buildSocialWorker(t.db, t.platform.pii, { organization, communities: [w.community] });
  // An evaluation firm: its evaluators are tied to none of the delivering organizations.
  const firm = await buildOrganization(t.db, t.platform.pii, { district: w.district });

  const grants: Record<Role, Grant> = {
    platform_admin: { role: 'platform_admin', scopeType: 'platform' },
    district_officer: { role: 'district_officer', scopeType: 'district', scopeId: d },
    street_officer: { role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d },
    reviewer: { role: 'reviewer', scopeType: 'street', scopeId: w.street.id, districtId: d },
    community_admin: { role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d },
    community_worker: { role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d },
    social_worker: { role: 'social_worker', scopeType: 'organization', scopeId: organization.id },
    grid_worker: { role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: d },
    resident: { role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: d },
    org_admin: { role: 'org_admin', scopeType: 'organization', scopeId: organization.id },
    supervisor: { role: 'supervisor', scopeType: 'organization', scopeId: organization.id },
    evaluator: { role: 'evaluator', scopeType: 'organization', scopeId: firm.id },
  };
  // The set-up below acts as these roles too.
  const needed = new Set<Who>([...roles, 'community_admin', 'community_worker', 'district_officer', 'street_officer', 'grid_worker', 'resident', 'org_admin', 'social_worker', 'supervisor']);
  const clients = {} as Record<Who, Client & { user?: { id: string; username: string } }>;
  for (const who of needed) clients[who] = who === 'anonymous' ? new Client(t.app) : await clientAs(t, [grants[who]]);
  const staff = clients.community_admin;

  // Users the fuzzer may change, disable, sign out or strip of a role without losing its own clients.
  const victim = await createUser(t.db, [grants.community_worker]);
  const victimAssignment = (await t.db.selectFrom('role_assignments').select('id').where('user_id', '=', victim.id).executeTakeFirstOrThrow()).id;
  const leaver = await clientAs(t, [grants.resident]);
  const spare = new Client(t.app);
  await spare.login(clients.community_worker.user!.username);
  const spareSession = (
    await t.db.selectFrom('sessions').select('id').where('user_id', '=', clients.community_worker.user!.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  ).id;

  const need = await buildNeed(t.db, w, { reporter_user_id: clients.resident.user!.id } as never);
  const otherNeed = await buildNeed(t.db, w, { description: '单元门禁失灵' });
  const commonNeed = await buildCommonNeed(t.db, w, staff.user!.id);
  // A street group, which takes community groups added into it.
  const streetGroup = await buildCommonNeed(t.db, w, staff.user!.id, { level: 'street', community_id: null });
  const notification = newId();
  await t.db.insertInto('notifications').values({ district_id: d, id: notification, user_id: staff.user!.id, need_id: need, kind: 'assigned', state: 'accepted' }).execute();

  const officer = clients.district_officer;
  const resource = created(await staff.post('/api/v1/resources', { kind: 'venue', name: '社区活动室', ownerType: 'community', ownerId: w.community.id, communityId: w.community.id }), 'resource');
  const hook = { districtId: d, url: 'http://127.0.0.1:9/hook', events: ['need.created'] };
  const webhook = created(await officer.post('/api/v1/webhooks', hook), 'webhook');
  const doomedWebhook = created(await officer.post('/api/v1/webhooks', hook), 'webhook to delete');
  const open311Client = created(await officer.post('/api/v1/open311-clients', { districtId: d, name: '市民通' }), 'Open311 client');
  const doomedOpen311Client = created(await officer.post('/api/v1/open311-clients', { districtId: d, name: '将停用' }), 'Open311 client to deactivate');
  const visit = created(
    await clients.grid_worker.post('/api/v1/visits', { householdId: w.household.id, kind: 'routine', visitedAt: new Date().toISOString() }),
    'visit',
  );
  // Two entries: one the fuzzer may repair, one it may object to and answer.
  const listed = (list: string, what: string) =>
    officer
      .post(`/api/v1/organizations/${organization.id}/credit/entries`, { list, enteredOn: '2026-01-05', authority: '区民政局', reason: '未报送年报' })
      .then((res) => created<{ entries: { id: string; list: string }[] }>(res, what).entries.find((e) => e.list === list)!.id);
  const repairEntry = await listed('abnormal', 'credit list entry to repair');
  const objectionEntry = await listed('dishonest', 'credit list entry to object to');
  // Street calls in draft, the first offering an approved project of the street with a reviewer
  // of the street on its panel; two more reviewers of the street could join it.
  const project = (await buildProject(t.db, { districtId: d, streetId: w.street.id, purchaser: 'street', status: 'approved', createdBy: officer.user!.id })).id;
  const reviewer = await createUser(t.db, [grants.reviewer]);
  const callBody = { title: '公益创投', kind: 'venture_philanthropy', streetId: w.street.id, themes: ['为老服务'], deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(), projectIds: [project] };
  const call = created(await clients.street_officer.post('/api/v1/calls', callBody), 'call');
  created(await clients.street_officer.post(`/api/v1/calls/${call.id}/panel`, { userId: reviewer.id, kind: 'expert' }), 'panel member');
  created(await clients.street_officer.post('/api/v1/calls', { ...callBody, projectIds: [] }), 'second call');
  for (let i = 0; i < 2; i++) await createUser(t.db, [grants.reviewer]);
  // An open call on a theme, with the organization's draft application to it.
  const openCall = created(await clients.street_officer.post('/api/v1/calls', { ...callBody, projectIds: [] }), 'open call');
  await t.db.updateTable('calls').set({ status: 'open', opened_at: new Date() }).where('id', '=', openCall.id).execute();
  const application = created(
    await clients.org_admin.post(`/api/v1/calls/${openCall.id}/applications`, { organizationId: organization.id, theme: '为老服务', title: '助老服务' }),
    'application',
  );
  // A ranked round of the street, the world's reviewer on its panel, the organization and a second one applying.
  const secondOrganization = await buildOrganization(t.db, t.platform.pii, { district: w.district, communities: [w.community] });
  const round = await buildReviewedRound(t.db, {
    districtId: d, streetId: w.street.id, organizationIds: [organization.id, secondOrganization.id], reviewerIds: clients.reviewer ? [clients.reviewer.user!.id] : [], createdBy: clients.street_officer.user!.id, status: 'ranked',
  });
  // A round in publicity with one objection lodged by a resident.
  const publicised = await buildReviewedRound(t.db, {
    districtId: d, streetId: w.street.id, organizationIds: [organization.id, secondOrganization.id], reviewerIds: [], createdBy: clients.street_officer.user!.id, status: 'publicity',
  });
  const objection = created(await clients.resident.post(`/api/v1/calls/${publicised.callId}/objections`, { applicationId: publicised.applicationIds[0], body: '场地太小' }), 'objection');
  // Street projects on the ranked round's applications: one contracted (signed, three tranches),
  // one in publicity with its contract still a draft.
  const contractOn = async (status: 'contracted' | 'publicity', applicationId: string) => {
    const projectId = (await buildProject(t.db, { districtId: d, streetId: w.street.id, purchaser: 'street', status, createdBy: officer.user!.id })).id;
    const id = newId();
    const signed = status === 'contracted' ? { status: 'signed' as const, signed_at: new Date(), signed_by: clients.street_officer.user!.id } : {};
    await t.db
      .insertInto('contracts')
      .values({ district_id: d, id, project_id: projectId, call_id: round.callId, application_id: applicationId, organization_id: organization.id, amount_fen: 9_000_000, term_start: '2027-01-01', term_end: '2027-12-31', created_by: clients.street_officer.user!.id, ...signed })
      .execute();
    await t.db
      .insertInto('contract_tranches')
      .values((['signed', 'midterm_passed', 'final_accepted'] as const).map((precondition, i) => ({ district_id: d, contract_id: id, seq: i + 1, amount_fen: 3_000_000, precondition })))
      .execute();
    return { projectId, id };
  };
  const signedContract = await contractOn('contracted', round.applicationIds[0]!);
  const draftContract = await contractOn('publicity', round.applicationIds[1]!);
  // A street project in delivery by the organization, with a weekly activity whose first session
  // is running now (the resident registered for it), and a second activity the fuzzer may cancel.
  const delivering = (await buildProject(t.db, { districtId: d, streetId: w.street.id, communityIds: [w.community.id], purchaser: 'street', status: 'in_delivery', createdBy: officer.user!.id })).id;
  await t.db.updateTable('projects').set({ contractor_organization_id: organization.id }).where('id', '=', delivering).execute();
  const activityBody = {
    communityId: w.community.id, organizationId: organization.id, projectId: delivering, title: '长者助餐', method: 'community_activity', venueResourceId: resource.id, capacity: 20,
    recurrence: 'weekly', firstStartsAt: new Date(Date.now() - 10 * 60_000).toISOString(), durationMinutes: 120, sessions: 3, staffIds: [socialWorker.id],
  };
  const activity = created<{ id: string; sessions: { id: string }[] }>(await clients.org_admin.post('/api/v1/activities', activityBody), 'activity');
  const doomedActivity = created(await clients.org_admin.post('/api/v1/activities', { ...activityBody, title: '健康讲座' }), 'activity to cancel');
  // A progress report of the project in delivery, with a photo as its evidence.
  const today = new Date().toISOString().slice(0, 10);
  const progressReport = created<{ items: { id: string }[] }>(await clients.org_admin.post(`/api/v1/projects/${delivering}/reports`, { periodStart: today, periodEnd: today, narrative: '助餐每周开展' }), 'progress report').items[0]!.id;
  const evidencePhoto = multipart([{ name: 'file', fileName: 'lunch.png', type: 'image/png', content: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 3)]) }]);
  const evidence = created(await clients.org_admin.request('POST', `/api/v1/projects/${delivering}/reports/${progressReport}/evidence`, evidencePhoto.payload, evidencePhoto.headers), 'evidence');
  const session = activity.sessions[0]!.id;
  // Two evaluators of the firm; the world's evaluator is assigned to the project and has a mid-term draft.
  await createUser(t.db, [grants.evaluator]);
  const [evaluation, submittedEvaluation] = [newId(), newId()];
  if (clients.evaluator) {
    const evaluatorId = clients.evaluator.user!.id;
    await t.db.updateTable('projects').set({ evaluator_user_id: evaluatorId }).where('id', '=', delivering).execute();
    await t.db
      .insertInto('project_evaluators')
      .values({ district_id: d, project_id: delivering, user_id: evaluatorId, organization_id: firm.id, template: JSON.stringify(DEFAULT_EVALUATION_TEMPLATE), bands: JSON.stringify(DEFAULT_GRADE_BANDS), assigned_by: clients.street_officer.user!.id })
      .execute();
    await t.db.insertInto('evaluations').values({ district_id: d, id: evaluation, project_id: delivering, kind: 'midterm', evaluator_user_id: evaluatorId, awarded: JSON.stringify({}) }).execute();
    // A submitted one, for its report (the project's state does not follow it: no route here reads that far).
    const full = Object.fromEntries(leavesOf(DEFAULT_EVALUATION_TEMPLATE).map((l) => [l.id, l.points!]));
    await t.db
      .insertInto('evaluations')
      .values({ district_id: d, id: submittedEvaluation, project_id: delivering, kind: 'final', evaluator_user_id: evaluatorId, awarded: JSON.stringify(full), score_halves: 200, grade: 'excellent', conclusion: 'accepted', findings: '按计划完成', submitted_at: new Date() })
      .execute();
  }
  created(await clients.resident.post(`/api/v1/activity-sessions/${session}/registrations`, { residentId: resident.id }), 'registration');
  // A case of the organization: the world's social worker works it under the world's supervisor.
  const caseSupervisor = await buildSocialWorker(t.db, t.platform.pii, { organization, communities: [w.community], userId: clients.supervisor.user!.id });
  const caseWorker = await buildSocialWorker(t.db, t.platform.pii, { organization, communities: [w.community], userId: clients.social_worker.user!.id });
  await t.db.updateTable('social_workers').set({ supervisor_id: caseSupervisor.id }).where('id', '=', caseWorker.id).execute();
  const openCase = () => clients.org_admin.post('/api/v1/cases', { clientResidentId: resident.id, workerId: caseWorker.id, source: 'walk_in', summary: '独居老人情绪低落' });
  const caseId = created(await openCase(), 'case').id;
  created(await clients.social_worker.post(`/api/v1/cases/${caseId}/consents`, { givenBy: 'client', fields: ['name', 'gender_age'], givenOn: today }), 'consent');
  const consentId = (await t.db.selectFrom('case_consents').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
  // A case of the second organization, referred to the world's organization: what its administrator receives and answers.
  const peerWorker = await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: secondOrganization.id }]);
  const peerSupervisor = await createUser(t.db, [{ role: 'supervisor', scopeType: 'organization', scopeId: secondOrganization.id }]);
  const peerSupervisorId = (await buildSocialWorker(t.db, t.platform.pii, { organization: secondOrganization, communities: [w.community], userId: peerSupervisor.id })).id;
  const peerWorkerId = (await buildSocialWorker(t.db, t.platform.pii, { organization: secondOrganization, communities: [w.community], userId: peerWorker.user.id })).id;
  await t.db.updateTable('social_workers').set({ supervisor_id: peerSupervisorId }).where('id', '=', peerWorkerId).execute();
  const peerCase = created(await peerWorker.post('/api/v1/cases', { clientResidentId: resident.id, source: 'walk_in', summary: '需要助餐' }), 'peer case').id;
  created(await peerWorker.post(`/api/v1/cases/${peerCase}/consents`, { givenBy: 'client', fields: ['name'], givenOn: today }), 'peer consent');
  const referTo = (toOrganizationId: string) => peerWorker.post(`/api/v1/cases/${peerCase}/referrals`, { toOrganizationId, reason: '转介助餐服务', fields: ['name'] });
  created(await referTo(organization.id), 'referral');
  const referralId = (await t.db.selectFrom('case_referrals').select('id').where('case_id', '=', peerCase).executeTakeFirstOrThrow()).id;
  // Administrative work the community gives the case's worker.
  const adminTask = created(
    await clients.community_admin.post('/api/v1/admin-tasks', { socialWorkerId: caseWorker.id, communityId: w.community.id, title: '月度报表', category: 'statistics_forms', expectedMinutes: 120, matterCode: null }),
    'admin task',
  ).id;
  created(await clients.street_officer.post('/api/v1/admin-tasks', { socialWorkerId: caseWorker.id, communityId: w.community.id, title: '迎检材料', category: 'inspection', expectedMinutes: 60, matterCode: null }), 'street task');
  const localToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  created(
    await clients.social_worker.put(`/api/v1/work-days/${localToday}`, {
      entries: [{ category: 'casework', minutes: 90 }, { category: 'statistics_forms', minutes: 60, taskId: adminTask }, { category: 'meeting', minutes: 30, origin: 'community', originUnitId: w.community.id }],
    }),
    'work log',
  );
  // Two supervision sessions of the case's supervisor with the case's worker.
  const supervision = () =>
    clients.supervisor.post('/api/v1/supervision-sessions', { superviseeIds: [caseWorker.id], form: 'individual', functions: ['supportive'], heldOn: localToday, minutes: 60, notes: '个案压力疏导' });
  const supervisionId = created(await supervision(), 'supervision').id;
  created(await supervision(), 'second supervision');
  // A volunteer (the resident's own account) credited at a past session of a community activity
  // needing volunteers and signed up for an upcoming one; a partner shop, an offer and a redemption.
  await t.db.updateTable('users').set({ resident_id: resident.id, resident_district_id: d }).where('id', '=', clients.resident.user!.id).execute();
  const volunteer = created(await clients.resident.post('/api/v1/volunteers/me', { skills: ['meal_help'], availability: ['tue_am'] }), 'volunteer').id;
  const volunteerActivity = newId();
  await t.db
    .insertInto('activities')
    .values({ district_id: d, id: volunteerActivity, street_id: w.street.id, community_id: w.community.id, organization_id: null, title: '长者助餐', method: 'community_activity', capacity: 30, recurrence: 'weekly', volunteers_needed: 5, created_by: staff.user!.id })
    .execute();
  const shifts = [-2, 2, 9].map((days, i) => ({ district_id: d, id: newId(), activity_id: volunteerActivity, seq: i + 1, starts_at: new Date(Date.now() + days * 86_400_000), ends_at: new Date(Date.now() + days * 86_400_000 + 7_200_000), checkin_code: '246810' }));
  await t.db.insertInto('activity_sessions').values(shifts).execute();
  const [pastShift, nextShift] = shifts.map((s) => s.id) as [string, string];
  created(await clients.resident.post('/api/v1/volunteer-signups', { sessionId: nextShift }), 'volunteer sign-up');
  created(await staff.put(`/api/v1/activity-sessions/${pastShift}/volunteer-hours`, { entries: [{ volunteerId: volunteer, minutes: 180 }] }), 'verified hours');
  const partner = created(await staff.post('/api/v1/time-bank/partners', { communityId: w.community.id, name: '巧手理发店', staffUsernames: [clients.grid_worker.user!.username] }), 'partner').id;
  const offer = created(await staff.post('/api/v1/time-bank/offers', { communityId: w.community.id, title: '社区茶歇券', points: 5 }), 'offer').id;
  created(await staff.post('/api/v1/time-bank/offers', { communityId: w.community.id, partnerId: partner, title: '理发一次', points: 10 }), 'partner offer');
  const redemption = created(await clients.resident.post('/api/v1/time-bank/redemptions', { offerId: offer }), 'redemption').id;
  // Participation: a micro-project with a photo proposed by the resident, a wish staff recorded
  // for them; a council of three with two topics on two meetings; a draft round and an open one.
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]).toString('base64');
  const proposal = created(await clients.resident.post('/api/v1/proposals', { kind: 'project', title: '加装无障碍坡道', body: '单元门口有台阶', photos: [{ mime: 'image/jpeg', data: jpeg }] }), 'proposal').id;
  created(await staff.post('/api/v1/proposals', { kind: 'wish', title: '老年手机课', body: '希望开课', residentId: resident.id }), 'recorded proposal');
  const members: string[] = [];
  for (const name of ['王某', '李某', '赵某']) members.push(created(await staff.post('/api/v1/council-members', { communityId: w.community.id, name, title: '居民代表' }), 'council member').id);
  const topic = created(await staff.post('/api/v1/council-topics', { communityId: w.community.id, title: '楼道堆物清理', subject: '楼道堆物影响消防通道' }), 'topic').id;
  const secondTopic = created(await staff.post('/api/v1/council-topics', { communityId: w.community.id, title: '文明养犬公约', subject: '制定公约' }), 'topic').id;
  const meeting = created(await staff.post('/api/v1/council-meetings', { communityId: w.community.id, startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: '议事厅', topicIds: [topic] }), 'meeting').id;
  created(await staff.post('/api/v1/council-meetings', { communityId: w.community.id, startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), place: '议事厅', topicIds: [secondTopic] }), 'meeting');
  created(await staff.post(`/api/v1/council-topics/${topic}/opinions`, { meetingId: meeting, memberId: members[0], stance: 'for', text: '同意清理' }), 'opinion');
  const budgetRound = (title: string) => staff.post('/api/v1/budget-rounds', { communityId: w.community.id, title, totalBudgetFen: 10_000_000, rule: 'approval', opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
  const draftRound = created(await budgetRound('明年微项目'), 'draft round').id;
  const openRound = created(await budgetRound('今年微项目'), 'open round').id;
  const candidates: string[] = [];
  for (const [i, title] of ['楼道灯', '健身器材'].entries()) {
    const added = created<{ candidates: { id: string }[] }>(await staff.post(`/api/v1/budget-rounds/${openRound}/candidates`, { title, costFen: (i + 3) * 1_000_000, categoryId: w.category('property_facilities') }), 'candidate');
    candidates.push(added.candidates.at(-1)!.id);
    created(await staff.post(`/api/v1/budget-rounds/${draftRound}/candidates`, { title, costFen: 2_000_000, categoryId: w.category('property_facilities') }), 'draft candidate');
  }
  created(await staff.post(`/api/v1/budget-rounds/${openRound}/open`, {}), 'open round');
  created(await clients.resident.post(`/api/v1/budget-rounds/${openRound}/ballots`, { candidateIds: [candidates[0]] }), 'ballot');
  // The reviewer also sits on the open call's panel: two seats on their home.
  if (clients.reviewer) {
    await t.db.insertInto('call_panel').values({ district_id: d, call_id: openCall.id, user_id: clients.reviewer.user!.id, kind: 'juror', added_by: clients.street_officer.user!.id }).execute();
  }
  const jobOf = (state: 'done' | 'failed') => buildImportJob(t.db, { districtId: d, streetId: w.street.id, communityId: w.community.id, createdBy: clients.community_admin.user!.id, state });
  const importJob = await jobOf('done');
  await jobOf('failed');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
  const upload = multipart([{ name: 'file', fileName: 'photo.png', type: 'image/png', content: png }]);
  const attachment = created(await staff.request('POST', `/api/v1/needs/${need}/attachments`, upload.payload, upload.headers), 'attachment');
  const form = new URLSearchParams({ api_key: open311Client.apiKey!, jurisdiction_id: w.community.code, service_code: 'facility_lighting', lat: '32.151', long: '118.701' });
  const reported = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const open311Need = created<{ service_request_id: string }[]>(reported, 'Open311 request')[0]!.service_request_id;
  const token = (await t.db.selectFrom('needs').select('ref_no').where('id', '=', open311Need).executeTakeFirstOrThrow()).ref_no;

  /** Values for body and query properties by name: ids of the world, and values with a checksum. */
  const ids: Record<string, () => unknown> = {
    districtId: () => d,
    registrationDistrictId: () => d,
    streetId: () => w.street.id,
    communityId: () => w.community.id,
    employerCommunityId: () => w.community.id,
    gridId: () => w.grid.id,
    buildingId: () => building.id,
    householdId: () => w.household.id,
    residentId: () => resident.id,
    reporterResidentId: () => resident.id,
    volunteerId: () => volunteer,
    sessionId: () => nextShift,
    offerId: () => offer,
    partnerId: () => partner,
    categoryId: () => w.category('property_facilities'),
    needId: () => otherNeed,
    needIds: () => [otherNeed],
    duplicateOf: () => otherNeed,
    commonNeedId: () => commonNeed,
    handlerUserId: () => clients.community_worker.user!.id,
    organizationId: () => organization.id,
    employerOrganizationId: () => organization.id,
    referralOrgId: () => organization.id,
    workerId: () => clients.grid_worker.user!.id,
    actorUserId: () => staff.user!.id,
    scopeId: () => w.community.id,
    idNumber: () => fakeIdNumber(),
    uscc: () => fakeUscc(),
    url: () => hook.url,
    events: () => hook.events,
    visitedAt: () => new Date().toISOString(),
    projectIds: () => [project],
    userId: () => reviewer.id,
    socialWorkerId: () => socialWorker.id,
    applicationIds: () => round.applicationIds,
    projectId: () => delivering,
    venueResourceId: () => resource.id,
    staffIds: () => [socialWorker.id],
    clientResidentId: () => resident.id,
    toOrganizationId: () => secondOrganization.id,
    supervisorId: () => caseSupervisor.id,
    taskId: () => adminTask,
    superviseeIds: () => [caseWorker.id],
    originUnitId: () => w.community.id,
    meetingId: () => meeting,
    memberId: () => members[0],
    topicIds: () => [secondTopic],
    attendeeIds: () => members,
    candidateIds: () => [candidates[1]],
    roundId: () => draftRound,
    sourceId: () => commonNeed,
  };

  /** Path parameters by route: records of the world, and records the fuzzer may use up. */
  const pathValues: Record<string, Record<string, string>> = {
    '/api/v1/me/sessions/{id}': { id: spareSession },
    '/api/v1/users/{id}': { id: victim.id },
    '/api/v1/users/{id}/password': { id: victim.id },
    '/api/v1/users/{id}/roles': { id: victim.id },
    '/api/v1/users/{id}/roles/{assignmentId}': { id: victim.id, assignmentId: victimAssignment },
    '/api/v1/districts/{id}': { id: d },
    '/api/v1/districts/{id}/tag-synonyms': { id: d },
    '/api/v1/streets/{id}': { id: w.street.id },
    '/api/v1/communities/{id}': { id: w.community.id },
    '/api/v1/communities/{id}/three-lists': { id: w.community.id },
    '/api/v1/grids/{id}': { id: w.grid.id },
    '/api/v1/grids/{id}/visit-coverage': { id: w.grid.id },
    '/api/v1/buildings/{id}': { id: building.id },
    '/api/v1/households/{id}': { id: w.household.id },
    '/api/v1/residents/{id}': { id: resident.id },
    '/api/v1/residents/{id}/reveal': { id: resident.id },
    '/api/v1/organizations/{id}': { id: organization.id },
    '/api/v1/organizations/{id}/reveal': { id: organization.id },
    '/api/v1/organizations/{id}/credit': { id: organization.id },
    '/api/v1/organizations/{id}/credit/records': { id: organization.id },
    '/api/v1/organizations/{id}/credit/entries': { id: organization.id },
    '/api/v1/organizations/{id}/credit/entries/{entryId}/repair': { id: organization.id, entryId: repairEntry },
    '/api/v1/organizations/{id}/credit/entries/{entryId}/objections': { id: organization.id, entryId: objectionEntry },
    '/api/v1/organizations/{id}/credit/entries/{entryId}/answer': { id: organization.id, entryId: objectionEntry },
    '/api/v1/social-workers/{id}': { id: socialWorker.id },
    '/api/v1/social-workers/{id}/reveal': { id: socialWorker.id },
    '/api/v1/need-categories/{id}': { id: w.category('property_facilities') },
    '/api/v1/calendar-days/{date}': { date: '2026-10-09' },
    '/api/v1/needs/{id}': { id: need },
    '/api/v1/needs/{id}/duplicates': { id: need },
    '/api/v1/needs/{id}/handlers': { id: need },
    '/api/v1/needs/{id}/transitions': { id: need },
    '/api/v1/needs/{id}/split': { id: need },
    '/api/v1/needs/{id}/attachments': { id: need },
    '/api/v1/needs/{id}/attachments/{attachmentId}/content': { id: need, attachmentId: attachment.id },
    '/api/v1/notifications/{id}/read': { id: notification },
    '/api/v1/common-needs/{id}': { id: commonNeed },
    '/api/v1/common-needs/{id}/needs': { id: commonNeed },
    '/api/v1/common-needs/{id}/groups': { id: streetGroup },
    '/api/v1/common-needs/{id}/commitments': { id: commonNeed },
    '/api/v1/calls/{id}': { id: call.id },
    '/api/v1/imports/jobs/{id}': { id: importJob.id },
    '/api/v1/calls/{id}/panel': { id: call.id },
    '/api/v1/calls/{id}/panel-candidates': { id: call.id },
    '/api/v1/calls/{id}/panel/{userId}': { id: call.id, userId: reviewer.id },
    '/api/v1/calls/{id}/transitions': { id: call.id },
    '/api/v1/calls/{id}/eligibility': { id: openCall.id },
    '/api/v1/calls/{id}/applications': { id: openCall.id },
    '/api/v1/calls/{id}/review-sheet': { id: round.callId },
    '/api/v1/calls/{id}/review-progress': { id: round.callId },
    '/api/v1/calls/{id}/ranking': { id: round.callId },
    '/api/v1/calls/{id}/ranking.xlsx': { id: round.callId },
    '/api/v1/calls/{id}/publicity': { id: round.callId },
    '/api/v1/calls/{id}/objections': { id: publicised.callId },
    '/api/v1/calls/{id}/objections/{objectionId}/answer': { id: publicised.callId, objectionId: objection.id },
    '/api/v1/projects/{id}/contract': { id: signedContract.projectId },
    'POST /api/v1/projects/{id}/contract': { id: draftContract.projectId },
    '/api/v1/contracts/{id}/sign': { id: draftContract.id },
    '/api/v1/contracts/{id}/tranches/{seq}/release': { id: signedContract.id, seq: '1' },
    '/api/v1/contracts/{id}/terminate': { id: signedContract.id },
    '/api/v1/projects/{id}/delivery': { id: delivering },
    '/api/v1/projects/{id}/evaluations': { id: delivering },
    '/api/v1/organizations/{id}/track-record': { id: organization.id },
    '/api/v1/projects/{id}/reports': { id: delivering },
    '/api/v1/projects/{id}/reports/{reportId}/evidence': { id: delivering, reportId: progressReport },
    '/api/v1/projects/{id}/reports/{reportId}/evidence/{evidenceId}': { id: delivering, reportId: progressReport, evidenceId: evidence.id },
    '/api/v1/projects/{id}/evaluator-candidates': { id: delivering },
    '/api/v1/projects/{id}/evaluator': { id: delivering },
    '/api/v1/evaluations/{id}': { id: evaluation },
    '/api/v1/evaluations/{id}/submit': { id: evaluation },
    '/api/v1/evaluations/{id}/rectification': { id: evaluation },
    '/api/v1/evaluations/{id}/recheck': { id: evaluation },
    '/api/v1/evaluations/{id}/report.pdf': { id: submittedEvaluation },
    '/api/v1/activities/{id}': { id: activity.id },
    ...Object.fromEntries(['', '/assessment', '/plan', '/sessions', '/closing', '/review', '/transfer', '/reopen', '/consents', '/referrals'].map((step) => [`/api/v1/cases/{id}${step}`, { id: caseId }])),
    '/api/v1/cases/{id}/consents/{consentId}/withdraw': { id: caseId, consentId },
    '/api/v1/referrals/{id}': { id: referralId },
    '/api/v1/work-days/{day}': { day: localToday },
    '/api/v1/supervision-sessions/{id}': { id: supervisionId },
    '/api/v1/volunteers/{id}': { id: volunteer },
    '/api/v1/activity-sessions/{id}/volunteers': { id: pastShift },
    '/api/v1/activity-sessions/{id}/volunteer-hours': { id: pastShift },
    '/api/v1/time-bank/partners/{id}': { id: partner },
    '/api/v1/time-bank/offers/{id}': { id: offer },
    ...Object.fromEntries(['confirm', 'decline', 'cancel'].map((step) => [`/api/v1/time-bank/redemptions/{id}/${step}`, { id: redemption }])),
    '/api/v1/social-workers/{id}/continuing-education': { id: caseWorker.id },
    ...Object.fromEntries(['', '/supports', '/supports/withdraw', '/withdraw', '/decline'].map((step) => [`/api/v1/proposals/{id}${step}`, { id: proposal }])),
    '/api/v1/proposals/{id}/photos/{seq}': { id: proposal, seq: '1' },
    '/api/v1/council-members/{id}': { id: members[2]! },
    ...Object.fromEntries(['', '/opinions', '/decision', '/feedback'].map((step) => [`/api/v1/council-topics/{id}${step}`, { id: topic }])),
    '/api/v1/council-meetings/{id}': { id: meeting },
    ...Object.fromEntries(['', '/candidates', '/open'].map((step) => [`/api/v1/budget-rounds/{id}${step}`, { id: draftRound }])),
    ...Object.fromEntries(['/ballots', '/ballots/household', '/count', '/publish'].map((step) => [`/api/v1/budget-rounds/{id}${step}`, { id: openRound }])),
    '/api/v1/budget-rounds/{id}/candidates/{candidateId}/remove': { id: openRound, candidateId: candidates[1]! },
    ...Object.fromEntries(['', '/complete', '/withdraw'].map((step) => [`/api/v1/admin-tasks/{id}${step}`, { id: adminTask }])),
    '/api/v1/referrals/{id}/answer': { id: referralId },
    '/api/v1/activities/{id}/cancel': { id: doomedActivity.id },
    '/api/v1/activity-sessions/{id}/roster': { id: session },
    '/api/v1/activity-sessions/{id}/attendance': { id: session },
    '/api/v1/activity-sessions/{id}/attendance/{residentId}': { id: session, residentId: resident.id },
    '/api/v1/activity-sessions/{id}/registrations': { id: session },
    '/api/v1/activity-sessions/{id}/registrations/{residentId}': { id: session, residentId: resident.id },
    '/api/v1/activity-sessions/{id}/check-in': { id: session },
    '/api/v1/activity-sessions/{id}/feedback': { id: session },
    '/api/v1/public/calendars/communities/{id}/activities.ics': { id: w.community.id },
    '/api/v1/public/calendars/organizations/{id}/activities.ics': { id: organization.id },
    '/api/v1/applications/{id}': { id: application.id },
    '/api/v1/applications/{id}/transitions': { id: application.id },
    '/api/v1/applications/{id}/declaration': { id: application.id },
    '/api/v1/applications/{id}/review': { id: application.id },
    '/api/v1/resources/{id}': { id: resource.id },
    '/api/v1/resources/{id}/reveal': { id: resource.id },
    '/api/v1/webhooks/{id}': { id: webhook.id },
    'DELETE /api/v1/webhooks/{id}': { id: doomedWebhook.id },
    '/api/v1/webhooks/{id}/deliveries': { id: webhook.id },
    '/api/v1/webhooks/{id}/test': { id: webhook.id },
    '/api/v1/open311-clients/{id}/deactivate': { id: doomedOpen311Client.id },
    '/api/v1/visits/{id}': { id: visit.id },
    '/api/v1/resident-tags/{code}': { code: 'elderly_alone' },
    '/open311/v2/services/{file}': { file: 'facility_lighting.json' },
    '/open311/v2/requests/{file}': { file: `${open311Need}.json` },
    '/open311/v2/tokens/{file}': { file: `${token}.json` },
  };

  return { ...w, building, resident, organization, socialWorker, clients, leaver, victim, ids, pathValues, open311Key: open311Client.apiKey!, need, openCase, referTo };
}

export interface Part {
  name: string;
  value?: string | Buffer;
  fileName?: string | Buffer;
  type?: string;
  content?: Buffer;
}

/** A multipart/form-data body built byte by byte, so that names and values may hold any bytes. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sanshefuzz7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const fileName = p.fileName === undefined ? [] : [Buffer.from('; filename="'), Buffer.from(p.fileName), Buffer.from('"')];
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`), ...fileName);
    chunks.push(Buffer.from(p.type ? `\r\nContent-Type: ${p.type}\r\n\r\n` : '\r\n\r\n'));
    chunks.push(Buffer.from(p.content ?? p.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
