import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema.ts';
import type { ModulePlugin } from '../../platform/http/module.ts';
import * as board from './board.service.ts';
import * as budget from './budget.service.ts';
import * as council from './council.service.ts';
import * as engagement from './engagement.service.ts';
import * as S from './participation.schemas.ts';
import * as settings from './participation.settings.ts';
import * as proposals from './proposals.service.ts';

const tags = ['participation'];

export const participationRoutes: ModulePlugin = async (app, opts) => {
  // ── settings ──
  app.get('/participation-settings', { schema: { tags, summary: 'A community\'s thresholds (supports to the needs pool and to the council), the council\'s quorum, and how the public board names people', querystring: S.CommunityQuery, response: { 200: S.Settings } } }, async (request) =>
    settings.getSettings(request.ctx, request.query.communityId),
  );
  app.put('/participation-settings', { schema: { tags, summary: 'Set a community\'s participation settings (its administrator)', querystring: S.CommunityQuery, body: S.SettingsBody, response: { 200: S.Settings } } }, async (request) =>
    settings.putSettings(request.ctx, request.query.communityId, request.body),
  );

  // ── proposals ──
  app.get('/proposals', { schema: { tags, summary: 'Proposals of a community: for residents their own community\'s, for staff by place; newest first, the last 300', querystring: S.ProposalListQuery, response: { 200: S.ProposalList } } }, async (request) =>
    proposals.listProposals(request.ctx, request.query),
  );
  app.post('/proposals', { schema: { tags, summary: 'Propose a wish or a micro-project (a resident for their household, or staff for a resident without a phone)', body: S.ProposalBody, response: { 201: S.ProposalDetail } } }, async (request, reply) =>
    reply.status(201).send(await proposals.propose(request.ctx, request.body)),
  );
  app.get('/proposals/:id', { schema: { tags, summary: 'A proposal with its steps in plain words', params: S.IdParams, response: { 200: S.ProposalDetail } } }, async (request) =>
    proposals.getProposal(request.ctx, request.params.id),
  );
  app.get('/proposals/:id/photos/:seq', { schema: { tags, summary: 'A photo of a proposal (those who read it)', params: S.PhotoParams } }, async (request, reply) => {
    const photo = await proposals.photo(request.ctx, request.params.id, request.params.seq);
    return reply.type(photo.mime).header('cache-control', 'private, max-age=3600').send(photo.data);
  });
  app.post('/proposals/:id/supports', { schema: { tags, summary: 'Support a proposal: one support per resident of its community (staff record one for a resident without a phone)', params: S.IdParams, body: S.SupportBody, response: { 201: S.ProposalDetail } } }, async (request, reply) =>
    reply.status(201).send(await proposals.support(request.ctx, request.params.id, request.body)),
  );
  app.post('/proposals/:id/supports/withdraw', { schema: { tags, summary: 'Withdraw a support while the proposal still collects them', params: S.IdParams, body: S.SupportBody, response: { 200: S.ProposalDetail } } }, async (request) =>
    proposals.unsupport(request.ctx, request.params.id, request.body),
  );
  app.post('/proposals/:id/withdraw', { schema: { tags, summary: 'The proposer withdraws a proposal that still collects supports', params: S.IdParams, response: { 200: S.ProposalDetail } } }, async (request) =>
    proposals.withdraw(request.ctx, request.params.id),
  );
  app.post('/proposals/:id/decline', { schema: { tags, summary: 'Community staff decline a proposal, with a reason the proposer reads', params: S.IdParams, body: S.DeclineBody, response: { 200: S.ProposalDetail } } }, async (request) =>
    proposals.decline(request.ctx, request.params.id, request.body.reason),
  );

  // ── the residents' council ──
  app.get('/council-members', { schema: { tags, summary: 'Members of a community\'s residents\' council', querystring: S.CommunityQuery, response: { 200: S.MemberList } } }, async (request) =>
    council.listMembers(request.ctx, request.query.communityId),
  );
  app.post('/council-members', { schema: { tags, summary: 'Add a council member (community staff)', body: S.MemberBody, response: { 201: S.Member } } }, async (request, reply) =>
    reply.status(201).send(await council.addMember(request.ctx, request.body)),
  );
  app.patch('/council-members/:id', { schema: { tags, summary: 'Rename a member, change their title, or end their membership', params: S.IdParams, body: S.MemberPatch, response: { 200: S.Member } } }, async (request) =>
    council.updateMember(request.ctx, request.params.id, request.body),
  );
  app.get('/council-topics', { schema: { tags, summary: 'Topics of a community\'s council, newest first, the last 300', querystring: S.TopicListQuery, response: { 200: S.TopicList } } }, async (request) =>
    council.listTopics(request.ctx, request.query),
  );
  app.post('/council-topics', { schema: { tags, summary: 'Put a topic on the council\'s agenda (community staff), from a common need or their own', body: S.TopicBody, response: { 201: S.TopicDetail } } }, async (request, reply) =>
    reply.status(201).send(await council.createTopic(request.ctx, request.body)),
  );
  app.get('/council-topics/:id', { schema: { tags, summary: 'A topic with its meeting, opinions, members\' votes, decision and feedback', params: S.IdParams, response: { 200: S.TopicDetail } } }, async (request) =>
    council.getTopic(request.ctx, request.params.id),
  );
  app.post('/council-topics/:id/opinions', { schema: { tags, summary: 'Record an opinion voiced at a meeting, with who spoke', params: S.IdParams, body: S.OpinionBody, response: { 201: S.TopicDetail } } }, async (request, reply) =>
    reply.status(201).send(await council.addOpinion(request.ctx, request.params.id, request.body)),
  );
  app.post('/council-topics/:id/decision', { schema: { tags, summary: 'Record the members\' vote at a held meeting; with the quorum met and a majority of those present for, it passes and sets its follow-up going', params: S.IdParams, body: S.DecisionBody, response: { 200: S.TopicDetail } } }, async (request) =>
    council.decide(request.ctx, request.params.id, request.body),
  );
  app.post('/council-topics/:id/feedback', { schema: { tags, summary: 'Tell the residents concerned what was done after a decision; done closes the topic', params: S.IdParams, body: S.FeedbackBody, response: { 201: S.TopicDetail } } }, async (request, reply) =>
    reply.status(201).send(await council.addFeedback(request.ctx, request.params.id, request.body)),
  );
  app.get('/council-meetings', { schema: { tags, summary: 'Meetings of a community\'s council, newest first', querystring: S.CommunityQuery, response: { 200: S.MeetingList } } }, async (request) =>
    council.listMeetings(request.ctx, request.query.communityId),
  );
  app.post('/council-meetings', { schema: { tags, summary: 'Call a council meeting with the topics on its agenda', body: S.MeetingBody, response: { 201: S.Meeting } } }, async (request, reply) =>
    reply.status(201).send(await council.createMeeting(request.ctx, request.body)),
  );
  app.get('/council-meetings/:id', { schema: { tags, summary: 'A meeting with attendees, minutes and topics', params: S.IdParams, response: { 200: S.Meeting } } }, async (request) =>
    council.getMeeting(request.ctx, request.params.id),
  );
  app.patch('/council-meetings/:id', { schema: { tags, summary: 'Record attendance, guests and minutes, or mark the meeting held', params: S.IdParams, body: S.MeetingPatch, response: { 200: S.Meeting } } }, async (request) =>
    council.updateMeeting(request.ctx, request.params.id, request.body),
  );

  // ── participatory budgeting ──
  app.get('/budget-rounds', { schema: { tags, summary: 'Budget rounds: for staff of a community or street, for residents those open to their household', querystring: S.UnitQuery, response: { 200: S.RoundList } } }, async (request) =>
    budget.listRounds(request.ctx, request.query),
  );
  app.post('/budget-rounds', { schema: { tags, summary: 'Start a budget round of a community (its staff) or of a street (its officer), as a draft', body: S.RoundBody, response: { 201: S.RoundDetail } } }, async (request, reply) =>
    reply.status(201).send(await budget.createRound(request.ctx, request.body)),
  );
  app.get('/budget-rounds/:id', { schema: { tags, summary: 'A round with its candidates; once counted, votes, winners and turnout by grid', params: S.IdParams, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.getRound(request.ctx, request.params.id),
  );
  app.patch('/budget-rounds/:id', { schema: { tags, summary: 'Change a draft round', params: S.IdParams, body: S.RoundPatch, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.updateRound(request.ctx, request.params.id, request.body),
  );
  app.post('/budget-rounds/:id/candidates', { schema: { tags, summary: 'Add a candidate project to a draft round', params: S.IdParams, body: S.CandidateBody, response: { 201: S.RoundDetail } } }, async (request, reply) =>
    reply.status(201).send(await budget.addCandidate(request.ctx, request.params.id, request.body)),
  );
  app.post('/budget-rounds/:id/candidates/:candidateId/remove', { schema: { tags, summary: 'Take a candidate off a draft round', params: S.CandidateParams, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.removeCandidate(request.ctx, request.params.id, request.params.candidateId),
  );
  app.post('/budget-rounds/:id/open', { schema: { tags, summary: 'Open a draft round for voting in its window (two candidates at least)', params: S.IdParams, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.openRound(request.ctx, request.params.id),
  );
  app.post('/budget-rounds/:id/ballots', { schema: { tags, summary: 'Cast the household\'s one ballot (a resident), or record a paper or spoken ballot for a household (staff)', params: S.IdParams, body: S.BallotBody, response: { 201: S.Ballot } } }, async (request, reply) =>
    reply.status(201).send(await budget.castBallot(request.ctx, request.params.id, request.body)),
  );
  app.get('/budget-rounds/:id/ballots/household', { schema: { tags, summary: 'Whether a household has voted, and how (staff, before recording an assisted ballot)', params: S.IdParams, querystring: S.HouseholdBallotQuery, response: { 200: Type.Object({ ballot: Nullable(S.Ballot) }) } } }, async (request) =>
    budget.householdBallot(request.ctx, request.params.id, request.query.householdId),
  );
  app.post('/budget-rounds/:id/count', { schema: { tags, summary: 'Count a round whose window has closed (also done on its own when the window closes)', params: S.IdParams, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.countRound(request.ctx, request.params.id),
  );
  if (opts.platform.config.testTimeControls) {
    app.post('/testing/budget-rounds/:id/elapse', { schema: { tags, summary: 'Test servers only: the round\'s voting window closes now (those who run it)', params: S.IdParams, response: { 200: S.RoundDetail } } }, async (request) =>
      budget.elapseRound(request.ctx, request.params.id),
    );
  }
  app.post('/budget-rounds/:id/publish', { schema: { tags, summary: 'Publish a counted round on the notice board; its winners enter the project pipeline as common needs', params: S.IdParams, response: { 200: S.RoundDetail } } }, async (request) =>
    budget.publishRound(request.ctx, request.params.id),
  );

  // ── engagement, the resident's own, the public board ──
  app.get('/engagement', { schema: { tags, summary: 'Households engaged in the 90 days up to a day (reported, proposed, supported, voted, attended, volunteered) per community and grid', querystring: S.EngagementQuery, response: { 200: S.Engagement } } }, async (request) =>
    engagement.engagementOf(request.ctx, request.query),
  );
  app.get('/participation/mine', { schema: { tags, summary: 'A resident\'s proposals and supports, council topics that affect their household, and rounds open to it', response: { 200: S.Mine } } }, async (request) =>
    proposals.mine(request.ctx),
  );
  app.get('/public/board', { schema: { tags, summary: 'The notice board (公示栏) of a community or street, read without signing in: agenda, council decisions, budget results with turnout, activities; no personal data', querystring: S.PublicBoardQuery, response: { 200: S.PublicBoard } } }, async (request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await board.publicBoard(request.ctx, request.query)),
  );
};
