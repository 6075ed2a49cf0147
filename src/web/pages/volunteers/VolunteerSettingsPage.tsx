import { Button, Form, InputNumber, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { pointsFor } from '../../../common/volunteers.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { useDefaultDistrict, useDistricts } from '../lists/listsApi.ts';
import { putVolunteerSettings, useVolunteerSettings, VOLUNTEER_SETTINGS_KEY, VOLUNTEERS_KEY, type VolunteerSettings } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

interface Values {
  starHours: number[];
  pointsPerHour: number;
}

const STARS = [0, 1, 2, 3, 4] as const;

function SettingsForm({ settings }: { settings: VolunteerSettings }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, VolunteerSettings>({
    mutationFn: (v) => putVolunteerSettings(settings.districtId, { starHours: v.starHours, pointsPerHour: v.pointsPerHour }),
    invalidate: [VOLUNTEER_SETTINGS_KEY, VOLUNTEERS_KEY],
    onSaved: (saved) => {
      saver.form.setFieldsValue({ starHours: saved.starHours, pointsPerHour: saved.pointsPerHour });
      void message.success(t('volunteers.settings.saved'));
    },
  });
  const form = saver.form;
  const rate = Form.useWatch('pointsPerHour', form) ?? settings.pointsPerHour;
  // Each threshold above the one before: checked on the field that breaks the order.
  const increasing = (i: number) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      if (i === 0 || value === null || value === undefined) return;
      const before = (form.getFieldValue(['starHours', i - 1]) as number | null | undefined) ?? null;
      if (before !== null && value <= before) throw new Error(t('volunteers.settings.increasing', { stars: i + 1, before }));
    },
  });
  return (
    <SaveForm<Values> saver={saver} initialValues={{ starHours: settings.starHours, pointsPerHour: settings.pointsPerHour }}>
      <Typography.Title level={4} style={{ fontSize: 16 }}>{t('volunteers.settings.stars')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('volunteers.settings.starsHint')}</Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        {STARS.map((i) => (
          <Form.Item
            key={i}
            name={['starHours', i]}
            label={t('volunteers.settings.starLabel', { count: i + 1 })}
            dependencies={i > 0 ? [['starHours', i - 1]] : undefined}
            rules={[requiredText(t, t('volunteers.settings.starLabel', { count: i + 1 })), increasing(i)]}
            style={{ flex: '0 1 150px' }}
          >
            <InputNumber min={1} max={100000} precision={0} suffix={t('volunteers.settings.hoursUnit')} style={{ width: '100%' }} data-testid={`settings-star-${i + 1}`} />
          </Form.Item>
        ))}
      </div>
      <Typography.Title level={4} style={{ fontSize: 16 }}>{t('volunteers.settings.points')}</Typography.Title>
      <Form.Item
        name="pointsPerHour"
        label={t('volunteers.settings.pointsPerHour')}
        extra={typeof rate === 'number' && rate >= 2 && rate % 2 === 0 ? t('volunteers.settings.pointsHint', { half: pointsFor(30, rate) }) : t('volunteers.settings.pointsEvenHint')}
        rules={[
          requiredText(t, t('volunteers.settings.pointsPerHour')),
          { type: 'number', min: 2, max: 100, message: t('volunteers.settings.pointsRange') },
          { validator: async (_: unknown, v: number | null | undefined) => { if (typeof v === 'number' && v % 2 !== 0) throw new Error(t('volunteers.settings.pointsEven')); } },
        ]}
      >
        <InputNumber min={2} max={100} step={2} precision={0} suffix={t('volunteers.settings.pointsUnit')} style={{ width: 160 }} data-testid="settings-points" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="settings-save">{t('common.save')}</Button>
    </SaveForm>
  );
}

function SettingsView({ settings }: { settings: VolunteerSettings }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8}>
      <Typography.Text type="secondary">{t('volunteers.settings.readOnly')}</Typography.Text>
      <Typography.Text strong>{t('volunteers.settings.stars')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="settings-stars">
        {settings.starHours.map((h, i) => <li key={i}>{t('volunteers.detail.threshold', { stars: i + 1, hours: h })}</li>)}
      </ul>
      <Typography.Text strong>{t('volunteers.settings.pointsPerHour')}</Typography.Text>
      <span data-testid="settings-points">{t('volunteers.settings.pointsValue', { points: settings.pointsPerHour })}</span>
    </Space>
  );
}

/** 志愿服务设置: the district's star thresholds (verified hours for one to five stars) and the points an hour earns. */
export function VolunteerSettingsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const districts = useDistricts();
  const fallback = useDefaultDistrict(districts.data);
  const districtId = params.get('districtId') ?? fallback;
  const settings = useVolunteerSettings(districtId, !!districtId);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="volunteer-settings-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('volunteers.settings.title')}</Typography.Title>
        {((districts.data?.length ?? 0) > 1 || !hasRole('district_officer')) && (
          <Select
            value={districtId}
            onChange={(v: string) => setParams({ districtId: v }, { replace: true })}
            aria-label={t('scope.district')}
            style={{ minWidth: 180, maxWidth: '100%' }}
            options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            data-testid="settings-district"
          />
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('volunteers.settings.hint')}</Typography.Paragraph>
      <ErrorAlert error={settings.error ?? districts.error} />
      {(settings.isLoading || districts.isLoading) && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {settings.data && (
        <Card size="small">
          {settings.data.canUpdate ? <SettingsForm key={settings.data.districtId} settings={settings.data} /> : <SettingsView settings={settings.data} />}
        </Card>
      )}
    </Space>
  );
}
