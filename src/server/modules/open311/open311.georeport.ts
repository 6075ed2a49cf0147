import type { RequestContext } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { createSystemNeed, districtCategories, findExternalNeeds, NEED_STATES, OPEN_STATES, type ExternalNeedRow, type NeedState } from '../needs/index.ts';
import { clientByKey } from './open311.clients.ts';
import { Open311Error, parseW3c, w3c, type Value } from './open311.format.ts';
import { placeInCommunity } from './open311.place.ts';

/** Parameters as sent: query string merged with the form body; repeated keys become arrays. */
export type Params = Record<string, string | string[] | undefined>;

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function one(params: Params, key: string): string | undefined {
  const v = params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : String(s).trim();
}
const list = (raw: string | undefined) => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** "Open" to Open311 is anything someone still works on; resolved waits only for the reporter's word. */
const OPEN: readonly NeedState[] = [...OPEN_STATES, 'pooled'];
const CLOSED: readonly NeedState[] = NEED_STATES.filter((s) => !OPEN.includes(s));

const STATUS_NOTES: Record<NeedState, Record<Locale, string>> = {
  reported: { 'zh-CN': '已收到，等待社区受理', en: 'Received; waiting for the community to take it up' },
  accepted: { 'zh-CN': '社区已受理', en: 'Accepted by the community' },
  in_progress: { 'zh-CN': '正在办理', en: 'Being handled' },
  waiting: { 'zh-CN': '等待条件具备后继续办理', en: 'On hold until conditions allow' },
  referred: { 'zh-CN': '已转交相关单位办理', en: 'Referred to the responsible body' },
  reopened: { 'zh-CN': '重新办理中', en: 'Reopened' },
  pooled: { 'zh-CN': '已纳入社区服务项目统筹解决', en: 'Taken into a community service project' },
  resolved: { 'zh-CN': '已办结', en: 'Resolved' },
  closed: { 'zh-CN': '已办结并确认', en: 'Resolved and confirmed' },
  rejected: { 'zh-CN': '不予受理', en: 'Not taken up' },
  merged: { 'zh-CN': '与同一问题的其他报告合并办理', en: 'Merged with another report of the same problem' },
};

const DISCOVERY_TEXTS: Record<'contact' | 'key_service', Record<Locale, string>> = {
  contact: {
    'zh-CN': '请联系为您的应用签发 API 密钥的区民政部门。',
    en: 'Contact the district civil affairs office that issued your API key.',
  },
  key_service: {
    'zh-CN': 'API 密钥由区民政部门按客户端应用逐个签发。',
    en: 'API keys are issued per client app by the district civil affairs office.',
  },
};
// The date this document's content last changed (the specification's "changeset").
const DISCOVERY_CHANGESET = '2026-12-01T00:00:00Z';

/**
 * The discovery document describes the endpoint, and there is one endpoint per deployment (it
 * takes no jurisdiction_id), so its contact is the deployment's OPEN311_CONTACT.
 */
export function discovery(ctx: RequestContext, url: string) {
  return {
    changeset: DISCOVERY_CHANGESET,
    contact: ctx.config.open311Contact ?? DISCOVERY_TEXTS.contact[ctx.locale],
    key_service: DISCOVERY_TEXTS.key_service[ctx.locale],
    endpoints: [{ specification: SPECIFICATION, url, changeset: DISCOVERY_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}

export async function jurisdiction(ctx: RequestContext, params: Params) {
  const code = one(params, 'jurisdiction_id');
  if (!code) throw new Open311Error(400, 'jurisdiction_id is required: the community code');
  const c = await ctx.db
    .selectFrom('communities')
    .select(['id', 'district_id', 'street_id', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!c) throw new Open311Error(404, `jurisdiction_id ${code} was not found`);
  return { id: c.id, districtId: c.district_id, streetId: c.street_id, name: c.name, code };
}
type Jurisdiction = Awaited<ReturnType<typeof jurisdiction>>;

/** The district's active categories with a service code, in their order, each with its parent as group. */
async function categories(ctx: RequestContext, j: Jurisdiction) {
  const all = await districtCategories(ctx, ctx.db, j.districtId);
  return [...all.values()]
    .filter((c) => c.active && c.open311_code !== null)
    .sort((a, b) => a.sort - b.sort || (a.id < b.id ? -1 : 1))
    .map((c) => {
      const group = c.parent_id ? all.get(c.parent_id) : undefined;
      return { id: c.id, open311_code: c.open311_code!, name: c.name, name_en: c.name_en, group_name: group?.name ?? null, group_name_en: group?.name_en ?? null };
    });
}

export async function services(ctx: RequestContext, params: Params) {
  const j = await jurisdiction(ctx, params);
  const en = ctx.locale === 'en';
  return (await categories(ctx, j)).map((c) => ({
    service_code: c.open311_code,
    service_name: (en && c.name_en) || c.name,
    description: (en && c.name_en) || c.name,
    // Categories carry no extra questions, so there is never a definition to fetch.
    metadata: false,
    type: 'realtime',
    keywords: null,
    group: (en && c.group_name_en) || c.group_name || null,
  }));
}

export async function serviceDefinition(ctx: RequestContext, code: string, params: Params) {
  const j = await jurisdiction(ctx, params);
  const found = (await categories(ctx, j)).find((c) => c.open311_code === code);
  if (!found) throw new Open311Error(404, `service_code ${code} was not found`);
  return { service_code: found.open311_code, attributes: [] as Value[] };
}

function expected(row: ExternalNeedRow): string | null {
  if (CLOSED.includes(row.state)) return null;
  if (row.state === 'waiting') return row.waiting_until ? `${row.waiting_until}T00:00:00+08:00` : null;
  return w3c(row.state === 'reported' ? row.triage_due_at : row.resolve_due_at);
}

type Extra = { address_string: string | null; address_id: string | null; located_by_point: boolean; media_url: string | null };

/** A value the need does not have is null (an empty element in XML), as in the specification's examples. */
function presentRequest(ctx: RequestContext, row: ExternalNeedRow, extra: Extra | undefined, serviceName: string) {
  return {
    service_request_id: row.id,
    status: OPEN.includes(row.state) ? 'open' : 'closed',
    status_notes: row.reply ? `${STATUS_NOTES[row.state][ctx.locale]}${ctx.locale === 'en' ? ': ' : '：'}${row.reply}` : STATUS_NOTES[row.state][ctx.locale],
    service_name: serviceName,
    service_code: row.open311_code,
    description: row.description,
    agency_responsible:
      row.state === 'referred' ? row.organization_name ?? row.referral_department ?? row.community_name : row.community_name,
    service_notice: null,
    requested_datetime: w3c(row.created_at),
    updated_datetime: w3c(row.updated_at),
    expected_datetime: expected(row),
    address: extra?.address_string ?? null,
    address_id: extra?.address_id ?? null,
    zipcode: null,
    lat: extra?.located_by_point ? row.lat : null,
    long: extra?.located_by_point ? row.lng : null,
    media_url: extra?.media_url ?? null,
  };
}

async function present(ctx: RequestContext, j: Jurisdiction, rows: ExternalNeedRow[]) {
  const extras = rows.length
    ? await ctx.db
        .selectFrom('open311_requests')
        .select(['need_id', 'address_string', 'address_id', 'located_by_point', 'media_url'])
        .where('district_id', '=', j.districtId)
        .where('need_id', 'in', rows.map((r) => r.id))
        .execute()
    : [];
  const byNeed = new Map(extras.map((e) => [e.need_id, e]));
  const names = new Map((await categories(ctx, j)).map((c) => [c.open311_code, (ctx.locale === 'en' && c.name_en) || c.name]));
  return rows.map((r) => presentRequest(ctx, r, byNeed.get(r.id), names.get(r.open311_code ?? '') ?? r.category_name));
}

/**
 * GET requests. Only needs reported through Open311 are public here: others may describe a
 * household's circumstances. service_request_id overrides every other filter (spec).
 */
export async function listRequests(ctx: RequestContext, params: Params) {
  const j = await jurisdiction(ctx, params);
  const base = { districtId: j.districtId, communityId: j.id, source: 'open311' as const, limit: MAX_RESULTS };
  const idParam = one(params, 'service_request_id');
  if (idParam !== undefined && idParam !== '') {
    const ids = list(idParam).filter((id) => UUID.test(id));
    return present(ctx, j, await findExternalNeeds(ctx.db, { ...base, ids }));
  }
  const statuses = list(one(params, 'status'));
  for (const s of statuses) if (s !== 'open' && s !== 'closed') throw new Open311Error(400, `status must be open, closed or both (comma separated), not ${s}`);
  const from = parseW3c('start_date', one(params, 'start_date'));
  const to = parseW3c('end_date', one(params, 'end_date'));
  if (from && to && from > to) throw new Open311Error(400, 'start_date must not be after end_date');
  const codes = list(one(params, 'service_code'));
  let categoryIds: string[] | undefined;
  if (codes.length) {
    const cats = await categories(ctx, j);
    categoryIds = cats.filter((c) => codes.includes(c.open311_code)).map((c) => c.id);
  }
  const states = statuses.length
    ? [...(statuses.includes('open') ? OPEN : []), ...(statuses.includes('closed') ? CLOSED : [])]
    : undefined;
  // Without dates the spec's default window applies: the last 90 days.
  const createdFrom = from ?? (to ? undefined : new Date(Date.now() - DEFAULT_DAYS * 24 * 3600_000));
  const rows = await findExternalNeeds(ctx.db, { ...base, categoryIds, states, createdFrom, createdTo: to });
  return present(ctx, j, rows);
}

export async function getRequest(ctx: RequestContext, id: string, params: Params) {
  const j = await jurisdiction(ctx, params);
  const rows = UUID.test(id) ? await findExternalNeeds(ctx.db, { districtId: j.districtId, communityId: j.id, source: 'open311', ids: [id], limit: 1 }) : [];
  if (rows.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
  return present(ctx, j, rows);
}

/** Tokens are the reference numbers told to reporters (service_notice); they resolve to the request id. */
export async function resolveToken(ctx: RequestContext, token: string, params: Params) {
  const j = await jurisdiction(ctx, params);
  const rows = await findExternalNeeds(ctx.db, { districtId: j.districtId, communityId: j.id, source: 'open311', refNo: token, limit: 1 });
  if (rows.length === 0) throw new Open311Error(404, `token ${token} was not found`);
  return [{ service_request_id: rows[0]!.id, token }];
}

function number(params: Params, key: string, min: number, max: number): number | undefined {
  const raw = one(params, key);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Open311Error(400, `${key} must be a number between ${min} and ${max}`);
  return n;
}

function optional(params: Params, key: string, max: number): string | null {
  const v = one(params, key);
  if (!v) return null;
  if (v.length > max) throw new Open311Error(400, `${key} must be at most ${max} characters`);
  return v;
}

export async function createRequest(ctx: RequestContext, params: Params) {
  const key = one(params, 'api_key');
  if (!key) throw new Open311Error(403, 'api_key is required to submit requests');
  const client = await clientByKey(ctx.db, key);
  if (!client) throw new Open311Error(403, 'api_key is invalid or has been deactivated');
  const j = await jurisdiction(ctx, params);
  if (client.district_id !== j.districtId) throw new Open311Error(403, 'api_key is not valid for this jurisdiction_id');

  const code = one(params, 'service_code');
  if (!code) throw new Open311Error(400, 'service_code is required');
  const category = (await categories(ctx, j)).find((c) => c.open311_code === code);
  if (!category) throw new Open311Error(400, `service_code ${code} is not a service of this jurisdiction`);

  const lat = number(params, 'lat', -90, 90);
  const long = number(params, 'long', -180, 180);
  if ((lat === undefined) !== (long === undefined)) throw new Open311Error(400, 'lat and long must be sent together');
  const addressString = optional(params, 'address_string', 500);
  const addressId = optional(params, 'address_id', 100);
  const point = lat !== undefined && long !== undefined ? { lng: long, lat } : null;
  if (!point && !addressString && !addressId) throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');

  const description = optional(params, 'description', 4000);
  const mediaUrl = optional(params, 'media_url', 2000);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL');
  const email = optional(params, 'email', 200);
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Open311Error(400, 'email is not a valid address');
  const accountId = optional(params, 'account_id', 100);
  const deviceId = optional(params, 'device_id', 100);
  const contact = {
    firstName: optional(params, 'first_name', 100),
    lastName: optional(params, 'last_name', 100),
    phone: optional(params, 'phone', 50),
    email,
  };
  const hasContact = Object.values(contact).some((v) => v !== null);

  const placed = await placeInCommunity(ctx.db, { districtId: j.districtId, id: j.id }, point);
  const need = await createSystemNeed(
    ctx,
    {
      source: 'open311',
      districtId: j.districtId,
      streetId: j.streetId,
      communityId: j.id,
      gridId: placed.gridId,
      categoryId: category.id,
      description: description ?? category.name,
      point: placed.point,
      reportedVia: `Open311: ${client.name}`,
    },
    async ({ trx, audit }, created) => {
      await trx
        .insertInto('open311_requests')
        .values({
          district_id: j.districtId,
          need_id: created.id,
          client_id: client.id,
          address_string: addressString,
          address_id: addressId,
          located_by_point: placed.byPoint,
          media_url: mediaUrl,
          account_id: accountId,
          device_id: deviceId,
          contact_cipher: hasContact ? ctx.pii.encrypt(JSON.stringify(contact)) : null,
        })
        .execute();
      // Who sent it, never the contact details themselves.
      await audit({
        action: 'open311.request',
        entityType: 'need',
        entityId: created.id,
        districtId: j.districtId,
        after: { clientId: client.id, serviceCode: code, hasContact },
      });
    },
  );
  const notice =
    ctx.locale === 'en'
      ? `Received by ${j.name}. Reference number ${need.refNo}.`
      : `${j.name}已收到您的反映，编号 ${need.refNo}。`;
  return [{ service_request_id: need.id, service_notice: notice, account_id: accountId }];
}
