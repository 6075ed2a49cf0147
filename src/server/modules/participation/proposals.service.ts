import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { districtAsked } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { residentOfUser, userDisplayNames } from '../accounts/index.ts';
import { activeCategory, createSystemNeed, districtCategories } from '../needs/index.ts';
import { communityNames, gridLabels, householdPlaces, residentNames, residentPlace } from '../territory/index.ts';
import { openTopicFromProposal, topicsAffecting } from './council.service.ts';
import { proposalSteps } from './proposals.steps.ts';
import { roundsOpenTo } from './budget.service.ts';
import './participation.errors.ts';
import { affairIn, callerHouseholds, callerResident, communityAt, localName, surnameOnly, text, type HouseholdPlace } from './participation.places.ts';
import { proposalPolicy, type CommunityAffair } from './participation.policy.ts';
import type * as S from './participation.schemas.ts';
import { settingsOf } from './participation.settings.ts';
import type { ProposalsTable } from './participation.tables.ts';

export type ProposalRow = Selectable<ProposalsTable>;
const LIST_LIMIT = 300;
const PHOTO_MAX = 1_048_576;

const recordOf = (p: ProposalRow, households: HouseholdPlace[]): CommunityAffair => affairIn({ districtId: p.district_id, streetId: p.street_id, communityIds: [p.community_id] }, households);

/** The supports that take a proposal to its next step, while it collects them. */
const thresholdOf = (p: ProposalRow, s: { poolSupports: number; councilSupports: number }) => (p.status !== 'open' ? null : p.kind === 'wish' ? s.poolSupports : s.councilSupports);
/** A micro-project keeps collecting supports on the agenda, until the council decides: the council sees how many stand behind it. */
const SUPPORTABLE = ['open', 'on_agenda'] as const;
const supportable = (p: ProposalRow) => (SUPPORTABLE as readonly string[]).includes(p.status);

async function load(db: Kysely<DB>, id: string) {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A proposal the caller may read, or 404 as for one that does not exist. */
async function readable(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const [row, households] = await Promise.all([load(ctx.db, id), callerHouseholds(ctx)]);
  if (!row || !proposalPolicy.can(actor, 'read', recordOf(row, households))) throw new AppError('resource.not_found');
  return { actor, row, households, record: recordOf(row, households) };
}

/** Which residents of these rows the caller supports (residents) — one statement for a list. */
async function supportedBy(db: Kysely<DB>, residentId: string | null, rows: ProposalRow[]): Promise<Set<string>> {
  if (!residentId || rows.length === 0) return new Set();
  const found = await db
    .selectFrom('proposal_supports')
    .select('proposal_id')
    .where('district_id', '=', rows[0]!.district_id)
    .where('resident_id', '=', residentId)
    .where('proposal_id', 'in', rows.map((r) => r.id))
    .execute();
  return new Set(found.map((f) => f.proposal_id));
}

/** Summaries: staff read the proposer's name, residents the surname and 某. */
async function summaries(ctx: RequestContext, rows: ProposalRow[], households: HouseholdPlace[]): Promise<S.ProposalSummary[]> {
  if (rows.length === 0) return [];
  const actor = requireActor(ctx);
  const districtId = rows[0]!.district_id;
  const me = households.length > 0 ? await residentOfCaller(ctx) : null;
  const [names, communities, settings, supported] = await Promise.all([
    residentNames(ctx.db, districtId, rows.flatMap((r) => (r.resident_id ? [r.resident_id] : []))),
    communityNamesOf(ctx, rows.map((r) => r.community_id)),
    Promise.all([...new Set(rows.map((r) => r.community_id))].map(async (c) => [c, await settingsOf(ctx.db, c)] as const)).then((e) => new Map(e)),
    supportedBy(ctx.db, me, rows),
  ]);
  return rows.map((r) => {
    const name = r.resident_id ? (names.get(r.resident_id) ?? '') : '';
    return {
      id: r.id,
      community: { id: r.community_id, name: communities.get(r.community_id) ?? '' },
      kind: r.kind,
      title: r.title,
      place: r.place,
      status: r.status,
      supportCount: r.support_count,
      threshold: thresholdOf(r, settings.get(r.community_id)!),
      proposer: proposalPolicy.can(actor, 'read_names', recordOf(r, households)) ? name : surnameOnly(name),
      mine: me !== null && r.resident_id === me,
      supportedByMe: supported.has(r.id),
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

/** The resident the caller's account is (null for staff): whose supports and proposals are "mine". */
async function residentOfCaller(ctx: RequestContext): Promise<string | null> {
  return (await residentOfUser(ctx.db, requireActor(ctx).userId))?.residentId ?? null;
}

export async function communityNamesOf(ctx: RequestContext, ids: string[]) {
  const names = await communityNames(ctx.db, [...new Set(ids)]);
  return new Map([...names].map(([id, n]) => [id, localName(ctx, n)]));
}

async function detail(ctx: RequestContext, id: string): Promise<S.ProposalDetail> {
  const { actor, row, households, record } = await readable(ctx, id);
  const [[summary], photos, steps, supporters] = await Promise.all([
    summaries(ctx, [row], households),
    ctx.db.selectFrom('proposal_photos').select((eb) => eb.fn.countAll<string>().as('n')).where('district_id', '=', row.district_id).where('proposal_id', '=', row.id).executeTakeFirstOrThrow(),
    proposalSteps(ctx, row),
    proposalPolicy.can(actor, 'record', record) ? supportersOf(ctx, row) : Promise.resolve([]),
  ]);
  const actions: S.ProposalDetail['actions'] = [];
  if (await stillSupportable(ctx, row)) {
    if (households.length > 0 && proposalPolicy.can(actor, 'propose', record) && !summary!.mine) actions.push(summary!.supportedByMe ? 'unsupport' : 'support');
    if (proposalPolicy.can(actor, 'record', record)) actions.push('record_support');
  }
  if (row.status === 'open') {
    if (summary!.mine) actions.push('withdraw');
    if (proposalPolicy.can(actor, 'decline', record)) actions.push('decline');
  }
  return { ...summary!, body: row.body, categoryId: row.category_id, photoCount: Number(photos.n), topicId: row.topic_id, needId: row.need_id, declineReason: row.decline_reason, steps, supporters, actions };
}

async function supportersOf(ctx: RequestContext, p: ProposalRow) {
  const rows = await ctx.db.selectFrom('proposal_supports').selectAll().where('district_id', '=', p.district_id).where('proposal_id', '=', p.id).orderBy('created_at').execute();
  const [names, grids, recorders] = await Promise.all([
    residentNames(ctx.db, p.district_id, rows.map((r) => r.resident_id)),
    gridLabels(ctx.db, rows.flatMap((r) => (r.grid_id ? [{ districtId: p.district_id, gridId: r.grid_id }] : []))),
    userDisplayNames(ctx.db, rows.filter((r) => r.assisted).map((r) => r.recorded_by)),
  ]);
  return rows.map((r) => ({ name: names.get(r.resident_id) ?? '', grid: (r.grid_id && grids.get(r.grid_id)?.name) || '', assisted: r.assisted, at: new Date(r.created_at).toISOString(), recordedBy: r.assisted ? (recorders.get(r.recorded_by) ?? '') : '' }));
}

export const getProposal = detail;

/** Residents: their own communities; staff: a community they may read, or all their places. */
export async function listProposals(ctx: RequestContext, q: S.ProposalListQuery) {
  const actor = requireActor(ctx);
  const households = await callerHouseholds(ctx);
  let where: Expression<SqlBool>;
  if (q.communityId) {
    const place = await communityAt(ctx, q.communityId);
    if (!proposalPolicy.can(actor, 'read', affairIn({ ...place, communityIds: [q.communityId] }, households))) throw notFoundAt('communityId');
    where = sql<SqlBool>`community_id = ${q.communityId}`;
  } else {
    const staff = scopeCondition(proposalPolicy.grants(actor, 'read').filter((a) => a.role !== 'resident'), { district: 'district_id', street: 'street_id', community: 'community_id' });
    const own = households.map((h) => h.communityId);
    where = own.length > 0 ? sql<SqlBool>`(${staff} or community_id = any(${sql.val(own)}::uuid[]))` : staff;
  }
  let query = ctx.db.selectFrom('proposals').selectAll().where(where).orderBy('created_at', 'desc').limit(LIST_LIMIT);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = await query.execute();
  const districts = [...new Set(rows.map((r) => r.district_id))];
  const items = (await Promise.all(districts.map((d) => summaries(ctx, rows.filter((r) => r.district_id === d), households)))).flat();
  return { items };
}

function decodePhotos(photos: S.ProposalBody['photos']) {
  return (photos ?? []).map((p, i) => {
    const data = Buffer.from(p.data, 'base64');
    const magic: Record<string, (b: Buffer) => boolean> = {
      'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
      'image/png': (b) => b.subarray(0, 4).toString('hex') === '89504e47',
      'image/webp': (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP',
    };
    if (data.length === 0 || data.length > PHOTO_MAX || !magic[p.mime]!(data)) throw invalid({ field: `photos.${i}`, code: 'participation.bad_photo' });
    return { mime: p.mime, data };
  });
}

/** Who a resident is for staff recording for them: a resident of a community the caller records for. */
async function namedResident(ctx: RequestContext, residentId: string, communityId?: string) {
  const actor = requireActor(ctx);
  const districtId = districtAsked(actor, undefined);
  const r = districtId ? await residentPlace(ctx.db, districtId, residentId) : undefined;
  if (!r || (communityId && r.communityId !== communityId)) throw notFoundAt('residentId');
  const household = (await householdPlaces(ctx.db, districtId!, [r.householdId])).get(r.householdId)!;
  const record = affairIn({ districtId: districtId!, streetId: r.streetId, communityIds: [r.communityId] }, []);
  if (!proposalPolicy.can(actor, 'record', record)) throw notFoundAt('residentId');
  return { residentId: r.id, household: { districtId: districtId!, householdId: r.householdId, ...household } };
}

export async function propose(ctx: RequestContext, body: S.ProposalBody): Promise<S.ProposalDetail> {
  const actor = requireActor(ctx);
  const who = body.residentId ? await namedResident(ctx, body.residentId) : await callerResident(ctx);
  const h = who.household;
  if (!body.residentId) proposalPolicy.authorize(actor, 'propose', affairIn({ districtId: h.districtId, streetId: h.streetId, communityIds: [h.communityId] }, [h]));
  if (body.categoryId) await activeCategory(ctx, ctx.db, h.districtId, body.categoryId);
  const photos = decodePhotos(body.photos);
  const id = newId();
  const values = {
    district_id: h.districtId, id, street_id: h.streetId, community_id: h.communityId, grid_id: h.gridId, household_id: h.householdId, resident_id: who.residentId,
    proposed_by: body.residentId ? null : actor.userId, recorded_by: actor.userId, kind: body.kind, title: text(body.title, 'title'), body: text(body.body, 'body'), place: body.place?.trim() ?? '', category_id: body.categoryId ?? null,
  };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('proposals').values(values).execute();
    if (photos.length > 0) await trx.insertInto('proposal_photos').values(photos.map((p, i) => ({ district_id: h.districtId, proposal_id: id, seq: i + 1, ...p }))).execute();
    await audit({ action: 'proposal.create', entityType: 'proposal', entityId: id, districtId: h.districtId, after: { ...values, photos: photos.length } });
  });
  return detail(ctx, id);
}

export async function photo(ctx: RequestContext, id: string, seq: number) {
  const { row } = await readable(ctx, id);
  const p = await ctx.db.selectFrom('proposal_photos').select(['mime', 'data']).where('district_id', '=', row.district_id).where('proposal_id', '=', id).where('seq', '=', seq).executeTakeFirst();
  if (!p) throw new AppError('resource.not_found');
  return p;
}

/** The supporter: the resident named by staff (recorded for them), or the caller's own resident. */
async function supporter(ctx: RequestContext, row: ProposalRow, record: CommunityAffair, body: S.SupportBody) {
  const actor = requireActor(ctx);
  if (body.residentId) {
    proposalPolicy.authorize(actor, 'record', record);
    return { ...(await namedResident(ctx, body.residentId, row.community_id)), assisted: true };
  }
  const own = await callerResident(ctx);
  // residents support in their own community
  if (own.household.communityId !== row.community_id || !proposalPolicy.can(actor, 'propose', record)) throw new AppError('access.forbidden');
  return { ...own, assisted: false };
}

/**
 * One support per resident (the key refuses a second, also from another process). Reaching the
 * community's threshold moves the proposal on in the same transaction: a wish into the needs
 * pool as a need of the proposer's household, a micro-project onto the council's agenda.
 */
export async function support(ctx: RequestContext, id: string, body: S.SupportBody): Promise<S.ProposalDetail> {
  const { row, record } = await readable(ctx, id);
  if (!(await stillSupportable(ctx, row))) throw new AppError('proposal.not_open', { status: row.status });
  const who = await supporter(ctx, row, record, body);
  if (who.residentId === row.resident_id) throw new AppError('proposal.own_proposal');
  const settings = await settingsOf(ctx.db, row.community_id);
  await withinTransaction(ctx, async (tx) => {
    const count = await command(tx, async ({ trx, audit }) => {
      const added = await trx
        .insertInto('proposal_supports')
        .values({ district_id: row.district_id, proposal_id: id, resident_id: who.residentId, household_id: who.household.householdId, grid_id: who.household.gridId, recorded_by: requireActor(ctx).userId, assisted: who.assisted })
        .onConflict((oc) => oc.doNothing())
        .returning('resident_id')
        .executeTakeFirst();
      if (!added) throw new AppError('proposal.already_supported');
      const moved = await trx.updateTable('proposals').set({ support_count: sql`support_count + 1`, updated_at: new Date() }).where('district_id', '=', row.district_id).where('id', '=', id).where('status', 'in', SUPPORTABLE).returning(['support_count', 'status']).executeTakeFirst();
      if (!moved) throw new AppError('proposal.not_open', { status: 'changed' });
      await audit({ action: 'proposal.support', entityType: 'proposal', entityId: id, districtId: row.district_id, after: { residentId: who.residentId, assisted: who.assisted, supportCount: moved.support_count } });
      return moved;
    });
    if (count.status === 'open' && count.support_count >= thresholdOf(row, settings)!) await moveOn(tx, { ...row, support_count: count.support_count });
  });
  return detail(ctx, id);
}

/** Open, or on the agenda of a council that has not yet decided its topic. */
async function stillSupportable(ctx: RequestContext, p: ProposalRow): Promise<boolean> {
  if (!supportable(p)) return false;
  if (p.status === 'open' || !p.topic_id) return true;
  const t = await ctx.db.selectFrom('council_topics').select('status').where('district_id', '=', p.district_id).where('id', '=', p.topic_id).executeTakeFirst();
  return t?.status === 'open';
}

/** The threshold reached: a wish becomes a need of the proposer's household, a micro-project a council topic. */
async function moveOn(ctx: RequestContext, row: ProposalRow) {
  if (row.kind === 'project') {
    const topicId = await openTopicFromProposal(ctx, row);
    await setStatus(ctx, row, { status: 'on_agenda', topic_id: topicId });
    return;
  }
  const categoryId = row.category_id ?? (await otherCategory(ctx, row.district_id));
  const need = await createSystemNeed(ctx, {
    source: 'resident', districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, gridId: row.grid_id!, householdId: row.household_id,
    categoryId, description: `${row.title}\n${row.body}`.slice(0, 2000), point: null, reportedVia: `居民微心愿（${row.support_count} 位居民支持）`,
  });
  await setStatus(ctx, row, { status: 'pooled', need_id: need.id });
}

async function otherCategory(ctx: RequestContext, districtId: string): Promise<string> {
  const all = [...(await districtCategories(ctx, ctx.db, districtId)).values()];
  return (all.find((c) => c.code === 'other' && c.active) ?? all.find((c) => c.active))!.id;
}

function setStatus(ctx: RequestContext, row: ProposalRow, change: Partial<Pick<ProposalRow, 'status' | 'topic_id' | 'need_id' | 'decline_reason'>>) {
  return command(ctx, async ({ trx, audit }) => {
    const moved = await trx.updateTable('proposals').set({ ...change, updated_at: new Date() }).where('district_id', '=', row.district_id).where('id', '=', row.id).where('status', '=', 'open').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('proposal.not_open', { status: 'changed' });
    await audit({ action: `proposal.${change.status}`, entityType: 'proposal', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: change });
  });
}

export async function unsupport(ctx: RequestContext, id: string, body: S.SupportBody): Promise<S.ProposalDetail> {
  const { row, record } = await readable(ctx, id);
  if (!(await stillSupportable(ctx, row))) throw new AppError('proposal.not_open', { status: row.status });
  const who = await supporter(ctx, row, record, body);
  await command(ctx, async ({ trx, audit }) => {
    const gone = await trx.deleteFrom('proposal_supports').where('district_id', '=', row.district_id).where('proposal_id', '=', id).where('resident_id', '=', who.residentId).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw new AppError('proposal.not_supported');
    const moved = await trx.updateTable('proposals').set({ support_count: sql`support_count - 1`, updated_at: new Date() }).where('district_id', '=', row.district_id).where('id', '=', id).where('status', 'in', SUPPORTABLE).returning('support_count').executeTakeFirst();
    if (!moved) throw new AppError('proposal.not_open', { status: 'changed' });
    await audit({ action: 'proposal.unsupport', entityType: 'proposal', entityId: id, districtId: row.district_id, after: { residentId: who.residentId, supportCount: moved.support_count } });
  });
  return detail(ctx, id);
}

export async function withdraw(ctx: RequestContext, id: string): Promise<S.ProposalDetail> {
  const { row } = await readable(ctx, id);
  const me = await residentOfCaller(ctx);
  if (!me || me !== row.resident_id) throw new AppError('proposal.not_proposer');
  if (row.status !== 'open') throw new AppError('proposal.not_open', { status: row.status });
  await setStatus(ctx, row, { status: 'withdrawn' });
  return detail(ctx, id);
}

export async function decline(ctx: RequestContext, id: string, reason: string): Promise<S.ProposalDetail> {
  const { actor, row, record } = await readable(ctx, id);
  proposalPolicy.authorize(actor, 'decline', record);
  if (row.status !== 'open') throw new AppError('proposal.not_open', { status: row.status });
  await setStatus(ctx, row, { status: 'declined', decline_reason: text(reason, 'reason') });
  return detail(ctx, id);
}

/** The resident's own page: their proposals and those they support, topics that affect their household, rounds open to it. */
export async function mine(ctx: RequestContext): Promise<S.Mine> {
  const households = await callerHouseholds(ctx);
  const h = households[0];
  if (!h) return { community: null, proposals: [], topics: [], rounds: [] };
  const me = await residentOfCaller(ctx);
  const rows = await ctx.db
    .selectFrom('proposals')
    .selectAll()
    .where('district_id', '=', h.districtId)
    .where((eb) =>
      eb.or([
        eb('household_id', '=', h.householdId),
        ...(me ? [eb('id', 'in', eb.selectFrom('proposal_supports').select('proposal_id').where('district_id', '=', h.districtId).where('resident_id', '=', me))] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const [proposals, topics, rounds, names] = await Promise.all([summaries(ctx, rows, households), topicsAffecting(ctx, h), roundsOpenTo(ctx, h), communityNamesOf(ctx, [h.communityId])]);
  return { community: { id: h.communityId, name: names.get(h.communityId) ?? '' }, proposals, topics, rounds };
}

/** Households that proposed or supported in a span of time, in some communities (engagement). */
export async function proposingHouseholds(db: Kysely<DB>, districtId: string, communityIds: string[], since: Date, until: Date) {
  const [proposed, supported] = await Promise.all([
    db.selectFrom('proposals').select('household_id').distinct().where('district_id', '=', districtId).where('community_id', 'in', communityIds).where('created_at', '>=', since).where('created_at', '<=', until).where('household_id', 'is not', null).execute(),
    db
      .selectFrom('proposal_supports as s')
      .innerJoin('proposals as p', (j) => j.onRef('p.district_id', '=', 's.district_id').onRef('p.id', '=', 's.proposal_id'))
      .select('s.household_id')
      .distinct()
      .where('s.district_id', '=', districtId)
      .where('p.community_id', 'in', communityIds)
      .where('s.created_at', '>=', since)
      .where('s.created_at', '<=', until)
      .execute(),
  ]);
  return { proposed: proposed.map((r) => r.household_id!), supported: supported.map((r) => r.household_id) };
}

