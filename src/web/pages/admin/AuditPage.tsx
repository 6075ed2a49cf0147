import { DatePicker, Input, Space, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditRecordView as AuditEntry } from '../../../server/modules/audit/audit.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { KeysetTable, ListPage, useListFilter } from '../../components/KeysetTable.tsx';
import { auditActionName } from './auditNames.ts';

function Json({ value }: { value: unknown }) {
  const { token } = theme.useToken();
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, maxHeight: 320, overflow: 'auto', background: token.colorFillQuaternary, padding: 8, borderRadius: 4, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { filter, set, setFilter } = useListFilter();
  const list = useKeysetList<AuditEntry>('audit', '/audit', filter);
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter((f) => ({
      ...f,
      from: range?.[0] ? range[0].startOf('day').toISOString() : undefined,
      to: range?.[1] ? range[1].endOf('day').toISOString() : undefined,
    }));
  return (
    <ListPage
      title={t('nav.audit')}
      filters={
        <>
          <Input.Search allowClear placeholder={t('audit.action')} onSearch={(v) => set('action')(v.trim())} style={{ width: 200 }} />
          <Input.Search allowClear placeholder={t('audit.entityType')} onSearch={(v) => set('entityType')(v.trim())} style={{ width: 180 }} />
          <Input.Search allowClear placeholder={t('audit.actorId')} onSearch={(v) => set('actorUserId')(v.trim())} style={{ width: 240 }} />
          <DatePicker.RangePicker onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} />
        </>
      }
    >
      <KeysetTable
        list={list}
        scroll={{ x: 860 }}
        expandable={{
          expandedRowRender: (r) => (
            <Space align="start" wrap style={{ width: '100%' }}>
              <div style={{ minWidth: 280, maxWidth: 520 }}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={r.before} />
              </div>
              <div style={{ minWidth: 280, maxWidth: 520 }}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={r.after} />
              </div>
            </Space>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 160, render: (_, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            // The words first; the code stays as its title, for searching and for support.
            render: (v: string) => <span title={v} data-testid="audit-action">{auditActionName(v, t)}</span>,
          },
          { title: t('audit.entityType'), dataIndex: 'entityType', width: 130 },
          { title: t('audit.entityId'), dataIndex: 'entityId', width: 120, render: (_, r) => (r.entityId ? <Typography.Text copyable={{ text: r.entityId }}>…{r.entityId.slice(-8)}</Typography.Text> : '—') },
          { title: t('audit.ip'), dataIndex: 'ip', width: 120 },
        ]}
      />
    </ListPage>
  );
}
