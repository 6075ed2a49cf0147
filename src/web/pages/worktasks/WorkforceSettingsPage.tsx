import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { useDistricts } from '../lists/listsApi.ts';
import { SETTINGS_KEY, useWorkforceSettings, type Matter, type PutSettingsBody, type WorkforceSettings } from './workTaskQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

interface Values {
  admittedMatters: Matter[];
  adminShareTarget: number;
  workersPer10kTarget: number;
  supervisionRatioTarget: number;
  ceHoursAssistant: number;
  ceHoursOther: number;
}

const TARGETS = ['adminShareTarget', 'workersPer10kTarget', 'supervisionRatioTarget', 'ceHoursAssistant', 'ceHoursOther'] as const;
const valuesOf = (s: WorkforceSettings): Values => ({ admittedMatters: s.admittedMatters, ...Object.fromEntries(TARGETS.map((k) => [k, s[k]])) }) as Values;

/** The workforce targets (DESIGN 3.4, 3.10): staffing per 10,000 residents, supervision ratio, continuing-education hours per cycle. */
function TargetFields() {
  const { t } = useTranslation();
  const item = (name: (typeof TARGETS)[number], label: string, hint: string, input: React.ReactNode) => (
    <Form.Item name={name} label={label} extra={hint} rules={[requiredText(t, label)]} style={{ flex: '1 1 260px' }}>
      {input}
    </Form.Item>
  );
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 16 }}>{t('workforceview.settings.title')}</Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
        {item('workersPer10kTarget', t('workforceview.settings.per10k'), t('workforceview.settings.per10kHint'),
          <InputNumber min={0} max={1000} step={0.1} precision={1} suffix={t('workforceview.settings.per10kUnit')} style={{ width: 170 }} data-testid="settings-per10k" />)}
        {item('supervisionRatioTarget', t('workforceview.settings.ratio'), t('workforceview.settings.ratioHint'),
          <InputNumber min={1} max={100} precision={0} prefix="1 :" style={{ width: 130 }} data-testid="settings-ratio" />)}
        {item('ceHoursAssistant', t('workforceview.settings.ceAssistant'), t('workforceview.settings.ceHint'),
          <InputNumber min={0} max={1000} precision={0} suffix={t('workforceview.settings.hoursUnit')} style={{ width: 140 }} data-testid="settings-ce-assistant" />)}
        {item('ceHoursOther', t('workforceview.settings.ceOther'), t('workforceview.settings.ceHint'),
          <InputNumber min={0} max={1000} precision={0} suffix={t('workforceview.settings.hoursUnit')} style={{ width: 140 }} data-testid="settings-ce-other" />)}
      </div>
    </>
  );
}

function SettingsForm({ settings }: { settings: WorkforceSettings }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, WorkforceSettings>({
    mutationFn: async (v) => {
      const body: PutSettingsBody = {
        districtId: settings.districtId,
        admittedMatters: (v.admittedMatters ?? []).map((m) => ({ code: m.code.trim(), title: m.title.trim() })),
        adminShareTarget: v.adminShareTarget,
        workersPer10kTarget: v.workersPer10kTarget,
        supervisionRatioTarget: v.supervisionRatioTarget,
        ceHoursAssistant: v.ceHoursAssistant,
        ceHoursOther: v.ceHoursOther,
      };
      return api.put<WorkforceSettings>('/workforce-settings', body);
    },
    invalidate: [SETTINGS_KEY],
    onSaved: (saved) => {
      saver.form.setFieldsValue(valuesOf(saved));
      void message.success(t('worktasks.settings.saved'));
    },
  });
  const form = saver.form;
  const uniqueCode = (index: number) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const code = value?.trim();
      if (!code) return;
      const all = (form.getFieldValue('admittedMatters') as (Matter | undefined)[] | undefined) ?? [];
      if (all.some((m, i) => i !== index && m?.code?.trim() === code)) throw new Error(t('worktasks.settings.duplicateCode'));
    },
  });
  return (
    <SaveForm<Values> saver={saver} initialValues={valuesOf(settings)}>
      <Form.Item
        name="adminShareTarget"
        label={t('worktasks.settings.target')}
        extra={t('worktasks.settings.targetHint')}
        rules={[requiredText(t, t('worktasks.settings.target'))]}
      >
        <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 120 }} data-testid="settings-target" />
      </Form.Item>
      <TargetFields />
      <Typography.Title level={4} style={{ fontSize: 16 }}>{t('worktasks.settings.matters')}</Typography.Title>
      <div data-testid="settings-matters">
        <Form.List name="admittedMatters">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('worktasks.settings.empty')}</Typography.Paragraph>}
              {fields.length > 0 && (
                <div aria-hidden style={{ display: 'flex', gap: 8, paddingLeft: 36, marginBottom: 4, color: 'inherit' }}>
                  <Typography.Text strong style={{ width: 96 }}>{t('worktasks.settings.code')}</Typography.Text>
                  <Typography.Text strong>{t('worktasks.settings.matterTitle')}</Typography.Text>
                </div>
              )}
              {fields.map((field, index) => (
                <div key={field.key} data-testid="settings-matter-row" style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Typography.Text style={{ width: 28, flexShrink: 0, paddingTop: 5, textAlign: 'right' }}>{index + 1}.</Typography.Text>
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[requiredText(t, t('worktasks.settings.code')), tooLong(t, t('worktasks.settings.code'), 30), uniqueCode(index)]}
                    style={{ width: 96, flexShrink: 0, marginBottom: 8 }}
                  >
                    <Input aria-label={t('worktasks.settings.codeOf', { n: index + 1 })} placeholder={t('worktasks.settings.codePlaceholder')} data-testid="settings-matter-code" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[requiredText(t, t('worktasks.settings.matterTitle')), tooLong(t, t('worktasks.settings.matterTitle'), 100)]}
                    style={{ flex: '1 1 120px', minWidth: 0, marginBottom: 8 }}
                  >
                    <Input aria-label={t('worktasks.settings.titleOf', { n: index + 1 })} placeholder={t('worktasks.settings.titlePlaceholder')} data-testid="settings-matter-title" />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('worktasks.settings.remove', { n: index + 1 })}
                    title={t('worktasks.settings.remove', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                    data-testid="settings-matter-remove"
                    style={{ flexShrink: 0 }}
                  />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', title: '' })} style={{ marginBottom: 16 }} data-testid="settings-matter-add">
                {t('worktasks.settings.add')}
              </Button>
            </>
          )}
        </Form.List>
      </div>
      <div>
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="settings-save">{t('worktasks.settings.save')}</Button>
      </div>
    </SaveForm>
  );
}

function SettingsView({ settings }: { settings: WorkforceSettings }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('worktasks.settings.readOnly')}</Typography.Text>
      <div>
        <Typography.Text strong>{t('worktasks.settings.target')}</Typography.Text>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="settings-target">{t('worktasks.settings.targetValue', { value: settings.adminShareTarget })}</div>
        <div>
          <Typography.Text type="secondary">{t('worktasks.settings.targetHint')}</Typography.Text>
        </div>
      </div>
      <div>
        <Typography.Title level={4} style={{ fontSize: 16 }}>{t('workforceview.settings.title')}</Typography.Title>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 32px' }}>
          {[
            { key: 'per10k', label: t('workforceview.settings.per10k'), value: t('workforceview.settings.per10kValue', { value: settings.workersPer10kTarget }), hint: t('workforceview.settings.per10kHint') },
            { key: 'ratio', label: t('workforceview.settings.ratio'), value: t('workforceview.settings.ratioValue', { value: settings.supervisionRatioTarget }), hint: t('workforceview.settings.ratioHint') },
            { key: 'ce-assistant', label: t('workforceview.settings.ceAssistant'), value: t('workforceview.settings.hoursValue', { value: settings.ceHoursAssistant }), hint: t('workforceview.settings.ceHint') },
            { key: 'ce-other', label: t('workforceview.settings.ceOther'), value: t('workforceview.settings.hoursValue', { value: settings.ceHoursOther }), hint: t('workforceview.settings.ceHint') },
          ].map((f) => (
            <div key={f.key} style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Typography.Text strong>{f.label}</Typography.Text>
              <div style={{ fontSize: 20, fontWeight: 600 }} data-testid={`settings-${f.key}`}>{f.value}</div>
              <Typography.Text type="secondary">{f.hint}</Typography.Text>
            </div>
          ))}
        </div>
      </div>
      <div data-testid="settings-matters">
        <Typography.Title level={4} style={{ fontSize: 16 }}>
          {t('worktasks.settings.matters')} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>{t('worktasks.settings.count', { count: settings.admittedMatters.length })}</Typography.Text>
        </Typography.Title>
        <Table<Matter>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={settings.admittedMatters}
          locale={{ emptyText: t('worktasks.settings.empty') }}
          columns={[
            { title: t('worktasks.settings.code'), dataIndex: 'code', width: 110 },
            { title: t('worktasks.settings.matterTitle'), dataIndex: 'title', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
          ]}
        />
      </div>
    </Space>
  );
}

/** 社区工作事项准入清单: the district's matters that may be given to communities, and its target share of administrative time. */
export function WorkforceSettingsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const districts = useDistricts();
  const districtId = params.get('districtId') ?? (hasRole('district_officer') ? undefined : districts.data?.length === 1 ? districts.data[0]!.id : undefined);
  const settings = useWorkforceSettings(districtId);
  const many = (districts.data?.length ?? 0) > 1;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="workforce-settings-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('worktasks.settings.title')}</Typography.Title>
        {many && (
          <Select
            value={districtId ?? settings.data?.districtId}
            onChange={(v: string) => setParams({ districtId: v }, { replace: true })}
            aria-label={t('worktasks.settings.district')}
            style={{ minWidth: 180, maxWidth: '100%' }}
            options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            data-testid="settings-district"
          />
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('worktasks.settings.hint')}</Typography.Paragraph>
      <ErrorAlert error={settings.error} />
      {settings.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {settings.data && (
        <Card size="small">
          {settings.data.canUpdate ? <SettingsForm key={settings.data.districtId} settings={settings.data} /> : <SettingsView settings={settings.data} />}
        </Card>
      )}
    </Space>
  );
}
