import { Alert, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { VOLUNTEER_SKILLS, type VolunteerSkill } from '../../../common/volunteers.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCommunityChoices } from './communities.ts';
import { RegisterVolunteer } from './RegisterVolunteer.tsx';
import { SkillTags, Stars } from './VolunteerParts.tsx';
import { VolunteerStatusTag } from './VolunteerStatusTags.tsx';
import { hoursOf, useVolunteers, useVolunteerSettings, VOLUNTEER_STATUSES, type VolunteerStatus, type VolunteerSummary } from './volunteerQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The district's rules in one line: what the stars take and what an hour earns. */
function RulesLine() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const settings = useVolunteerSettings(undefined);
  if (!settings.data) return null;
  const s = settings.data;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="volunteer-rules">
      {t('volunteers.list.rules', { hours: s.starHours.join(' / '), points: s.pointsPerHour })}
      {can('volunteers.settings.update') && (
        <>
          {' '}
          <Link to="/volunteer-settings">{t('volunteers.list.changeRules')}</Link>
        </>
      )}
    </Typography.Paragraph>
  );
}

/**
 * 志愿者: the volunteers of the communities the caller works in (or oversees), filtered by
 * community, skill and status (kept in the address). Community staff register new ones here.
 */
export function VolunteersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const choices = useCommunityChoices();
  const communityId = params.get('communityId') ?? undefined;
  const skillParam = params.get('skill');
  const skill = (VOLUNTEER_SKILLS as readonly string[]).includes(skillParam ?? '') ? (skillParam as VolunteerSkill) : undefined;
  const statusParam = params.get('status');
  const status = (VOLUNTEER_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as VolunteerStatus) : undefined;
  const list = useVolunteers({ communityId, skill, status });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];
  const registers = can('volunteers.register.register');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="volunteers-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('volunteers.title')}</Typography.Title>
        {registers && <RegisterVolunteer />}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t(registers ? 'volunteers.list.hintStaff' : 'volunteers.list.hintOfficer')}</Typography.Paragraph>
      <RulesLine />
      <Card size="small">
        <Space wrap size={8}>
          {choices.all.length > 1 && (
            <Select
              value={communityId ?? ''}
              onChange={(v: string) => set('communityId', v || undefined)}
              aria-label={t('volunteers.community')}
              style={{ minWidth: 160, maxWidth: '100%' }}
              options={[{ value: '', label: t('volunteers.list.allCommunities') }, ...choices.options(choices.all)]}
              data-testid="volunteer-filter-community"
            />
          )}
          <Select
            value={skill ?? ''}
            onChange={(v: string) => set('skill', v || undefined)}
            aria-label={t('volunteers.skills')}
            style={{ minWidth: 140 }}
            options={[{ value: '', label: t('volunteers.list.allSkills') }, ...VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skill.${s}`) }))]}
            data-testid="volunteer-filter-skill"
          />
          <Select
            value={status ?? ''}
            onChange={(v: string) => set('status', v || undefined)}
            aria-label={t('common.status')}
            style={{ minWidth: 120 }}
            options={[{ value: '', label: t('volunteers.list.allStatuses') }, ...VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))]}
            data-testid="volunteer-filter-status"
          />
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      {list.data?.truncated && <Alert type="info" showIcon title={t('volunteers.list.truncated')} />}
      <Table<VolunteerSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t(skill || status || communityId ? 'volunteers.list.noMatch' : 'volunteers.list.empty') }}
        onRow={(v) => ({ 'data-testid': `volunteer-row-${v.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('volunteers.name'),
            dataIndex: 'name',
            fixed: 'left',
            width: 120,
            render: (_, v) => (
              <>
                <Link to={`/volunteers/${v.id}`}>{v.name}</Link>
                {!v.isResident && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{t('volunteers.notResident')}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: t('volunteers.community'), dataIndex: ['community', 'name'], width: 110 },
          { title: t('volunteers.skills'), dataIndex: 'skills', render: (s: string[]) => <SkillTags skills={s} max={3} /> },
          { title: t('volunteers.stars'), dataIndex: 'stars', width: 110, render: (n: number) => <Stars stars={n} /> },
          {
            title: t('volunteers.verifiedHours'),
            dataIndex: 'verifiedMinutes',
            width: 110,
            align: 'right',
            sorter: (a, b) => a.verifiedMinutes - b.verifiedMinutes,
            render: (m: number) => hoursOf(m),
          },
          { title: t('volunteers.points'), dataIndex: 'points', width: 90, align: 'right', sorter: (a, b) => a.points - b.points },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: VolunteerStatus) => <VolunteerStatusTag status={s} /> },
        ]}
      />
    </Space>
  );
}
