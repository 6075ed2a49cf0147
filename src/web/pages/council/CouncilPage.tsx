import { Alert, Space, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { CommunityPicker, useCouncilCommunity } from './CouncilParts.tsx';
import { useMembers, useParticipationSettings } from './councilQueries.ts';
import { MeetingsTab } from './MeetingsTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { TopicsTab } from './TopicsTab.tsx';
import { Typography } from '../../components/Typography.tsx';

const TABS = ['topics', 'meetings', 'members'] as const;
type Tab = (typeof TABS)[number];

/** The council's rule in one line: how many must attend and how many must agree. */
function RuleLine({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const settings = useParticipationSettings(communityId);
  if (!settings.data) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }} data-testid="council-rule">
      {t('council.ruleLine', { percent: settings.data.quorumPercent })}
      {can('participation.settings.update') && settings.data.canEdit && (
        <>
          {' '}
          <Link to={`/participation-settings?communityId=${communityId}`} style={{ textDecoration: 'underline' }}>{t('council.changeRule')}</Link>
        </>
      )}
    </Typography.Paragraph>
  );
}

/**
 * 居民议事会: a community's council — the topics on its agenda (一事一议), its meetings and its
 * members. The community's staff keep them; officers read them.
 */
export function CouncilPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const picker = useCouncilCommunity();
  const { communityId } = picker;
  const members = useMembers(communityId);
  const canManage = members.data?.canManage ?? false;
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'topics';
  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    if (k === 'topics') next.delete('tab');
    else next.set('tab', k);
    setParams(next, { replace: true });
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1200 }} data-testid="council-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('council.title')}
          {picker.community && picker.list.length < 2 && (
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginInlineStart: 8 }}>{picker.choices.nameOf(picker.community)}</Typography.Text>
          )}
        </Typography.Title>
        <CommunityPicker picker={picker} testId="council-community" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('council.hint')}</Typography.Paragraph>
      {communityId && <RuleLine communityId={communityId} />}
      <ErrorAlert error={picker.choices.query.error} />
      {picker.choices.query.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {picker.choices.query.isSuccess && !communityId && <Alert type="info" showIcon title={t('council.noCommunity')} />}
      {communityId && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'topics', label: t('council.tabs.topics'), children: <TopicsTab key={communityId} communityId={communityId} canManage={canManage} /> },
            { key: 'meetings', label: t('council.tabs.meetings'), children: <MeetingsTab key={communityId} communityId={communityId} canManage={canManage} /> },
            { key: 'members', label: t('council.tabs.members'), children: <MembersTab key={communityId} communityId={communityId} /> },
          ]}
        />
      )}
    </Space>
  );
}
