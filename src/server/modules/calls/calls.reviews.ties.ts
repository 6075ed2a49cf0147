import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { organizationsOfUsers } from '../accounts/index.ts';
import { socialWorkerLinks } from '../workforce/index.ts';

/** Whom a reviewer works for or with: organizations they hold a role in or are employed by, and their social-worker records. */
export interface ReviewerTies {
  organizationIds: ReadonlySet<string>;
  socialWorkerIds: ReadonlySet<string>;
}

export async function tiesOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, ReviewerTies>> {
  const [roles, links] = await Promise.all([organizationsOfUsers(db, userIds), socialWorkerLinks(db, userIds)]);
  return new Map(
    userIds.map((id) => [
      id,
      {
        organizationIds: new Set([...(roles.get(id) ?? []), ...(links.get(id)?.organizationIds ?? [])]),
        socialWorkerIds: new Set(links.get(id)?.socialWorkerIds ?? []),
      },
    ]),
  );
}

/**
 * A conflict nobody needs to declare (story 3): the reviewer works for the applicant, or is on
 * its team. Such a reviewer never sees the application, not even its title.
 */
export function tiedTo(ties: ReviewerTies | undefined, app: { organizationId: string; teamIds: readonly string[] }): boolean {
  if (!ties) return false;
  return ties.organizationIds.has(app.organizationId) || app.teamIds.some((id) => ties.socialWorkerIds.has(id));
}
