import { Button, Col, Descriptions, Form, Progress, Radio, Row, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AvailabilitySlot, VolunteerSkill } from '../../../common/volunteers.ts';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { EditableCard, RecordCrumbs } from '../../components/RecordCard.tsx';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { useCommunityChoices } from './communities.ts';
import { ServiceFields } from './RegisterVolunteer.tsx';
import { AvailabilityGrid, SkillTags, Stars } from './VolunteerParts.tsx';
import { HoursStatusTag, VolunteerStatusTag } from './VolunteerStatusTags.tsx';
import {
  hoursOf,
  patchVolunteer,
  useVolunteer,
  VOLUNTEER_STATUSES,
  VOLUNTEERS_KEY,
  type HoursItem,
  type LedgerItem,
  type VolunteerDetail,
  type VolunteerPatch,
  type VolunteerStatus,
} from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

interface EditValues {
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
  serviceCommunityIds: string[];
  status: VolunteerStatus;
  note?: string;
}

const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

function EditForm({ v, onDone }: { v: VolunteerDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const choices = useCommunityChoices();
  // Service communities the caller cannot read stay chosen, named as the server names them.
  const known = new Set(choices.all.map((c) => c.id));
  const areaOptions = [...choices.options(choices.all), ...v.serviceCommunities.filter((c) => !known.has(c.id)).map((c) => ({ value: c.id, label: c.name }))];
  const saver = useFormSave<EditValues, VolunteerDetail>({
    mutationFn: (values) => {
      const body: VolunteerPatch = {
        skills: values.skills ?? [],
        availability: values.availability ?? [],
        serviceCommunityIds: values.serviceCommunityIds ?? [],
        status: values.status,
        note: values.note?.trim() ?? '',
      };
      return patchVolunteer(v.id, body);
    },
    invalidate: [VOLUNTEERS_KEY],
    onSaved: () => {
      void message.success(t('volunteers.detail.saved'));
      onDone();
    },
  });
  return (
    <SaveForm<EditValues>
      saver={saver}
      initialValues={{ skills: v.skills as VolunteerSkill[], availability: v.availability as AvailabilitySlot[], serviceCommunityIds: v.serviceCommunities.map((c) => c.id), status: v.status, note: v.note }}
    >
      <Form.Item name="status" label={t('common.status')} extra={t('volunteers.detail.statusHint')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))} data-testid="volunteer-status" />
      </Form.Item>
      <ServiceFields communityOptions={areaOptions} />
      <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="volunteer-save">{t('common.save')}</Button>
    </SaveForm>
  );
}

/** Stars, hours and points, and how far the next star is. */
function StandingCard({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const hours = v.verifiedMinutes / 60;
  const from = v.stars === 0 ? 0 : (v.starHours[v.stars - 1] ?? 0);
  const to = v.starHours[v.stars];
  const percent = to === undefined ? 100 : Math.max(0, Math.min(100, Math.floor(((hours - from) / (to - from)) * 100)));
  return (
    <Card size="small" title={cardTitle(t('volunteers.detail.standing'))} data-testid="volunteer-standing" style={{ height: '100%' }}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Stars stars={v.stars} size={24} />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px' }}>
          <div>
            <Typography.Text type="secondary">{t('volunteers.verifiedHours')}</Typography.Text>
            <div style={{ fontSize: 24, fontWeight: 600 }} data-testid="volunteer-hours">{hoursOf(v.verifiedMinutes)}</div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('volunteers.pointsBalance')}</Typography.Text>
            <div style={{ fontSize: 24, fontWeight: 600 }} data-testid="volunteer-points">{v.points}</div>
          </div>
        </div>
        {to !== undefined && <Progress percent={percent} showInfo={false} size="small" aria-hidden />}
        <Typography.Text>
          {v.nextStarHours === null ? t('volunteers.detail.topStar') : t('volunteers.detail.nextStar', { hours: v.nextStarHours, count: v.stars + 1 })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
          {t('volunteers.detail.thresholds', { list: v.starHours.map((h, i) => t('volunteers.detail.threshold', { stars: i + 1, hours: h })).join(t('volunteers.listSeparator')) })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** 志愿者详情: who they are, what they offer and when, their stars, hours and points. */
export function VolunteerPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const volunteer = useVolunteer(id);
  const crumbs = <RecordCrumbs listPath="/volunteers" listTitle={t('volunteers.title')} current={volunteer.data?.name ?? t('volunteers.detail.title')} />;
  if (!volunteer.data) return <>{crumbs}<QueryState isLoading={volunteer.isLoading} error={volunteer.error} /></>;
  const v = volunteer.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }} data-testid="volunteer-page">
      <div>
        {crumbs}
        <Typography.Title level={3} style={{ margin: 0 }}>{v.name}</Typography.Title>
      </div>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} lg={15}>
          <EditableCard
            title={cardTitle(t('volunteers.detail.profile'))}
            canEdit={v.actions.includes('update')}
            form={(close) => <EditForm v={v} onDone={() => { close(); void volunteer.refetch(); }} />}
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="volunteer-profile">
              <Descriptions.Item label={t('volunteers.name')}>
                <Space size={6} wrap>
                  {v.name}
                  <Tag style={{ marginInlineEnd: 0 }}>{v.isResident ? t('volunteers.resident') : t('volunteers.notResident')}</Tag>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}><VolunteerStatusTag status={v.status} /></Descriptions.Item>
              <Descriptions.Item label={t('volunteers.community')}>{v.community.name}</Descriptions.Item>
              <Descriptions.Item label={t('volunteers.phone')}>
                {v.isResident ? <Typography.Text type="secondary">{t('volunteers.detail.phoneInRegister')}</Typography.Text> : v.phone ? <Typography.Text code>{v.phone}</Typography.Text> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.skills')} span={{ xs: 1, md: 2 }}><SkillTags skills={v.skills} /></Descriptions.Item>
              <Descriptions.Item label={t('volunteers.serviceCommunities')} span={{ xs: 1, md: 2 }}>
                <Space size={4} wrap>{v.serviceCommunities.map((c) => <Tag key={c.id} style={{ marginInlineEnd: 0 }}>{c.name}</Tag>)}</Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.registeredAt')}>{dayjs(v.createdAt).format('YYYY-MM-DD')}</Descriptions.Item>
              {v.note && <Descriptions.Item label={t('common.notes')}><span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{v.note}</span></Descriptions.Item>}
            </Descriptions>
            <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>{t('volunteers.availability')}</Typography.Text>
            {v.availability.length === 0 ? <Typography.Text type="secondary">{t('volunteers.detail.noAvailability')}</Typography.Text> : <AvailabilityGrid value={v.availability} readOnly />}
          </EditableCard>
        </Col>
        <Col xs={24} lg={9}>
          <StandingCard v={v} />
        </Col>
      </Row>
      <Card size="small" title={cardTitle(t('volunteers.detail.hours'))} data-testid="volunteer-hours-list">
        <Table<HoursItem>
          rowKey="id"
          size="small"
          dataSource={v.hours}
          pagination={v.hours.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('volunteers.detail.noHours') }}
          columns={[
            { title: t('volunteers.detail.servedOn'), dataIndex: 'servedOn', width: 104 },
            { title: t('volunteers.detail.activity'), dataIndex: 'activityTitle', render: (title: string, h) => <Link to={`/activities/${h.activityId}`} style={{ overflowWrap: 'anywhere' }}>{title}</Link> },
            { title: t('volunteers.detail.hoursCol'), dataIndex: 'minutes', width: 64, align: 'right', render: (m: number) => hoursOf(m) },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: '30%',
              render: (_, h) => (
                <>
                  <HoursStatusTag status={h.status} />
                  {h.status === 'rejected' && h.rejectReason && <div style={{ overflowWrap: 'anywhere' }}>{h.rejectReason}</div>}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={cardTitle(t('volunteers.detail.ledger'))} data-testid="volunteer-ledger">
        <Table<LedgerItem>
          rowKey="seq"
          size="small"
          dataSource={v.ledger}
          pagination={v.ledger.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('volunteers.detail.noLedger') }}
          columns={[
            // On a phone the date and time stack, and the kind is read from the sign of the points.
            { title: t('volunteers.detail.at'), dataIndex: 'at', width: 104, render: (iso: string) => <>{dayjs(iso).format('YYYY-MM-DD')} <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('HH:mm')}</span></> },
            { title: t('volunteers.detail.kind'), dataIndex: 'kind', width: 80, responsive: ['sm'], render: (k: string) => t(`volunteers.ledgerKind.${k}`) },
            { title: t('volunteers.detail.label'), dataIndex: 'label', render: (s: string) => <span style={{ overflowWrap: 'anywhere' }}>{s}</span> },
            { title: t('volunteers.detail.pointsCol'), dataIndex: 'points', width: 64, align: 'right', render: (p: number) => (p > 0 ? `+${p}` : String(p)) },
            { title: t('volunteers.detail.balanceAfter'), dataIndex: 'balanceAfter', width: 64, align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
