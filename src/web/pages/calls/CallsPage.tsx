import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CALL_STATUSES } from '../../../server/modules/calls/calls.lifecycle.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { AddLink, KeysetTable, ListPage, useListFilter } from '../../components/KeysetTable.tsx';
import { CallDeadline, CallStatusTag } from './CallStatus.tsx';
import { CALLS_KEY, type CallView } from './callQueries.ts';

export function CallsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filter, set } = useListFilter();
  const list = useKeysetList<CallView>(CALLS_KEY, '/calls', filter);
  return (
    <ListPage
      title={t('call.list')}
      action={can('calls.call.create') && <AddLink to="/calls/new">{t('call.add')}</AddLink>}
      filters={
        <Select allowClear placeholder={t('common.status')} aria-label={t('common.status')} style={{ width: 140 }} onChange={set('status')} options={CALL_STATUSES.map((v) => ({ value: v, label: t(`callStatus.${v}`) }))} />
      }
    >
      <KeysetTable
        list={list}
        scroll={{ x: 860 }}
        columns={[
          { title: t('call.title'), dataIndex: 'title', render: (v, c) => <Link to={`/calls/${c.id}`}>{v}</Link> },
          { title: t('call.refNo'), dataIndex: 'refNo', width: 110 },
          { title: t('call.kind'), dataIndex: 'kind', width: 170, render: (v) => t(`callKind.${v}`) },
          { title: t('call.issuer'), dataIndex: 'issuerName', width: 150 },
          { title: t('call.themes'), dataIndex: 'themes', render: (v: string[]) => v.map((th) => <Tag key={th}>{th}</Tag>) },
          { title: t('call.deadline'), dataIndex: 'deadline', width: 170, render: (_, c) => <CallDeadline call={c} /> },
          { title: t('common.status'), dataIndex: 'status', width: 100, render: (_, c) => <CallStatusTag status={c.status} /> },
        ]}
      />
    </ListPage>
  );
}
