import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { tiedTo, tiesOf } from './calls.reviews.ties.ts';

/** The submitted applications of a call with their team (what conflicts and rankings are computed on). */
export async function submittedOf(db: Kysely<DB>, districtId: string, callId: string) {
  const apps = await db
    .selectFrom('applications as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('projects as p', (j) => j.onRef('p.district_id', '=', 'a.district_id').onRef('p.id', '=', 'a.project_id'))
    .select(['a.id', 'a.ref_no', 'a.title', 'a.organization_id', 'o.name as organization_name', 'a.project_id', 'p.title as project_title', 'a.theme', 'a.budget_fen', 'a.co_funding_fen', 'a.submitted_at'])
    .where('a.district_id', '=', districtId)
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .orderBy('a.ref_no')
    .execute();
  const team = apps.length === 0 ? [] : await db
    .selectFrom('application_team')
    .select(['application_id', 'social_worker_id'])
    .where('district_id', '=', districtId)
    .where('application_id', 'in', apps.map((a) => a.id))
    .execute();
  return apps.map((a) => ({ ...a, teamIds: team.filter((m) => m.application_id === a.id).map((m) => m.social_worker_id) }));
}
export type SubmittedApplication = Awaited<ReturnType<typeof submittedOf>>[number];

export function reviewsOf(db: Kysely<DB>, districtId: string, callId: string, reviewerId?: string) {
  let q = db
    .selectFrom('application_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_user_id')
    .selectAll('r')
    .select('u.display_name as reviewer_name')
    .where('r.district_id', '=', districtId)
    .where('r.call_id', '=', callId);
  if (reviewerId) q = q.where('r.reviewer_user_id', '=', reviewerId);
  return q.orderBy('r.submitted_at').orderBy('r.reviewer_user_id').execute();
}
export type ReviewRow = Awaited<ReturnType<typeof reviewsOf>>[number];

export function reviewOf(db: Kysely<DB>, districtId: string, applicationId: string, reviewerId: string) {
  return db
    .selectFrom('application_reviews')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('application_id', '=', applicationId)
    .where('reviewer_user_id', '=', reviewerId)
    .executeTakeFirst();
}

export interface ReviewDuty {
  reviewerId: string;
  applicationId: string;
  state: 'tied' | 'undeclared' | 'conflict' | 'scoring' | 'submitted';
}

/**
 * Every panel member × submitted application and where it stands: tied to the applicant (no
 * review owed), not declared yet, declared a conflict, scoring, submitted. The panel has done
 * its work when no duty is `undeclared` or `scoring`.
 */
export async function dutiesOf(db: Kysely<DB>, districtId: string, callId: string, panel: string[], submitted?: SubmittedApplication[]): Promise<ReviewDuty[]> {
  const [apps, reviews, ties] = await Promise.all([submitted ?? submittedOf(db, districtId, callId), reviewsOf(db, districtId, callId), tiesOf(db, panel)]);
  const byPair = new Map(reviews.map((r) => [`${r.reviewer_user_id}/${r.application_id}`, r]));
  return panel.flatMap((reviewerId) =>
    apps.map((app): ReviewDuty => {
      const r = byPair.get(`${reviewerId}/${app.id}`);
      const state = tiedTo(ties.get(reviewerId), { organizationId: app.organization_id, teamIds: app.teamIds })
        ? 'tied'
        : !r
          ? 'undeclared'
          : r.conflict
            ? 'conflict'
            : r.submitted_at
              ? 'submitted'
              : 'scoring';
      return { reviewerId, applicationId: app.id, state };
    }),
  );
}

/** The panels a user sits on, of calls published and not cancelled: newest first. */
export function seatsOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('call_panel as p')
    .innerJoin('calls as c', (j) => j.onRef('c.district_id', '=', 'p.district_id').onRef('c.id', '=', 'p.call_id'))
    .select(['p.district_id', 'p.call_id', 'p.kind', 'c.ref_no', 'c.title', 'c.status'])
    .where('p.user_id', '=', userId)
    .where('c.status', 'not in', ['draft', 'cancelled'])
    .orderBy('c.id', 'desc')
    .limit(50)
    .execute();
}
