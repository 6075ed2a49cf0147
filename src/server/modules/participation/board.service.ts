import { AppError, invalid } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { publicSessions } from '../services/index.ts';
import { communitiesIn, communityNames, publicPlace } from '../territory/index.ts';
import { roundsForBoard, turnoutOf } from './budget.service.ts';
import { councilForBoard } from './council.service.ts';
import { localName, surnameOnly } from './participation.places.ts';
import type * as S from './participation.schemas.ts';
import { settingsOf } from './participation.settings.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The notice board (公示栏) of a community or a street, read without signing in: what is on the
 * council's agenda, what it decided and what came of it, budget rounds with results and
 * turnout, and the coming activities. No personal data: a person appears only as the
 * community agreed — surname and 某, or not at all — and ballots never by household.
 */
export async function publicBoard(ctx: RequestContext, q: S.UnitQuery): Promise<S.PublicBoard> {
  if (!q.communityId === !q.streetId) throw invalid({ field: 'communityId', code: 'participation.unit_required' });
  const kind = q.communityId ? 'community' : 'street';
  const place = await publicPlace(ctx.db, kind, (q.communityId ?? q.streetId)!);
  if (!place) throw new AppError('resource.not_found');
  const communityIds = q.communityId ? [q.communityId] : (await communitiesIn(ctx.db, { districtId: place.districtId, streetId: place.streetId })).map((c) => c.id);
  const d = place.districtId;
  const [council, rounds, activities, namesRule, communities] = await Promise.all([
    councilForBoard(ctx.db, d, communityIds),
    roundsForBoard(ctx.db, d, place.streetId, q.communityId ? communityIds : null),
    publicSessions(ctx.db, d, communityIds, 30),
    Promise.all(communityIds.map(async (c) => [c, (await settingsOf(ctx.db, c)).publicNames] as const)).then((e) => new Map(e)),
    communityNames(ctx.db, communityIds),
  ]);
  // residents who proposed appear as the community agreed; staff topics name no one
  const named = (t: { community_id: string; source: string; proposer: string }) => (t.source === 'proposal' && namesRule.get(t.community_id) === 'surname' ? surnameOnly(t.proposer) : '');
  const communityName = (id: string) => {
    const c = communities.get(id);
    return c ? localName(ctx, c) : '';
  };
  const agenda = council.topics
    .filter((t) => t.status === 'open')
    .map((t) => {
      const m = t.meeting_id ? council.meetings.get(t.meeting_id) : undefined;
      return { title: t.title, community: communityName(t.community_id), proposer: named(t), supportCount: t.proposal_id ? (council.supports.get(t.proposal_id) ?? 0) : 0, meetingAt: m && m.status === 'planned' ? iso(m.starts_at) : null };
    });
  const decisions = council.topics
    .filter((t) => t.status !== 'open')
    .map((t) => ({
      title: t.title,
      community: communityName(t.community_id),
      proposer: named(t),
      status: t.status,
      decidedAt: iso(t.decided_at!),
      votes: { for: t.votes_for ?? 0, against: t.votes_against ?? 0, abstain: t.votes_abstain ?? 0 },
      decision: t.decision,
      feedback: council.feedback.filter((f) => f.topic_id === t.id).map((f) => ({ text: f.text, done: f.done, at: iso(f.created_at) })),
    }));
  const roundViews = await Promise.all(
    rounds.map(async (r) => {
      const candidates = await ctx.db.selectFrom('budget_candidates').select(['title', 'cost_fen', 'votes', 'won']).where('district_id', '=', d).where('round_id', '=', r.id).orderBy('created_at').execute();
      const published = r.status === 'published';
      const unit = r.community_id ? communities.get(r.community_id) : place;
      return {
        title: r.title,
        unitName: unit ? localName(ctx, unit) : '',
        status: r.status,
        rule: r.rule,
        totalBudgetFen: r.total_budget_fen,
        opensAt: iso(r.opens_at),
        closesAt: iso(r.closes_at),
        // while voting runs the board shows the choices, never a running count
        candidates: candidates.map((c) => ({ title: c.title, costFen: c.cost_fen, votes: published ? c.votes : null, won: published ? c.won : null })),
        turnout: published ? await turnoutOf(ctx.db, r) : null,
      };
    }),
  );
  return { unit: { kind, id: (q.communityId ?? q.streetId)!, name: localName(ctx, place) }, agenda, decisions, rounds: roundViews, activities };
}
