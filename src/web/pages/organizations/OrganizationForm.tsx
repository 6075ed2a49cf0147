import { DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_TYPES, RATINGS, SERVICE_FIELDS } from '../../../common/organizations.ts';
import { api } from '../../api/client.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import type { CommunityView as Community, DistrictView as District } from '../../../server/modules/territory/structure.schemas.ts';
import { useCommonLabels } from '../../components/labels.ts';
import { PageForm, useFormSave } from '../../components/SaveForm.tsx';
import { useChildren } from '../territory/queries.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { validateUscc } from '../../../common/identity.ts';

interface Values {
  name: string;
  uscc: string;
  type: string;
  registrationDate?: Dayjs;
  registrationAuthority: string;
  registrationDistrictId?: string | null;
  rating?: string | null;
  ratedOn?: Dayjs | null;
  ratingValidUntil?: Dayjs | null;
  serviceFields: string[];
  serviceCommunityIds: string[];
  address: string;
  contactName: string;
  contactPhone?: string;
  status?: string;
}

const SELF_SERVICE = new Set(['address', 'contactName', 'contactPhone', 'serviceFields']);
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Registration fields belong to the registering authority; an organization's own
 * administrator (only `update_contacts`) edits its address, contacts and service fields.
 */
export function OrganizationForm({ org, onDone }: { org?: Organization; onDone: (o: Organization) => void }) {
  const { t } = useTranslation();
  const labels = useCommonLabels();
  const full = !org || (org.allowedActions ?? []).includes('update');
  const districts = useChildren<District>('districts', {});
  const communities = useChildren<Community>('communities', {});
  const editable = (name: string) => full || SELF_SERVICE.has(name);

  const saver = useFormSave({
    mutationFn: (v: Values) => {
      const all: Record<string, unknown> = {
        name: v.name?.trim(),
        uscc: v.uscc?.trim(),
        type: v.type,
        registrationDate: day(v.registrationDate),
        registrationAuthority: v.registrationAuthority?.trim(),
        registrationDistrictId: v.registrationDistrictId ?? null,
        rating: v.rating ?? null,
        ratedOn: v.rating ? day(v.ratedOn) : null,
        ratingValidUntil: v.rating ? day(v.ratingValidUntil) : null,
        serviceFields: v.serviceFields ?? [],
        serviceCommunityIds: v.serviceCommunityIds ?? [],
        address: v.address ?? '',
        contactName: v.contactName ?? '',
        status: v.status,
      };
      if (v.contactPhone?.trim()) all.contactPhone = v.contactPhone.trim();
      const body = Object.fromEntries(
        Object.entries(all).filter(([k, val]) => editable(k) && val !== undefined && !(k === 'ratedOn' && val === null && org)),
      );
      if (!org) delete body.status;
      return org ? api.patch<Organization>(`/organizations/${org.id}`, body) : api.post<Organization>('/organizations', body);
    },
    invalidate: ['organizations'],
    onSaved: onDone,
  });

  const rating = Form.useWatch('rating', saver.form);
  return (
    <PageForm
      saver={saver}
      initialValues={{
        name: org?.name ?? '',
        uscc: org?.uscc ?? '',
        type: org?.type ?? 'service_institution',
        registrationDate: org?.registrationDate ? dayjs(org.registrationDate) : undefined,
        registrationAuthority: org?.registrationAuthority ?? '',
        registrationDistrictId: org?.registrationDistrictId ?? undefined,
        rating: org?.rating ?? undefined,
        ratingValidUntil: org?.ratingValidUntil ? dayjs(org.ratingValidUntil) : undefined,
        serviceFields: org?.serviceFields ?? [],
        serviceCommunityIds: org?.serviceCommunityIds ?? [],
        address: org?.address ?? '',
        contactName: org?.contactName ?? '',
        contactPhone: '',
        status: org?.status ?? 'active',
      }}
    >
      <Form.Item name="name" label={t('org.name')} rules={[requiredText(t, t('org.name'))]}>
        <Input disabled={!editable('name')} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('org.uscc')}
        // Checked when the field is left, with the same check digit rule as the server.
        validateTrigger="onBlur"
        rules={[
          requiredText(t, t('org.uscc')),
          {
            validator: (_, value?: string) => {
              const problem = value?.trim() ? validateUscc(value) : null;
              return problem ? Promise.reject(new Error(t(problem === 'format' ? 'org.usccFormat' : 'org.usccCheckChar'))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input disabled={!editable('uscc')} maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="type" label={t('org.type')} rules={[requiredChoice(t, t('org.type'))]}>
        <Select disabled={!editable('type')} options={ORGANIZATION_TYPES.map((v) => ({ value: v, label: labels.orgType(v) }))} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="registrationDate" label={t('org.registrationDate')} rules={[requiredChoice(t, t('org.registrationDate'))]}>
          <DatePicker disabled={!editable('registrationDate')} />
        </Form.Item>
        <Form.Item name="registrationAuthority" label={t('org.registrationAuthority')} rules={[requiredText(t, t('org.registrationAuthority'))]}>
          <Input disabled={!editable('registrationAuthority')} style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Form.Item name="registrationDistrictId" label={t('org.registrationDistrict')}>
        <Select allowClear disabled={!editable('registrationDistrictId')} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="rating" label={t('org.rating')}>
          <Select allowClear disabled={!editable('rating')} style={{ width: 120 }} options={RATINGS.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        {rating && (
          <Form.Item name="ratedOn" label={t('org.ratedOn')} extra={t('org.ratedOnHint')}>
            <DatePicker disabled={!editable('ratedOn')} />
          </Form.Item>
        )}
        {rating && (
          <Form.Item name="ratingValidUntil" label={t('org.ratingValidUntil')}>
            <DatePicker disabled={!editable('ratingValidUntil')} />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="serviceFields" label={t('org.serviceFields')}>
        <Select mode="multiple" allowClear options={SERVICE_FIELDS.map((v) => ({ value: v, label: labels.serviceField(v) }))} />
      </Form.Item>
      <Form.Item name="serviceCommunityIds" label={t('org.serviceCommunities')}>
        <Select mode="multiple" allowClear disabled={!editable('serviceCommunityIds')} optionFilterProp="label" options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="address" label={t('org.address')}>
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="contactName" label={t('org.contactName')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('org.contactPhone')} extra={org?.contactPhoneMasked ? t('resident.keepIfEmpty', { masked: org.contactPhoneMasked }) : undefined}>
          <Input inputMode="tel" style={{ width: 200 }} />
        </Form.Item>
      </Space>
      {org && full && (
        <Form.Item name="status" label={t('common.status')}>
          <Select style={{ width: 160 }} options={['active', 'deregistered'].map((v) => ({ value: v, label: t(`orgStatus.${v}`) }))} />
        </Form.Item>
      )}
    </PageForm>
  );
}
