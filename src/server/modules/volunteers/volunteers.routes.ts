import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { Nullable } from '../../platform/http/schema.ts';
import * as bank from './timebank.service.ts';
import * as S from './volunteers.schemas.ts';
import * as volunteers from './volunteers.service.ts';
import * as shifts from './volunteers.shifts.ts';

const tags = ['volunteers'];
const Done = Type.Object({ ok: Type.Boolean() });

export const volunteerRoutes: ModulePlugin = async (app) => {
  app.get('/volunteer-settings', { schema: { tags, summary: 'The district\'s star thresholds (verified hours for one to five stars) and points per verified hour', querystring: S.SettingsQuery, response: { 200: S.VolunteerSettings } } }, async (request) =>
    volunteers.getSettings(request.ctx, request.query.districtId),
  );
  app.put('/volunteer-settings', { schema: { tags, summary: 'Set the star thresholds and the points rate (district officer); points already earned stay', querystring: S.SettingsQuery, body: S.VolunteerSettingsBody, response: { 200: S.VolunteerSettings } } }, async (request) =>
    volunteers.putSettings(request.ctx, request.query.districtId, request.body),
  );
  app.get('/volunteers', { schema: { tags, summary: 'Volunteers of the communities the caller works for (home or service area), with verified hours, stars and points; the first 500', querystring: S.VolunteerListQuery, response: { 200: S.VolunteerList } } }, async (request) =>
    volunteers.listVolunteers(request.ctx, request.query),
  );
  app.post('/volunteers', { schema: { tags, summary: 'Register a volunteer: a resident of the register, or another person with name and phone (community staff)', body: S.VolunteerBody, response: { 201: S.VolunteerDetail } } }, async (request, reply) =>
    reply.status(201).send(await volunteers.registerVolunteer(request.ctx, request.body)),
  );
  app.get('/volunteers/me', { schema: { tags, summary: 'The caller\'s own volunteer record, with hours, stars, points and history; null when not registered', response: { 200: Type.Object({ volunteer: Nullable(S.VolunteerDetail) }) } } }, async (request) =>
    volunteers.getMine(request.ctx),
  );
  app.post('/volunteers/me', { schema: { tags, summary: 'A resident registers themself as a volunteer (their account\'s resident, in their community)', body: S.SelfVolunteerBody, response: { 201: S.VolunteerDetail } } }, async (request, reply) =>
    reply.status(201).send(await volunteers.registerSelf(request.ctx, request.body)),
  );
  app.get('/volunteers/:id', { schema: { tags, summary: 'One volunteer with hours, stars, points and history', params: S.IdParams, response: { 200: S.VolunteerDetail } } }, async (request) =>
    volunteers.getVolunteer(request.ctx, request.params.id),
  );
  app.patch('/volunteers/:id', { schema: { tags, summary: 'Change skills, availability, service areas, note or status (the volunteer or their community\'s staff)', params: S.IdParams, body: S.VolunteerPatch, response: { 200: S.VolunteerDetail } } }, async (request) =>
    volunteers.updateVolunteer(request.ctx, request.params.id, request.body),
  );
  app.get('/volunteer-opportunities', { schema: { tags, summary: 'Sessions of the coming four weeks that need volunteers in the caller\'s service communities, and the caller\'s own sessions of the past month', response: { 200: S.OpportunityList } } }, async (request) =>
    shifts.opportunities(request.ctx),
  );
  app.post('/volunteer-signups', { schema: { tags, summary: 'Sign up for a session that needs volunteers (the caller, or a volunteer of the caller\'s community)', body: S.SignupBody, response: { 201: Done } } }, async (request, reply) => {
    await shifts.signUp(request.ctx, request.body);
    return reply.status(201).send({ ok: true });
  });
  app.post('/volunteer-signups/withdraw', { schema: { tags, summary: 'Withdraw from a session before it starts', body: S.SignupBody, response: { 200: Done } } }, async (request) => {
    await shifts.withdraw(request.ctx, request.body);
    return { ok: true };
  });
  app.post('/volunteer-hours', { schema: { tags, summary: 'Claim the hours served at a session one signed up for; they count once the organizer verifies them', body: S.ClaimBody, response: { 201: S.HoursItem } } }, async (request, reply) =>
    reply.status(201).send(await shifts.claimHours(request.ctx, request.body)),
  );
  app.get('/activity-sessions/:id/volunteers', { schema: { tags, summary: 'A session\'s volunteers with their claimed or verified hours (those who read the activity)', params: S.IdParams, response: { 200: S.SessionVolunteers } } }, async (request) =>
    shifts.sessionVolunteers(request.ctx, request.params.id),
  );
  app.put('/activity-sessions/:id/volunteer-hours', { schema: { tags, summary: 'Verify, adjust or reject volunteers\' hours at a session (its organizer and staff); verified hours earn points', params: S.IdParams, body: S.VerifyBody, response: { 200: S.SessionVolunteers } } }, async (request) =>
    shifts.verifyHours(request.ctx, request.params.id, request.body),
  );
  app.get('/time-bank/partners', { schema: { tags, summary: 'Partner shops of the communities the caller works for', querystring: S.CommunityQuery, response: { 200: S.PartnerList } } }, async (request) =>
    bank.listPartners(request.ctx, request.query.communityId),
  );
  app.get('/time-bank/partners/mine', { schema: { tags, summary: 'The partner shops whose clerk the caller is', response: { 200: S.PartnerList } } }, async (request) => bank.myPartners(request.ctx));
  app.post('/time-bank/partners', { schema: { tags, summary: 'Add a partner shop to a community, with the accounts that confirm its redemptions (community staff)', body: S.PartnerBody, response: { 201: S.Partner } } }, async (request, reply) =>
    reply.status(201).send(await bank.createPartner(request.ctx, request.body)),
  );
  app.patch('/time-bank/partners/:id', { schema: { tags, summary: 'Change a partner shop or its clerks, or make it inactive', params: S.IdParams, body: S.PartnerPatch, response: { 200: S.Partner } } }, async (request) =>
    bank.updatePartner(request.ctx, request.params.id, request.body),
  );
  app.get('/time-bank/offers', { schema: { tags, summary: 'What points buy: for staff by place, for a clerk their shop\'s, for a volunteer the active offers of their communities', querystring: S.OfferQuery, response: { 200: S.OfferList } } }, async (request) =>
    bank.listOffers(request.ctx, request.query),
  );
  app.post('/time-bank/offers', { schema: { tags, summary: 'Offer a service or goods for points: the community\'s own, or a partner shop\'s (community staff)', body: S.OfferBody, response: { 201: S.Offer } } }, async (request, reply) =>
    reply.status(201).send(await bank.createOffer(request.ctx, request.body)),
  );
  app.patch('/time-bank/offers/:id', { schema: { tags, summary: 'Change an offer, its stock, or withdraw it', params: S.IdParams, body: S.OfferPatch, response: { 200: S.Offer } } }, async (request) =>
    bank.updateOffer(request.ctx, request.params.id, request.body),
  );
  app.get('/time-bank/redemptions', { schema: { tags, summary: 'A volunteer\'s redemptions, or a provider\'s queue (a partner\'s for its clerks, a community\'s for its staff); newest first, the last 200', querystring: S.RedemptionQuery, response: { 200: S.RedemptionList } } }, async (request) =>
    bank.listRedemptions(request.ctx, request.query),
  );
  app.post('/time-bank/redemptions', { schema: { tags, summary: 'Redeem points for an offer: the points are held at once and the provider confirms', body: S.RedeemBody, response: { 201: S.Redemption } } }, async (request, reply) =>
    reply.status(201).send(await bank.redeem(request.ctx, request.body)),
  );
  app.post('/time-bank/redemptions/:id/confirm', { schema: { tags, summary: 'The provider confirms it gave the service or goods', params: S.IdParams, response: { 200: S.Redemption } } }, async (request) =>
    bank.confirmRedemption(request.ctx, request.params.id),
  );
  app.post('/time-bank/redemptions/:id/decline', { schema: { tags, summary: 'The provider declines, with a reason; the points come back', params: S.IdParams, body: S.DeclineBody, response: { 200: S.Redemption } } }, async (request) =>
    bank.declineRedemption(request.ctx, request.params.id, request.body),
  );
  app.post('/time-bank/redemptions/:id/cancel', { schema: { tags, summary: 'The volunteer cancels a redemption not yet confirmed; the points come back', params: S.IdParams, response: { 200: S.Redemption } } }, async (request) =>
    bank.cancelRedemption(request.ctx, request.params.id),
  );
};
