import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { organizationsOfUsers } from '../accounts/index.ts';
import { socialWorkerLinks } from './workforce.teams.ts';

/**
 * Whom a user works for or with: the organizations they hold a role in or are employed by, and
 * their social-worker records. What keeps a reviewer from an applicant and an evaluator from
 * the organization delivering a project.
 */
export interface UserTies {
  organizationIds: ReadonlySet<string>;
  socialWorkerIds: ReadonlySet<string>;
}

export async function tiesOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, UserTies>> {
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
