import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SocialWorkerView } from '../../../server/modules/workforce/workforce.schemas.ts';
import { api, type Page } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { ACTIVITIES_KEY, ACTIVITY_METHODS, RECURRENCES, type ActivityBody, type ActivityDetail } from './activityQueries.ts';

type Recurrence = ActivityBody['recurrence'];

interface Values {
  communityId: string;
  title: string;
  method: ActivityBody['method'];
  description?: string;
  venueResourceId?: string;
  venueNote?: string;
  capacity: number;
  volunteersNeeded?: number;
  audience?: string;
  recurrence: Recurrence;
  firstStartsAt: Dayjs;
  durationMinutes: number;
  sessions: number;
  staffIds: string[];
}

/** The server's limits: one session for a one-off, a year of weekly or monthly ones. */
const MAX_SESSIONS: Record<Recurrence, number> = { once: 1, weekly: 52, monthly: 12 };
/** A quarter of weekly sessions or half a year of monthly ones, when a one-off becomes a series. */
const USUAL_SESSIONS: Record<Recurrence, number> = { once: 1, weekly: 12, monthly: 6 };

function sessionsFor(r: Recurrence, current: number | undefined): number {
  if (r === 'once' || !current || current === 1) return USUAL_SESSIONS[r];
  return Math.min(current, MAX_SESSIONS[r]);
}

/** The organization's social workers in post: who may staff its activities and sign people in. */
function useStaffOptions(organizationId: string) {
  return useQuery({
    queryKey: ['social-workers', 'active', organizationId],
    queryFn: async () => (await api.get<Page<SocialWorkerView>>('/social-workers', { organizationId, status: 'active', limit: 200 })).items,
  });
}

/** Venues of the resources list usable in the community: its own, its street's and the district's. */
function useVenueOptions(communityId: string | undefined) {
  return useQuery({
    queryKey: ['activity-venues', communityId],
    enabled: !!communityId,
    queryFn: async () => (await api.get<{ items: { id: string; name: string; capacity: number | null }[] }>('/activity-venues', { communityId: communityId! })).items,
  });
}

/**
 * Publishing an activity a project delivers: where (one of the project's communities), what,
 * when and how often, and who staffs it. Residents of the street see its sessions at once.
 */
export function ActivityForm({ projectId, organizationId, communities, onClose }: {
  projectId: string;
  organizationId: string;
  communities: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const staff = useStaffOptions(organizationId);
  const saver = useFormSave<Values, ActivityDetail>({
    mutationFn: (v) =>
      api.post<ActivityDetail>('/activities', {
        communityId: v.communityId,
        organizationId,
        projectId,
        title: v.title.trim(),
        method: v.method,
        ...(v.description?.trim() && { description: v.description.trim() }),
        ...(v.venueResourceId && { venueResourceId: v.venueResourceId }),
        ...(v.venueNote?.trim() && { venueNote: v.venueNote.trim() }),
        ...(v.audience?.trim() && { audience: v.audience.trim() }),
        capacity: v.capacity,
        volunteersNeeded: v.volunteersNeeded ?? 0,
        recurrence: v.recurrence,
        firstStartsAt: v.firstStartsAt.second(0).millisecond(0).toISOString(),
        durationMinutes: v.durationMinutes,
        sessions: v.recurrence === 'once' ? 1 : v.sessions,
        staffIds: v.staffIds ?? [],
      } satisfies ActivityBody),
    invalidate: [ACTIVITIES_KEY, 'projects'],
    onSaved: (saved) => {
      onClose();
      navigate(`/activities/${saved.id}`);
    },
  });
  const recurrence = (Form.useWatch('recurrence', saver.form) ?? 'once') as Recurrence;
  const venues = useVenueOptions(Form.useWatch('communityId', saver.form) as string | undefined);
  // A social worker publishing their own activity staffs it, unless they choose otherwise.
  const mine = staff.data?.find((s) => s.userId === me?.user.id)?.id;
  useEffect(() => {
    if (mine && !saver.form.isFieldTouched('staffIds')) saver.form.setFieldValue('staffIds', [mine]);
  }, [mine, saver.form]);
  return (
    <Modal
      open
      title={t('activity.publish')}
      onCancel={onClose}
      onOk={() => saver.form.submit()}
      okText={t('activity.publishOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saver.saving}
      okButtonProps={{ 'data-testid': 'activity-publish-ok' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <SaveForm<Values>
        saver={saver}
        initialValues={{
          communityId: communities.length === 1 ? communities[0]!.id : undefined,
          method: 'community_activity',
          capacity: 30,
          volunteersNeeded: 0,
          recurrence: 'once',
          // Now, to the minute: an activity published at the door can be signed into at once.
          firstStartsAt: dayjs().second(0).millisecond(0),
          durationMinutes: 90,
          sessions: 1,
          staffIds: [],
        }}
      >
        <Form.Item name="communityId" label={t('activity.community')} rules={[requiredChoice(t, t('activity.community'))]}>
          <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} data-testid="activity-community" />
        </Form.Item>
        <Form.Item name="title" label={t('activity.title')} rules={[requiredText(t, t('activity.title')), { whitespace: true, message: t('common.requiredText', { field: t('activity.title') }) }, tooLong(t, t('activity.title'), 100)]}>
          <Input data-testid="activity-title-input" />
        </Form.Item>
        <Form.Item name="method" label={t('activity.method')} rules={[requiredChoice(t, t('activity.method'))]}>
          <Select options={ACTIVITY_METHODS.map((m) => ({ value: m, label: t(`activityMethod.${m}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('activity.description')} rules={[tooLong(t, t('activity.description'), 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="venueResourceId" label={t('activity.venueListed')}>
          <Select allowClear loading={venues.isLoading} options={(venues.data ?? []).map((v) => ({ value: v.id, label: v.capacity ? `${v.name}（${v.capacity}）` : v.name }))} data-testid="activity-venue-listed" />
        </Form.Item>
        <Form.Item name="venueNote" label={t('activity.venueOther')} extra={t('activity.venueHint')} rules={[tooLong(t, t('activity.venueOther'), 200)]}>
          <Input data-testid="activity-venue" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="capacity" label={t('activity.capacity')} rules={[{ required: true, message: t('common.requiredText', { field: t('activity.capacity') }) }]}>
            <InputNumber min={1} max={10_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="volunteersNeeded" label={t('activity.volunteers')} tooltip={t('activity.volunteersHint')}>
            <InputNumber min={0} max={1_000} precision={0} style={{ width: 140 }} data-testid="activity-volunteers" />
          </Form.Item>
          <Form.Item name="recurrence" label={t('activity.recurrence')}>
            <Select
              style={{ width: 160 }}
              options={RECURRENCES.map((r) => ({ value: r, label: t(`recurrence.${r}`) }))}
              onChange={(r: Recurrence) => saver.form.setFieldValue('sessions', sessionsFor(r, saver.form.getFieldValue('sessions') as number | undefined))}
            />
          </Form.Item>
          <Form.Item name="sessions" label={t('activity.sessionsToHold')} rules={[{ required: true, message: t('common.requiredText', { field: t('activity.sessionsToHold') }) }]}>
            <InputNumber min={1} max={MAX_SESSIONS[recurrence]} precision={0} disabled={recurrence === 'once'} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space wrap size={16} align="start">
          <Form.Item name="firstStartsAt" label={recurrence === 'once' ? t('activity.startsAt') : t('activity.firstStartsAt')} rules={[requiredChoice(t, t('activity.startsAt'))]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('activity.duration')} rules={[{ required: true, message: t('common.requiredText', { field: t('activity.duration') }) }]}>
            <InputNumber min={15} max={720} step={15} precision={0} style={{ width: 140 }} suffix={t('activity.minutes')} />
          </Form.Item>
        </Space>
        <Form.Item name="staffIds" label={t('activity.staff')} extra={t('activity.staffHint')}>
          <Select
            mode="multiple"
            loading={staff.isLoading}
            optionFilterProp="label"
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="activity-staff"
          />
        </Form.Item>
        <Form.Item name="audience" label={t('activity.audience')} rules={[tooLong(t, t('activity.audience'), 200)]}>
          <Input placeholder={t('activity.audiencePlaceholder')} />
        </Form.Item>
      </SaveForm>
    </Modal>
  );
}
