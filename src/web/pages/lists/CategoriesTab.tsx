import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { type CategoryView, type Limits, ROUTES, URGENCY_KEYS, useCategories } from './listsApi.ts';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

type Node = CategoryView & { children?: Node[] };

function tree(items: CategoryView[]): Node[] {
  const byParent = new Map<string | null, CategoryView[]>();
  for (const c of items) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: string | null): Node[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return children.length ? { ...c, children } : { ...c };
    });
  return build(null);
}

const DEFAULT_LIMITS: Limits = {
  urgent: { triage: { amount: 2, unit: 'hours' }, resolve: { amount: 24, unit: 'hours' } },
  normal: { triage: { amount: 1, unit: 'working_days' }, resolve: { amount: 5, unit: 'working_days' } },
  difficult: { triage: { amount: 1, unit: 'working_days' }, resolve: { amount: 15, unit: 'working_days' } },
};

interface Values {
  code?: string;
  parentId?: string | null;
  name: string;
  nameEn: string | null;
  limits: Limits;
  defaultRoute: CategoryView['defaultRoute'];
  open311Code: string | null;
  active: boolean;
}

function CategoryModal({ districtId, category, parents, onClose }: { districtId: string; category: CategoryView | null; parents: CategoryView[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const saver = useFormSave<Values, CategoryView>({
    mutationFn: (v) => {
      const body = { name: v.name, nameEn: v.nameEn || null, limits: v.limits, defaultRoute: v.defaultRoute, open311Code: v.open311Code || null, active: v.active };
      return category
        ? api.patch(`/need-categories/${category.id}`, body)
        : api.post('/need-categories', { ...body, districtId, code: v.code, parentId: v.parentId ?? null });
    },
    invalidate: ['need-categories'],
    onSaved: onClose,
  });
  const initial = category ?? { limits: DEFAULT_LIMITS, defaultRoute: 'community', active: true, parentId: null };
  const limitField = (u: (typeof URGENCY_KEYS)[number], phase: 'triage' | 'resolve') => (
    <Space.Compact>
      <Form.Item name={['limits', u, phase, 'amount']} noStyle rules={[requiredText(t, t(`needSettings.${phase}`))]}>
        <InputNumber min={0} max={360} style={{ width: 70 }} aria-label={t('needSettings.limitAmount', { urgency: t(`urgency.${u}`), phase: t(`needSettings.${phase}`) })} />
      </Form.Item>
      <Form.Item name={['limits', u, phase, 'unit']} noStyle>
        <Select style={{ width: 100 }} aria-label={t('needSettings.limitUnit', { urgency: t(`urgency.${u}`), phase: t(`needSettings.${phase}`) })} options={(['hours', 'working_days'] as const).map((x) => ({ value: x, label: t(`needSettings.unit.${x}`) }))} />
      </Form.Item>
    </Space.Compact>
  );
  return (
    <FormModal title={category ? t('needSettings.editCategory') : t('needSettings.addCategory')} saver={saver} initialValues={initial} onClose={onClose} saveTestId="category-save">
      {!category && (
        <>
          <Form.Item name="code" label={t('needSettings.code')} rules={[requiredText(t, t('needSettings.code')), { pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('needSettings.codeFormat') }]}>
            <Input data-testid="category-code" />
          </Form.Item>
          <Form.Item name="parentId" label={t('needSettings.parent')}>
            <Select allowClear options={parents.map((p) => ({ value: p.id, label: i18n.language === 'en' && p.nameEn ? p.nameEn : p.name }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="name" label={t('needSettings.name')} rules={[requiredText(t, t('needSettings.name'))]}>
        <Input count={{ show: true, max: 50 }} data-testid="category-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('needSettings.nameEn')}>
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
      <Typography.Text strong>{t('needSettings.limits')}</Typography.Text>
      {URGENCY_KEYS.map((u) => (
        <div key={u} style={{ margin: '8px 0' }}>
          <Typography.Text>{t(`urgency.${u}`)}</Typography.Text>
          <Space wrap size={8} style={{ display: 'flex' }}>
            <span>{t('needSettings.triage')}</span>
            {limitField(u, 'triage')}
            <span>{t('needSettings.resolve')}</span>
            {limitField(u, 'resolve')}
          </Space>
        </div>
      ))}
      <Form.Item name="defaultRoute" label={t('needSettings.defaultRoute')}>
        <Select options={ROUTES.map((r) => ({ value: r, label: t(`needSettings.route.${r}`) }))} />
      </Form.Item>
      <Form.Item name="open311Code" label={t('needSettings.open311Code')}>
        <Input count={{ show: true, max: 50 }} />
      </Form.Item>
      <Form.Item name="active" label={t('needSettings.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export function CategoriesTab({ districtId }: { districtId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const categories = useCategories(districtId);
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  const items = categories.data?.items ?? [];
  const canEdit = can('needs.category.update');
  const limit = (l: Limits[keyof Limits]['triage']) => `${l.amount}${t(`needSettings.unitShort.${l.unit}`)}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={categories.error} />
      {can('needs.category.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-category">{t('needSettings.addCategory')}</Button>
      )}
      <Table<Node>
        data-testid="categories-table"
        // Remounted once loaded, so the tree opens fully (expansion defaults apply only on mount).
        key={categories.data ? 'loaded' : 'loading'}
        rowKey="id"
        size="small"
        loading={categories.isLoading}
        dataSource={tree(items)}
        pagination={false}
        scroll={{ x: 860 }}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          {
            title: t('needSettings.name'),
            dataIndex: 'name',
            render: (v: string, c) => (
              <span>
                {i18n.language === 'en' && c.nameEn ? c.nameEn : v} <Typography.Text type="secondary" code>{c.code}</Typography.Text>
              </span>
            ),
          },
          ...URGENCY_KEYS.map((u) => ({
            title: t(`urgency.${u}`),
            key: u,
            render: (_: unknown, c: Node) => (
              <span style={{ whiteSpace: 'nowrap' }}>{limit(c.limits[u].triage)} / {limit(c.limits[u].resolve)}</span>
            ),
          })),
          { title: t('needSettings.defaultRoute'), dataIndex: 'defaultRoute', render: (v: string) => t(`needSettings.route.${v}`) },
          { title: t('needSettings.open311Code'), dataIndex: 'open311Code', render: (v: string | null) => v ?? '—' },
          { title: t('needSettings.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('needSettings.yes')}</Tag> : <Tag>{t('needSettings.no')}</Tag>) },
          ...(canEdit
            ? [{ title: '', key: 'edit', render: (_: unknown, c: Node) => <Button size="small" onClick={() => setEditing(c)} data-testid="edit-category">{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <Typography.Text type="secondary">{t('needSettings.limitsLegend')}</Typography.Text>
      {editing && (
        <CategoryModal districtId={districtId} category={editing === 'new' ? null : editing} parents={items.filter((c) => !c.parentId)} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}
