import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import type { RoundStatus, RoundSummary, Unit } from './budgetQueries.ts';

const STATUS_COLOURS: Record<RoundStatus, string> = { draft: 'default', open: 'processing', counted: 'gold', published: 'green' };

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="round-status">{t(`budget.status.${status}`)}</Tag>;
}

/** A moment in Beijing time (the browser's zone is Asia/Shanghai), to the minute. */
export const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** A voting window: "2026-05-01 08:00 – 2026-05-15 20:00". */
export const windowText = (r: { opensAt: string; closesAt: string }) => `${when(r.opensAt)} – ${when(r.closesAt)}`;

/** The unit a round belongs to, as a reader names it. */
export const unitText = (r: RoundSummary, t: TFunction) => (r.unit.kind === 'street' ? t('budget.unit.wholeStreet', { name: r.unit.name }) : r.unit.name);

/**
 * Whether the caller runs rounds of the unit: a street's rounds its street officer, a
 * community's its staff (the server's `participation.round.manage`, which the list cannot tell).
 */
export function useManagesUnit() {
  const { me, can } = useAuth();
  return (unit: Unit | { kind: 'community' | 'street'; id: string }) => {
    if (!can('participation.round.manage')) return false;
    const kind = 'kind' in unit ? unit.kind : unit.streetId ? 'street' : 'community';
    const id = 'kind' in unit ? unit.id : (unit.streetId ?? unit.communityId);
    return !!me?.assignments.some((a) =>
      kind === 'street' ? a.role === 'street_officer' && a.scopeType === 'street' && a.scopeId === id : ['community_admin', 'community_worker'].includes(a.role) && a.scopeType === 'community' && a.scopeId === id,
    );
  };
}
