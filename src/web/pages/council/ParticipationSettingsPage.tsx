import { Alert, Button, Descriptions, Form, InputNumber, Radio, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { CommunityPicker, useCouncilCommunity } from './CouncilParts.tsx';
import { COUNCIL_KEY, PARTICIPATION_SETTINGS_KEY, putParticipationSettings, useMembers, useParticipationSettings, type Settings, type SettingsBody } from './councilQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const sectionTitle = (text: string) => <Typography.Title level={4} style={{ fontSize: 16, marginTop: 8 }}>{text}</Typography.Title>;

function SettingsForm({ settings, members }: { settings: Settings; members: number | undefined }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<SettingsBody, Settings>({
    mutationFn: (v) => putParticipationSettings(settings.communityId, { poolSupports: v.poolSupports, councilSupports: v.councilSupports, quorumPercent: v.quorumPercent, publicNames: v.publicNames }),
    invalidate: [PARTICIPATION_SETTINGS_KEY, COUNCIL_KEY],
    onSaved: (saved) => {
      saver.form.setFieldsValue({ poolSupports: saved.poolSupports, councilSupports: saved.councilSupports, quorumPercent: saved.quorumPercent, publicNames: saved.publicNames });
      void message.success(t('council.settings.saved'));
    },
  });
  const percent = Form.useWatch('quorumPercent', saver.form) ?? settings.quorumPercent;
  return (
    <SaveForm<SettingsBody>
      saver={saver}
      initialValues={{ poolSupports: settings.poolSupports, councilSupports: settings.councilSupports, quorumPercent: settings.quorumPercent, publicNames: settings.publicNames }}
    >
      {sectionTitle(t('council.settings.supports'))}
      <Typography.Paragraph type="secondary">{t('council.settings.supportsHint')}</Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
        <Form.Item name="poolSupports" label={t('council.settings.poolSupports')} extra={t('council.settings.poolSupportsHint')} rules={[requiredText(t, t('council.settings.poolSupports'))]} style={{ flex: '1 1 260px' }}>
          <InputNumber min={1} max={10000} precision={0} suffix={t('council.settings.supportsUnit')} style={{ width: 180 }} data-testid="settings-pool-supports" />
        </Form.Item>
        <Form.Item name="councilSupports" label={t('council.settings.councilSupports')} extra={t('council.settings.councilSupportsHint')} rules={[requiredText(t, t('council.settings.councilSupports'))]} style={{ flex: '1 1 260px' }}>
          <InputNumber min={1} max={10000} precision={0} suffix={t('council.settings.supportsUnit')} style={{ width: 180 }} data-testid="settings-council-supports" />
        </Form.Item>
      </div>
      {sectionTitle(t('council.settings.quorum'))}
      <Form.Item
        name="quorumPercent"
        label={t('council.settings.quorumPercent')}
        extra={typeof percent === 'number' && members ? t('council.settings.quorumExample', { percent, members, needed: Math.ceil((members * percent) / 100) }) : t('council.settings.quorumHint')}
        rules={[requiredText(t, t('council.settings.quorumPercent'))]}
      >
        <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 140 }} data-testid="settings-quorum" />
      </Form.Item>
      {sectionTitle(t('council.settings.publicNames'))}
      <Form.Item name="publicNames" label={t('council.settings.publicNamesLabel')} rules={[requiredChoice(t, t('council.settings.publicNamesLabel'))]}>
        <Radio.Group data-testid="settings-public-names">
          <Space orientation="vertical" size={4}>
            <Radio value="surname">{t('council.settings.namesSurname')}</Radio>
            <Radio value="none">{t('council.settings.namesNone')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="settings-save">{t('common.save')}</Button>
    </SaveForm>
  );
}

function SettingsView({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('council.settings.readOnly')}</Typography.Text>
      <Descriptions size="small" column={1} data-testid="settings-view">
        <Descriptions.Item label={t('council.settings.poolSupports')}>{t('council.settings.supportsValue', { count: settings.poolSupports })}</Descriptions.Item>
        <Descriptions.Item label={t('council.settings.councilSupports')}>{t('council.settings.supportsValue', { count: settings.councilSupports })}</Descriptions.Item>
        <Descriptions.Item label={t('council.settings.quorumPercent')}>{settings.quorumPercent}%</Descriptions.Item>
        <Descriptions.Item label={t('council.settings.publicNamesLabel')}>{t(settings.publicNames === 'surname' ? 'council.settings.namesSurname' : 'council.settings.namesNone')}</Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** 议事与参与设置: how many supports move a proposal on, the council's quorum, and how the public board names people. */
export function ParticipationSettingsPage() {
  const { t } = useTranslation();
  const picker = useCouncilCommunity();
  const settings = useParticipationSettings(picker.communityId);
  const members = useMembers(picker.communityId);
  const serving = members.data?.items.filter((m) => m.active).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="participation-settings-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('council.settings.title')}
          {picker.community && picker.list.length < 2 && (
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginInlineStart: 8 }}>{picker.choices.nameOf(picker.community)}</Typography.Text>
          )}
        </Typography.Title>
        <CommunityPicker picker={picker} testId="settings-community" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('council.settings.hint')}</Typography.Paragraph>
      <ErrorAlert error={settings.error ?? picker.choices.query.error} />
      {(settings.isLoading || picker.choices.query.isLoading) && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {picker.choices.query.isSuccess && !picker.communityId && <Alert type="info" showIcon title={t('council.noCommunity')} />}
      {settings.data && (
        <Card size="small">
          {settings.data.canEdit ? <SettingsForm key={settings.data.communityId} settings={settings.data} members={serving} /> : <SettingsView settings={settings.data} />}
        </Card>
      )}
    </Space>
  );
}
