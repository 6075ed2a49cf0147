import type { TFunction } from 'i18next';
import { PlusOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useCommunityChoices } from '../volunteers/communities.ts';
import { PARTICIPATION_KEY, useThresholds, type ProposalDetail } from './participateQueries.ts';
import { ProposalFields } from './ProposalFields.tsx';
import { proposalBody, type ProposalValues } from './proposalBody.ts';
import { ResidentPicker, type ResidentPickerTexts } from '../../components/ResidentPicker.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface RecordValues extends ProposalValues {
  communityId?: string;
  residentId?: string;
}

function RecordProposalDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const choices = useCommunityChoices();
  const home = choices.own[0]?.id;
  const saver = useFormSave<RecordValues, ProposalDetail>({
    mutationFn: (v) => api.post<ProposalDetail>('/proposals', proposalBody(v, v.residentId)),
    invalidate: [PARTICIPATION_KEY],
    onSaved: (p) => {
      onClose();
      void message.success(t('participate.staff.recorded', { title: p.title }));
      navigate(`/proposals/${p.id}`);
    },
  });
  const form = saver.form;
  const communityId = Form.useWatch('communityId', form) ?? home;
  const thresholds = useThresholds(communityId);
  return (
    <FormModal<RecordValues>
      title={t('participate.staff.recordProposal')}
      onClose={onClose}
      saver={saver}
      saveTestId="record-proposal-save"
      initialValues={{ communityId: home, kind: undefined, photos: [] }}
    >
      <Typography.Paragraph type="secondary">{t('participate.staff.recordProposalHint')}</Typography.Paragraph>
      {choices.own.length > 1 ? (
        <Form.Item name="communityId" label={t('participate.staff.community')} rules={[requiredChoice(t, t('participate.staff.community'))]}>
          <Select options={choices.options(choices.own)} onChange={() => form.setFieldsValue({ residentId: undefined })} data-testid="record-proposal-community" />
        </Form.Item>
      ) : (
        <Form.Item name="communityId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="residentId" label={t('participate.staff.resident')} extra={t('participate.staff.residentHint')} rules={[requiredChoice(t, t('participate.staff.resident'))]}>
        <ResidentPicker communityId={communityId} communityName={choices.all.find((c) => c.id === communityId)?.name} testId="record-proposal-resident" texts={pickerTexts(t)} />
      </Form.Item>
      <ProposalFields thresholds={thresholds} />
    </FormModal>
  );
}

const pickerTexts = (t: TFunction): ResidentPickerTexts => ({
  placeholder: t('participate.staff.residentPlaceholder'),
  typeToSearch: t('participate.staff.typeToSearch'),
  noResident: (q) => t('participate.staff.noResident', { q }),
});

/** 代居民提议: the button and its dialog, for the staff of a community. */
export function RecordProposal() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const choices = useCommunityChoices();
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} disabled={choices.own.length === 0} loading={choices.query.isLoading} data-testid="record-proposal-button">
        {t('participate.staff.recordProposal')}
      </Button>
      {open && <RecordProposalDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/** 代居民支持: a resident without a phone tells the community they support the proposal. */
export function RecordSupport({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [open, setOpen] = useState(false);
  const saver = useFormSave<{ residentId?: string }, ProposalDetail>({
    mutationFn: (v) => api.post<ProposalDetail>(`/proposals/${p.id}/supports`, { residentId: v.residentId }),
    invalidate: [PARTICIPATION_KEY],
    onSaved: () => {
      setOpen(false);
      void message.success(t('participate.staff.supportRecorded'));
    },
  });
  return (
    <>
      <Button icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="record-support-button">{t('participate.staff.recordSupport')}</Button>
      {open && (
        <FormModal<{ residentId?: string }> title={t('participate.staff.recordSupport')} onClose={() => setOpen(false)} saver={saver} saveTestId="record-support-save" initialValues={{}}>
          <Typography.Paragraph type="secondary">{t('participate.staff.recordSupportHint', { title: p.title })}</Typography.Paragraph>
          <Form.Item name="residentId" label={t('participate.staff.resident')} rules={[requiredChoice(t, t('participate.staff.resident'))]}>
            <ResidentPicker communityId={p.community.id} communityName={p.community.name} testId="record-support-resident" texts={pickerTexts(t)} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** 不予采纳: the community declines a proposal, with the reason the proposer reads. */
export function DeclineProposal({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [open, setOpen] = useState(false);
  const saver = useFormSave<{ reason?: string }, ProposalDetail>({
    mutationFn: (v) => api.post<ProposalDetail>(`/proposals/${p.id}/decline`, { reason: (v.reason ?? '').trim() }),
    invalidate: [PARTICIPATION_KEY],
    onSaved: () => {
      setOpen(false);
      void message.success(t('participate.staff.declined'));
    },
  });
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="decline-button">{t('participate.staff.decline')}</Button>
      {open && (
        <FormModal<{ reason?: string }> title={t('participate.staff.decline')} onClose={() => setOpen(false)} saver={saver} saveTestId="decline-save" initialValues={{ reason: '' }}>
          <Typography.Paragraph type="secondary">{t('participate.staff.declineHint')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('participate.staff.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.requiredText', { field: t('participate.staff.reason') }) }, tooLong(t, t('participate.staff.reason'), 500)]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 500 }} data-testid="decline-reason-input" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
