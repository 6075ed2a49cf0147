import { sql, type Kysely, type Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { createCommonNeed, updateCommonNeed, visibleOrigin } from '../commonneeds/index.ts';
import { activeCategory } from '../needs/index.ts';
import { communitiesIn, communityNames, gridLabels, householdPlaces, householdsPerGrid, publicPlace } from '../territory/index.ts';
import { winners } from './budget.rules.ts';
import { affairIn, callerHouseholds, localName, text, type HouseholdPlace } from './participation.places.ts';
import { roundPolicy } from './participation.policy.ts';
import type * as S from './participation.schemas.ts';
import type { BudgetRoundsTable, CouncilTopicsTable } from './participation.tables.ts';

type RoundRow = Selectable<BudgetRoundsTable>;
const MAX_CANDIDATES = 20;
const SYSTEM = { actor: null, ip: '' };
const iso = (d: Date | string) => new Date(d).toISOString();

/** The communities a round covers: its own, or every community of its street. */
async function areaOf(db: Kysely<DB>, r: { district_id: string; street_id: string; community_id: string | null }): Promise<string[]> {
  return r.community_id ? [r.community_id] : (await communitiesIn(db, { districtId: r.district_id, streetId: r.street_id })).map((c) => c.id);
}

function recordOf(r: RoundRow | { district_id: string; street_id: string; community_id: string | null }, area: string[], households: HouseholdPlace[]) {
  return { ...affairIn({ districtId: r.district_id, streetId: r.street_id, communityIds: area }, households), level: r.community_id ? ('community' as const) : ('street' as const) };
}

async function readable(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  let row = await ctx.db.selectFrom('budget_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  const [area, households] = await Promise.all([areaOf(ctx.db, row), callerHouseholds(ctx)]);
  const record = recordOf(row, area, households);
  if (!roundPolicy.can(actor, 'read', record)) throw new AppError('resource.not_found');
  // the window closed: the count is due, whoever looks first
  if (row.status === 'open' && new Date(row.closes_at) <= new Date()) {
    // counted here, or by another reader meanwhile: read what it is now
    row = (await countRound_(ctx.db, row)) ?? (await ctx.db.selectFrom('budget_rounds').selectAll().where('district_id', '=', row.district_id).where('id', '=', id).executeTakeFirstOrThrow());
  }
  return { actor, row, area, households, record };
}

async function unitName(ctx: RequestContext, r: RoundRow) {
  if (r.community_id) return localName(ctx, (await communityNames(ctx.db, [r.community_id])).get(r.community_id) ?? { name: '', nameEn: null });
  const street = await publicPlace(ctx.db, 'street', r.street_id);
  return street ? localName(ctx, street) : '';
}

async function summaries(ctx: RequestContext, rows: RoundRow[], household?: HouseholdPlace): Promise<S.RoundSummary[]> {
  if (rows.length === 0) return [];
  const districtId = rows[0]!.district_id;
  const ids = rows.map((r) => r.id);
  const [counts, ballots, names] = await Promise.all([
    ctx.db.selectFrom('budget_candidates').select(['round_id', (eb) => eb.fn.countAll<string>().as('n')]).where('district_id', '=', districtId).where('round_id', 'in', ids).groupBy('round_id').execute(),
    household ? ctx.db.selectFrom('budget_ballots').selectAll().where('district_id', '=', districtId).where('round_id', 'in', ids).where('household_id', '=', household.householdId).execute() : Promise.resolve([]),
    Promise.all(rows.map((r) => unitName(ctx, r))),
  ]);
  return rows.map((r, i) => {
    const b = ballots.find((x) => x.round_id === r.id);
    return {
      id: r.id,
      title: r.title,
      unit: { kind: r.community_id ? 'community' : 'street', id: r.community_id ?? r.street_id, name: names[i]! },
      totalBudgetFen: r.total_budget_fen,
      rule: r.rule,
      maxChoices: r.max_choices,
      opensAt: iso(r.opens_at),
      closesAt: iso(r.closes_at),
      status: r.status,
      candidateCount: Number(counts.find((c) => c.round_id === r.id)?.n ?? 0),
      myBallot: b ? { candidateIds: b.candidate_ids, channel: b.channel, castAt: iso(b.cast_at) } : null,
    };
  });
}

async function detail(ctx: RequestContext, id: string): Promise<S.RoundDetail> {
  const { actor, row, record, households } = await readable(ctx, id);
  const household = households.find((h) => record.ownHouseholds.includes(h.householdId));
  const d = row.district_id;
  const [[summary], candidates, soFar, turnout] = await Promise.all([
    summaries(ctx, [row], household),
    ctx.db.selectFrom('budget_candidates').selectAll().where('district_id', '=', d).where('round_id', '=', id).orderBy('created_at').execute(),
    row.status === 'open' && roundPolicy.can(actor, 'record_ballot', record) ? ballotsSoFar(ctx.db, row) : Promise.resolve(null),
    row.status === 'counted' || row.status === 'published' ? turnoutOf(ctx.db, row) : Promise.resolve(null),
  ]);
  const names = await communityNames(ctx.db, [...new Set(candidates.map((c) => c.community_id))]);
  const now = new Date();
  const voting = row.status === 'open' && new Date(row.opens_at) <= now && now < new Date(row.closes_at);
  const actions: S.RoundDetail['actions'] = [];
  if (roundPolicy.can(actor, 'manage', record)) {
    if (row.status === 'draft') actions.push('edit', 'open');
    if (row.status === 'open' && !voting && now >= new Date(row.closes_at)) actions.push('count');
  }
  if (row.status === 'counted' && roundPolicy.can(actor, 'publish', record)) actions.push('publish');
  if (voting && household && !summary!.myBallot && roundPolicy.can(actor, 'vote', record)) actions.push('vote');
  if (voting && roundPolicy.can(actor, 'record_ballot', record)) actions.push('record_ballot');
  return {
    ...summary!,
    candidates: candidates.map((c) => ({
      id: c.id, title: c.title, description: c.description, costFen: c.cost_fen, categoryId: c.category_id,
      community: { id: c.community_id, name: localName(ctx, names.get(c.community_id) ?? { name: '', nameEn: null }) },
      source: c.source, sourceId: c.source_id, votes: c.votes, won: c.won, pipelineId: c.pipeline_id,
    })),
    ballotsSoFar: soFar,
    turnout,
    actions,
  };
}

async function ballotsSoFar(db: Kysely<DB>, r: RoundRow) {
  const rows = await db.selectFrom('budget_ballots').select(['channel', (eb) => eb.fn.countAll<string>().as('n')]).where('district_id', '=', r.district_id).where('round_id', '=', r.id).groupBy('channel').execute();
  const n = (c: string) => rows.filter((x) => x.channel === c).reduce((s, x) => s + Number(x.n), 0);
  return { online: n('online'), assisted: n('paper') + n('spoken') };
}

/** Turnout of a counted round: households that voted (online and assisted) of all households, by grid. */
export async function turnoutOf(db: Kysely<DB>, r: RoundRow): Promise<S.Turnout> {
  const rows = await db.selectFrom('budget_turnout').selectAll().where('district_id', '=', r.district_id).where('round_id', '=', r.id).execute();
  const [grids, communities] = await Promise.all([gridLabels(db, rows.map((g) => ({ districtId: r.district_id, gridId: g.grid_id }))), communityNames(db, [...new Set(rows.map((g) => g.community_id))])]);
  const pct = (v: number, of: number) => (of === 0 ? 0 : Math.round((v * 1000) / of) / 10);
  const byGrid = rows
    .map((g) => ({ gridId: g.grid_id, name: grids.get(g.grid_id)?.name ?? '', community: communities.get(g.community_id)?.name ?? '', households: g.households, online: g.online, assisted: g.assisted, percent: pct(g.online + g.assisted, g.households) }))
    .sort((a, b) => a.community.localeCompare(b.community) || a.name.localeCompare(b.name));
  const households = r.households ?? 0;
  const online = r.ballots_online ?? 0;
  const assisted = r.ballots_assisted ?? 0;
  return { households, online, assisted, percent: pct(online + assisted, households), byGrid };
}

export const getRound = detail;

/** Staff by the unit they name; residents the rounds open to their household. */
export async function listRounds(ctx: RequestContext, q: S.UnitQuery) {
  const actor = requireActor(ctx);
  if (!q.communityId && !q.streetId) {
    const h = (await callerHouseholds(ctx))[0];
    if (!h) throw invalid({ field: 'communityId', code: 'participation.unit_required' });
    return { items: await roundsOpenTo(ctx, h, true) };
  }
  if (q.communityId && q.streetId) throw invalid({ field: 'streetId', code: 'participation.unit_required' });
  const unit = await unitPlace(ctx, q);
  const households = await callerHouseholds(ctx);
  if (!roundPolicy.can(actor, 'read', recordOf({ district_id: unit.districtId, street_id: unit.streetId, community_id: unit.communityId }, unit.area, households))) throw notFoundAt(q.communityId ? 'communityId' : 'streetId');
  const rows = await ctx.db
    .selectFrom('budget_rounds')
    .selectAll()
    .where('district_id', '=', unit.districtId)
    .where('street_id', '=', unit.streetId)
    // a community sees its own rounds and its street's
    .$if(!!q.communityId, (qb) => qb.where((eb) => eb.or([eb('community_id', '=', q.communityId!), eb('community_id', 'is', null)])))
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return { items: await summaries(ctx, rows) };
}

async function unitPlace(ctx: RequestContext, q: S.UnitQuery) {
  const kind = q.communityId ? 'community' : 'street';
  const place = await publicPlace(ctx.db, kind, (q.communityId ?? q.streetId)!);
  if (!place) throw notFoundAt(`${kind}Id`);
  const area = q.communityId ? [q.communityId] : (await communitiesIn(ctx.db, { districtId: place.districtId, streetId: place.streetId })).map((c) => c.id);
  return { districtId: place.districtId, streetId: place.streetId, communityId: q.communityId ?? null, area };
}

/** Rounds of the household's community and street that are open now (all of this year for its page). */
export async function roundsOpenTo(ctx: RequestContext, h: HouseholdPlace, all = false): Promise<S.RoundSummary[]> {
  const rows = await ctx.db
    .selectFrom('budget_rounds')
    .selectAll()
    .where('district_id', '=', h.districtId)
    .where('street_id', '=', h.streetId)
    .where((eb) => eb.or([eb('community_id', '=', h.communityId), eb('community_id', 'is', null)]))
    .where('status', all ? 'in' : '=', all ? ['open', 'counted', 'published'] : 'open')
    .$if(!all, (qb) => qb.where('closes_at', '>', new Date()))
    .orderBy('closes_at')
    .limit(20)
    .execute();
  return summaries(ctx, rows, h);
}

export async function createRound(ctx: RequestContext, body: S.RoundBody): Promise<S.RoundDetail> {
  const actor = requireActor(ctx);
  if (!body.communityId === !body.streetId) throw invalid({ field: 'communityId', code: 'participation.unit_required' });
  const unit = await unitPlace(ctx, body);
  const record = recordOf({ district_id: unit.districtId, street_id: unit.streetId, community_id: unit.communityId }, unit.area, await callerHouseholds(ctx));
  if (!roundPolicy.can(actor, 'read', record)) throw notFoundAt(body.communityId ? 'communityId' : 'streetId');
  roundPolicy.authorize(actor, 'manage', record);
  const window = checkedWindow(body.opensAt, body.closesAt);
  const values = {
    district_id: unit.districtId, id: newId(), street_id: unit.streetId, community_id: unit.communityId, title: text(body.title, 'title'), total_budget_fen: body.totalBudgetFen, rule: body.rule,
    max_choices: body.maxChoices ?? null, opens_at: window.opens, closes_at: window.closes, created_by: actor.userId,
  };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('budget_rounds').values(values).execute();
    await audit({ action: 'budget.round_create', entityType: 'budget_round', entityId: values.id, districtId: unit.districtId, after: values });
  });
  return detail(ctx, values.id);
}

function checkedWindow(opensAt: string, closesAt: string) {
  const opens = new Date(opensAt);
  const closes = new Date(closesAt);
  if (closes <= opens) throw invalid({ field: 'closesAt', code: 'budget.window_order' });
  return { opens, closes };
}

async function managedDraft(ctx: RequestContext, id: string) {
  const r = await readable(ctx, id);
  roundPolicy.authorize(r.actor, 'manage', r.record);
  if (r.row.status !== 'draft') throw new AppError('budget.not_draft');
  return r;
}

export async function updateRound(ctx: RequestContext, id: string, body: S.RoundPatch): Promise<S.RoundDetail> {
  const { row } = await managedDraft(ctx, id);
  const window = checkedWindow(body.opensAt ?? iso(row.opens_at), body.closesAt ?? iso(row.closes_at));
  const change = {
    ...(body.title !== undefined && { title: text(body.title, 'title') }),
    ...(body.totalBudgetFen !== undefined && { total_budget_fen: body.totalBudgetFen }),
    ...(body.rule !== undefined && { rule: body.rule }),
    ...(body.maxChoices !== undefined && { max_choices: body.maxChoices }),
    opens_at: window.opens,
    closes_at: window.closes,
  };
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('budget_rounds').set(change).where('district_id', '=', row.district_id).where('id', '=', id).where('status', '=', 'draft').execute();
    await audit({ action: 'budget.round_update', entityType: 'budget_round', entityId: id, districtId: row.district_id, before: { title: row.title, total_budget_fen: row.total_budget_fen, rule: row.rule, max_choices: row.max_choices, opens_at: row.opens_at, closes_at: row.closes_at }, after: change });
  });
  return detail(ctx, id);
}

type NewCandidate = { title: string; description: string; costFen: number; categoryId: string; communityId: string; source: 'topic' | 'common_need' | 'proposal' | 'staff'; sourceId: string | null };

/** Inserts a candidate into a draft round (locked, so that the limit holds against a concurrent add). */
async function insertCandidate(ctx: RequestContext, row: RoundRow, area: string[], c: NewCandidate, categoryField = 'categoryId'): Promise<string> {
  if (!area.includes(c.communityId)) throw notFoundAt('communityId');
  await activeCategory(ctx, ctx.db, row.district_id, c.categoryId, categoryField);
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const locked = await trx.selectFrom('budget_rounds').select('status').where('district_id', '=', row.district_id).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'draft') throw new AppError('budget.not_draft');
    const n = await trx.selectFrom('budget_candidates').select((eb) => eb.fn.countAll<string>().as('n')).where('district_id', '=', row.district_id).where('round_id', '=', row.id).executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_CANDIDATES) throw new AppError('budget.too_many_candidates');
    const values = { district_id: row.district_id, id, round_id: row.id, title: text(c.title, 'title'), description: c.description.trim(), cost_fen: c.costFen, category_id: c.categoryId, community_id: c.communityId, source: c.source, source_id: c.sourceId };
    await trx.insertInto('budget_candidates').values(values).execute();
    await audit({ action: 'budget.candidate_add', entityType: 'budget_round', entityId: row.id, districtId: row.district_id, after: values });
  });
  return id;
}

export async function addCandidate(ctx: RequestContext, id: string, body: S.CandidateBody): Promise<S.RoundDetail> {
  const { row, area } = await managedDraft(ctx, id);
  const source = body.source ?? 'staff';
  if (source !== 'staff' && !body.sourceId) throw invalid({ field: 'sourceId', code: 'validation.required' });
  if (source === 'common_need') {
    const origin = await referenced('sourceId', () => visibleOrigin(ctx, body.sourceId!));
    if (origin.districtId !== row.district_id) throw notFoundAt('sourceId');
  } else if (source === 'proposal') {
    const p = await ctx.db.selectFrom('proposals').select(['community_id']).where('district_id', '=', row.district_id).where('id', '=', body.sourceId!).executeTakeFirst();
    if (!p || !area.includes(p.community_id)) throw notFoundAt('sourceId');
  }
  await insertCandidate(ctx, row, area, { title: body.title, description: body.description ?? '', costFen: body.costFen, categoryId: body.categoryId, communityId: body.communityId ?? row.community_id ?? '', source, sourceId: source === 'staff' ? null : body.sourceId! });
  return detail(ctx, id);
}

/** A passed council topic goes into a draft round of its community (or street) as a candidate. */
export async function addCandidateFromTopic(ctx: RequestContext, topic: Selectable<CouncilTopicsTable>, f: { roundId: string; costFen: number; categoryId: string }): Promise<string> {
  const { row, area, actor, record } = await referenced('followUp.roundId', () => readable(ctx, f.roundId));
  roundPolicy.authorize(actor, 'manage', record);
  if (row.status !== 'draft') throw invalid({ field: 'followUp.roundId', code: 'budget.not_draft' });
  return insertCandidate(ctx, row, area, { title: topic.title, description: topic.subject, costFen: f.costFen, categoryId: f.categoryId, communityId: topic.community_id, source: 'topic', sourceId: topic.id }, 'followUp.categoryId');
}

export async function removeCandidate(ctx: RequestContext, id: string, candidateId: string): Promise<S.RoundDetail> {
  const { row } = await managedDraft(ctx, id);
  await command(ctx, async ({ trx, audit }) => {
    const gone = await trx.deleteFrom('budget_candidates').where('district_id', '=', row.district_id).where('round_id', '=', id).where('id', '=', candidateId).returningAll().executeTakeFirst();
    if (!gone) throw new AppError('resource.not_found');
    await audit({ action: 'budget.candidate_remove', entityType: 'budget_round', entityId: id, districtId: row.district_id, before: gone });
  });
  return detail(ctx, id);
}

export async function openRound(ctx: RequestContext, id: string): Promise<S.RoundDetail> {
  const { row } = await managedDraft(ctx, id);
  if (new Date(row.closes_at) <= new Date()) throw new AppError('budget.window_past');
  await command(ctx, async ({ trx, audit }) => {
    await trx.selectFrom('budget_rounds').select('id').where('district_id', '=', row.district_id).where('id', '=', id).forUpdate().execute();
    const n = await trx.selectFrom('budget_candidates').select((eb) => eb.fn.countAll<string>().as('n')).where('district_id', '=', row.district_id).where('round_id', '=', id).executeTakeFirstOrThrow();
    if (Number(n.n) < 2) throw new AppError('budget.too_few_candidates');
    const moved = await trx.updateTable('budget_rounds').set({ status: 'open' }).where('district_id', '=', row.district_id).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('budget.not_draft');
    await audit({ action: 'budget.round_open', entityType: 'budget_round', entityId: id, districtId: row.district_id, before: { status: 'draft' }, after: { status: 'open' } });
  });
  return detail(ctx, id);
}

/**
 * The household's one ballot: a resident's own online, or a paper or spoken one that staff
 * record (named as who cast it, and counted in turnout). The table's key on (round,
 * household) refuses a second ballot, also when two app processes write at the same moment.
 */
export async function castBallot(ctx: RequestContext, id: string, body: S.BallotBody): Promise<S.Ballot> {
  const { actor, row, area, households, record } = await readable(ctx, id);
  if (row.status !== 'open') throw new AppError('budget.not_open');
  const now = new Date();
  if (now < new Date(row.opens_at) || now >= new Date(row.closes_at)) throw new AppError('budget.window_closed', { opensAt: iso(row.opens_at), closesAt: iso(row.closes_at) });
  let household: HouseholdPlace;
  let channel: S.Ballot['channel'];
  if (body.householdId) {
    roundPolicy.authorize(actor, 'record_ballot', record);
    household = await ballotHousehold(ctx, row, area, body.householdId);
    channel = body.channel ?? 'paper';
  } else {
    roundPolicy.authorize(actor, 'vote', record);
    household = households.find((h) => record.ownHouseholds.includes(h.householdId))!;
    channel = 'online';
  }
  if (row.max_choices !== null && body.candidateIds.length > row.max_choices) throw invalid({ field: 'candidateIds', code: 'budget.too_many_choices', params: { max: row.max_choices } });
  const known = new Set((await ctx.db.selectFrom('budget_candidates').select('id').where('district_id', '=', row.district_id).where('round_id', '=', id).execute()).map((c) => c.id));
  body.candidateIds.forEach((c, i) => {
    if (!known.has(c)) throw notFoundAt(`candidateIds.${i}`);
  });
  const values = { district_id: row.district_id, round_id: id, household_id: household.householdId, community_id: household.communityId, grid_id: household.gridId, candidate_ids: body.candidateIds, channel, cast_by: actor.userId };
  const cast = await command(ctx, async ({ trx, audit }) => {
    const written = await trx.insertInto('budget_ballots').values(values).onConflict((oc) => oc.doNothing()).returning('cast_at').executeTakeFirst();
    if (!written) throw new AppError('budget.already_voted');
    // the audit names the household and who cast it; the choices stay in the ballot alone
    await audit({ action: channel === 'online' ? 'budget.ballot' : 'budget.ballot_assisted', entityType: 'budget_round', entityId: id, districtId: row.district_id, after: { householdId: household.householdId, channel } });
    return written.cast_at;
  });
  return { candidateIds: body.candidateIds, channel, castAt: iso(cast) };
}

/**
 * A household staff record a ballot for: in the round's area and in a community they record
 * for (in a street round, a community's staff record their own households); any other answers
 * as one that does not exist.
 */
async function ballotHousehold(ctx: RequestContext, row: RoundRow, area: string[], householdId: string, field = 'householdId'): Promise<HouseholdPlace> {
  const place = (await householdPlaces(ctx.db, row.district_id, [householdId])).get(householdId);
  const theirs = place && area.includes(place.communityId) && roundPolicy.can(requireActor(ctx), 'record_ballot', recordOf({ ...row, community_id: place.communityId }, [place.communityId], []));
  if (!theirs) throw notFoundAt(field);
  return { districtId: row.district_id, householdId, ...place };
}

export async function householdBallot(ctx: RequestContext, id: string, householdId: string) {
  const { actor, row, record, area } = await readable(ctx, id);
  roundPolicy.authorize(actor, 'record_ballot', record);
  await ballotHousehold(ctx, row, area, householdId);
  const b = await ctx.db.selectFrom('budget_ballots').selectAll().where('district_id', '=', row.district_id).where('round_id', '=', id).where('household_id', '=', householdId).executeTakeFirst();
  return { ballot: b ? { candidateIds: b.candidate_ids, channel: b.channel, castAt: iso(b.cast_at) } : null };
}

/**
 * Counts a round whose window has closed, once: approvals per candidate, the winners by the
 * round's rule, and turnout per grid against the households of the round's area. Runs for the
 * first reader after the close, for staff asking, and for the job; the status update decides
 * which of them counts.
 */
async function countRound_(db: Kysely<DB>, r: RoundRow): Promise<RoundRow | undefined> {
  const inTransaction = <T>(fn: (trx: Kysely<DB>) => Promise<T>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  return inTransaction(async (trx) => {
    const row = await trx.updateTable('budget_rounds').set({ status: 'counted', counted_at: new Date() }).where('district_id', '=', r.district_id).where('id', '=', r.id).where('status', '=', 'open').where('closes_at', '<=', new Date()).returningAll().executeTakeFirst();
    if (!row) return undefined;
    const [candidates, tallies, byGrid, area] = await Promise.all([
      trx.selectFrom('budget_candidates').select(['id', 'cost_fen']).where('district_id', '=', r.district_id).where('round_id', '=', r.id).orderBy('created_at').execute(),
      trx.selectFrom(sql<{ id: string }>`(select unnest(candidate_ids) as id from budget_ballots where district_id = ${r.district_id} and round_id = ${r.id})`.as('u')).select(['u.id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('u.id').execute(),
      trx.selectFrom('budget_ballots').select(['grid_id', sql<string>`count(*) filter (where channel = 'online')`.as('online'), sql<string>`count(*) filter (where channel <> 'online')`.as('assisted')]).where('district_id', '=', r.district_id).where('round_id', '=', r.id).groupBy('grid_id').execute(),
      areaOf(trx, r),
    ]);
    const votes = new Map(tallies.map((t) => [t.id, Number(t.n)]));
    const won = winners(r.rule, r.total_budget_fen, candidates.map((c) => ({ id: c.id, costFen: c.cost_fen, votes: votes.get(c.id) ?? 0 })));
    for (const c of candidates) await trx.updateTable('budget_candidates').set({ votes: votes.get(c.id) ?? 0, won: won.has(c.id) }).where('district_id', '=', r.district_id).where('id', '=', c.id).execute();
    const grids = await householdsPerGrid(trx, r.district_id, area);
    const cast = new Map(byGrid.map((g) => [g.grid_id, { online: Number(g.online), assisted: Number(g.assisted) }]));
    if (grids.length > 0) {
      await trx.insertInto('budget_turnout').values(grids.map((g) => ({ district_id: r.district_id, round_id: r.id, grid_id: g.gridId, community_id: g.communityId, households: g.households, online: cast.get(g.gridId)?.online ?? 0, assisted: cast.get(g.gridId)?.assisted ?? 0 }))).execute();
    }
    const totals = { households: grids.reduce((s, g) => s + g.households, 0), ballots_online: [...cast.values()].reduce((s, c) => s + c.online, 0), ballots_assisted: [...cast.values()].reduce((s, c) => s + c.assisted, 0) };
    const counted = await trx.updateTable('budget_rounds').set(totals).where('district_id', '=', r.district_id).where('id', '=', r.id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, SYSTEM, { action: 'budget.round_count', entityType: 'budget_round', entityId: r.id, districtId: r.district_id, after: { ...totals, winners: [...won] } });
    return counted;
  });
}

export async function countRound(ctx: RequestContext, id: string): Promise<S.RoundDetail> {
  const { actor, row, record } = await readable(ctx, id);
  roundPolicy.authorize(actor, 'manage', record);
  if (row.status === 'draft') throw new AppError('budget.not_open');
  if (row.status === 'open') throw new AppError('budget.still_open');
  return detail(ctx, id);
}

/** The job: counts every open round whose window has closed. */
export async function countDueRounds(db: Kysely<DB>, now = new Date()): Promise<number> {
  const due = await db.selectFrom('budget_rounds').selectAll().where('status', '=', 'open').where('closes_at', '<=', now).limit(100).execute();
  let n = 0;
  for (const r of due) if (await countRound_(db, r)) n++;
  return n;
}

/**
 * Publishes a counted round on the notice board. Its winners enter the project pipeline in the
 * same transaction: a winner from a common need marks it a project candidate; any other
 * becomes a common need of its community, marked so, for the street to draft its project.
 */
export async function publishRound(ctx: RequestContext, id: string): Promise<S.RoundDetail> {
  const { actor, row, record } = await readable(ctx, id);
  roundPolicy.authorize(actor, 'publish', record);
  if (row.status !== 'counted') throw new AppError('budget.not_counted');
  const won = await ctx.db.selectFrom('budget_candidates').selectAll().where('district_id', '=', row.district_id).where('round_id', '=', id).where('won', '=', true).orderBy('votes', 'desc').execute();
  await withinTransaction(ctx, async (tx) => {
    for (const c of won) {
      let pipelineId = c.source === 'common_need' ? c.source_id! : null;
      if (!pipelineId) pipelineId = (await createCommonNeed(tx, { communityId: c.community_id, categoryId: c.category_id, title: c.title, description: `${row.title}：${c.votes} 户赞成。${c.description}`.slice(0, 2000) })).id;
      await updateCommonNeed(tx, pipelineId, { status: 'candidate' });
      await tx.db.updateTable('budget_candidates').set({ pipeline_id: pipelineId }).where('district_id', '=', row.district_id).where('id', '=', c.id).execute();
    }
    await command(tx, async ({ trx, audit }) => {
      const moved = await trx.updateTable('budget_rounds').set({ status: 'published', published_at: new Date(), published_by: actor.userId }).where('district_id', '=', row.district_id).where('id', '=', id).where('status', '=', 'counted').executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('budget.not_counted');
      await audit({ action: 'budget.round_publish', entityType: 'budget_round', entityId: id, districtId: row.district_id, before: { status: 'counted' }, after: { status: 'published', winners: won.map((c) => c.id) } });
    });
  });
  return detail(ctx, id);
}

/** Rounds of some communities (and their street) for the public board: open ones and published results. */
export async function roundsForBoard(db: Kysely<DB>, districtId: string, streetId: string, communityIds: string[] | null) {
  return db
    .selectFrom('budget_rounds')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('street_id', '=', streetId)
    .$if(communityIds !== null, (qb) => qb.where((eb) => eb.or([eb('community_id', 'in', communityIds!), eb('community_id', 'is', null)])))
    .where('status', 'in', ['open', 'published'])
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}

/** Households that voted in a span of time, in some communities (engagement). */
export async function votingHouseholds(db: Kysely<DB>, districtId: string, communityIds: string[], since: Date, until: Date) {
  const rows = await db.selectFrom('budget_ballots').select('household_id').distinct().where('district_id', '=', districtId).where('community_id', 'in', communityIds).where('cast_at', '>=', since).where('cast_at', '<=', until).execute();
  return rows.map((r) => r.household_id);
}

/**
 * Test-only (TEST_TIME_CONTROLS=true, set by the browser tests' runner and nothing else): a
 * round's window lasts days, and the browser walk of story 6 cannot wait it out. The round's
 * window closes now — nobody else's — so the count that follows is the one the rules decide.
 */
export async function elapseRound(ctx: RequestContext, id: string): Promise<S.RoundDetail> {
  const { actor, row, record } = await readable(ctx, id);
  roundPolicy.authorize(actor, 'manage', record);
  if (row.status !== 'open') throw new AppError('budget.not_open');
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('budget_rounds').set({ closes_at: now, opens_at: sql<Date>`least(opens_at, ${now})` }).where('district_id', '=', row.district_id).where('id', '=', id).execute();
    await audit({ action: 'budget.test_elapse', entityType: 'budget_round', entityId: id, districtId: row.district_id, after: { closesAt: now.toISOString() } });
  });
  return detail(ctx, id);
}
