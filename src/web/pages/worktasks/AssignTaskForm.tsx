import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ADMINISTRATIVE_CATEGORIES, type AdministrativeCategory } from '../../../common/worklogs.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import {
  assignsIn,
  TASKS_KEY,
  useActiveWorkers,
  useVisibleCommunities,
  useWorkforceSettings,
  type AdminTaskView,
  type AssignTaskBody,
  type SocialWorkerView,
} from './workTaskQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

/** The matter choice that says the task is outside the district's list (sent as matterCode null). */
const UNLISTED = '__unlisted__';

interface Values {
  socialWorkerId: string;
  communityId: string;
  title: string;
  category: AdministrativeCategory;
  hours: number;
  dueOn: Dayjs | null;
  matterCode: string;
  department: string;
}

/**
 * Administrative work given to one social worker for one community: the community is one the
 * worker serves and the caller covers, the matter one of the district's list or, said plainly,
 * none of it.
 */
export function AssignTaskForm() {
  const { t, i18n } = useTranslation();
  const { me, hasRole } = useAuth();
  const { message } = useNotices();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const workers = useActiveWorkers(q);
  const communities = useVisibleCommunities();
  const [worker, setWorker] = useState<SocialWorkerView | null>(null);
  const settings = useWorkforceSettings(worker?.districtId);
  const forDepartment = hasRole('district_officer');

  const saver = useFormSave<Values, AdminTaskView>({
    mutationFn: (v) => {
      const body: AssignTaskBody = {
        socialWorkerId: v.socialWorkerId,
        communityId: v.communityId,
        title: v.title.trim(),
        category: v.category,
        expectedMinutes: Math.max(1, Math.round(v.hours * 60)),
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        matterCode: v.matterCode === UNLISTED ? null : v.matterCode,
        ...(forDepartment && v.department?.trim() ? { department: v.department.trim() } : {}),
      };
      return api.post<AdminTaskView>('/admin-tasks', body);
    },
    invalidate: [TASKS_KEY],
    onSaved: (task) => {
      void message.success(t('worktasks.form.assigned', { name: task.workerName }));
      saver.form.resetFields(['title', 'hours', 'dueOn', 'matterCode', 'department']);
    },
  });
  const form = saver.form;
  const matterCode = Form.useWatch('matterCode', form);

  const communityName = (c: { name: string; nameEn: string | null }) => (i18n.language === 'en' && c.nameEn ? c.nameEn : c.name);
  const served = worker ? new Set([...worker.communityIds, ...(worker.employerCommunityId ? [worker.employerCommunityId] : [])]) : new Set<string>();
  const communityOptions = (communities.data ?? [])
    .filter((c) => served.has(c.id) && assignsIn(me?.assignments ?? [], c))
    .map((c) => ({ value: c.id, label: communityName(c) }));

  const chooseWorker = (id: string | undefined) => {
    const chosen = workers.data?.find((w) => w.id === id) ?? null;
    setWorker(chosen);
    const mine = (communities.data ?? []).filter((c) => chosen && (chosen.communityIds.includes(c.id) || chosen.employerCommunityId === c.id) && assignsIn(me?.assignments ?? [], c));
    form.setFieldValue('communityId', mine.length === 1 ? mine[0]!.id : undefined);
  };

  const workerOptions = [
    // The chosen worker stays a choice while another name is searched.
    ...(worker && !workers.data?.some((w) => w.id === worker.id) ? [worker] : []),
    ...(workers.data ?? []),
  ].map((w) => ({ value: w.id, label: `${w.name} · ${w.employerName}` }));

  const matters = settings.data?.admittedMatters ?? [];
  const matterOptions = [
    ...matters.map((m) => ({ value: m.code, label: `${m.code} ${m.title}` })),
    { value: UNLISTED, label: t('worktasks.unlistedChoice') },
  ];
  const listNote = settings.isError ? t('worktasks.form.matterListUnavailable') : settings.data && matters.length === 0 ? t('worktasks.form.matterListEmpty') : null;

  return (
    <div data-testid="task-form">
      <SaveForm<Values> saver={saver} initialValues={{ category: 'statistics_forms', hours: 1 }}>
        <Form.Item name="socialWorkerId" label={t('worktasks.form.worker')} rules={[requiredChoice(t, t('worktasks.form.worker'))]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            allowClear
            placeholder={t('worktasks.form.workerPlaceholder')}
            loading={workers.isFetching}
            options={workerOptions}
            onChange={(v: string | undefined) => chooseWorker(v)}
            notFoundContent={workers.isLoading ? undefined : t('worktasks.form.workerNone')}
            data-testid="task-worker"
          />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={t('worktasks.form.community')}
          rules={[requiredChoice(t, t('worktasks.form.community'))]}
          extra={worker && communities.data && communityOptions.length === 0 ? <Typography.Text type="danger">{t('worktasks.form.communityNone')}</Typography.Text> : undefined}
        >
          <Select disabled={!worker} placeholder={worker ? undefined : t('worktasks.form.communityPlaceholder')} options={communityOptions} data-testid="task-community" />
        </Form.Item>
        <Form.Item name="title" label={t('worktasks.form.taskTitle')} rules={[requiredText(t, t('worktasks.form.taskTitle')), tooLong(t, t('worktasks.form.taskTitle'), 100), { whitespace: true, message: t('common.requiredText', { field: t('worktasks.form.taskTitle') }) }]}>
          <Input count={{ show: true, max: 100 }} placeholder={t('worktasks.form.taskTitlePlaceholder')} data-testid="task-title" />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="category" label={t('worktasks.form.category')} rules={[requiredChoice(t, t('worktasks.form.category'))]} style={{ flex: '1 1 180px' }}>
            <Select options={ADMINISTRATIVE_CATEGORIES.map((c) => ({ value: c, label: t(`worktasks.category.${c}`) }))} data-testid="task-category" />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('worktasks.form.hours')}
            rules={[requiredText(t, t('worktasks.form.hours')), { type: 'number', min: 0.1, max: 100, message: t('worktasks.form.hoursRange') }]}
            style={{ flex: '1 1 130px' }}
          >
            <InputNumber min={0.1} max={100} step={0.5} precision={1} style={{ width: '100%' }} data-testid="task-hours" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('worktasks.form.due')} style={{ flex: '1 1 150px' }}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} data-testid="task-due" />
          </Form.Item>
        </div>
        <Form.Item
          name="matterCode"
          label={t('worktasks.form.matter')}
          rules={[requiredChoice(t, t('worktasks.form.matter'))]}
          extra={
            <span>
              {listNote ?? t('worktasks.form.matterHint')} {!settings.isError && <Link to="/workforce-settings" style={{ textDecoration: 'underline' }}>{t('worktasks.form.seeList')}</Link>}
            </span>
          }
        >
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('worktasks.form.matterPlaceholder')} options={matterOptions} loading={settings.isLoading} data-testid="task-matter" />
        </Form.Item>
        {matterCode === UNLISTED && <Alert type="warning" showIcon title={t('worktasks.form.unlistedWarning')} style={{ marginBottom: 16 }} data-testid="task-unlisted-warning" />}
        {forDepartment && (
          <Form.Item name="department" label={t('worktasks.form.department')} extra={t('worktasks.form.departmentHint')} rules={[tooLong(t, t('worktasks.form.department'), 50)]}>
            <Input placeholder={t('worktasks.form.departmentPlaceholder')} data-testid="task-department" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="task-submit">
          {t('worktasks.form.submit')}
        </Button>
      </SaveForm>
    </div>
  );
}
