import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Space, Spin, Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Workbench } from '../../../server/modules/workbench/workbench.schemas.ts';
import { api, withQuery, type Page } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { NEEDS_KEY, type NeedView } from '../needs/needQueries.ts';
import { ResidentWords } from '../field/ResidentWords.tsx';
import { RoundsWork, ROUND_ROLES } from './RoundsWork.tsx';
import { scopeLink } from './scopeLink.ts';
import { ComingActivities } from './ComingActivities.tsx';
import { HomeLine } from './HomeLine.tsx';
import { CaseWork, CASE_ROLES } from './CaseWork.tsx';
import { AdminLoadWork } from './AdminLoadWork.tsx';
import { VolunteerWork } from './VolunteerWork.tsx';
import { ParticipationHome } from '../participate/ParticipationHome.tsx';
import { MyWorkWeek } from '../worklog/WorkLogHome.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** Under the needs key: any change to a need refreshes the counts. */
const WORKBENCH_KEY = [NEEDS_KEY, 'workbench'];

/** The board with the filters a count was taken with (the board keeps its filters in the address). */
const board = (filter: Record<string, string>) => withQuery('/needs', filter);

function Count({ to, count, label, testId, urgent }: { to: string; count: number; label: string; testId: string; urgent?: boolean }) {
  const { token } = theme.useToken();
  return (
    <Link to={to} data-testid={testId} data-count={count} style={{ display: 'block', color: 'inherit' }}>
      <Card size="small" hoverable styles={{ body: { padding: '12px 16px' } }}>
        <div style={{ fontSize: 30, lineHeight: 1.2, fontWeight: 600, color: urgent && count > 0 ? token.colorError : undefined }}>{count}</div>
        <div>{label}</div>
      </Card>
    </Link>
  );
}

function Section({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children}
    </Card>
  );
}


function CommunityWork({ counts, me }: { counts: NonNullable<Workbench['community']>; me: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('workbench.today')} testId="workbench-community">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Count to={board({ state: 'reported' })} count={counts.triage} label={t('workbench.triage')} testId="count-triage" />
        </Col>
        <Col xs={12} md={6}>
          <Count to={board({ overdue: '1' })} count={counts.overdue} label={t('workbench.overdue')} testId="count-overdue" urgent />
        </Col>
        <Col xs={12} md={6}>
          <Count to={board({ handlerUserId: me, open: '1' })} count={counts.assignedToMe} label={t('workbench.assignedToMe')} testId="count-assigned" />
        </Col>
        <Col xs={12} md={6}>
          <Count to={board({ state: 'resolved' })} count={counts.awaitingResidents} label={t('workbench.awaitingResidents')} testId="count-awaiting" />
        </Col>
      </Row>
    </Section>
  );
}

function CareVisits({ grids }: { grids: NonNullable<Workbench['care']> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('workbench.care')} testId="workbench-care">
      {grids.length === 0 && <Typography.Text>{t('workbench.careNone')}</Typography.Text>}
      {grids.map((g) => (
        <HomeLine key={g.gridId} to={`/field/grids/${g.gridId}`} testId="care-grid" note={<Typography.Text strong data-count={g.due}>{t('workbench.careDue', { count: g.due })}</Typography.Text>}>
          {g.gridName}
        </HomeLine>
      ))}
    </Section>
  );
}

function Reported({ states, me }: { states: NonNullable<Workbench['reported']>; me: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('workbench.reported')} testId="workbench-reported">
      {states.length === 0 && <Typography.Text>{t('workbench.reportedNone')}</Typography.Text>}
      {states.map((s) => (
        <HomeLine key={s.state} to={board({ recordedByUserId: me, state: s.state })} testId="reported-state" note={<Typography.Text strong data-count={s.count}>{s.count}</Typography.Text>}>
          {t(`needState.${s.state}`)}
        </HomeLine>
      ))}
    </Section>
  );
}

function Oversight({ units }: { units: NonNullable<Workbench['oversight']> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Section title={t('workbench.units')} testId="workbench-units">
      {units.length === 0 && <Typography.Text>{t('workbench.unitsNone')}</Typography.Text>}
      {units.map((u) => {
        const unit = { [`${u.level}Id`]: u.unitId };
        return (
          <div key={u.unitId} data-testid="unit-row" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '10px 0', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
            <Typography.Text strong style={{ flex: '1 1 160px', overflowWrap: 'anywhere' }}>{u.unitName}</Typography.Text>
            <Link to={board({ ...unit, overdue: '1' })} data-testid="unit-overdue" data-count={u.overdue}>
              <Tag color={u.overdue > 0 ? 'red' : 'default'} style={{ fontSize: 14, padding: '2px 8px' }}>{t('workbench.unitOverdue')} {u.overdue}</Tag>
            </Link>
            <Link to={board({ ...unit, state: 'resolved' })} data-testid="unit-awaiting" data-count={u.awaitingResidents}>
              <Tag style={{ fontSize: 14, padding: '2px 8px' }}>{t('workbench.unitAwaiting')} {u.awaitingResidents}</Tag>
            </Link>
          </div>
        );
      })}
    </Section>
  );
}

/** A resident's home: what waits for their word, large, and what is being done for them. */
function ResidentHome({ counts }: { counts: NonNullable<Workbench['resident']> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const open = useQuery({
    queryKey: [NEEDS_KEY, 'my-open'],
    queryFn: () => api.get<Page<NeedView>>('/needs', { open: true, limit: 20 }),
  });
  const waiting = counts.awaitingYou;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/my-needs" data-testid="waits-for-you" data-count={waiting} style={{ display: 'block', color: 'inherit' }}>
        <Card hoverable style={waiting > 0 ? { borderColor: token.colorSuccess, background: token.colorSuccessBg } : undefined}>
          <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>{waiting > 0 ? t('workbench.waitForYou', { count: waiting }) : t('workbench.nothingWaits')}</div>
          {waiting > 0 && <div style={{ fontSize: 18, marginTop: 4 }}>{t('workbench.waitForYouHint')}</div>}
        </Card>
      </Link>
      <Link to="/my-needs/new">
        <Button type="primary" size="large" block icon={<PlusOutlined />} style={{ height: 52, fontSize: 18 }} data-testid="home-report">{t('workbench.report')}</Button>
      </Link>
      <Section title={t('workbench.myOpen', { count: counts.open })} testId="workbench-my-open">
        <ErrorAlert error={open.error} />
        {open.isLoading && <Spin />}
        {open.data && open.data.items.length === 0 && <Typography.Text>{t('workbench.myOpenNone')}</Typography.Text>}
        {open.data?.items.map((n) => (
          <HomeLine key={n.id} to={`/my-needs/${n.id}`} testId="my-open-need" note={<Typography.Text strong>{t(`needState.${n.state}`)}</Typography.Text>}>
            <div style={{ fontSize: 16 }}>{n.description}</div>
            <ResidentWords need={n} />
          </HomeLine>
        ))}
        {counts.open > (open.data?.items.length ?? 0) && <Link to="/my-needs">{t('workbench.seeAll')}</Link>}
      </Section>
    </Space>
  );
}

/** Every role's home is its workbench: counts that open the lists they count. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const bench = useQuery({ queryKey: WORKBENCH_KEY, queryFn: () => api.get<Workbench>('/me/workbench') });
  const b = bench.data;
  const userId = me?.user.id ?? '';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('home.welcome', { name: me?.user.displayName })}</Typography.Title>
      <ErrorAlert error={bench.error} />
      {bench.isLoading && <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />}
      {b?.resident && <ResidentHome counts={b.resident} />}
      {b?.community && <CommunityWork counts={b.community} me={userId} />}
      {b?.oversight && <Oversight units={b.oversight} />}
      {(b?.care || b?.reported) && (
        <Row gutter={[16, 16]}>
          {b.care && (
            <Col xs={24} lg={12}>
              <CareVisits grids={b.care} />
            </Col>
          )}
          {b.reported && (
            <Col xs={24} lg={12}>
              <Reported states={b.reported} me={userId} />
            </Col>
          )}
        </Row>
      )}
      {b && <CaseWork />}
      {b && <MyWorkWeek />}
      {b && <AdminLoadWork />}
      {b && <VolunteerWork resident={!!b.resident} />}
      {b?.resident && <ParticipationHome />}
      {b && <ComingActivities />}
      {b && <RoundsWork />}
      {b?.otherRoles.filter((role) => !ROUND_ROLES.includes(role) && !CASE_ROLES.includes(role)).map((role) => (
        <Typography.Paragraph key={role} data-testid="workbench-later" style={{ margin: 0, fontSize: 16 }}>
          {t(`workbench.later.${role}`)}
        </Typography.Paragraph>
      ))}
      {me && !b?.resident && me.assignments.length > 0 && (
        <Card size="small" title={t('workbench.myRoles')}>
          <Space wrap size={[12, 4]}>
            {me.assignments.map((a) => (
              <Link key={a.id} to={scopeLink(a)}>
                <Tag color="blue">{t(`role.${a.role}`)}</Tag>
                {a.scopeName}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
