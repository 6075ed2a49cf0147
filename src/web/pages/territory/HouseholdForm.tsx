import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, itemsOf, type Page } from '../../api/client.ts';
import type { Building, Household } from '../../api/types.ts';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { useChildren } from './queries.ts';
import type { GridUnit } from '../../api/types.ts';

interface Props {
  open: boolean;
  gridId: string;
  communityId: string;
  household?: Household;
  onClose: () => void;
  onSaved: (h: Household) => void;
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
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const selectedGrid = Form.useWatch('gridId', form) ?? gridId;
  const grids = useChildren<GridUnit>('grids', { communityId }, !!household);
  const buildings = useQuery({
    queryKey: ['buildings', 'list', selectedGrid],
    queryFn: async () => itemsOf(await api.get<Building[] | Page<Building>>('/buildings', { gridId: selectedGrid, limit: 200 })),
  });

  const save = useMutation({
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
    onSuccess: (h) => {
      void qc.invalidateQueries({ queryKey: ['households'] });
      void qc.invalidateQueries({ queryKey: ['grids'] });
      onSaved(h);
      onClose();
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });

  return (
    <Modal
      open={open}
      title={household ? t('household.edit') : t('household.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'household-save' } as ButtonProps}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          address: household?.address ?? '',
          gridId: household?.gridId ?? gridId,
          buildingId: household?.buildingId ?? undefined,
          householdNo: household?.householdNo ?? '',
          notes: household?.notes ?? '',
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="address" label={t('household.address')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea autoSize placeholder={t('household.addressPlaceholder')} data-testid="household-address" />
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
        <Form.Item name="notes" label={t('common.notes')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
