import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Progress, Space, Tag, theme, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/feedback.tsx';
import { hours, TASKS_KEY, type AdminTaskView } from './workTaskQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

const STATUS_COLORS: Record<AdminTaskView['status'], string> = { open: 'processing', done: 'success', withdrawn: 'default' };

/** The tag that marks a task assigned outside the district's list of admitted matters. */
export function UnlistedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="error" data-testid="task-unlisted" style={{ fontWeight: 600 }}>
      {t('worktasks.unlisted')}
    </Tag>
  );
}

function useTaskAction(action: 'complete' | 'withdraw') {
  const { t } = useTranslation();
  const { message } = useNotices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AdminTaskView>(`/admin-tasks/${id}/${action}`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [TASKS_KEY] });
      void message.success(t(action === 'complete' ? 'worktasks.tasks.completed' : 'worktasks.tasks.withdrawn'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
}

function TaskRow({ task }: { task: AdminTaskView }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const complete = useTaskAction('complete');
  const withdraw = useTaskAction('withdraw');
  const overdue = task.status === 'open' && !!task.dueOn && task.dueOn < dayjs().format('YYYY-MM-DD');
  const over = task.loggedMinutes > task.expectedMinutes;
  const percent = Math.min(100, Math.round((task.loggedMinutes * 100) / task.expectedMinutes));
  const hoursText = t('worktasks.tasks.loggedOfExpected', { logged: hours(task.loggedMinutes), expected: hours(task.expectedMinutes) });
  return (
    <List.Item data-testid={`task-row-${task.id}`} data-status={task.status} data-listed={task.listed} style={{ display: 'block', paddingInline: 8 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 260px', minWidth: 0, overflowWrap: 'anywhere' }}>
          <Space wrap size={6}>
            <Typography.Text strong style={{ fontSize: 16 }}>{task.title}</Typography.Text>
            <Tag color={STATUS_COLORS[task.status]} data-testid="task-status">{t(`worktasks.status.${task.status}`)}</Tag>
            {!task.listed && <UnlistedTag />}
          </Space>
          <div>
            <Typography.Text>
              {task.workerName} · {task.communityName} · {t(`worktasks.category.${task.category}`)}
            </Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">
              {t('worktasks.tasks.assignedBy', { origin: task.originName, name: task.assignedByName })} · <span style={{ whiteSpace: 'nowrap' }}>{t('worktasks.tasks.createdOn', { date: dayjs(task.createdAt).format('YYYY-MM-DD') })}</span>
            </Typography.Text>
            {task.dueOn && (
              <>
                <Typography.Text type="secondary"> · </Typography.Text>
                <Typography.Text type={overdue ? 'danger' : 'secondary'} strong={overdue} style={{ whiteSpace: 'nowrap' }}>
                  {t('worktasks.tasks.dueOn', { date: task.dueOn })}
                  {overdue && ` · ${t('worktasks.tasks.overdue')}`}
                </Typography.Text>
              </>
            )}
          </div>
          {task.listed && task.matterTitle && (
            <div>
              <Typography.Text type="secondary">{t('worktasks.tasks.matter', { title: task.matterCode ? `${task.matterCode} ${task.matterTitle}` : task.matterTitle })}</Typography.Text>
            </div>
          )}
        </div>
        <div style={{ flex: '0 1 240px', minWidth: 180 }}>
          <Typography.Text data-testid="task-logged" style={over ? { color: token.colorWarningText } : undefined}>
            {hoursText}
            {over && ` · ${t('worktasks.tasks.overExpected')}`}
          </Typography.Text>
          <div aria-hidden>
            <Progress percent={percent} showInfo={false} size="small" status={over ? 'exception' : task.status === 'done' ? 'success' : 'normal'} />
          </div>
          {task.allowedActions.length > 0 && (
            <Space wrap size={8} style={{ marginTop: 4 }}>
              {task.allowedActions.includes('complete') && (
                <Button type="primary" size="small" loading={complete.isPending} onClick={() => complete.mutate(task.id)} data-testid={`task-complete-${task.id}`}>
                  {t('worktasks.tasks.complete')}
                </Button>
              )}
              {task.allowedActions.includes('withdraw') && (
                <Popconfirm
                  title={t('worktasks.tasks.withdrawConfirm')}
                  description={t('worktasks.tasks.withdrawConfirmHint')}
                  onConfirm={() => withdraw.mutate(task.id)}
                  okText={t('worktasks.tasks.withdraw')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, 'data-testid': 'task-withdraw-confirm' } as ButtonProps}
                >
                  <Button size="small" danger loading={withdraw.isPending} data-testid={`task-withdraw-${task.id}`}>
                    {t('worktasks.tasks.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </div>
      </div>
    </List.Item>
  );
}

/** Tasks as rows that wrap on a phone: what, for whom, from whom, the hours logged against those expected, and the caller's actions. */
export function TaskList({ items, loading, empty }: { items: AdminTaskView[]; loading: boolean; empty: string }) {
  return <List size="small" loading={loading} dataSource={items} locale={{ emptyText: empty }} data-testid="task-list" rowKey="id" renderItem={(task) => <TaskRow task={task} />} />;
}
