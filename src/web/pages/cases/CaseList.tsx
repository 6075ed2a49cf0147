import { Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import type { CaseSummary } from './caseQueries.ts';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

/** Cases as rows that open their page, stacked so a phone shows every part without a sideways scroll. */
export function CaseList({ items, loading, empty }: { items: CaseSummary[]; loading: boolean; empty: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      data-testid="case-list"
      renderItem={(c) => (
        <LinkListItem to={`/cases/${c.id}`} testId="case-row" align="flex-start">
          <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} data-ref={c.refNo}>
            <Space wrap size={6}>
              <Typography.Text strong style={{ fontSize: 16 }}>{c.client.name}</Typography.Text>
              <CaseStatusTag status={c.status} />
              <Typography.Text type="secondary">{c.refNo}</Typography.Text>
            </Space>
            <div>
              <Typography.Text>{t('case.workerAndSupervisor', { worker: c.worker.name, supervisor: c.supervisor.name })}</Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {c.communityName} · {t('case.updatedOn', { date: dayjs(c.updatedAt).format('YYYY-MM-DD') })}
              </Typography.Text>
            </div>
          </div>
        </LinkListItem>
      )}
    />
  );
}
