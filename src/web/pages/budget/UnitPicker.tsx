import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import type { StreetView } from '../../../server/modules/territory/structure.schemas.ts';
import { useChildren } from '../territory/queries.ts';
import { useCommunityChoices } from '../volunteers/communities.ts';
import type { Unit } from './budgetQueries.ts';

const OFFICERS = ['platform_admin', 'district_officer', 'street_officer'];

/**
 * The community or street a staff page is about, kept in the address as `?communityId=` or
 * `?streetId=`. A community's staff start on their community, a street officer on the street;
 * officers may also pick one community of theirs.
 */
export function useUnitChoice() {
  const { me } = useAuth();
  const { i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const choices = useCommunityChoices();
  const assignments = me?.assignments ?? [];
  const officer = assignments.some((a) => OFFICERS.includes(a.role));
  // Street names in the reader's language (the communities list names them in Chinese only).
  const streetList = useChildren<StreetView>('streets', {}, officer);
  const streetName = (id: string, fallback: string) => {
    const s = streetList.data?.find((x) => x.id === id);
    return s ? (i18n.language === 'en' && s.nameEn ? s.nameEn : s.name) : fallback;
  };
  const ownStreets = new Set(assignments.filter((a) => a.role === 'street_officer' && a.scopeType === 'street' && a.scopeId).map((a) => a.scopeId!));
  // Officers see streets: a street officer theirs, a district officer every street of the communities they read.
  const streets = officer
    ? [...new Map(choices.all.filter((c) => ownStreets.size === 0 || ownStreets.has(c.streetId)).map((c) => [c.streetId, c.streetName])).entries()].map(([id, name]) => ({ id, name: streetName(id, name) }))
    : [];
  const communities = officer ? choices.all : choices.own.length > 0 ? choices.own : choices.all;

  const asked: Unit = { communityId: params.get('communityId') ?? undefined, streetId: params.get('streetId') ?? undefined };
  let unit: Unit = {};
  if (asked.streetId) unit = { streetId: asked.streetId };
  else if (asked.communityId) unit = { communityId: asked.communityId };
  else if (choices.own[0]) unit = { communityId: choices.own[0].id };
  else if (streets[0]) unit = { streetId: streets[0].id };
  else if (communities[0]) unit = { communityId: communities[0].id };

  const set = (next: Unit) => {
    const p = new URLSearchParams(params);
    p.delete('communityId');
    p.delete('streetId');
    if (next.streetId) p.set('streetId', next.streetId);
    if (next.communityId) p.set('communityId', next.communityId);
    setParams(p, { replace: true });
  };
  const unitName = unit.streetId
    ? streets.find((s) => s.id === unit.streetId)?.name
    : (() => {
        const c = choices.all.find((x) => x.id === unit.communityId);
        return c ? choices.nameOf(c) : undefined;
      })();
  return { unit, set, streets, communities, choices, loading: choices.query.isLoading, error: choices.query.error, unitName };
}

/** One picker for streets and communities; hidden when there is only one place to choose. */
export function UnitPicker({ choice, testId, label }: { choice: ReturnType<typeof useUnitChoice>; testId: string; label: string }) {
  const { t } = useTranslation();
  const { unit, set, streets, communities, choices } = choice;
  if (streets.length + communities.length <= 1) return null;
  const value = unit.streetId ? `street:${unit.streetId}` : unit.communityId ? `community:${unit.communityId}` : undefined;
  const communityOptions = communities.map((c) => ({ value: `community:${c.id}`, label: choices.nameOf(c) }));
  // One flat list (a grouped one trips screen readers over antd's group rows): streets first, named as the whole street.
  const options: SelectProps['options'] = [...streets.map((s) => ({ value: `street:${s.id}`, label: t('budget.unit.wholeStreet', { name: s.name }) })), ...communityOptions];
  return (
    <Select
      value={value}
      onChange={(v: string) => {
        const [kind, id] = v.split(':');
        set(kind === 'street' ? { streetId: id } : { communityId: id });
      }}
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={label}
      placeholder={label}
      loading={choice.loading}
      style={{ minWidth: 200, maxWidth: '100%' }}
      options={options}
      data-testid={testId}
    />
  );
}
