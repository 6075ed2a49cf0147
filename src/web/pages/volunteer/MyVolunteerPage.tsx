import { EditOutlined, GiftOutlined, HeartOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Tag, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AvailabilitySlot, VolunteerSkill } from '../../../common/volunteers.ts';
import { QueryState } from '../../components/feedback.tsx';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import { VolunteerFigures } from './VolunteerFigures.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';
import { HoursList, LedgerList } from './VolunteerRecords.tsx';
import { useMyVolunteer, useRegister, useUpdateVolunteer, type VolunteerDetail } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A resident not yet a volunteer: what it means, then skills and free half-days, one button. */
function Register() {
  const { t } = useTranslation();
  const { message } = useNotices();
  const register = useRegister();
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{t('volunteer.register.title')}</span>}>
      <Typography.Paragraph>{t('volunteer.register.intro')}</Typography.Paragraph>
      <VolunteerForm
        initial={{ skills: [], availability: [] }}
        submitLabel={t('volunteer.register.submit')}
        pending={register.isPending}
        error={register.error}
        onSubmit={(c) => register.mutate(c, { onSuccess: () => void message.success(t('volunteer.register.done')) })}
        testId="volunteer-register"
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('volunteer.form.serviceHint')}</Typography.Paragraph>
    </Card>
  );
}

/** What the volunteer offers, when, and where; changed in place by the volunteer. */
function Profile({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [editing, setEditing] = useState(false);
  const update = useUpdateVolunteer(v.id);
  const { token } = theme.useToken();
  const canEdit = v.actions.includes('update') && v.status !== 'left';
  const termStyle = { color: token.colorTextSecondary, fontWeight: 600 };
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{t('volunteer.profile.title')}</span>}
      extra={canEdit && !editing && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="volunteer-edit">{t('volunteer.profile.edit')}</Button>}
      data-testid="volunteer-profile"
    >
      {editing ? (
        <VolunteerForm
          initial={{ skills: v.skills as VolunteerSkill[], availability: v.availability as AvailabilitySlot[] }}
          submitLabel={t('volunteer.form.save')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(c) =>
            update.mutate(c, {
              onSuccess: () => {
                void message.success(t('volunteer.profile.saved'));
                setEditing(false);
              },
            })
          }
          extra={<Button size="large" onClick={() => setEditing(false)}>{t('common.cancel')}</Button>}
          testId="volunteer-edit-form"
        />
      ) : (
        <dl style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          <div>
            <dt style={termStyle}>{t('volunteer.profile.skills')}</dt>
            <dd style={{ margin: '2px 0 0' }}>
              {v.skills.length === 0 ? <Typography.Text type="secondary">{t('volunteer.profile.none')}</Typography.Text> : v.skills.map((s) => <Tag key={s}>{t(`volunteer.skill.${s}`)}</Tag>)}
            </dd>
          </div>
          <div>
            <dt style={termStyle}>{t('volunteer.profile.availability')}</dt>
            <dd style={{ margin: '2px 0 0' }}>
              {v.availability.length === 0 ? <Typography.Text type="secondary">{t('volunteer.profile.none')}</Typography.Text> : <AvailabilityGrid value={v.availability} />}
            </dd>
          </div>
          <div>
            <dt style={termStyle}>{t('volunteer.profile.serviceCommunities')}</dt>
            <dd style={{ margin: '2px 0 0' }}>{v.serviceCommunities.map((c) => <Tag key={c.id}>{c.name}</Tag>)}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

type Tab = 'hours' | 'ledger';

/** A registered volunteer's page: the figures, where to go next, the records, and their details. */
function Volunteer({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('hours');
  const wrapping = { whiteSpace: 'normal', height: 'auto', minHeight: 44 } as const;
  return (
    <>
      {v.status !== 'active' && <Alert type="warning" showIcon title={t(`volunteer.statusNote.${v.status}`)} data-testid="volunteer-status-note" />}
      <VolunteerFigures v={v} />
      <nav aria-label={t('volunteer.nav')} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        <Button block size="large" type="primary" icon={<HeartOutlined />} onClick={() => navigate('/volunteer/opportunities')} style={wrapping} data-testid="to-opportunities">{t('volunteer.toOpportunities')}</Button>
        <Button block size="large" icon={<GiftOutlined />} onClick={() => navigate('/volunteer/redeem')} style={wrapping} data-testid="to-redeem">{t('volunteer.toRedeem')}</Button>
      </nav>
      <Card size="small">
        <Segmented<Tab>
          block
          value={tab}
          onChange={setTab}
          aria-label={t('volunteer.view')}
          options={[
            { value: 'hours', label: <span style={{ whiteSpace: 'normal' }}>{t('volunteer.tabs.hours')}</span> },
            { value: 'ledger', label: <span style={{ whiteSpace: 'normal' }}>{t('volunteer.tabs.ledger')}</span> },
          ]}
          style={{ marginBottom: 8 }}
          data-testid="volunteer-tabs"
        />
        {tab === 'hours' ? <HoursList items={v.hours} /> : <LedgerList items={v.ledger} />}
      </Card>
      <Profile v={v} />
    </>
  );
}

/** 我的志愿服务: a resident's volunteering on the phone, or the short form to join. */
export function MyVolunteerPage() {
  const { t } = useTranslation();
  const me = useMyVolunteer();
  const v = me.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="volunteer-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('volunteer.title')}</Typography.Title>
        {v && v.status !== 'active' && <Tag>{t(`volunteer.status.${v.status}`)}</Tag>}
      </div>
      {v === undefined ? <QueryState isLoading={me.isLoading} error={me.error} /> : v === null ? <Register /> : <Volunteer v={v} />}
    </div>
  );
}
