import type { UserTies } from '../workforce/index.ts';

export { tiesOf, type UserTies as ReviewerTies } from '../workforce/index.ts';

/**
 * A conflict nobody needs to declare (story 3): the reviewer works for the applicant, or is on
 * its team. Such a reviewer never sees the application, not even its title.
 */
export function tiedTo(ties: UserTies | undefined, app: { organizationId: string; teamIds: readonly string[] }): boolean {
  if (!ties) return false;
  return ties.organizationIds.has(app.organizationId) || app.teamIds.some((id) => ties.socialWorkerIds.has(id));
}
