import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AvailabilitySlot, VolunteerSkill } from '../../../common/volunteers.ts';
import { ResidentPicker } from '../../components/ResidentPicker.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useCommunityChoices } from './communities.ts';
import { AvailabilityGrid, SkillChecks } from './VolunteerParts.tsx';
import { registerVolunteer, VOLUNTEERS_KEY, type VolunteerBody, type VolunteerDetail } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  communityId: string;
  who: 'resident' | 'other';
  residentId?: string;
  name?: string;
  phone?: string;
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
  serviceCommunityIds: string[];
  note?: string;
}

const PHONE = /^1[3-9][0-9]{9}$/;


/** The fields a volunteer's record shares between registering and editing: what they do, when and where. */
export function ServiceFields({ communityOptions }: { communityOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="skills" label={t('volunteers.skills')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredChoice', { field: t('volunteers.skills') }) }]}>
        <SkillChecks />
      </Form.Item>
      <Form.Item name="availability" label={t('volunteers.availability')} extra={t('volunteers.availabilityHint')}>
        <AvailabilityGrid />
      </Form.Item>
      <Form.Item
        name="serviceCommunityIds"
        label={t('volunteers.serviceCommunities')}
        extra={t('volunteers.serviceCommunitiesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredChoice', { field: t('volunteers.serviceCommunities') }) }]}
      >
        <Select mode="multiple" optionFilterProp="label" options={communityOptions} maxCount={20} data-testid="volunteer-areas" />
      </Form.Item>
      <Form.Item name="note" label={t('common.notes')} rules={[tooLong(t, t('common.notes'), 500)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={500} data-testid="volunteer-note" />
      </Form.Item>
    </>
  );
}

function RegisterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const choices = useCommunityChoices();
  const home = choices.own[0]?.id;
  const saver = useFormSave<Values, VolunteerDetail>({
    mutationFn: (v) => {
      const body: VolunteerBody = {
        communityId: v.communityId,
        skills: v.skills ?? [],
        availability: v.availability ?? [],
        serviceCommunityIds: v.serviceCommunityIds ?? [v.communityId],
        ...(v.who === 'resident' ? { residentId: v.residentId } : { name: v.name?.trim(), phone: v.phone?.trim() }),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      return registerVolunteer(body);
    },
    invalidate: [VOLUNTEERS_KEY],
    onSaved: (saved) => {
      onClose();
      void message.success(t('volunteers.register.saved', { name: saved.name }));
      navigate(`/volunteers/${saved.id}`);
    },
  });
  const form = saver.form;
  const who = Form.useWatch('who', form) ?? 'resident';
  const communityId = Form.useWatch('communityId', form) ?? home;
  return (
    <FormModal<Values>
      title={t('volunteers.register.title')}
      onClose={onClose}
      saver={saver}
      saveTestId="register-volunteer-save"
      initialValues={{ communityId: home, who: 'resident', skills: [], availability: [], serviceCommunityIds: home ? [home] : [] }}
    >
      {choices.own.length > 1 && (
        <Form.Item name="communityId" label={t('volunteers.register.community')} rules={[requiredChoice(t, t('volunteers.register.community'))]}>
          <Select
            options={choices.options(choices.own)}
            onChange={(v: string) => form.setFieldsValue({ residentId: undefined, serviceCommunityIds: [v] })}
            data-testid="register-community"
          />
        </Form.Item>
      )}
      {choices.own.length <= 1 && (
        <Form.Item name="communityId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="who" label={t('volunteers.register.who')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'resident', label: t('volunteers.register.whoResident') },
            { value: 'other', label: t('volunteers.register.whoOther') },
          ]}
          data-testid="register-who"
        />
      </Form.Item>
      {who === 'resident' ? (
        <Form.Item name="residentId" label={t('volunteers.register.resident')} extra={t('volunteers.register.residentHint')} rules={[requiredChoice(t, t('volunteers.register.resident'))]}>
          <ResidentPicker
            communityId={communityId}
            communityName={choices.all.find((c) => c.id === communityId)?.name}
            testId="register-resident"
            texts={{ placeholder: t('volunteers.register.residentPlaceholder'), typeToSearch: t('volunteers.register.typeToSearch'), noResident: (q) => t('volunteers.register.noResident', { q }) }}
          />
        </Form.Item>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('volunteers.register.otherHint')}</Typography.Paragraph>
          <Form.Item name="name" label={t('volunteers.name')} rules={[requiredText(t, t('volunteers.name')), { whitespace: true, message: t('common.requiredText', { field: t('volunteers.name') }) }, tooLong(t, t('volunteers.name'), 50)]}>
            <Input autoComplete="off" data-testid="register-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('volunteers.phone')} rules={[requiredText(t, t('volunteers.phone')), { pattern: PHONE, message: t('volunteers.register.phoneFormat') }]}>
            <Input inputMode="tel" autoComplete="off" maxLength={11} data-testid="register-phone" />
          </Form.Item>
        </>
      )}
      <ServiceFields communityOptions={choices.options(choices.all)} />
    </FormModal>
  );
}

/** 登记志愿者: the button and its dialog, for the staff of a community. */
export function RegisterVolunteer() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The dialog starts in the caller's community: it opens once their communities are known.
  const choices = useCommunityChoices();
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} disabled={choices.own.length === 0} loading={choices.query.isLoading} data-testid="register-volunteer">
        {t('volunteers.register.button')}
      </Button>
      {open && <RegisterDialog onClose={() => setOpen(false)} />}
    </>
  );
}
