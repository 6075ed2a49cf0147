import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { createOffer, patchOffer, TIME_BANK_KEY, useOffers, usePartners, type Offer, type Partner } from './timeBankQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

/** The community itself as a provider, in the provider picker and filter. */
const COMMUNITY = 'community';

interface Values {
  provider: string;
  title: string;
  description?: string;
  points: number;
  stock?: number | null;
  active: boolean;
}

function OfferDialog({ communityId, offer, partners, onClose }: { communityId: string; offer: Offer | null; partners: Partner[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, Offer>({
    mutationFn: (v) => {
      const stock = v.stock ?? null;
      return offer
        ? patchOffer(offer.id, { title: v.title.trim(), description: v.description?.trim() ?? '', points: v.points, stock, active: v.active })
        : createOffer({
            communityId,
            partnerId: v.provider === COMMUNITY ? null : v.provider,
            title: v.title.trim(),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            points: v.points,
            stock,
          });
    },
    invalidate: [TIME_BANK_KEY],
    onSaved: (saved) => {
      void message.success(t(offer ? 'timebank.offers.saved' : 'timebank.offers.created', { title: saved.title }));
      onClose();
    },
  });
  // A partner that is no longer active keeps its offers, but takes no new one.
  const providers = [
    { value: COMMUNITY, label: t('timebank.offers.byCommunity') },
    ...partners.filter((p) => p.active || p.id === offer?.partner?.id).map((p) => ({ value: p.id, label: p.name })),
  ];
  return (
    <FormModal<Values>
      title={offer ? t('timebank.offers.editTitle', { title: offer.title }) : t('timebank.offers.add')}
      onClose={onClose}
      saver={saver}
      saveTestId="offer-save"
      initialValues={{
        provider: offer?.partner?.id ?? COMMUNITY,
        title: offer?.title ?? '',
        description: offer?.description ?? '',
        points: offer?.points,
        stock: offer?.stock ?? null,
        active: offer?.active ?? true,
      }}
    >
      <Form.Item name="provider" label={t('timebank.offers.provider')} extra={offer ? t('timebank.offers.providerFixed') : t('timebank.offers.providerHint')} rules={[requiredChoice(t, t('timebank.offers.provider'))]}>
        <Select options={providers} disabled={!!offer} data-testid="offer-provider" />
      </Form.Item>
      <Form.Item name="title" label={t('timebank.offers.item')} rules={[requiredText(t, t('timebank.offers.item')), { whitespace: true, message: t('common.requiredText', { field: t('timebank.offers.item') }) }, tooLong(t, t('timebank.offers.item'), 60)]}>
        <Input placeholder={t('timebank.offers.itemPlaceholder')} data-testid="offer-title" />
      </Form.Item>
      <Form.Item name="description" label={t('timebank.offers.description')} rules={[tooLong(t, t('timebank.offers.description'), 500)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={500} data-testid="offer-description" />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        <Form.Item name="points" label={t('timebank.offers.points')} rules={[requiredText(t, t('timebank.offers.points'))]} style={{ flex: '0 1 180px' }}>
          <InputNumber min={1} max={100000} precision={0} suffix={t('timebank.pointsUnit')} style={{ width: '100%' }} data-testid="offer-points" />
        </Form.Item>
        <Form.Item name="stock" label={t('timebank.offers.stock')} extra={t('timebank.offers.stockHint')} style={{ flex: '0 1 220px' }}>
          <InputNumber min={0} max={100000} precision={0} placeholder={t('timebank.offers.unlimited')} style={{ width: '100%' }} data-testid="offer-stock" />
        </Form.Item>
      </div>
      {offer && (
        <Form.Item name="active" label={t('timebank.offers.active')} valuePropName="checked" extra={t('timebank.offers.activeHint')}>
          <Switch data-testid="offer-active" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 兑换项目: what points buy, from the community itself or from one of its partner shops. */
export function OffersTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [provider, setProvider] = useState('');
  const partners = usePartners(communityId);
  const offers = useOffers({ communityId, partnerId: provider && provider !== COMMUNITY ? provider : undefined });
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  const items = (offers.data ?? []).filter((o) => provider !== COMMUNITY || o.partner === null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="offers-tab">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select
            value={provider}
            onChange={setProvider}
            aria-label={t('timebank.offers.provider')}
            style={{ minWidth: 180, maxWidth: '100%' }}
            options={[
              { value: '', label: t('timebank.offers.allProviders') },
              { value: COMMUNITY, label: t('timebank.offers.byCommunity') },
              ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            data-testid="offer-filter-provider"
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!partners.data} data-testid="add-offer">{t('timebank.offers.add')}</Button>
      </Space>
      <ErrorAlert error={offers.error ?? partners.error} />
      <Table<Offer>
        rowKey="id"
        size="small"
        loading={offers.isLoading}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('timebank.offers.empty') }}
        onRow={(o) => ({ 'data-testid': `offer-row-${o.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('timebank.offers.item'),
            dataIndex: 'title',
            render: (title: string, o) => (
              <>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{title}</Typography.Text>
                {o.description && <div><Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{o.description}</Typography.Text></div>}
              </>
            ),
          },
          { title: t('timebank.offers.provider'), dataIndex: 'provider', width: 160, render: (p: string, o) => (o.partner ? p : t('timebank.offers.byCommunity')) },
          { title: t('timebank.offers.points'), dataIndex: 'points', width: 90, align: 'right' },
          { title: t('timebank.offers.stock'), dataIndex: 'stock', width: 90, align: 'right', render: (s: number | null) => (s === null ? t('timebank.offers.unlimited') : s) },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean) => <Tag color={active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{t(active ? 'timebank.offers.on' : 'timebank.offers.off')}</Tag>,
          },
          {
            title: <span>{t('timebank.actions')}</span>,
            key: 'edit',
            width: 90,
            render: (_, o) =>
              o.actions.includes('update') ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(o)} aria-label={t('timebank.offers.editTitle', { title: o.title })} data-testid={`edit-offer-${o.id}`}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing && partners.data && <OfferDialog communityId={communityId} offer={editing === 'new' ? null : editing} partners={partners.data} onClose={() => setEditing(null)} />}
    </Space>
  );
}
