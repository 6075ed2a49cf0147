import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Empty, Form, Input, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Page } from '../../api/client.ts';
import type { CommunityView as Community, StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useCategories } from '../needs/needQueries.ts';
import { useChildren } from '../territory/queries.ts';
import type { CommonNeedView, Suggestion } from './listsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

interface Values {
  streetId: string;
  categoryId: string;
  title: string;
  groupIds?: string[];
  /** Keys `<communityId>/<categoryId>/<gridId>` of suggestions whose needs join. */
  suggestions?: string[];
}

const keyOf = (communityId: string, s: Suggestion) => `${communityId}/${s.categoryId}/${s.gridId ?? ''}`;

/** 跨社区归并: a street group from community groups and ungrouped needs of the street's communities. */
function GroupModal({ groups, onClose }: { groups: CommonNeedView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const streets = useChildren<Street>('streets', {});
  const saver = useFormSave<Values, CommonNeedView>({
    mutationFn: (v) =>
      api.post('/common-needs', {
        streetId: v.streetId,
        categoryId: v.categoryId,
        title: v.title.trim(),
        groupIds: v.groupIds ?? [],
        needIds: (v.suggestions ?? []).flatMap((k) => suggestionsByKey.get(k)?.needIds ?? []),
      }),
    invalidate: ['common-needs', 'three-lists'],
    onSaved: onClose,
  });
  const streetId = Form.useWatch('streetId', saver.form);
  // A street officer has one street: it is chosen for them once the list arrives.
  const only = streets.data?.length === 1 ? streets.data[0]!.id : undefined;
  useEffect(() => {
    if (only && !saver.form.getFieldValue('streetId')) saver.form.setFieldValue('streetId', only);
  }, [only, saver.form]);
  const categoryId = Form.useWatch('categoryId', saver.form);
  const street = streets.data?.find((s) => s.id === streetId);
  const categories = useCategories(street?.districtId);
  const communities = useChildren<Community>('communities', { streetId }, !!streetId);
  const suggestionLists = useQueries({
    queries: (communities.data ?? []).map((c) => ({
      queryKey: ['common-needs', 'suggestions', c.id],
      queryFn: () => api.get<{ items: Suggestion[] }>('/common-needs/suggestions', { communityId: c.id }),
    })),
  });
  const suggestionsByKey = new Map<string, Suggestion & { communityName: string }>();
  (communities.data ?? []).forEach((c, i) => {
    // One suggestion per community and category: the whole community's, not its grid parts.
    for (const s of suggestionLists[i]?.data?.items ?? []) if (s.categoryId === categoryId && s.gridId === null) suggestionsByKey.set(keyOf(c.id, s), { ...s, communityName: c.name });
  });
  const suggestionsLoading = communities.isLoading || suggestionLists.some((q) => q.isLoading);
  const suggestionsError = communities.error ?? suggestionLists.find((q) => q.error)?.error;
  const fitting = groups.filter((g) => g.level === 'community' && g.parentId === null && g.streetId === streetId && g.categoryId === categoryId && (g.status === 'open' || g.status === 'candidate'));
  return (
    <FormModal<Values> title={t('streetGroups.create')} saver={saver} initialValues={{}} onClose={onClose} saveTestId="street-group-save">
      <Form.Item name="streetId" label={t('streetGroups.street')} rules={[requiredChoice(t, t('streetGroups.street'))]}>
        <Select loading={streets.isLoading} options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="street-group-street" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('streetGroups.category')} rules={[requiredChoice(t, t('streetGroups.category'))]}>
        <Select showSearch optionFilterProp="label" loading={categories.isLoading} options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="street-group-category" />
      </Form.Item>
      <Form.Item name="title" label={t('streetGroups.name')} rules={[requiredText(t, t('streetGroups.name')), tooLong(t, t('streetGroups.name'), 100)]}>
        <Input count={{ show: true, max: 100 }} data-testid="street-group-title" />
      </Form.Item>
      <Form.Item name="groupIds" label={t('streetGroups.groups')}>
        <Select mode="multiple" optionFilterProp="label" data-testid="street-group-groups" options={fitting.map((g) => ({ value: g.id, label: `${g.title} · ${t('threeLists.members', { count: g.memberCount })}` }))} />
      </Form.Item>
      <ErrorAlert error={suggestionsError} />
      <Form.Item name="suggestions" label={t('streetGroups.suggestions')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={suggestionsLoading}
          data-loading={suggestionsLoading}
          data-testid="street-group-suggestions"
          options={[...suggestionsByKey].map(([k, s]) => ({ value: k, label: t('streetGroups.suggestion', { community: s.communityName, category: s.categoryName, count: s.needCount }) }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Common needs above community level the caller may read, with what they cover; officers form them here. */
export function StreetGroups() {
  const { t } = useTranslation();
  const { hasRole, can } = useAuth();
  const [creating, setCreating] = useState(false);
  const all = useQuery({ queryKey: ['common-needs', 'all'], queryFn: () => api.get<Page<CommonNeedView>>('/common-needs', { limit: 200 }) });
  const officer = hasRole('street_officer', 'district_officer');
  const outer = (all.data?.items ?? []).filter((g) => g.level !== 'community');
  if (!officer && outer.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('streetGroups.title')}
      data-testid="street-groups"
      extra={officer && <Button size="small" onClick={() => setCreating(true)} data-testid="street-group-create">{t('streetGroups.create')}</Button>}
    >
      <ErrorAlert error={all.error} />
      {outer.length === 0 ? (
        <Empty description={t('streetGroups.empty')} />
      ) : (
        <List
          size="small"
          dataSource={outer}
          renderItem={(g) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="street-group" data-id={g.id}>
              <Space wrap size={4}>
                <Typography.Text strong>{g.title}</Typography.Text>
                <Tag>{t(`commonNeedLevel.${g.level}`)}</Tag>
                {g.status !== 'open' && <Tag color={g.status === 'projected' ? 'green' : 'purple'}>{t(`commonNeedStatus.${g.status}`)}</Tag>}
                {g.projectRef && <Typography.Text type="secondary">{g.projectRef}</Typography.Text>}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {g.categoryName} · {t('streetGroups.covers', { count: g.coveredCommunityIds.length })} · {t('threeLists.members', { count: g.memberCount })}
                </Typography.Text>{' '}
                <Tag color="blue" data-testid="street-group-households">{t('projects.households', { count: g.householdCount })}</Tag>
              </div>
              {(g.status === 'open' || g.status === 'candidate') && can('projects.project.create') && (
                <Link to={`/projects/new?commonNeedIds=${g.id}`} data-testid="street-group-draft">{t('streetGroups.draftProject')}</Link>
              )}
            </List.Item>
          )}
        />
      )}
      {creating && <GroupModal groups={all.data?.items ?? []} onClose={() => setCreating(false)} />}
    </Card>
  );
}
