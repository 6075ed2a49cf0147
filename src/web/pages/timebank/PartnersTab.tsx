import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { createPartner, patchPartner, TIME_BANK_KEY, usePartners, type Partner } from './timeBankQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  name: string;
  address?: string;
  staffUsernames: string[];
  active: boolean;
}

/** Adding a partner shop, or changing one: its name, address and the accounts that confirm for it. */
function PartnerDialog({ communityId, partner, onClose }: { communityId: string; partner: Partner | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, Partner>({
    mutationFn: (v) => {
      const staffUsernames = [...new Set((v.staffUsernames ?? []).map((u) => u.trim()).filter(Boolean))];
      const saved = partner
        ? patchPartner(partner.id, { name: v.name.trim(), address: v.address?.trim() ?? '', staffUsernames, active: v.active })
        : createPartner({ communityId, name: v.name.trim(), ...(v.address?.trim() ? { address: v.address.trim() } : {}), staffUsernames });
      // An unknown username is named by its place in the list ("staffUsernames.1"): shown under the list.
      return saved.catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
        throw new ApiError(e.status, e.code, e.message, e.fields.map((f) => ({ ...f, field: f.field.replace(/^staffUsernames\.\d+$/, 'staffUsernames') })));
      });
    },
    invalidate: [TIME_BANK_KEY],
    onSaved: (saved) => {
      void message.success(t(partner ? 'timebank.partners.saved' : 'timebank.partners.created', { name: saved.name }));
      onClose();
    },
  });
  return (
    <FormModal<Values>
      title={partner ? t('timebank.partners.editTitle', { name: partner.name }) : t('timebank.partners.add')}
      onClose={onClose}
      saver={saver}
      saveTestId="partner-save"
      initialValues={{ name: partner?.name ?? '', address: partner?.address ?? '', staffUsernames: partner?.staff.map((s) => s.username) ?? [], active: partner?.active ?? true }}
    >
      <Form.Item name="name" label={t('timebank.partners.name')} rules={[requiredText(t, t('timebank.partners.name')), { whitespace: true, message: t('common.requiredText', { field: t('timebank.partners.name') }) }, tooLong(t, t('timebank.partners.name'), 60)]}>
        <Input placeholder={t('timebank.partners.namePlaceholder')} data-testid="partner-name" />
      </Form.Item>
      <Form.Item name="address" label={t('timebank.partners.address')} rules={[tooLong(t, t('timebank.partners.address'), 120)]}>
        <Input data-testid="partner-address" />
      </Form.Item>
      <Form.Item
        name="staffUsernames"
        label={t('timebank.partners.staff')}
        extra={t('timebank.partners.staffHint')}
        rules={[{ type: 'array', max: 10, message: t('timebank.partners.staffMax') }]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} open={false} suffixIcon={null} placeholder={t('timebank.partners.staffPlaceholder')} data-testid="partner-staff" />
      </Form.Item>
      {partner && (
        <Form.Item name="active" label={t('timebank.partners.active')} valuePropName="checked" extra={t('timebank.partners.activeHint')}>
          <Switch data-testid="partner-active" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 合作商家: the community's partner shops, the clerks who confirm for each, and what waits for them. */
export function PartnersTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const partners = usePartners(communityId);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const items = partners.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="partners-tab">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>{t('timebank.partners.hint')}</Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-partner">{t('timebank.partners.add')}</Button>
      </Space>
      <ErrorAlert error={partners.error} />
      <Table<Partner>
        rowKey="id"
        size="small"
        loading={partners.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('timebank.partners.empty') }}
        onRow={(p) => ({ 'data-testid': `partner-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('timebank.partners.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{name}</Typography.Text>
                {p.address && <div><Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{p.address}</Typography.Text></div>}
              </>
            ),
          },
          {
            title: t('timebank.partners.staff'),
            dataIndex: 'staff',
            render: (_, p) =>
              p.staff.length === 0 ? (
                <Typography.Text type="secondary">{t('timebank.partners.noStaff')}</Typography.Text>
              ) : (
                <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
                  {p.staff.map((s) => <Tag key={s.userId} style={{ marginInlineEnd: 0 }}>{s.displayName ? t('timebank.partners.staffName', { name: s.displayName, username: s.username }) : s.username}</Tag>)}
                </span>
              ),
          },
          { title: t('timebank.partners.pending'), dataIndex: 'pendingRedemptions', width: 100, align: 'right' },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean) => <Tag color={active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{t(active ? 'timebank.active' : 'timebank.inactive')}</Tag>,
          },
          {
            title: <span>{t('timebank.actions')}</span>,
            key: 'edit',
            width: 90,
            render: (_, p) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('timebank.partners.editTitle', { name: p.name })} data-testid={`edit-partner-${p.id}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <PartnerDialog communityId={communityId} partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
