import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCommunityChoices } from '../volunteers/communities.ts';
import type { Stance, TopicStatus } from './councilQueries.ts';
import { Typography } from '../../components/Typography.tsx';

const STATUS_COLORS: Record<TopicStatus, string> = { open: 'blue', passed: 'green', rejected: 'red', implementing: 'gold', done: 'default' };
const STANCE_COLORS: Record<Stance, string> = { for: 'green', against: 'red', neutral: 'default' };

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>{t(`council.topicStatus.${status}`)}</Tag>;
}

export function MeetingStatusTag({ status }: { status: 'planned' | 'held' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'held' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(`council.meetingStatus.${status}`)}</Tag>;
}

export function StanceTag({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  return <Tag color={STANCE_COLORS[stance]} style={{ marginInlineEnd: 0 }}>{t(`council.stance.${stance}`)}</Tag>;
}

/** A hint under a text area that shows its character count: kept clear of the count on the right, which would cover a long hint on a phone. */
export const countedHint = (text: string) => <div style={{ paddingInlineEnd: 88 }}>{text}</div>;

export const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

/**
 * The community a council page is about, kept in the address: staff see their own
 * communities, officers every community they oversee. The picker shows only when there is a choice.
 */
export function useCouncilCommunity() {
  const [params, setParams] = useSearchParams();
  const choices = useCommunityChoices();
  const list = choices.own.length > 0 ? choices.own : choices.all;
  const asked = params.get('communityId');
  const communityId = asked && list.some((c) => c.id === asked) ? asked : list[0]?.id;
  const community = list.find((c) => c.id === communityId);
  const setCommunity = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('communityId', id);
    setParams(next, { replace: true });
  };
  return { choices, list, communityId, community, setCommunity };
}

export function CommunityPicker({ picker, testId }: { picker: ReturnType<typeof useCouncilCommunity>; testId: string }) {
  const { t } = useTranslation();
  if (picker.list.length < 2) return null;
  return (
    <Select
      value={picker.communityId}
      onChange={picker.setCommunity}
      aria-label={t('council.community')}
      style={{ minWidth: 180, maxWidth: '100%' }}
      showSearch={{ optionFilterProp: 'label' }}
      options={picker.choices.options(picker.list)}
      data-testid={testId}
    />
  );
}
