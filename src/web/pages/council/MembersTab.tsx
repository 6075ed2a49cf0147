import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Grid, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { addMember, COUNCIL_KEY, patchMember, useMembers, type Member } from './councilQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

interface MemberValues {
  name: string;
  title?: string;
}

function MemberDialog({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<MemberValues, Member>({
    mutationFn: (v) => addMember({ communityId, name: v.name.trim(), ...(v.title?.trim() ? { title: v.title.trim() } : {}) }),
    invalidate: [COUNCIL_KEY],
    onSaved: (saved) => {
      void message.success(t('council.members.added', { name: saved.name }));
      onClose();
    },
  });
  return (
    <FormModal<MemberValues> title={t('council.members.add')} onClose={onClose} saver={saver} saveTestId="member-submit" initialValues={{}}>
      <div data-testid="member-form">
        <Form.Item
          name="name"
          label={t('council.member.name')}
          rules={[requiredText(t, t('council.member.name')), { whitespace: true, message: t('common.requiredText', { field: t('council.member.name') }) }, tooLong(t, t('council.member.name'), 50)]}
        >
          <Input data-testid="member-name" />
        </Form.Item>
        <Form.Item name="title" label={t('council.member.title')} extra={t('council.members.titleHint')} rules={[tooLong(t, t('council.member.title'), 50)]}>
          <Input data-testid="member-title" />
        </Form.Item>
      </div>
    </FormModal>
  );
}

/** 成员: who sits on the council; a member who leaves is ended, not deleted, so past votes keep their names. */
export function MembersTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const qc = useQueryClient();
  const members = useMembers(communityId);
  const [adding, setAdding] = useState(false);
  const toggle = useMutation({
    mutationFn: (m: Member) => patchMember(m.id, { active: !m.active }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: [COUNCIL_KEY] });
      void message.success(t(saved.active ? 'council.members.reactivated' : 'council.members.deactivated', { name: saved.name }));
    },
  });
  const canManage = members.data?.canManage ?? false;
  // Serving members first, in the server's order.
  const items = [...(members.data?.items ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
  const active = items.filter((m) => m.active).length;
  const phone = !Grid.useBreakpoint().sm;
  const action = (m: Member) =>
    m.active ? (
      <Popconfirm
        title={t('council.members.deactivateConfirm', { name: m.name })}
        okText={t('council.members.deactivate')}
        cancelText={t('common.cancel')}
        onConfirm={() => toggle.mutate(m)}
      >
        <Button size="small" danger loading={toggle.isPending && toggle.variables?.id === m.id} data-testid={`deactivate-member-${m.id}`}>
          {t('council.members.deactivate')}
        </Button>
      </Popconfirm>
    ) : (
      <Button size="small" onClick={() => toggle.mutate(m)} loading={toggle.isPending && toggle.variables?.id === m.id} data-testid={`reactivate-member-${m.id}`}>
        {t('council.members.reactivate')}
      </Button>
    );
  const statusTag = (a: boolean) => <Tag color={a ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{t(a ? 'council.member.active' : 'council.member.inactive')}</Tag>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="council-members">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t('council.members.hint')} {members.data && t('council.members.count', { count: active })}
        </Typography.Paragraph>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-member-button">{t('council.members.add')}</Button>
        )}
      </Space>
      <ErrorAlert error={members.error ?? toggle.error} />
      {phone ? (
        <List<Member>
          size="small"
          bordered
          loading={members.isLoading}
          dataSource={items}
          locale={{ emptyText: t('council.members.empty') }}
          style={{ background: 'var(--ant-color-bg-container, #fff)' }}
          renderItem={(m) => (
            <List.Item key={m.id} data-testid={`member-row-${m.id}`} actions={canManage ? [action(m)] : undefined}>
              <Space wrap size={8}>
                <Typography.Text strong>{m.name}</Typography.Text>
                {m.title && <Typography.Text type="secondary">{m.title}</Typography.Text>}
                {statusTag(m.active)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Member>
          rowKey="id"
          size="small"
          loading={members.isLoading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 480 }}
          locale={{ emptyText: t('council.members.empty') }}
          onRow={(m) => ({ 'data-testid': `member-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('council.member.name'), dataIndex: 'name', width: 140 },
            { title: t('council.member.title'), dataIndex: 'title', render: (s: string) => s || '—' },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 100,
              render: statusTag,
            },
            ...(canManage
              ? [
                  {
                    title: t('council.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, m: Member) => action(m),
                  },
                ]
              : []),
          ]}
        />
      )}
      {adding && <MemberDialog communityId={communityId} onClose={() => setAdding(false)} />}
    </Space>
  );
}
