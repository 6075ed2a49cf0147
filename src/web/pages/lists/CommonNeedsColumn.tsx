import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { GridView as GridUnit } from '../../../server/modules/territory/structure.schemas.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useChildren } from '../territory/queries.ts';
import type { CommonNeedDetail, CommonNeedView } from './listsApi.ts';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

export function useGridNames(communityId: string) {
  const grids = useChildren<GridUnit>('grids', { communityId });
  return (id: string | null) => (id ? grids.data?.find((g) => g.id === id)?.name ?? '' : '');
}

function Members({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: ['common-needs', id], queryFn: () => api.get<CommonNeedDetail>(`/common-needs/${id}`) });
  return (
    <>
      <ErrorAlert error={detail.error} />
      <List
        size="small"
        style={{ maxHeight: 420, overflowY: 'auto' }}
        loading={detail.isLoading}
        dataSource={detail.data?.members ?? []}
        locale={{ emptyText: t('threeLists.noMembers') }}
        renderItem={(m) => (
          <List.Item data-testid="member-need" style={{ paddingInline: 0, display: 'block' }}>
            <Space wrap size={4}>
              <Link to={`/needs/${m.id}`}>{m.refNo}</Link>
              <NeedStateTag state={m.state} />
              <Typography.Text type="secondary">{t('threeLists.beneficiaries', { count: m.beneficiaries })}</Typography.Text>
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, width: '100%' }}>{m.description}</Typography.Paragraph>
          </List.Item>
        )}
      />
    </>
  );
}

function RenameModal({ need, onClose }: { need: CommonNeedView; onClose: () => void }) {
  const { t } = useTranslation();
  const saver = useFormSave<{ title: string }, CommonNeedView>({
    mutationFn: (v) => api.patch(`/common-needs/${need.id}`, { title: v.title }),
    invalidate: ['three-lists', 'common-needs'],
    onSaved: onClose,
  });
  return (
    <FormModal title={t('threeLists.rename')} saver={saver} initialValues={{ title: need.title }} onClose={onClose} saveTestId="rename-save">
      <Form.Item name="title" label={t('threeLists.title')} rules={[requiredText(t, t('threeLists.title')), { max: 100 }]}>
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
    </FormModal>
  );
}

function CommonNeedCard({ need, gridName, selected, onSelect }: { need: CommonNeedView; gridName: string; selected: boolean; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const mark = useMutation({
    mutationFn: (status: 'open' | 'candidate') => api.patch(`/common-needs/${need.id}`, { status }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['three-lists'] });
      void qc.invalidateQueries({ queryKey: ['common-needs'] });
    },
  });
  const canUpdate = need.allowedActions.includes('update');
  return (
    <Card
      size="small"
      data-testid="common-need"
      data-id={need.id}
      style={selected ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text strong>{need.title}</Typography.Text>
          {need.status === 'candidate' && <Tag color="purple" data-testid="candidate-tag">{t('commonNeedStatus.candidate')}</Tag>}
          {need.status === 'projected' && <Tag color="green">{t('commonNeedStatus.projected')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {need.categoryName} · {gridName || t('threeLists.wholeCommunity')}
        </Typography.Text>
        <Space wrap size={4}>
          <Tag color="blue" data-testid="beneficiary-count">{t('threeLists.beneficiaries', { count: need.beneficiaryCount })}</Tag>
          <Tag>{t('threeLists.members', { count: need.memberCount })}</Tag>
        </Space>
        <ErrorAlert error={mark.error} />
        <Space wrap size={4}>
          <Button size="small" type={selected ? 'primary' : 'default'} onClick={() => onSelect(selected ? null : need.id)} data-testid="match-resources">
            {t('threeLists.matchResources')}
          </Button>
          <Button size="small" onClick={() => setOpen(!open)} data-testid="toggle-members">
            {open ? t('threeLists.hideMembers') : t('threeLists.showMembers')}
          </Button>
          {canUpdate && (
            <Button size="small" onClick={() => setRenaming(true)} data-testid="rename-common-need">{t('threeLists.rename')}</Button>
          )}
          {canUpdate && need.status === 'open' && (
            <Button size="small" loading={mark.isPending} onClick={() => mark.mutate('candidate')} data-testid="mark-candidate">{t('threeLists.markCandidate')}</Button>
          )}
          {canUpdate && need.status === 'candidate' && (
            <Button size="small" loading={mark.isPending} onClick={() => mark.mutate('open')} data-testid="unmark-candidate">{t('threeLists.unmarkCandidate')}</Button>
          )}
        </Space>
        {open && <Members id={need.id} />}
      </Space>
      {renaming && <RenameModal need={need} onClose={() => setRenaming(false)} />}
    </Card>
  );
}

export function CommonNeedsColumn({ communityId, needs, selected, onSelect }: {
  communityId: string;
  needs: CommonNeedView[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const gridName = useGridNames(communityId);
  return (
    <Card size="small" title={t('threeLists.needsList')} data-testid="common-needs-list">
      {needs.length === 0 ? (
        <Empty description={t('threeLists.needsEmpty')} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {needs.map((n) => (
            <CommonNeedCard key={n.id} need={n} gridName={gridName(n.gridId)} selected={selected === n.id} onSelect={onSelect} />
          ))}
        </Space>
      )}
    </Card>
  );
}

