import { newId } from '../../platform/db/ids.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { organizationNames } from '../organizations/index.ts';
import { ageOn, residentForReferral, residentPlace } from '../territory/index.ts';
import { referralPolicy } from './cases.policy.ts';
import type * as S from './cases.schemas.ts';
import { step, unseal, written, type Step } from './cases.service.ts';
import type { ShareableField } from './cases.tables.ts';

const notFound = () => new AppError('resource.not_found');
const iso = (d: Date | string) => new Date(d).toISOString();
const GENDER: Record<string, string> = { male: '男', female: '女' };
/** A referral's reason and answer are sealed as JSON strings, like the journal's bodies. */
const sealText = (ctx: RequestContext, text: string) => ctx.pii.encrypt(JSON.stringify(text));
const openText = (ctx: RequestContext, sealed: Buffer | Uint8Array) => JSON.parse(ctx.pii.decrypt(sealed)) as string;

/** The worker records what the client — or, for a client under 18, a guardian — agreed may be shared. */
export const recordConsent = (ctx: RequestContext, id: string, body: S.ConsentBody) =>
  step(ctx, id, 'record_consent', async (s) => {
    const today = localDate(new Date());
    if (body.givenOn > today) throw invalid({ field: 'givenOn', code: 'case.date_in_future' });
    const client = await residentPlace(s.scope.trx, s.row.district_id, s.row.client_resident_id);
    if (body.givenBy === 'client' && client && ageOn(client.birthDate) < 18) throw invalid({ field: 'givenBy', code: 'case.guardian_consent_required' });
    const guardianName = body.guardianName?.trim() ?? '';
    if (body.givenBy === 'guardian' && !guardianName) throw invalid({ field: 'guardianName', code: 'validation.required' });
    await s.scope.trx
      .insertInto('case_consents')
      .values({
        district_id: s.row.district_id, id: newId(), case_id: s.row.id, given_by: body.givenBy, guardian_name: body.givenBy === 'guardian' ? guardianName : null,
        guardian_relation: body.givenBy === 'guardian' ? body.guardianRelation?.trim() || null : null, fields: body.fields, recorded_by: s.actor.userId, given_on: body.givenOn,
      })
      .execute();
  });

/** A consent withdrawn stops covering referrals from now on; those already sent stay as sent. */
export const withdrawConsent = (ctx: RequestContext, id: string, consentId: string) =>
  step(ctx, id, 'record_consent', async (s) => {
    const row = await s.scope.trx.selectFrom('case_consents').select('withdrawn_at').where('district_id', '=', s.row.district_id).where('case_id', '=', s.row.id).where('id', '=', consentId).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    if (row.withdrawn_at) throw new AppError('case.consent_withdrawn');
    await s.scope.trx.updateTable('case_consents').set({ withdrawn_at: new Date() }).where('district_id', '=', s.row.district_id).where('id', '=', consentId).execute();
  });

/** The values of the fields sent, as the receiver reads them. */
async function sharedValues(ctx: RequestContext, s: Step, fields: readonly ShareableField[]): Promise<Record<string, string>> {
  const client = await residentForReferral(s.scope.trx, ctx.pii, s.row.district_id, s.row.client_resident_id);
  const latest = async (kind: 'intake' | 'assessment') => {
    const r = await s.scope.trx.selectFrom('case_records').select('body').where('district_id', '=', s.row.district_id).where('case_id', '=', s.row.id).where('kind', '=', kind).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return r ? ((unseal(ctx.pii, r.body).summary as string | undefined) ?? '') : '';
  };
  const value: Record<ShareableField, () => Promise<string> | string> = {
    name: () => client.name,
    gender_age: () => `${GENDER[client.gender] ?? ''} · ${ageOn(client.birthDate)}岁`,
    phone: () => client.phone ?? '',
    address: () => client.address,
    presenting_problem: () => latest('intake'),
    assessment_summary: () => latest('assessment'),
  };
  return Object.fromEntries(await Promise.all(fields.map(async (f) => [f, await value[f]()] as const)));
}

/**
 * The worker refers the client to another organization or a department, sending only fields an
 * active consent covers; the payload is kept encrypted as sent, whatever the register says later.
 */
export const refer = (ctx: RequestContext, id: string, body: S.ReferBody) =>
  step(ctx, id, 'refer', async (s) => {
    const department = body.toDepartment?.trim() ?? '';
    if (!body.toOrganizationId && !department) throw invalid({ field: 'toOrganizationId', code: 'validation.required' });
    if (body.toOrganizationId && department) throw invalid({ field: 'toDepartment', code: 'validation.failed' });
    if (body.toOrganizationId) {
      // The organizations register is public: only a missing one is unknown.
      if (!(await organizationNames(s.scope.trx, [body.toOrganizationId])).has(body.toOrganizationId)) throw notFoundAt('toOrganizationId');
      if (body.toOrganizationId === s.row.organization_id) throw invalid({ field: 'toOrganizationId', code: 'case.refer_to_own_organization' });
    }
    const consents = await s.scope.trx.selectFrom('case_consents').select('fields').where('district_id', '=', s.row.district_id).where('case_id', '=', s.row.id).where('withdrawn_at', 'is', null).execute();
    if (consents.length === 0) throw new AppError('case.no_consent');
    const allowed = new Set(consents.flatMap((c) => c.fields));
    const refused = body.fields.findIndex((f) => !allowed.has(f));
    if (refused >= 0) throw invalid({ field: `fields.${refused}`, code: 'case.field_without_consent' });
    const reason = written(body.reason, 'reason');
    await s.scope.trx
      .insertInto('case_referrals')
      .values({
        district_id: s.row.district_id, id: newId(), case_id: s.row.id, to_organization_id: body.toOrganizationId ?? null, to_department: body.toOrganizationId ? null : department,
        fields: body.fields, payload: ctx.pii.encrypt(JSON.stringify(await sharedValues(ctx, s, body.fields))), reason: sealText(ctx, reason), sent_by: s.actor.userId,
      })
      .execute();
  });

/** Referrals with the number and organization of the case they were sent from. */
function referralsWithCase(ctx: RequestContext) {
  return ctx.db
    .selectFrom('case_referrals')
    .innerJoin('cases', (j) => j.onRef('cases.district_id', '=', 'case_referrals.district_id').onRef('cases.id', '=', 'case_referrals.case_id'))
    .selectAll('case_referrals')
    .select(['cases.ref_no', 'cases.organization_id as from_organization_id']);
}
type ReferralRow = NonNullable<Awaited<ReturnType<ReturnType<typeof referralsWithCase>['executeTakeFirst']>>>;

const loadReferral = (ctx: RequestContext, id: string) => referralsWithCase(ctx).where('case_referrals.id', '=', id).executeTakeFirst();

/**
 * The answer comes back into the case: the receiving organization's administrator gives it on
 * the platform; for a department, the case's worker records what it answered.
 */
export async function answerReferral(ctx: RequestContext, id: string, body: S.AnswerBody): Promise<{ id: string; status: 'accepted' | 'declined' }> {
  const actor = requireActor(ctx);
  const row = await loadReferral(ctx, id);
  if (!row) throw notFound();
  const answer = written(body.answer, 'answer');
  const write = async (trx: RequestContext['db']) => {
    const done = await trx
      .updateTable('case_referrals')
      .set({ status: body.decision, answer: sealText(ctx, answer), answered_by: actor.userId, answered_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new AppError('case.referral_answered');
  };
  if (row.to_organization_id) {
    if (!referralPolicy.can(actor, 'receive', { toOrganizationId: row.to_organization_id })) throw notFound();
    await command(ctx, async ({ trx, audit }) => {
      await write(trx);
      await audit({ action: 'case_referral.answer', entityType: 'case_referral', entityId: id, districtId: row.district_id, after: { status: body.decision } });
    });
  } else {
    await step(ctx, row.case_id, 'refer', async (s) => write(s.scope.trx));
  }
  return { id, status: body.decision };
}

/**
 * Referrals sent to the organizations the caller administers, newest first: who sent them, what
 * fields, how they stand. Nothing sealed is opened here: the content is read (and audited) one by one.
 */
export async function receivedReferrals(ctx: RequestContext): Promise<S.ReceivedReferralList> {
  const actor = requireActor(ctx);
  const orgs = referralPolicy.grants(actor, 'receive').map((a) => a.scopeId).filter((o): o is string => o !== null);
  if (orgs.length === 0) return { items: [] };
  const rows = await referralsWithCase(ctx).where('case_referrals.to_organization_id', 'in', orgs).orderBy('case_referrals.sent_at', 'desc').limit(200).execute();
  const names = await organizationNames(ctx.db, [...new Set(rows.map((r) => r.from_organization_id))]);
  return { items: rows.map((r) => summaryOf(r, names)) };
}

function summaryOf(r: ReferralRow, names: Map<string, string>): S.ReceivedReferralSummary {
  return {
    id: r.id,
    fromOrganization: { id: r.from_organization_id, name: names.get(r.from_organization_id) ?? '' },
    caseRefNo: r.ref_no,
    fields: r.fields,
    status: r.status,
    sentAt: iso(r.sent_at),
    answeredAt: r.answered_at ? iso(r.answered_at) : null,
  };
}

/** One referral as its receiver reads it: the consented fields sent, nothing else of the case; the read is audited. */
export async function receivedReferral(ctx: RequestContext, id: string): Promise<S.ReceivedReferral> {
  const actor = requireActor(ctx);
  const row = await loadReferral(ctx, id);
  if (!row?.to_organization_id || !referralPolicy.can(actor, 'receive', { toOrganizationId: row.to_organization_id })) throw notFound();
  const view: S.ReceivedReferral = {
    ...summaryOf(row, await organizationNames(ctx.db, [row.from_organization_id])),
    shared: unseal(ctx.pii, row.payload) as Record<string, string>,
    reason: openText(ctx, row.reason),
    answer: row.answer ? openText(ctx, row.answer) : null,
  };
  await auditRead(ctx, { action: 'case_referral.read', entityType: 'case_referral', entityId: id, districtId: row.district_id });
  return view;
}

/** The case's consents and referrals, for its team's view of the case. */
export async function consentsAndReferrals(ctx: RequestContext, districtId: string, caseId: string): Promise<{ consents: S.Consent[]; referrals: S.Referral[] }> {
  const [consents, referrals] = await Promise.all([
    ctx.db.selectFrom('case_consents').selectAll().where('district_id', '=', districtId).where('case_id', '=', caseId).orderBy('created_at').execute(),
    ctx.db.selectFrom('case_referrals').selectAll().where('district_id', '=', districtId).where('case_id', '=', caseId).orderBy('sent_at').execute(),
  ]);
  const names = await organizationNames(ctx.db, referrals.flatMap((r) => (r.to_organization_id ? [r.to_organization_id] : [])));
  return {
    consents: consents.map((c) => ({ id: c.id, givenBy: c.given_by, guardianName: c.guardian_name, guardianRelation: c.guardian_relation, fields: c.fields, givenOn: c.given_on, withdrawnAt: c.withdrawn_at ? iso(c.withdrawn_at) : null })),
    referrals: referrals.map((r) => ({
      id: r.id,
      toOrganization: r.to_organization_id ? { id: r.to_organization_id, name: names.get(r.to_organization_id) ?? '' } : null,
      toDepartment: r.to_department,
      fields: r.fields,
      reason: openText(ctx, r.reason),
      status: r.status,
      answer: r.answer ? openText(ctx, r.answer) : null,
      sentAt: iso(r.sent_at),
      answeredAt: r.answered_at ? iso(r.answered_at) : null,
    })),
  };
}
