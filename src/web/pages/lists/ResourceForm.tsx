import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import type { ResourceView } from './listsApi.ts';
import { OWNER_TYPES, RESOURCE_KINDS, useCategories, useCommunities } from './listsApi.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';

interface Values {
  kind: ResourceView['kind'];
  name: string;
  ownerType: ResourceView['ownerType'];
  ownerId: string | null;
  ownerName: string;
  description: string;
  categories: string[];
  weeklyWindows: ResourceView['weeklyWindows'];
  availableFrom: string;
  availableUntil: string;
  capacity: number | null;
  constraints: string;
  contactName: string;
  contactPhone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/** Add a resource to the community's list, or change one the caller may edit. */
export function ResourceForm({ communityId, resource, onClose }: { communityId: string; resource: ResourceView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const communities = useCommunities();
  const districtId = communities.data?.find((c) => c.id === communityId)?.districtId;
  const categories = useCategories(districtId);
  const saver = useFormSave<Values, ResourceView>({
    mutationFn: (v) => {
      const body = {
        kind: v.kind,
        name: v.name,
        ownerType: v.ownerType,
        // A community or organization owner is chosen from the register; only "other" is typed in.
        ownerId: v.ownerType === 'other' ? null : v.ownerId ?? null,
        ownerName: v.ownerType === 'other' ? v.ownerName ?? '' : '',
        description: v.description ?? '',
        categories: v.categories ?? [],
        weeklyWindows: v.weeklyWindows ?? [],
        availableFrom: v.availableFrom || null,
        availableUntil: v.availableUntil || null,
        capacity: v.capacity ?? null,
        constraints: v.constraints ?? '',
        contactName: v.contactName ?? '',
        // The stored phone is only shown masked; leaving the field empty keeps it.
        ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      };
      return resource ? api.patch(`/resources/${resource.id}`, body) : api.post('/resources', { ...body, communityId });
    },
    invalidate: ['resources', 'three-lists'],
    onSaved: onClose,
  });
  const initial: Partial<Record<keyof Values, unknown>> = resource
    ? { ...resource, availableFrom: resource.availableFrom ?? '', availableUntil: resource.availableUntil ?? '', contactPhone: '' }
    : { kind: 'venue', ownerType: 'community', ownerId: communityId, categories: [], weeklyWindows: [] };
  const ownerType = Form.useWatch('ownerType', saver.form) ?? (initial.ownerType as Values['ownerType']);
  const orgs = useKeysetList<Organization>('organizations', '/organizations', { status: 'active' }, 200, ownerType === 'organization');
  return (
    <FormModal title={resource ? t('threeLists.editResource') : t('threeLists.addResource')} saver={saver} initialValues={initial} onClose={onClose} saveTestId="resource-save">
      <Form.Item name="name" label={t('threeLists.resourceName')} rules={[requiredText(t, t('threeLists.resourceName'))]}>
        <Input count={{ show: true, max: 100 }} data-testid="resource-name" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('threeLists.kind')} rules={[requiredChoice(t, t('threeLists.kind'))]}>
          <Select style={{ width: 160 }} options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resourceKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="ownerType" label={t('threeLists.ownerType')} rules={[requiredChoice(t, t('threeLists.ownerType'))]}>
          <Select style={{ width: 140 }} onChange={() => saver.form.setFieldValue('ownerId', null)} options={OWNER_TYPES.map((k) => ({ value: k, label: t(`ownerType.${k}`) }))} />
        </Form.Item>
      </Space>
      {ownerType === 'other' ? (
        <Form.Item name="ownerName" label={t('threeLists.owner')} rules={[requiredText(t, t('threeLists.owner'))]}>
          <Input count={{ show: true, max: 100 }} data-testid="resource-owner-name" />
        </Form.Item>
      ) : (
        <Form.Item name="ownerId" label={t('threeLists.owner')} rules={[requiredChoice(t, t('threeLists.owner'))]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="resource-owner"
            loading={ownerType === 'organization' ? orgs.isLoading : communities.isLoading}
            options={(ownerType === 'organization' ? orgs.items : communities.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="categories" label={t('threeLists.categories')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={(categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.name }))}
        />
      </Form.Item>
      <Form.Item label={t('threeLists.weeklyWindows')} extra={t('threeLists.weeklyWindowsHint')}>
        <Form.List name="weeklyWindows">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} wrap size={4} align="baseline">
                  <Form.Item name={[f.name, 'weekday']} rules={[requiredChoice(t, t('threeLists.weekdayField'))]} noStyle>
                    <Select style={{ width: 90 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[requiredText(t, t('threeLists.fromField')), { pattern: TIME, message: t('threeLists.timeFormat') }]} noStyle>
                    <Input style={{ width: 80 }} placeholder="09:00" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={[requiredText(t, t('threeLists.toField')), { pattern: TIME, message: t('threeLists.timeFormat') }]} noStyle>
                    <Input style={{ width: 80 }} placeholder="17:00" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('threeLists.remove')} />
                </Space>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ weekday: 1, from: '09:00', to: '17:00' })}>{t('threeLists.addWindow')}</Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Space wrap>
        <Form.Item name="availableFrom" label={t('threeLists.availableFrom')} rules={[{ pattern: DATE, message: t('threeLists.dateFormat') }]}>
          <Input style={{ width: 140 }} placeholder="2026-01-01" />
        </Form.Item>
        <Form.Item name="availableUntil" label={t('threeLists.availableUntil')} rules={[{ pattern: DATE, message: t('threeLists.dateFormat') }]}>
          <Input style={{ width: 140 }} placeholder="2026-12-31" />
        </Form.Item>
        <Form.Item name="capacity" label={t('threeLists.capacity')}>
          <InputNumber min={0} style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Form.Item name="constraints" label={t('threeLists.constraints')}>
        <Input.TextArea rows={2} count={{ show: true, max: 2000 }} />
      </Form.Item>
      <Form.Item name="description" label={t('threeLists.description')}>
        <Input.TextArea rows={2} count={{ show: true, max: 2000 }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="contactName" label={t('threeLists.contactName')}>
          <Input count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('threeLists.contactPhone')} extra={resource?.contactPhoneMasked ? t('threeLists.phoneKept', { masked: resource.contactPhoneMasked }) : undefined}>
          <Input count={{ show: true, max: 30 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
