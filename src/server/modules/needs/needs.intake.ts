import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import type { CommandScope, RequestContext } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import './needs.errors.ts';
import { needPolicy } from './needs.policy.ts';
import * as store from './needs.store.ts';
import type { NeedsTable, Urgency } from './needs.tables.ts';
import { insertNeed } from './needs.record.ts';
import { categoryNameIn, districtCategories, inReaderLanguage } from './needs.categories.ts';
import { dueOf } from './needs.service.ts';
import { workingCalendar } from '../../platform/calendar/calendar.store.ts';

/** The household a need was found at, already loaded and authorized by the calling module. */
export interface IntakePlace {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string;
  buildingId: string | null;
}

export interface IntakeNeed {
  categoryId: string;
  description: string;
  urgency?: Urgency;
  beneficiaries?: number;
}

export interface IntakeOptions {
  source: 'visit';
  visitId: string;
  reporterResidentId?: string | null;
  /** Prefix of field names in validation errors, e.g. 'needs' gives 'needs.1.categoryId'. */
  fieldPrefix: string;
  /** The language the caller reads the answered needs in. */
  locale: Locale;
}

/**
 * Records needs found by another module's command inside that command's transaction (so a
 * visit and its needs commit or fail together), numbered, timed and audited like any report.
 * Answers with the needs as written.
 */
export async function intakeNeeds(scope: CommandScope, actor: Actor, place: IntakePlace, needs: IntakeNeed[], o: IntakeOptions): Promise<NeedSummary[]> {
  if (needs.length === 0) return [];
  const { trx } = scope;
  const record = { ...place, state: 'reported' as const, handlerUserId: null, reporterUserId: null, referralOrgId: null, followerIds: [] };
  if (!needPolicy.can(actor, 'create', record)) throw new AppError('access.forbidden');
  const byId = await districtCategories(scope.platform, trx, place.districtId);
  const field = (i: number) => `${o.fieldPrefix}.${i}.categoryId`;
  // A category of another district does not exist for this one: 404, like a missing id.
  const missing = needs.findIndex((n) => !byId.has(n.categoryId));
  if (missing >= 0) throw notFoundAt(field(missing));
  const inactive = needs.flatMap((n, i) => (byId.get(n.categoryId)!.active ? [] : [{ field: field(i), code: 'need.unknown_category' }]));
  if (inactive.length) throw invalid(...inactive);

  // One calendar for the whole batch: a visit may carry up to 20 needs.
  const calendar = await workingCalendar(scope.platform, trx);
  const written: NeedSummary[] = [];
  for (const n of needs) {
    const need = await insertNeed(scope, {
      ...place,
      category: byId.get(n.categoryId)!,
      source: o.source,
      recordedByUserId: actor.userId,
      reporterResidentId: o.reporterResidentId ?? null,
      visitId: o.visitId,
      description: n.description,
      urgency: n.urgency,
      beneficiaries: n.beneficiaries,
      actor,
    }, { calendar });
    written.push(summaryOf(need, categoryNameIn(byId.get(n.categoryId)!, o.locale)));
  }
  return written;
}

export interface NeedSummary {
  id: string;
  refNo: string;
  categoryId: string;
  categoryName: string;
  description: string;
  urgency: Urgency;
  beneficiaries: number;
  state: string;
  /** The limit that applies now (null once finished), to tell the family when to expect an answer. */
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

/** The needs found on a visit that the caller may read. */
export async function needsOfVisit(ctx: RequestContext, actor: Actor, districtId: string, visitId: string): Promise<NeedSummary[]> {
  const rows = await store
    .selectNeeds(ctx.db)
    .where('needs.district_id', '=', districtId)
    .where('needs.visit_id', '=', visitId)
    .orderBy('needs.id')
    .execute();
  return (await inReaderLanguage(ctx, rows))
    .filter((r) =>
      needPolicy.can(actor, 'read', {
        districtId: r.district_id,
        streetId: r.street_id,
        communityId: r.community_id,
        gridId: r.grid_id,
        householdId: r.household_id,
        state: r.state,
        handlerUserId: r.handler_user_id,
        reporterUserId: r.reporter_user_id,
        referralOrgId: r.referral_org_id,
        followerIds: [],
      }),
    )
    .map((r) => summaryOf(r, r.category_name));
}

function summaryOf(r: Selectable<NeedsTable>, categoryName: string): NeedSummary {
  return {
    id: r.id,
    refNo: r.ref_no,
    categoryId: r.category_id,
    categoryName,
    description: r.description,
    urgency: r.urgency,
    beneficiaries: r.beneficiaries,
    state: r.state,
    ...dueOf(r),
    createdAt: new Date(r.created_at).toISOString(),
  };
}
