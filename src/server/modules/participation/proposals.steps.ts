import type { RequestContext } from '../../platform/http/context.ts';
import { userDisplayNames } from '../accounts/index.ts';
import { needRefNo } from '../needs/index.ts';
import type * as S from './participation.schemas.ts';
import type { ProposalRow } from './proposals.service.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * What became of a proposal, step by step, for the resident who made it: proposed, supported
 * to the threshold, into the needs pool or onto the council's agenda, the meeting, the vote,
 * the budget round and its result, and the feedback on what was done. Each step's words are
 * the web app's; the step carries its time and a detail (a place, the votes, a reason).
 */
export async function proposalSteps(ctx: RequestContext, p: ProposalRow): Promise<S.Step[]> {
  // a proposal staff recorded for a resident names who recorded it, as a need's timeline does
  const recorder = p.proposed_by ? '' : ((await userDisplayNames(ctx.db, [p.recorded_by])).get(p.recorded_by) ?? '');
  const steps: S.Step[] = [{ kind: p.proposed_by ? 'proposed' : 'recorded', at: iso(p.created_at), text: recorder }];
  if (p.status === 'withdrawn' || p.status === 'declined') return [...steps, { kind: p.status, at: iso(p.updated_at), text: p.decline_reason }];
  if (p.status === 'pooled' && p.need_id) {
    const ref = await needRefNo(ctx.db, p.district_id, p.need_id);
    return [...steps, { kind: 'threshold', at: iso(p.updated_at), text: String(p.support_count) }, { kind: 'pooled', at: iso(p.updated_at), text: ref ?? '' }];
  }
  if (!p.topic_id) return steps;
  const topic = await ctx.db
    .selectFrom('council_topics as t')
    .leftJoin('council_meetings as m', (j) => j.onRef('m.district_id', '=', 't.district_id').onRef('m.id', '=', 't.meeting_id'))
    .select(['t.id', 't.status', 't.created_at', 't.decided_at', 't.votes_for', 't.votes_against', 't.votes_abstain', 't.follow_up', 't.follow_up_id', 'm.starts_at', 'm.place'])
    .where('t.district_id', '=', p.district_id)
    .where('t.id', '=', p.topic_id)
    .executeTakeFirstOrThrow();
  steps.push({ kind: 'threshold', at: iso(topic.created_at), text: String(p.support_count) }, { kind: 'on_agenda', at: iso(topic.created_at), text: '' });
  if (topic.starts_at) steps.push({ kind: 'meeting', at: iso(topic.starts_at), text: topic.place ?? '' });
  if (topic.status === 'open') return steps;
  steps.push({ kind: topic.status === 'rejected' ? 'rejected' : 'passed', at: iso(topic.decided_at), text: `${topic.votes_for}–${topic.votes_against}–${topic.votes_abstain}` });
  if (topic.follow_up === 'budget' && topic.follow_up_id) {
    const c = await ctx.db
      .selectFrom('budget_candidates as c')
      .innerJoin('budget_rounds as r', (j) => j.onRef('r.district_id', '=', 'c.district_id').onRef('r.id', '=', 'c.round_id'))
      .select(['r.title', 'r.status', 'r.opens_at', 'r.published_at', 'c.won', 'c.votes'])
      .where('c.district_id', '=', p.district_id)
      .where('c.id', '=', topic.follow_up_id)
      .executeTakeFirst();
    if (c) {
      steps.push({ kind: 'in_budget', at: iso(c.opens_at), text: c.title });
      if (c.status === 'published') steps.push({ kind: c.won ? 'won' : 'lost', at: iso(c.published_at), text: String(c.votes ?? 0) });
    }
  }
  const feedback = await ctx.db.selectFrom('topic_feedback').select(['text', 'done', 'created_at']).where('district_id', '=', p.district_id).where('topic_id', '=', topic.id).orderBy('created_at').execute();
  for (const f of feedback) steps.push({ kind: f.done ? 'done' : 'implementing', at: iso(f.created_at), text: f.text });
  return steps;
}
