import { Descriptions, Grid, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { EditableCard, RecordCrumbs } from '../../components/RecordCard.tsx';
import { CallApplications } from '../applications/CallApplications.tsx';
import { CallPublicity } from '../publicity/CallPublicity.tsx';
import { CallActions } from './CallActions.tsx';
import { CallForm } from './CallForm.tsx';
import { CallPanel } from './CallPanel.tsx';
import { CallDeadline, CallStatusTag } from './CallStatus.tsx';
import { useCall, type CallDetail } from './callQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { Timeline } from '../../components/Timeline.tsx';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });

export function CallPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const call = useCall(id);
  const crumbs = <RecordCrumbs listPath="/calls" listTitle={t('call.list')} current={call.data?.title ?? t('call.new')} />;
  if (!id) {
    return (
      <>
        {crumbs}
        <Card size="small" title={t('call.new')}>
          <CallForm onDone={(c) => navigate(`/calls/${c.id}`, { replace: true })} />
        </Card>
      </>
    );
  }
  if (!call.data) return <QueryState isLoading={call.isLoading} error={call.error} />;
  const c = call.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {crumbs}
      <EditableCard
        title={<Space wrap>{c.title}<CallStatusTag status={c.status} /></Space>}
        canEdit={c.allowedActions.includes('update')}
        form={(close) => <CallForm call={c} onDone={() => { close(); void call.refetch(); }} />}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('call.refNo')}>{c.refNo}</Descriptions.Item>
            <Descriptions.Item label={t('call.kind')}>{t(`callKind.${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('call.issuer')}>{c.issuerName}</Descriptions.Item>
            <Descriptions.Item label={t('call.deadline')}><CallDeadline call={c} /></Descriptions.Item>
            <Descriptions.Item label={t('call.publicityDays')}>{c.publicityDays}</Descriptions.Item>
            <Descriptions.Item label={t('call.themes')}>{c.themes.length ? c.themes.map((th) => <Tag key={th}>{th}</Tag>) : '—'}</Descriptions.Item>
          </Descriptions>
          {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.description}</Typography.Paragraph>}
          <CallActions call={c} />
        </Space>
      </EditableCard>
      <Card size="small" title={t('call.projects')}>
        {c.projects.length === 0 ? (
          <Typography.Text type="secondary">{t('call.noProjects')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.projects}
            columns={[
              { title: t('call.refNo'), dataIndex: 'refNo', width: 120 },
              { title: t('call.title'), dataIndex: 'title' },
              { title: t('call.budget'), dataIndex: 'budgetFen', width: 140, align: 'right', render: yuan },
            ]}
          />
        )}
      </Card>
      <CallPublicity call={c} />
      <CallApplications call={c} />
      <RulesCard call={c} />
      <CallPanel call={c} />
      <Card size="small" title={t('call.timeline')}>
        <Timeline
          items={c.events.map((e) => ({
            content: (
              <>
                <Typography.Text strong>{t(`callEvent.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                {' · '}
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                {e.actorName && <> · {e.actorName}</>}
                {e.reason && <div>{t('call.reason')}: {e.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

/** The rules as they stand: what reviewers score, what earns bonus points, who may apply. */
function RulesCard({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation();
  const r = call.rules;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const e = r.eligibility;
  const yesNo = (v: boolean) => t(v ? 'call.yes' : 'call.no');
  // The labels are sentences: on a phone they go above their values instead of squeezing them.
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Card size="small" title={t('call.rules')} extra={call.status !== 'draft' && <Typography.Text type="secondary">{t('call.rulesVersion', { version: call.rulesVersion })}</Typography.Text>}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.criteria}
        columns={[
          { title: t('call.criterion'), dataIndex: 'name', render: (n: { 'zh-CN': string; en: string }) => n[lang] },
          { title: t('call.points'), dataIndex: 'maxPoints', width: 90, align: 'right' },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} layout={narrow ? 'vertical' : 'horizontal'} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('call.coFundingPoints')}>{r.bonus.coFundingPointsPerTenPercent}</Descriptions.Item>
        <Descriptions.Item label={t('call.maxBonus')}>{r.bonus.maxBonus}</Descriptions.Item>
        {r.bonus.priorityThemes.length > 0 && (
          <Descriptions.Item label={t('call.priorityThemes')}>{r.bonus.priorityThemes.map((p) => <Tag key={p.theme}>{p.theme} +{p.points}</Tag>)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('call.trimFrom')}>{r.trimFrom}</Descriptions.Item>
        <Descriptions.Item label={t('call.passMark')}>{r.passMark}</Descriptions.Item>
        <Descriptions.Item label={t('call.minRating')}>{e.minRating ?? t('call.anyRating')}</Descriptions.Item>
        <Descriptions.Item label={t('call.minAgeMonths')}>{e.minAgeMonths ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('call.requireAnnualReport')}>{yesNo(e.requireAnnualReport)}</Descriptions.Item>
        <Descriptions.Item label={t('call.failedProjectExclusionMonths')}>{e.failedProjectExclusionMonths}</Descriptions.Item>
        <Descriptions.Item label={t('call.excludeAbnormalList')}>{yesNo(e.excludeAbnormalList)}</Descriptions.Item>
        <Descriptions.Item label={t('call.excludeDishonestList')}>{yesNo(e.excludeDishonestList)}</Descriptions.Item>
        <Descriptions.Item label={t('call.acceptsFiledCommunityOrgs')}>{yesNo(e.acceptsFiledCommunityOrgs)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
