import { Alert, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { dayLabel } from '../worklog/worklogDates.ts';
import { useActiveWorkers, useMyWorkerId } from '../worktasks/workTaskQueries.ts';
import { SupervisionForm, NoSupervisees } from './SupervisionForm.tsx';
import { FormTag, FunctionTags } from './SupervisionParts.tsx';
import { useSupervisionList, type SupervisionSummary } from './supervisionQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

function SessionRow({ s }: { s: SupervisionSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <List.Item data-testid={`sup-row-${s.id}`} data-form={s.form} style={{ display: 'block', paddingInline: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center' }}>
        <Link to={`/supervision/${s.id}`} style={{ fontWeight: 600 }}>
          {dayLabel(s.heldOn, i18n.language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' })}
        </Link>
        <FormTag form={s.form} />
        <span>{t('supervision.minutesValue', { minutes: s.minutes })}</span>
      </div>
      <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
        {t('supervision.list.by', { name: s.supervisorName })}
        <span aria-hidden> · </span>
        {t('supervision.list.with', { names: s.supervisees.map((w) => w.name).join(i18n.language === 'en' ? ', ' : '、') })}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
        <FunctionTags functions={s.functions} />
      </div>
    </List.Item>
  );
}

/**
 * 督导: the sessions a social worker took part in, as supervisor or supervisee (the caller's own,
 * or — for an organization's or community's administrator and a supervisor — a worker they
 * choose, ?socialWorkerId=), and for a supervisor with supervisees the form to record one.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const me = useMyWorkerId(true);
  const myId = me.data ?? null;
  const readsOthers = hasRole('org_admin', 'community_admin', 'supervisor');
  const workers = useActiveWorkers('', readsOthers || !!myId);
  const supervisees = myId ? (workers.data ?? []).filter((w) => w.supervisorId === myId) : [];

  const asked = params.get('socialWorkerId') ?? undefined;
  const other = asked && asked !== myId ? asked : undefined;
  const own = !other && !!myId;
  const list = useSupervisionList(other, !!other || own);
  // A supervisor picks among their supervisees; an administrator among the workers they see.
  const choices = hasRole('org_admin', 'community_admin') ? (workers.data ?? []) : supervisees;

  const pick = (id: string) => {
    const next = new URLSearchParams(params);
    if (id && id !== myId) next.set('socialWorkerId', id);
    else next.delete('socialWorkerId');
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="supervision-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('supervision.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{own ? t('supervision.hint') : t('supervision.hintOther')}</Typography.Paragraph>
      {readsOthers && choices.length > 0 && (
        <Space wrap size={8} align="center">
          <label htmlFor="sup-worker-select">{t('supervision.worker')}</label>
          <Select
            id="sup-worker-select"
            value={other ?? (myId ? '' : undefined)}
            onChange={pick}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('supervision.workerPlaceholder')}
            style={{ minWidth: 200, maxWidth: '100%' }}
            options={[...(myId ? [{ value: '', label: t('supervision.mine') }] : []), ...choices.filter((w) => w.id !== myId).map((w) => ({ value: w.id, label: w.name }))]}
            data-testid="sup-worker"
          />
        </Space>
      )}
      {me.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      <ErrorAlert error={me.error} />

      {own && (workers.isLoading ? null : supervisees.length > 0 ? (
        <Card size="small" title={cardTitle(t('supervision.form.title'))}>
          <SupervisionForm supervisees={supervisees.map((w) => ({ id: w.id, name: w.name }))} onSaved={() => undefined} />
        </Card>
      ) : hasRole('supervisor') ? (
        <NoSupervisees />
      ) : null)}

      {me.isSuccess && !myId && !other && (
        <Alert type="info" showIcon title={readsOthers && choices.length > 0 ? t('supervision.pickWorker') : t('supervision.notOnRegister')} data-testid="sup-not-on-register" />
      )}

      {(own || other) && (
        <Card size="small" title={cardTitle(t('supervision.list.title'))} data-testid="sup-list">
          <ErrorAlert error={list.error} />
          <List<SupervisionSummary>
            size="small"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            rowKey="id"
            locale={{ emptyText: t('supervision.list.empty') }}
            renderItem={(s) => <SessionRow s={s} />}
          />
        </Card>
      )}
    </Space>
  );
}
