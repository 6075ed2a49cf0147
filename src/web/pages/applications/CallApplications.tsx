import { Alert, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import type { CallDetail } from '../calls/callQueries.ts';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import { AwardForm } from './AwardForm.tsx';
import { useApplications, useProgress, useRanking, yuan, type ApplicationView, type Progress, type Ranking } from './applicationQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const RANKED = ['ranked', 'publicity', 'concluded'];

/**
 * The call's applications on its page: the office sees what came in, how far its panel is and,
 * once ranked, the computed ranking; an organization's administrator starts its application here.
 */
export function CallApplications({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const runsIt = call.panel !== null;
  const apply = call.status === 'open' && hasRole('org_admin');
  if (!runsIt && !apply) return null;
  return (
    <Card size="small" title={t('application.ofCall')} extra={apply && <Link to={`/applications/new?callId=${call.id}`}><Button type="primary">{t('application.apply')}</Button></Link>}>
      {runsIt ? <OfficeView call={call} /> : <Typography.Text type="secondary">{t('application.applyHint')}</Typography.Text>}
    </Card>
  );
}

function OfficeView({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const list = useApplications({ callId: call.id });
  const progress = useProgress(call.id, call.status === 'closed');
  const ranking = useRanking(call.id, RANKED.includes(call.status));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {ranking.data ? (
        <>
          <RankingTable ranking={ranking.data} />
          {call.allowedActions.includes('publicize') && <AwardForm call={call} ranking={ranking.data} />}
        </>
      ) : list.data && list.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('application.noneYet')}</Typography.Text>
      ) : (
        <Table<ApplicationView>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={[
            { title: t('application.refNo'), dataIndex: 'refNo' },
            { title: t('application.organization'), dataIndex: 'organizationName' },
            { title: t('application.title'), dataIndex: 'title', render: (title: string, a) => <Link to={`/applications/${a.id}`}>{title}</Link> },
            { title: t('application.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
            { title: t('application.requested'), dataIndex: 'requestedFen', align: 'right', render: yuan },
          ]}
        />
      )}
      {progress.data && <ProgressTable progress={progress.data} />}
    </Space>
  );
}

/** Who has declared and handed in what; scores stay hidden until the panel closes. */
function ProgressTable({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type={progress.outstanding > 0 ? 'info' : 'success'} showIcon title={progress.outstanding > 0 ? t('application.outstanding', { count: progress.outstanding }) : t('application.panelDone')} />
      {/* No horizontal scroll: a scrolled table without links cannot be reached by keyboard; names wrap instead. */}
      <Table
        size="small"
        rowKey="userId"
        pagination={false}
        dataSource={progress.panel}
        columns={[
          { title: t('application.reviewer'), dataIndex: 'displayName', render: (name: string, p) => <>{name} <Tag>{t(`panelKind.${p.kind}`)}</Tag></> },
          { title: t('application.undeclared'), dataIndex: 'undeclared', align: 'right' },
          { title: t('application.scoring'), dataIndex: 'scoring', align: 'right' },
          { title: t('application.submitted'), dataIndex: 'submitted', align: 'right' },
          { title: t('application.conflicts'), key: 'conflicts', align: 'right', render: (_: unknown, p) => p.conflict + p.tied },
        ]}
      />
    </>
  );
}

function RankingTable({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('application.rankingRule', { trimFrom: ranking.trimFrom, passMark: ranking.passMark })}</Typography.Text>
        <Button onClick={() => void downloadFile(`/calls/${ranking.callId}/ranking.xlsx`)}>{t('application.exportRanking')}</Button>
      </Space>
      <Table
        size="small"
        rowKey="applicationId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={ranking.items}
        columns={[
          { title: t('application.rank'), dataIndex: 'rank', width: 60 },
          { title: t('application.organization'), dataIndex: 'organizationName' },
          { title: t('application.title'), dataIndex: 'title', render: (title: string, r) => <Link to={`/applications/${r.applicationId}`}>{title}</Link> },
          { title: t('application.base'), dataIndex: 'base', align: 'right', render: (v: number, r) => <>{v.toFixed(2)}{r.trimmed && <Tag style={{ marginInlineStart: 4 }}>{t('application.trimmed')}</Tag>}</> },
          { title: t('application.bonus'), dataIndex: 'bonus', align: 'right' },
          { title: t('application.total'), dataIndex: 'total', align: 'right', render: (v: number) => v.toFixed(2) },
          { title: t('application.recommended'), dataIndex: 'recommended', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'call.yes' : 'call.no')}</Tag> },
          { title: t('application.tieBrokenBy'), dataIndex: 'tieBrokenBy', render: (v: string | null) => (v ? t(`tieRule.${v}`) : '') },
        ]}
      />
    </Space>
  );
}
