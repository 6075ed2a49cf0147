import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useVisibleCommunities, type Community } from '../worktasks/workTaskQueries.ts';

const STAFF = ['community_admin', 'community_worker'];

/**
 * The communities the caller may read (one page of 200), with the ones whose staff they are:
 * there they register volunteers and keep the time bank.
 */
export function useCommunityChoices(enabled = true) {
  const { me } = useAuth();
  const { i18n } = useTranslation();
  const communities = useVisibleCommunities(enabled);
  const all = communities.data ?? [];
  const staffOf = new Set(me?.assignments.filter((a) => STAFF.includes(a.role) && a.scopeType === 'community' && a.scopeId).map((a) => a.scopeId!) ?? []);
  const own = all.filter((c) => staffOf.has(c.id));
  const nameOf = (c: Community) => (i18n.language === 'en' && c.nameEn ? c.nameEn : c.name);
  return {
    query: communities,
    all,
    /** Communities whose staff the caller is, in the order the server lists them. */
    own,
    nameOf,
    options: (list: Community[]) => list.map((c) => ({ value: c.id, label: nameOf(c) })),
  };
}
