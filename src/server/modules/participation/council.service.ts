import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { userDisplayNames } from '../accounts/index.ts';
import { createCommonNeed, updateCommonNeed, visibleOrigin } from '../commonneeds/index.ts';
import { activeCategory } from '../needs/index.ts';
import { gridLabels, residentNames, residentPlace } from '../territory/index.ts';
import { addCandidateFromTopic } from './budget.service.ts';
import { affairIn, callerHouseholds, communityAt, surnameOnly, text, type HouseholdPlace } from './participation.places.ts';
import { councilPolicy } from './participation.policy.ts';
import type * as S from './participation.schemas.ts';
import { settingsOf } from './participation.settings.ts';
import type { CouncilMeetingsTable, CouncilTopicsTable } from './participation.tables.ts';
import { communityNamesOf, type ProposalRow } from './proposals.service.ts';

type TopicRow = Selectable<CouncilTopicsTable>;
type MeetingRow = Selectable<CouncilMeetingsTable>;
const LIST_LIMIT = 300;
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The council of a community the caller may read, as the policy sees it; otherwise 404 — on the
 * field that named the community, or plain (null) when a record in the path led to it.
 */
async function councilOf(ctx: RequestContext, communityId: string, field: string | null = 'communityId') {
  const actor = requireActor(ctx);
  const hidden = () => (field ? notFoundAt(field) : new AppError('resource.not_found'));
  // a record in the path names a community that exists: only a body's id can name none
  const place = await communityAt(ctx, communityId, field ?? undefined);
  const record = affairIn({ ...place, communityIds: [communityId] }, await callerHouseholds(ctx));
  if (!councilPolicy.can(actor, 'read', record)) throw hidden();
  return { actor, place, record, canManage: councilPolicy.can(actor, 'manage', record) };
}

const managed = async (ctx: RequestContext, communityId: string, field?: string) => {
  const c = await councilOf(ctx, communityId, field);
  councilPolicy.authorize(c.actor, 'manage', c.record);
  return c;
};

// ── members ──
const memberView = (m: Selectable<DB['council_members']>): S.Member => ({ id: m.id, communityId: m.community_id, name: m.name, title: m.title, residentId: m.resident_id, active: m.active });

function activeMembers(db: Kysely<DB>, districtId: string, communityId: string) {
  return db.selectFrom('council_members').selectAll().where('district_id', '=', districtId).where('community_id', '=', communityId).where('active', '=', true).orderBy('created_at').execute();
}

export async function listMembers(ctx: RequestContext, communityId: string) {
  const { place, canManage } = await councilOf(ctx, communityId);
  const rows = await ctx.db.selectFrom('council_members').selectAll().where('district_id', '=', place.districtId).where('community_id', '=', communityId).orderBy('active', 'desc').orderBy('created_at').execute();
  return { items: rows.map(memberView), canManage };
}

export async function addMember(ctx: RequestContext, body: S.MemberBody): Promise<S.Member> {
  const { place } = await managed(ctx, body.communityId);
  if (body.residentId) {
    const r = await residentPlace(ctx.db, place.districtId, body.residentId);
    if (r?.communityId !== body.communityId) throw notFoundAt('residentId');
  }
  const values = { district_id: place.districtId, id: newId(), community_id: body.communityId, name: text(body.name, 'name'), title: body.title?.trim() ?? '', resident_id: body.residentId ?? null };
  const row = await command(ctx, async ({ trx, audit }) => {
    const written = await trx.insertInto('council_members').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'council.member_add', entityType: 'council_member', entityId: values.id, districtId: place.districtId, after: values });
    return written;
  });
  return memberView(row);
}

export async function updateMember(ctx: RequestContext, id: string, body: S.MemberPatch): Promise<S.Member> {
  const m = await ctx.db.selectFrom('council_members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('resource.not_found');
  const c = await councilOf(ctx, m.community_id, null);
  councilPolicy.authorize(c.actor, 'manage', c.record);
  const change = { ...(body.name !== undefined && { name: text(body.name, 'name') }), ...(body.title !== undefined && { title: body.title.trim() }), ...(body.active !== undefined && { active: body.active }) };
  const row = await command(ctx, async ({ trx, audit }) => {
    const written = await trx.updateTable('council_members').set(change).where('district_id', '=', m.district_id).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'council.member_update', entityType: 'council_member', entityId: id, districtId: m.district_id, before: { name: m.name, title: m.title, active: m.active }, after: change });
    return written;
  });
  return memberView(row);
}

// ── topics ──
async function meetingsById(db: Kysely<DB>, districtId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, MeetingRow>();
  const rows = await db.selectFrom('council_meetings').selectAll().where('district_id', '=', districtId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((m) => [m.id, m]));
}

async function topicSummaries(ctx: RequestContext, rows: TopicRow[]): Promise<S.TopicSummary[]> {
  if (rows.length === 0) return [];
  const districtId = rows[0]!.district_id;
  const actor = requireActor(ctx);
  const [meetings, names, households] = await Promise.all([meetingsById(ctx.db, districtId, rows.flatMap((t) => (t.meeting_id ? [t.meeting_id] : []))), communityNamesOf(ctx, rows.map((t) => t.community_id)), callerHouseholds(ctx)]);
  // a resident who proposed is named to residents as 孙某
  const proposer = (t: TopicRow) => (t.source !== 'proposal' || councilPolicy.can(actor, 'read_names', affairIn({ districtId: t.district_id, streetId: t.street_id, communityIds: [t.community_id] }, households)) ? t.proposer : surnameOnly(t.proposer));
  return rows.map((t) => {
    const m = t.meeting_id ? meetings.get(t.meeting_id) : undefined;
    return {
      id: t.id,
      community: { id: t.community_id, name: names.get(t.community_id) ?? '' },
      title: t.title,
      source: t.source,
      proposalId: t.proposal_id,
      proposer: proposer(t),
      status: t.status,
      meeting: m ? { id: m.id, startsAt: iso(m.starts_at), place: m.place, status: m.status } : null,
      votes: t.votes_for === null ? null : { for: t.votes_for, against: t.votes_against!, abstain: t.votes_abstain! },
      decidedAt: t.decided_at ? iso(t.decided_at) : null,
      createdAt: iso(t.created_at),
    };
  });
}

async function readableTopic(ctx: RequestContext, id: string) {
  const row = await ctx.db.selectFrom('council_topics').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  const c = await councilOf(ctx, row.community_id, null);
  return { ...c, row };
}

export async function listTopics(ctx: RequestContext, q: S.TopicListQuery) {
  if (!q.communityId) throw invalid({ field: 'communityId', code: 'participation.unit_required' });
  const { place } = await councilOf(ctx, q.communityId);
  let query = ctx.db.selectFrom('council_topics').selectAll().where('district_id', '=', place.districtId).where('community_id', '=', q.communityId).orderBy('created_at', 'desc').limit(LIST_LIMIT);
  if (q.status) query = query.where('status', '=', q.status);
  return { items: await topicSummaries(ctx, await query.execute()) };
}

export async function getTopic(ctx: RequestContext, id: string): Promise<S.TopicDetail> {
  const { row, canManage, actor, record } = await readableTopic(ctx, id);
  const d = row.district_id;
  const [[summary], opinions, votes, feedback, members, settings, grids, followUp] = await Promise.all([
    topicSummaries(ctx, [row]),
    ctx.db.selectFrom('topic_opinions').selectAll().where('district_id', '=', d).where('topic_id', '=', id).orderBy('created_at').execute(),
    ctx.db.selectFrom('topic_votes as v').innerJoin('council_members as m', (j) => j.onRef('m.district_id', '=', 'v.district_id').onRef('m.id', '=', 'v.member_id')).select(['v.member_id', 'v.choice', 'm.name']).where('v.district_id', '=', d).where('v.topic_id', '=', id).orderBy('m.created_at').execute(),
    ctx.db.selectFrom('topic_feedback').selectAll().where('district_id', '=', d).where('topic_id', '=', id).orderBy('created_at').execute(),
    activeMembers(ctx.db, d, row.community_id),
    settingsOf(ctx.db, row.community_id),
    gridLabels(ctx.db, row.affected_grid_ids.map((gridId) => ({ districtId: d, gridId }))),
    followUpOf(ctx, row),
  ]);
  const byUser = await userDisplayNames(ctx.db, [...new Set(feedback.map((f) => f.by_user))]);
  const actions: S.TopicDetail['actions'] = [];
  if (canManage) {
    if (row.status === 'open') actions.push('schedule', 'opinion', 'decide');
    if (row.status === 'open' && councilPolicy.can(actor, 'pool', record)) actions.push('pool');
    if (row.status === 'passed' || row.status === 'implementing') actions.push('feedback');
  }
  return {
    ...summary!,
    subject: row.subject,
    affected: row.affected,
    affectedGrids: row.affected_grid_ids.map((g) => ({ id: g, name: grids.get(g)?.name ?? '' })),
    decision: row.decision,
    followUp,
    opinions: opinions.map((o) => ({ id: o.id, meetingId: o.meeting_id, speaker: o.speaker, stance: o.stance, text: o.text, createdAt: iso(o.created_at) })),
    memberVotes: votes.map((v) => ({ memberId: v.member_id, name: v.name, choice: v.choice })),
    feedback: feedback.map((f) => ({ id: f.id, text: f.text, done: f.done, by: byUser.get(f.by_user) ?? '', at: iso(f.created_at) })),
    quorum: { members: members.length, needed: quorumOf(members.length, settings.quorumPercent), percent: settings.quorumPercent },
    actions,
  };
}


async function followUpOf(ctx: RequestContext, t: TopicRow): Promise<S.TopicDetail['followUp']> {
  if (!t.follow_up || !t.follow_up_id) return null;
  if (t.follow_up === 'budget') {
    const c = await ctx.db.selectFrom('budget_candidates').select(['round_id', 'title']).where('district_id', '=', t.district_id).where('id', '=', t.follow_up_id).executeTakeFirst();
    return c ? { kind: 'budget', id: c.round_id, label: c.title } : null;
  }
  return { kind: 'common_need', id: t.follow_up_id, label: t.title };
}

/** Members who must attend: the community's share of its active members, rounded up (at least one). */
export const quorumOf = (members: number, percent: number) => Math.max(1, Math.ceil((members * percent) / 100));

/** Staff put a topic on the agenda: their own, or a common need of the community. */
export async function createTopic(ctx: RequestContext, body: S.TopicBody): Promise<S.TopicDetail> {
  const { actor, place } = await managed(ctx, body.communityId);
  if (body.commonNeedId) {
    const origin = await referenced('commonNeedId', () => visibleOrigin(ctx, body.commonNeedId!));
    if (!origin.communityIds.includes(body.communityId)) throw notFoundAt('commonNeedId');
  }
  const grids = body.affectedGridIds ?? [];
  if (grids.length > 0) {
    const found = await ctx.db.selectFrom('grids').select('id').where('district_id', '=', place.districtId).where('community_id', '=', body.communityId).where('id', 'in', grids).execute();
    const known = new Set(found.map((g) => g.id));
    grids.forEach((g, i) => {
      if (!known.has(g)) throw notFoundAt(`affectedGridIds.${i}`);
    });
  }
  const id = newId();
  const values = {
    district_id: place.districtId, id, street_id: place.streetId, community_id: body.communityId, source: body.commonNeedId ? ('common_need' as const) : ('staff' as const), proposal_id: null, common_need_id: body.commonNeedId ?? null,
    title: text(body.title, 'title'), subject: text(body.subject, 'subject'), proposer: body.proposer?.trim() || actor.displayName, affected: body.affected?.trim() ?? '', affected_grid_ids: grids, created_by: actor.userId,
  };
  await insertTopic(ctx, values);
  return getTopic(ctx, id);
}

function insertTopic(ctx: RequestContext, values: Insertable<CouncilTopicsTable> & { id: string }) {
  return command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('council_topics').values(values).execute();
    await audit({ action: 'council.topic_create', entityType: 'council_topic', entityId: values.id, districtId: values.district_id, after: values });
  });
}

/** A micro-project proposal that reached its supports becomes a council topic (in the caller's transaction). */
export async function openTopicFromProposal(ctx: RequestContext, p: ProposalRow): Promise<string> {
  const actor = requireActor(ctx);
  const name = p.resident_id ? ((await residentNames(ctx.db, p.district_id, [p.resident_id])).get(p.resident_id) ?? '') : '';
  const id = newId();
  await insertTopic(ctx, {
    district_id: p.district_id, id, street_id: p.street_id, community_id: p.community_id, source: 'proposal', proposal_id: p.id, common_need_id: null,
    title: p.title, subject: p.body, proposer: name || '居民', affected: p.place, affected_grid_ids: p.grid_id ? [p.grid_id] : [], created_by: actor.userId,
  });
  return id;
}

export async function addOpinion(ctx: RequestContext, id: string, body: S.OpinionBody): Promise<S.TopicDetail> {
  const { actor, record, row } = await readableTopic(ctx, id);
  councilPolicy.authorize(actor, 'manage', record);
  if (row.status !== 'open') throw new AppError('council.topic_decided', { status: row.status });
  const meeting = await meetingOfTopic(ctx, row, body.meetingId);
  let speaker = body.speaker?.trim() ?? '';
  if (body.memberId) {
    const m = await ctx.db.selectFrom('council_members').select(['name', 'community_id']).where('district_id', '=', row.district_id).where('id', '=', body.memberId).executeTakeFirst();
    if (m?.community_id !== row.community_id) throw notFoundAt('memberId');
    speaker ||= m.name;
  }
  const values = { district_id: row.district_id, id: newId(), topic_id: id, meeting_id: meeting.id, speaker: text(speaker, 'speaker'), member_id: body.memberId ?? null, stance: body.stance, text: text(body.text, 'text'), recorded_by: actor.userId };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('topic_opinions').values(values).execute();
    await audit({ action: 'council.opinion', entityType: 'council_topic', entityId: id, districtId: row.district_id, after: values });
  });
  return getTopic(ctx, id);
}

async function meetingOfTopic(ctx: RequestContext, t: TopicRow, meetingId: string) {
  const m = await ctx.db.selectFrom('council_meetings').selectAll().where('district_id', '=', t.district_id).where('id', '=', meetingId).executeTakeFirst();
  if (!m || m.community_id !== t.community_id) throw notFoundAt('meetingId');
  if (t.meeting_id !== m.id) throw invalid({ field: 'meetingId', code: 'council.topic_not_on_meeting' });
  return m;
}

/**
 * The members' vote at a held meeting. It counts when the attending members reach the
 * community's quorum; it passes when those for are more than half of the members present.
 * A passed topic sets its follow-up going in the same transaction.
 */
export async function decide(ctx: RequestContext, id: string, body: S.DecisionBody): Promise<S.TopicDetail> {
  const { actor, record, row } = await readableTopic(ctx, id);
  councilPolicy.authorize(actor, 'manage', record);
  if (body.followUp?.kind === 'common_need') councilPolicy.authorize(actor, 'pool', record);
  if (row.status !== 'open') throw new AppError('council.topic_decided', { status: row.status });
  const meeting = await meetingOfTopic(ctx, row, body.meetingId);
  if (meeting.status !== 'held') throw new AppError('council.meeting_not_held');
  const [members, settings] = await Promise.all([activeMembers(ctx.db, row.district_id, row.community_id), settingsOf(ctx.db, row.community_id)]);
  if (members.length === 0) throw new AppError('council.no_members');
  const memberIds = new Set(members.map((m) => m.id));
  const present = meeting.attendee_ids.filter((a) => memberIds.has(a));
  const needed = quorumOf(members.length, settings.quorumPercent);
  if (present.length < needed) throw new AppError('council.quorum_not_met', { present: present.length, needed });
  const seen = new Set<string>();
  body.votes.forEach((v, i) => {
    if (!memberIds.has(v.memberId)) throw notFoundAt(`votes.${i}.memberId`);
    if (seen.has(v.memberId)) throw invalid({ field: `votes.${i}.memberId`, code: 'council.voted_twice' });
    seen.add(v.memberId);
    if (!present.includes(v.memberId)) throw invalid({ field: `votes.${i}.memberId`, code: 'council.not_attending' });
  });
  if (body.followUp) await activeCategory(ctx, ctx.db, row.district_id, body.followUp.categoryId, 'followUp.categoryId');
  const count = (c: string) => body.votes.filter((v) => v.choice === c).length;
  const votes = { for: count('for'), against: count('against'), abstain: count('abstain') };
  const passed = votes.for * 2 > present.length;
  const decision = text(body.decision, 'decision');
  await withinTransaction(ctx, async (tx) => {
    let followUp: { kind: 'budget' | 'common_need'; id: string } | null = null;
    if (passed && body.followUp?.kind === 'budget') {
      followUp = { kind: 'budget', id: await addCandidateFromTopic(tx, row, body.followUp) };
    } else if (passed && body.followUp?.kind === 'common_need') {
      const need = await createCommonNeed(tx, { communityId: row.community_id, categoryId: body.followUp.categoryId, title: row.title, description: `${decision}\n${row.subject}`.slice(0, 2000) });
      await updateCommonNeed(tx, need.id, { status: 'candidate' });
      followUp = { kind: 'common_need', id: need.id };
    }
    await command(tx, async ({ trx, audit }) => {
      const change = { status: passed ? ('passed' as const) : ('rejected' as const), votes_for: votes.for, votes_against: votes.against, votes_abstain: votes.abstain, decision, decided_at: new Date(), follow_up: followUp?.kind ?? null, follow_up_id: followUp?.id ?? null };
      const moved = await trx.updateTable('council_topics').set(change).where('district_id', '=', row.district_id).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('council.topic_decided', { status: 'changed' });
      await trx.insertInto('topic_votes').values(body.votes.map((v) => ({ district_id: row.district_id, topic_id: id, member_id: v.memberId, choice: v.choice }))).execute();
      await audit({ action: 'council.decide', entityType: 'council_topic', entityId: id, districtId: row.district_id, before: { status: 'open' }, after: { ...change, present: present.length, needed, votes: body.votes } });
    });
  });
  return getTopic(ctx, id);
}

export async function addFeedback(ctx: RequestContext, id: string, body: S.FeedbackBody): Promise<S.TopicDetail> {
  const { actor, record, row } = await readableTopic(ctx, id);
  councilPolicy.authorize(actor, 'manage', record);
  if (row.status === 'done') throw new AppError('council.topic_closed');
  if (row.status !== 'passed' && row.status !== 'implementing') throw new AppError('council.topic_not_decided');
  const values = { district_id: row.district_id, id: newId(), topic_id: id, text: text(body.text, 'text'), done: body.done, by_user: actor.userId };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('topic_feedback').values(values).execute();
    const status = body.done ? ('done' as const) : ('implementing' as const);
    await trx.updateTable('council_topics').set({ status }).where('district_id', '=', row.district_id).where('id', '=', id).execute();
    await audit({ action: 'council.report_back', entityType: 'council_topic', entityId: id, districtId: row.district_id, before: { status: row.status }, after: { ...values, status } });
  });
  return getTopic(ctx, id);
}

// ── meetings ──
async function meetingView(ctx: RequestContext, m: MeetingRow, canManage: boolean): Promise<S.Meeting> {
  const [topics, members, names] = await Promise.all([
    ctx.db.selectFrom('council_topics').selectAll().where('district_id', '=', m.district_id).where('meeting_id', '=', m.id).orderBy('created_at').execute(),
    m.attendee_ids.length ? ctx.db.selectFrom('council_members').select(['id', 'name']).where('district_id', '=', m.district_id).where('id', 'in', m.attendee_ids).execute() : Promise.resolve([]),
    communityNamesOf(ctx, [m.community_id]),
  ]);
  return {
    id: m.id,
    community: { id: m.community_id, name: names.get(m.community_id) ?? '' },
    startsAt: iso(m.starts_at),
    place: m.place,
    status: m.status,
    attendees: members.map((a) => ({ id: a.id, name: a.name })),
    guests: m.guests,
    minutes: m.minutes,
    topics: await topicSummaries(ctx, topics),
    canManage,
  };
}

export async function listMeetings(ctx: RequestContext, communityId: string) {
  const { place } = await councilOf(ctx, communityId);
  const rows = await ctx.db
    .selectFrom('council_meetings as m')
    .select(['m.id', 'm.starts_at', 'm.place', 'm.status', 'm.community_id', (eb) => eb.selectFrom('council_topics as t').select((e) => e.fn.countAll<string>().as('n')).whereRef('t.district_id', '=', 'm.district_id').whereRef('t.meeting_id', '=', 'm.id').as('topics')])
    .where('m.district_id', '=', place.districtId)
    .where('m.community_id', '=', communityId)
    .orderBy('m.starts_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  const name = (await communityNamesOf(ctx, [communityId])).get(communityId) ?? '';
  return { items: rows.map((m) => ({ id: m.id, community: { id: communityId, name }, startsAt: iso(m.starts_at), place: m.place, status: m.status, topicCount: Number(m.topics ?? 0) })) };
}

/** Puts open topics of the community on a planned meeting's agenda (a topic is on one meeting at a time). */
async function schedule(ctx: RequestContext, m: { district_id: string; id: string; community_id: string }, topicIds: string[]) {
  if (topicIds.length === 0) return;
  const topics = await ctx.db.selectFrom('council_topics').select(['id', 'community_id', 'status', 'meeting_id']).where('district_id', '=', m.district_id).where('id', 'in', topicIds).execute();
  const byId = new Map(topics.map((t) => [t.id, t]));
  topicIds.forEach((tid, i) => {
    const t = byId.get(tid);
    if (!t || t.community_id !== m.community_id) throw notFoundAt(`topicIds.${i}`);
    if (t.status !== 'open') throw invalid({ field: `topicIds.${i}`, code: 'council.topic_decided' });
  });
  await ctx.db.updateTable('council_topics').set({ meeting_id: m.id }).where('district_id', '=', m.district_id).where('id', 'in', topicIds).where('status', '=', 'open').execute();
}

export async function createMeeting(ctx: RequestContext, body: S.MeetingBody): Promise<S.Meeting> {
  const { actor, place } = await managed(ctx, body.communityId);
  const values = { district_id: place.districtId, id: newId(), community_id: body.communityId, starts_at: new Date(body.startsAt), place: text(body.place, 'place'), created_by: actor.userId };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('council_meetings').values(values).execute();
    await schedule({ ...ctx, db: trx }, values, body.topicIds);
    await audit({ action: 'council.meeting_create', entityType: 'council_meeting', entityId: values.id, districtId: place.districtId, after: { ...values, topicIds: body.topicIds } });
  });
  return getMeeting(ctx, values.id);
}

async function readableMeeting(ctx: RequestContext, id: string) {
  const m = await ctx.db.selectFrom('council_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('resource.not_found');
  const c = await councilOf(ctx, m.community_id, null);
  return { ...c, m };
}

export async function getMeeting(ctx: RequestContext, id: string): Promise<S.Meeting> {
  const { m, canManage } = await readableMeeting(ctx, id);
  return meetingView(ctx, m, canManage);
}

export async function updateMeeting(ctx: RequestContext, id: string, body: S.MeetingPatch): Promise<S.Meeting> {
  const { actor, record, m } = await readableMeeting(ctx, id);
  councilPolicy.authorize(actor, 'manage', record);
  if (body.topicIds && m.status === 'held') throw new AppError('council.meeting_held');
  if (body.attendeeIds) {
    // who attended decided whether a vote counted: it stays as it was once a topic was voted on
    const decided = await ctx.db.selectFrom('council_topics').select('id').where('district_id', '=', m.district_id).where('meeting_id', '=', id).where('decided_at', 'is not', null).executeTakeFirst();
    if (decided) throw new AppError('council.attendance_decided');
  }
  if (body.attendeeIds?.length) {
    const found = await ctx.db.selectFrom('council_members').select('id').where('district_id', '=', m.district_id).where('community_id', '=', m.community_id).where('id', 'in', body.attendeeIds).execute();
    const known = new Set(found.map((f) => f.id));
    body.attendeeIds.forEach((a, i) => {
      if (!known.has(a)) throw notFoundAt(`attendeeIds.${i}`);
    });
  }
  const change = {
    ...(body.attendeeIds && { attendee_ids: body.attendeeIds }),
    ...(body.guests !== undefined && { guests: body.guests.trim() }),
    ...(body.minutes !== undefined && { minutes: body.minutes }),
    ...(body.held && { status: 'held' as const }),
  };
  await command(ctx, async ({ trx, audit }) => {
    if (Object.keys(change).length > 0) await trx.updateTable('council_meetings').set(change).where('district_id', '=', m.district_id).where('id', '=', id).execute();
    if (body.topicIds) {
      // the agenda is replaced: topics taken off return to no meeting
      await trx.updateTable('council_topics').set({ meeting_id: null }).where('district_id', '=', m.district_id).where('meeting_id', '=', id).where('status', '=', 'open').execute();
      await schedule({ ...ctx, db: trx }, m, body.topicIds);
    }
    await audit({ action: 'council.meeting_update', entityType: 'council_meeting', entityId: id, districtId: m.district_id, before: { status: m.status, attendee_ids: m.attendee_ids }, after: { ...change, ...(body.topicIds && { topicIds: body.topicIds }) } });
  });
  return getMeeting(ctx, id);
}

// ── for the resident's page and the public board ──
/** Topics of the household's community that affect its grid (or the whole community), open or decided in the last half year. */
export async function topicsAffecting(ctx: RequestContext, h: HouseholdPlace): Promise<S.TopicSummary[]> {
  const rows = await ctx.db
    .selectFrom('council_topics')
    .selectAll()
    .where('district_id', '=', h.districtId)
    .where('community_id', '=', h.communityId)
    .where(sql<boolean>`(cardinality(affected_grid_ids) = 0 or affected_grid_ids @> array[${h.gridId}]::uuid[])`)
    .where((eb) => eb.or([eb('decided_at', 'is', null), eb('decided_at', '>', new Date(Date.now() - 183 * 86_400_000))]))
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return topicSummaries(ctx, rows);
}

/** The agenda and the decisions of some communities, as the public board shows them. */
export async function councilForBoard(db: Kysely<DB>, districtId: string, communityIds: string[]) {
  const since = new Date(Date.now() - 366 * 86_400_000);
  const [topics, proposals] = await Promise.all([
    db.selectFrom('council_topics').selectAll().where('district_id', '=', districtId).where('community_id', 'in', communityIds).where((eb) => eb.or([eb('decided_at', 'is', null), eb('decided_at', '>', since)])).orderBy('created_at', 'desc').limit(100).execute(),
    db.selectFrom('proposals').select(['id', 'support_count']).where('district_id', '=', districtId).where('community_id', 'in', communityIds).where('status', '=', 'on_agenda').execute(),
  ]);
  const [meetings, feedback] = await Promise.all([
    meetingsById(db, districtId, topics.flatMap((t) => (t.meeting_id ? [t.meeting_id] : []))),
    topics.length ? db.selectFrom('topic_feedback').selectAll().where('district_id', '=', districtId).where('topic_id', 'in', topics.map((t) => t.id)).orderBy('created_at').execute() : Promise.resolve([]),
  ]);
  const supports = new Map(proposals.map((p) => [p.id, p.support_count]));
  return { topics, meetings, feedback, supports };
}

