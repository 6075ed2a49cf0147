import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, type Page } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { PageForm, useFormSave } from '../../components/SaveForm.tsx';
import { useCall, type CallDetail } from '../calls/callQueries.ts';
import { CO_FUNDING_KINDS, coFundingFrom } from '../projects/coFunding.ts';
import type { CoFundingKind } from '../../../server/modules/projects/projects.tables.ts';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import { APPLICATIONS_KEY, useApplication, useEligibility, yuan, type ApplicationDetail } from './applicationQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

interface Values {
  offer: string;
  title: string;
  summary: string;
  proposal: string;
  budgetLines: { item: string; amountYuan: number }[];
  coFundingYuan: number;
  coFundingSource: string;
  coFundingKind: CoFundingKind | null;
  team: string[];
  lead?: string;
}

const fen = (yuanAmount: number | undefined) => Math.round((yuanAmount ?? 0) * 100);

/** The administrator's own organization: an application is always made in its name. */
function useOwnOrganization(): string | undefined {
  const { me } = useAuth();
  return me?.assignments.find((a) => a.role === 'org_admin' && a.scopeType === 'organization')?.scopeId ?? undefined;
}

/** Writing, checking and handing in an application; once handed in, reading it with its score sheets. */
export function ApplicationPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const application = useApplication(id);
  const call = useCall(id ? application.data?.callId : (params.get('callId') ?? undefined));
  const crumbs = <RecordCrumbs listPath="/applications" listTitle={t('application.mine')} current={application.data?.title ?? t('application.new')} />;
  if (id && !application.data) return <QueryState isLoading={application.isLoading} error={application.error} />;
  if (!call.data) return <QueryState isLoading={call.isLoading} error={call.error} />;
  const a = application.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {crumbs}
      <Card size="small" title={<Space wrap>{a?.title ?? t('application.new')}{a && <ApplicationStatusTag status={a.status} />}</Space>} extra={<Typography.Text type="secondary">{call.data.refNo} {call.data.title}</Typography.Text>}>
        {a && !a.allowedActions.includes('update') ? <ApplicationView application={a} /> : <ApplicationForm call={call.data} application={a} />}
      </Card>
      <EligibilityCard callId={call.data.id} organizationId={a?.organizationId} kept={a?.eligibility ?? null} />
      {a && <ApplicationActions application={a} />}
      {a?.scoreSheets && <ScoreSheets application={a} call={call.data} />}
    </Space>
  );
}

function ApplicationForm({ call, application }: { call: CallDetail; application?: ApplicationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organizationId = useOwnOrganization();
  const labels = useCommonLabels();
  const staff = useQuery({
    queryKey: ['social-workers', 'staff', organizationId],
    queryFn: () => api.get<Page<{ id: string; name: string; certificateLevel: string }>>('/social-workers', { organizationId, status: 'active', limit: 200 }),
    enabled: !!organizationId,
  });
  const saver = useFormSave<Values, ApplicationDetail>({
    mutationFn: (v) => {
      const body = {
        title: v.title,
        summary: v.summary ?? '',
        proposal: v.proposal ?? '',
        budgetLines: (v.budgetLines ?? []).filter((l) => l?.item).map((l) => ({ item: l.item, amountFen: fen(l.amountYuan) })),
        coFundingFen: fen(v.coFundingYuan),
        coFundingSource: v.coFundingSource ?? '',
        coFundingKind: fen(v.coFundingYuan) > 0 ? (v.coFundingKind ?? null) : null,
        team: (v.team ?? []).map((socialWorkerId) => ({ socialWorkerId, role: socialWorkerId === v.lead ? ('lead' as const) : ('member' as const) })),
      };
      if (application) return api.patch<ApplicationDetail>(`/applications/${application.id}`, body);
      const [kind, value] = v.offer.split(':') as ['project' | 'theme', string];
      return api.post<ApplicationDetail>(`/calls/${call.id}/applications`, { organizationId, ...(kind === 'project' ? { projectId: value } : { theme: value }), ...body });
    },
    invalidate: [APPLICATIONS_KEY],
    onSaved: (saved) => navigate(`/applications/${saved.id}`, { replace: true }),
  });
  const offers = [...call.projects.map((p) => ({ value: `project:${p.id}`, label: `${p.refNo} ${p.title}（${yuan(p.budgetFen)}）` })), ...call.themes.map((th) => ({ value: `theme:${th}`, label: `${t('application.theme')}：${th}` }))];
  const initial: Partial<Record<keyof Values, unknown>> = application
    ? {
        offer: application.projectId ? `project:${application.projectId}` : `theme:${application.theme}`,
        title: application.title,
        summary: application.summary,
        proposal: application.proposal,
        budgetLines: application.budgetLines.map((l) => ({ item: l.item, amountYuan: l.amountFen / 100 })),
        coFundingYuan: application.coFundingFen / 100,
        coFundingSource: application.coFundingSource,
        coFundingKind: application.coFundingKind,
        team: application.team.map((m) => m.socialWorkerId),
        lead: application.team.find((m) => m.role === 'lead')?.socialWorkerId,
      }
    : { budgetLines: [{ item: '', amountYuan: 0 }], coFundingYuan: 0 };
  const team = Form.useWatch('team', saver.form) as string[] | undefined;
  const workers = staff.data?.items ?? [];
  if (!organizationId) return <Alert type="info" showIcon title={t('application.adminsOnly')} />;
  return (
    <PageForm saver={saver} initialValues={initial}>
      <Form.Item name="offer" label={t('application.offer')} rules={[{ required: true, message: t('application.offerRequired') }]}>
        <Select options={offers} disabled={!!application} />
      </Form.Item>
      <Form.Item name="title" label={t('application.title')} rules={[{ required: true, whitespace: true, message: t('application.titleRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label={t('application.summary')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="proposal" label={t('application.proposal')} extra={t('application.proposalHint')}>
        <Input.TextArea rows={6} maxLength={20000} />
      </Form.Item>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>{t('application.budget')}</Typography.Paragraph>
      <Form.List name="budgetLines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline">
                <Form.Item name={[f.name, 'item']} label={t('application.budgetItem')}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'amountYuan']} label={t('application.amountYuan')}>
                  <InputNumber min={0} precision={2} style={{ width: 160 }} />
                </Form.Item>
                <Button onClick={() => remove(f.name)}>{t('application.removeLine')}</Button>
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add({ item: '', amountYuan: 0 })}>{t('application.addLine')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item name="coFundingYuan" label={t('application.coFundingYuan')}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="coFundingKind"
          label={t('application.coFundingKind')}
          dependencies={['coFundingYuan']}
          rules={[({ getFieldValue }) => ({ required: fen(getFieldValue('coFundingYuan') as number | undefined) > 0, message: t('common.requiredChoice', { field: t('application.coFundingKind') }) })]}
        >
          <Select allowClear style={{ minWidth: 160 }} options={CO_FUNDING_KINDS.map((k) => ({ value: k, label: t(`fundingSource.${k}`) }))} data-testid="co-funding-kind" />
        </Form.Item>
        <Form.Item name="coFundingSource" label={t('application.coFundingSource')}>
          <Input maxLength={200} />
        </Form.Item>
      </Space>
      <Form.Item name="team" label={t('application.team')} extra={t('application.teamHint')}>
        <Select mode="multiple" loading={staff.isLoading} options={workers.map((w) => ({ value: w.id, label: `${w.name}（${labels.certificate(w.certificateLevel)}）` }))} />
      </Form.Item>
      <Form.Item name="lead" label={t('application.lead')}>
        <Radio.Group options={workers.filter((w) => team?.includes(w.id)).map((w) => ({ value: w.id, label: w.name }))} />
      </Form.Item>
    </PageForm>
  );
}

/** A submitted application as the panel and the office read it. */
export function ApplicationView({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('application.refNo')}>{a.refNo}</Descriptions.Item>
        <Descriptions.Item label={t('application.organization')}>{a.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('application.offer')}>{a.projectTitle ?? a.theme}</Descriptions.Item>
        <Descriptions.Item label={t('application.requested')}>{yuan(a.requestedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('application.budgetTotal')}>{yuan(a.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label={t('application.coFundingYuan')}>{a.coFundingFen > 0 ? t('contract.coFundingValue', { amount: yuan(a.coFundingFen), from: coFundingFrom(t, a.coFundingKind, a.coFundingSource) }) : yuan(0)}</Descriptions.Item>
      </Descriptions>
      {a.summary && <Typography.Paragraph strong style={{ marginBottom: 0 }}>{a.summary}</Typography.Paragraph>}
      {a.proposal && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.proposal}</Typography.Paragraph>}
      {a.budgetLines.length > 0 && (
        <Table size="small" rowKey="item" pagination={false} dataSource={a.budgetLines} columns={[{ title: t('application.budgetItem'), dataIndex: 'item' }, { title: t('application.amountYuan'), dataIndex: 'amountFen', align: 'right', render: yuan }]} />
      )}
      {a.team.length > 0 && (
        <div>
          <Typography.Text strong>{t('application.team')}：</Typography.Text>
          {a.team.map((m) => <Tag key={m.socialWorkerId} color={m.role === 'lead' ? 'blue' : undefined}>{m.name}{m.role === 'lead' && ` · ${t('application.lead')}`}</Tag>)}
        </div>
      )}
    </Space>
  );
}

/** Each rule of the call answered for the applicant, in words: why it may or may not apply. */
function EligibilityCard({ callId, organizationId, kept }: { callId: string; organizationId?: string; kept: ApplicationDetail['eligibility'] }) {
  const { t } = useTranslation();
  const own = useOwnOrganization();
  const live = useEligibility(kept ? undefined : callId, organizationId ?? own);
  const answer = kept ?? live.data;
  if (!answer) return live.error ? <ErrorAlert error={live.error} /> : null;
  return (
    <Card size="small" title={kept ? t('application.eligibilityKept', { date: answer.onDate }) : t('application.eligibilityNow')}>
      <Alert type={answer.eligible ? 'success' : 'warning'} showIcon title={t(answer.eligible ? 'application.eligible' : 'application.notEligible')} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={answer.checks}
        renderItem={(c) => (
          <List.Item>
            <Space>
              <Tag color={c.pass ? 'green' : 'red'}>{t(c.pass ? 'application.pass' : 'application.fail')}</Tag>
              {t(`eligibility.${c.reason}`, c.params)}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ApplicationActions({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const { modal } = useNotices();
  const qc = useQueryClient();
  const move = useMutation({
    mutationFn: (action: 'submit' | 'withdraw') => api.post<ApplicationDetail>(`/applications/${a.id}/transitions`, { action }),
    onSuccess: (saved) => {
      qc.setQueryData([APPLICATIONS_KEY, 'detail', a.id], saved);
      void qc.invalidateQueries({ queryKey: [APPLICATIONS_KEY, 'list'] });
    },
  });
  const confirm = (action: 'submit' | 'withdraw') => {
    modal.confirm({ title: t(`application.actions.${action}`), content: t(`application.${action}Confirm`), okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => move.mutateAsync(action) });
  };
  if (!a.allowedActions.includes('submit') && !a.allowedActions.includes('withdraw')) return null;
  return (
    <Card size="small">
      <ErrorAlert error={move.error} />
      <Space wrap>
        {a.allowedActions.includes('submit') && <Button type="primary" onClick={() => confirm('submit')} data-testid="application-submit">{t('application.actions.submit')}</Button>}
        {a.allowedActions.includes('withdraw') && <Button danger onClick={() => confirm('withdraw')}>{t('application.actions.withdraw')}</Button>}
      </Space>
    </Card>
  );
}

/** The panel's sheets once it has closed: numbered for the applicant, named for the office and panel (a list, for phones). */
function ScoreSheets({ application: a, call }: { application: ApplicationDetail; call: CallDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Card size="small" title={t('application.scoreSheets')}>
      <List
        dataSource={a.scoreSheets ?? []}
        renderItem={(s) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{s.reviewer ?? t('application.reviewerNo', { n: s.number })}</Typography.Text>
                <Tag>{t(`panelKind.${s.kind}`)}</Tag>
                <Typography.Text strong>{t('application.total')}：{s.total}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{call.rules.criteria.map((c) => `${c.name[lang]} ${s.scores[c.id] ?? '—'}/${c.maxPoints}`).join(' · ')}</Typography.Text>
              {s.comment && <Typography.Text>{s.comment}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
