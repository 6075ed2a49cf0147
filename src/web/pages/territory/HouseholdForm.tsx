import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import type { HouseholdView as Household } from '../../../server/modules/territory/register.schemas.ts';
import type { BuildingView as Building, GridView as GridUnit } from '../../../server/modules/territory/structure.schemas.ts';
import { FormModal, useFormSave, type ModalFormProps } from '../../components/SaveForm.tsx';
import { useChildren } from './queries.ts';
import { requiredText, tooLong } from '../../components/rules.ts';

interface Props extends ModalFormProps<Household> {
  gridId: string;
  communityId: string;
  household?: Household;
}

interface Values {
  address: string;
  gridId?: string;
  buildingId?: string | null;
  householdNo?: string;
  notes?: string;
}

export function HouseholdForm({ open, gridId, communityId, household, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const saver = useFormSave({
    mutationFn: (v: Values) => {
      const body = {
        address: v.address.trim(),
        buildingId: v.buildingId || (household ? null : undefined),
        householdNo: v.householdNo?.trim() || undefined,
        notes: v.notes ?? undefined,
      };
      return household
        ? api.patch<Household>(`/households/${household.id}`, { ...body, gridId: v.gridId !== household.gridId ? v.gridId : undefined })
        : api.post<Household>('/households', { ...body, gridId });
    },
    invalidate: ['households', 'grids'],
    onSaved: (h) => {
      onSaved(h);
      onClose();
    },
  });
  const selectedGrid = Form.useWatch('gridId', saver.form) ?? gridId;
  const grids = useChildren<GridUnit>('grids', { communityId }, !!household);
  const buildings = useQuery({
    queryKey: ['buildings', 'list', selectedGrid],
    queryFn: async () => (await api.get<Page<Building>>('/buildings', { gridId: selectedGrid, limit: 200 })).items,
  });

  return (
    <FormModal
      open={open}
      title={household ? t('household.edit') : t('household.add')}
      onClose={onClose}
      saveTestId="household-save"
      saver={saver}
      initialValues={{
        address: household?.address ?? '',
        gridId: household?.gridId ?? gridId,
        buildingId: household?.buildingId ?? undefined,
        householdNo: household?.householdNo ?? '',
        notes: household?.notes ?? '',
      }}
    >
      <Form.Item name="address" label={t('household.address')} rules={[requiredText(t, t('household.address')), tooLong(t, t('household.address'), 200)]}>
        <Input.TextArea autoSize count={{ show: true, max: 200 }} placeholder={t('household.addressPlaceholder')} data-testid="household-address" />
      </Form.Item>
      {household && (
        <Form.Item name="gridId" label={t('household.grid')}>
          <Select options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))} loading={grids.isLoading} />
        </Form.Item>
      )}
      <Form.Item name="buildingId" label={t('household.building')}>
        <Select allowClear loading={buildings.isLoading} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="householdNo" label={t('household.no')}>
        <Input />
      </Form.Item>
      <Form.Item name="notes" label={t('common.notes')} rules={[tooLong(t, t('common.notes'), 2000)]}>
        <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}
