import { Col, Row, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ADMIN_TASK_STATUSES, type AdminTaskStatus } from '../../../common/worklogs.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { AssignTaskForm } from './AssignTaskForm.tsx';
import { TaskList } from './TaskList.tsx';
import { OWN_ACCOUNT_ROLES, useMyWorkerId, useTasks, useVisibleCommunities } from './workTaskQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type View = 'mine' | 'all';

/**
 * 交办事项: an assigner gives administrative work to a social worker and follows the tasks of
 * their place; a social worker sees the tasks given to them and marks them done. Filters stay
 * in the address.
 */
export function AdminTasksPage() {
  const { t, i18n } = useTranslation();
  const { can, hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const assigns = can('workforce.admin_task.assign');
  const myWorker = useMyWorkerId(hasRole(...OWN_ACCOUNT_ROLES));
  const myId = myWorker.data ?? null;
  // Community staff and supervisors also see the tasks of their place or of their supervisees.
  const seesOthers = assigns || hasRole('supervisor', 'org_admin');
  // An assigner's first view is their place; a social worker's, the tasks given to them.
  const mine: View[] = myId ? ['mine'] : [];
  const others: View[] = seesOthers ? ['all'] : [];
  const views: View[] = assigns ? [...others, ...mine] : [...mine, ...others];
  const asked = params.get('view') as View | null;
  const view: View = asked && views.includes(asked) ? asked : (views[0] ?? 'all');
  const status = (ADMIN_TASK_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as AdminTaskStatus) : undefined;
  const communityId = params.get('communityId') ?? undefined;
  const communities = useVisibleCommunities(seesOthers && view === 'all');
  const list = useTasks(
    { status, ...(view === 'mine' ? { socialWorkerId: myId! } : { communityId }) },
    view === 'all' || !!myId,
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];
  const waiting = myWorker.isLoading && hasRole(...OWN_ACCOUNT_ROLES);

  const listCard = (
    <Card size="small">
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        {views.length > 1 && (
          <Segmented<View>
            value={view}
            onChange={(v) => set('view', v === views[0] ? undefined : v)}
            options={views.map((v) => ({ value: v, label: t(v === 'mine' ? 'worktasks.tasks.viewMine' : 'worktasks.tasks.viewAll') }))}
            data-testid="task-views"
          />
        )}
        <Select
          value={status ?? ''}
          onChange={(v: string) => set('status', v || undefined)}
          aria-label={t('worktasks.tasks.status')}
          style={{ width: 140 }}
          options={[{ value: '', label: t('worktasks.tasks.allStatuses') }, ...ADMIN_TASK_STATUSES.map((s) => ({ value: s, label: t(`worktasks.status.${s}`) }))]}
          data-testid="task-filter-status"
        />
        {view === 'all' && (communities.data?.length ?? 0) > 1 && (
          <Select
            value={communityId ?? ''}
            onChange={(v: string) => set('communityId', v || undefined)}
            aria-label={t('worktasks.tasks.community')}
            style={{ minWidth: 160, maxWidth: '100%' }}
            options={[{ value: '', label: t('worktasks.tasks.allCommunities') }, ...(communities.data ?? []).map((c) => ({ value: c.id, label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.name }))]}
            data-testid="task-filter-community"
          />
        )}
      </Space>
      <ErrorAlert error={list.error ?? myWorker.error} />
      <TaskList items={items} loading={list.isLoading || waiting} empty={t(view === 'mine' ? 'worktasks.tasks.emptyMine' : 'worktasks.tasks.empty')} />
      {items.length >= 200 && <Typography.Text type="secondary">{t('worktasks.tasks.limitNote')}</Typography.Text>}
    </Card>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="admin-tasks-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('worktasks.tasks.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>
        {t(assigns ? 'worktasks.tasks.hintAssigner' : myId ? 'worktasks.tasks.hintWorker' : 'worktasks.tasks.hintReader')}
      </Typography.Paragraph>
      {assigns ? (
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} lg={10} xl={9}>
            <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('worktasks.form.title')}</Typography.Title>}>
              <AssignTaskForm />
            </Card>
          </Col>
          <Col xs={24} lg={14} xl={15}>
            {listCard}
          </Col>
        </Row>
      ) : (
        <div style={{ maxWidth: 960 }}>{listCard}</div>
      )}
    </Space>
  );
}
