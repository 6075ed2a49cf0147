import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_LEVELS, EMPLOYER_TYPES, SOCIAL_WORKER_STATUSES } from '../../../common/organizations.ts';
import { api, type Page } from '../../api/client.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import type { CommunityView as Community } from '../../../server/modules/territory/structure.schemas.ts';
import type { SocialWorkerView as SocialWorker } from '../../../server/modules/workforce/workforce.schemas.ts';
import { useCommonLabels } from '../../components/labels.ts';
import { PageForm, useFormSave } from '../../components/SaveForm.tsx';
import { useChildren } from '../territory/queries.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';

interface Values {
  name: string;
  idNumber?: string;
  phone?: string;
  employerType: 'organization' | 'community';
  employerOrganizationId?: string;
  employerCommunityId?: string;
  certificateLevel: string;
  certificateNo?: string;
  certificateDate?: Dayjs | null;
  payGrade?: string;
  communityIds: string[];
  status?: string;
}

export function SocialWorkerForm({ worker, onDone }: { worker?: SocialWorker; onDone: (w: SocialWorker) => void }) {
  const { t } = useTranslation();
  const labels = useCommonLabels();
  const communities = useChildren<Community>('communities', {});
  const orgs = useQuery({
    queryKey: ['organizations', 'options'],
    queryFn: async () => (await api.get<Page<Organization>>('/organizations', { limit: 200, status: 'active' })).items,
  });

  const saver = useFormSave({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = {
        name: v.name.trim(),
        employerType: v.employerType,
        employerOrganizationId: v.employerType === 'organization' ? v.employerOrganizationId ?? null : null,
        employerCommunityId: v.employerType === 'community' ? v.employerCommunityId ?? null : null,
        certificateLevel: v.certificateLevel,
        certificateNo: v.certificateLevel === 'none' ? null : v.certificateNo?.trim() || null,
        certificateDate: v.certificateLevel === 'none' ? null : v.certificateDate ? v.certificateDate.format('YYYY-MM-DD') : null,
        payGrade: v.payGrade?.trim() || null,
        communityIds: v.communityIds ?? [],
      };
      if (v.idNumber?.trim()) body.idNumber = v.idNumber.trim();
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (worker && v.status) body.status = v.status;
      return worker ? api.patch<SocialWorker>(`/social-workers/${worker.id}`, body) : api.post<SocialWorker>('/social-workers', body);
    },
    invalidate: ['social-workers'],
    onSaved: onDone,
  });
  const employerType = Form.useWatch('employerType', saver.form) ?? worker?.employerType ?? 'organization';
  const level = Form.useWatch('certificateLevel', saver.form) ?? worker?.certificateLevel ?? 'none';

  return (
    <PageForm
      saver={saver}
      initialValues={{
        name: worker?.name ?? '',
        idNumber: '',
        phone: '',
        employerType: worker?.employerType ?? 'organization',
        employerOrganizationId: worker?.employerOrganizationId ?? undefined,
        employerCommunityId: worker?.employerCommunityId ?? undefined,
        certificateLevel: worker?.certificateLevel ?? 'none',
        certificateNo: worker?.certificateNo ?? '',
        certificateDate: worker?.certificateDate ? dayjs(worker.certificateDate) : undefined,
        payGrade: worker?.payGrade ?? '',
        communityIds: worker?.communityIds ?? [],
        status: worker?.status ?? 'active',
      }}
    >
      <Form.Item name="name" label={t('sw.name')} rules={[requiredText(t, t('sw.name'))]}>
        <Input count={{ show: true, max: 50 }} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="idNumber" label={t('resident.idNumber')} extra={worker?.idNumberMasked ? t('resident.keepIfEmpty', { masked: worker.idNumberMasked }) : undefined}>
          <Input maxLength={18} style={{ width: 240, fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="phone" label={t('sw.phone')} extra={worker?.phoneMasked ? t('resident.keepIfEmpty', { masked: worker.phoneMasked }) : undefined}>
          <Input inputMode="tel" style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item name="employerType" label={t('sw.employerType')}>
        <Select style={{ width: 200 }} options={EMPLOYER_TYPES.map((v) => ({ value: v, label: t(`employerType.${v}`) }))} />
      </Form.Item>
      {employerType === 'organization' ? (
        <Form.Item name="employerOrganizationId" label={t('sw.employerOrganization')} rules={[requiredChoice(t, t('sw.employerOrganization'))]}>
          <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="employerCommunityId" label={t('sw.employerCommunity')} rules={[requiredChoice(t, t('sw.employerCommunity'))]}>
          <Select showSearch optionFilterProp="label" options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      <Space wrap align="start">
        <Form.Item name="certificateLevel" label={t('sw.certificateLevel')}>
          <Select style={{ width: 200 }} options={CERTIFICATE_LEVELS.map((v) => ({ value: v, label: labels.certificate(v) }))} />
        </Form.Item>
        {level !== 'none' && (
          <Form.Item name="certificateNo" label={t('sw.certificateNo')} rules={[requiredText(t, t('sw.certificateNo'))]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        )}
        {level !== 'none' && (
          <Form.Item name="certificateDate" label={t('sw.certificateDate')} rules={[requiredChoice(t, t('sw.certificateDate'))]}>
            <DatePicker />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="payGrade" label={t('sw.payGrade')}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="communityIds" label={t('sw.communities')}>
        <Select mode="multiple" allowClear optionFilterProp="label" options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      {worker && (
        <Form.Item name="status" label={t('common.status')}>
          <Select style={{ width: 160 }} options={SOCIAL_WORKER_STATUSES.map((v) => ({ value: v, label: t(`swStatus.${v}`) }))} />
        </Form.Item>
      )}
    </PageForm>
  );
}
