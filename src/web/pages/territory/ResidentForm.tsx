import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ResidentView as Resident } from '../../../server/modules/territory/register.schemas.ts';
import { FormModal, useFormSave, type ModalFormProps } from '../../components/SaveForm.tsx';
import { RELATIONS, RESIDENT_STATUSES } from './labels.ts';
import { useResidentTags } from './queries.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';

interface Props extends ModalFormProps<Resident> {
  householdId: string;
  resident?: Resident;
}

interface Values {
  name: string;
  idNumber?: string;
  phone?: string;
  relation?: string;
  tags: string[];
  status?: string;
  notes?: string;
}

/**
 * Birth date and gender are not asked: the server derives them from the ID number. On edit,
 * empty ID number or phone fields keep the stored values (only masked copies are shown).
 */
export function ResidentForm({ open, householdId, resident, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const tags = useResidentTags();
  const saver = useFormSave({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = {
        name: v.name.trim(),
        relation: v.relation,
        tags: v.tags ?? [],
        notes: v.notes ?? '',
      };
      if (v.idNumber?.trim()) body.idNumber = v.idNumber.trim();
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (resident) {
        if (v.status) body.status = v.status;
        return api.patch<Resident>(`/residents/${resident.id}`, body);
      }
      return api.post<Resident>('/residents', { ...body, householdId });
    },
    invalidate: ['households', 'residents'],
    onSaved: (r) => {
      onSaved(r);
      onClose();
    },
  });

  return (
    <FormModal
      open={open}
      title={resident ? t('resident.edit') : t('resident.add')}
      onClose={onClose}
      saveTestId="resident-save"
      saver={saver}
      initialValues={{
        name: resident?.name ?? '',
        idNumber: '',
        phone: '',
        // No default: a guessed relation is how households end up with two heads.
        relation: resident?.relation,
        tags: resident?.tags ?? [],
        status: resident?.status ?? 'active',
        notes: resident?.notes ?? '',
      }}
    >
      <Form.Item name="name" label={t('resident.name')} rules={[requiredText(t, t('resident.name')), tooLong(t, t('resident.name'), 50)]}>
        <Input count={{ show: true, max: 50 }} data-testid="resident-name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('resident.idNumber')}
        rules={resident ? [] : [requiredText(t, t('resident.idNumber'))]}
        extra={resident ? t('resident.keepIfEmpty', { masked: resident.idNumberMasked }) : t('resident.idNumberHint')}
      >
        <Input maxLength={18} autoComplete="off" data-testid="resident-id-number" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="phone" label={t('resident.phone')} extra={resident?.phoneMasked ? t('resident.keepIfEmpty', { masked: resident.phoneMasked }) : undefined}>
        <Input inputMode="tel" autoComplete="off" data-testid="resident-phone" />
      </Form.Item>
      <Form.Item name="relation" label={t('resident.relation')} rules={[requiredChoice(t, t('resident.relation'))]}>
        <Select data-testid="resident-relation" options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('resident.tags')}>
        <Select
          mode="multiple"
          allowClear
          loading={tags.isLoading}
          data-testid="resident-tags"
          options={(tags.data ?? []).map((tag) => ({ value: tag.code, label: i18n.language === 'en' ? tag.nameEn : tag.name }))}
        />
      </Form.Item>
      {resident && (
        <Form.Item name="status" label={t('resident.status')}>
          <Select options={RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`residentStatus.${s}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="notes" label={t('common.notes')} rules={[tooLong(t, t('common.notes'), 2000)]}>
        <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}
