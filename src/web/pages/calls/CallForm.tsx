import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { PageForm, useFormSave } from '../../components/SaveForm.tsx';
import { useProjects } from '../projects/projectsApi.ts';
import { CallRulesFields, rulesFromForm } from './CallRulesFields.tsx';
import { CALLS_KEY, useCallSettings, type CallDetail, type CallRules, type CreateBody, type UpdateBody } from './callQueries.ts';

interface Values {
  title: string;
  kind: CreateBody['kind'];
  streetId?: string;
  description?: string;
  themes?: string[];
  projectIds?: string[];
  deadline: Dayjs;
  publicityDays: number;
  rules: CallRules;
}

/**
 * A call's draft: a new one (with the district's default rules) or the draft being edited.
 * A street officer issues for one of their streets; a district officer for the district.
 */
export function CallForm({ call, onDone }: { call?: CallDetail; onDone: (saved: CallDetail) => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const streets = (me?.assignments ?? []).filter((a) => a.role === 'street_officer' && a.scopeId).map((a) => ({ value: a.scopeId!, label: a.scopeName }));
  const settings = useCallSettings();
  // A call offers approved projects its issuing office buys; the server has the last word.
  const approved = useProjects({ status: 'approved' });
  const saver = useFormSave<Values, CallDetail>({
    mutationFn: (v) => {
      const common = {
        title: v.title,
        description: v.description ?? '',
        themes: v.themes ?? [],
        projectIds: v.projectIds ?? [],
        deadline: v.deadline.toISOString(),
        publicityDays: v.publicityDays,
        rules: rulesFromForm(v.rules),
      };
      return call
        ? api.patch<CallDetail>(`/calls/${call.id}`, common satisfies UpdateBody)
        : api.post<CallDetail>('/calls', { ...common, kind: v.kind, ...(v.streetId ? { streetId: v.streetId } : {}) } satisfies CreateBody);
    },
    invalidate: [CALLS_KEY],
    onSaved: onDone,
  });
  const streetId = Form.useWatch('streetId', saver.form) as string | undefined;
  if (!call && !settings.data) return <QueryState isLoading={settings.isLoading} error={settings.error} />;
  const initialValues: Partial<Record<keyof Values, unknown>> = call
    ? { ...call, projectIds: call.projects.map((p) => p.id), deadline: dayjs(call.deadline) }
    : { kind: 'venture_philanthropy', streetId: streets[0]?.value, publicityDays: 7, themes: [], deadline: dayjs().add(20, 'day').endOf('day'), rules: settings.data!.rules };
  return (
    <PageForm<Values> saver={saver} initialValues={initialValues}>
      <Form.Item name="title" label={t('call.title')} rules={[requiredText(t, t('call.title'))]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('call.kind')} rules={[requiredChoice(t, t('call.kind'))]}>
            <Select disabled={!!call} options={(['venture_philanthropy', 'government_purchase'] as const).map((k) => ({ value: k, label: t(`callKind.${k}`) }))} />
          </Form.Item>
        </Col>
        {!call && streets.length > 0 && (
          <Col xs={24} md={12}>
            <Form.Item name="streetId" label={t('call.street')} rules={[requiredChoice(t, t('call.street'))]}>
              <Select options={streets} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="description" label={t('call.description')}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="projectIds" label={t('call.projects')} extra={t('call.projectsHint')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={approved.isLoading}
          data-testid="call-projects"
          options={[
            ...(call?.projects ?? []).map((p) => ({ value: p.id, label: `${p.refNo} ${p.title}` })),
            ...(approved.data?.items ?? [])
              .filter((p) => !call?.projects.some((o) => o.id === p.id))
              .filter((p) => (call ? call.issuerStreetId : streetId) ? p.purchaserLevel === 'street' && p.purchaserStreetId === (call ? call.issuerStreetId : streetId) : p.purchaserLevel === 'district')
              .map((p) => ({ value: p.id, label: `${p.refNo} ${p.title}` })),
          ]}
        />
      </Form.Item>
      <Form.Item name="themes" label={t('call.themes')} extra={t('call.themesHint')}>
        <Select mode="tags" maxCount={10} open={false} suffixIcon={null} aria-label={t('call.themes')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="deadline" label={t('call.deadline')} rules={[requiredChoice(t, t('call.deadline'))]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="publicityDays" label={t('call.publicityDays')} rules={[requiredText(t, t('call.publicityDays'))]}>
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <CallRulesFields />
      <div style={{ height: 16 }} />
    </PageForm>
  );
}
