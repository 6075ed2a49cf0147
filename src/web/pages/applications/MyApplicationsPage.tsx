import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { ApplicationStatusTag } from './ApplicationStatusTag.tsx';
import { useApplications, yuan, type ApplicationView } from './applicationQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** An organization's applications, drafts first in mind: what is still to finish before a deadline. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const list = useApplications({});
  if (!list.data) return <QueryState isLoading={list.isLoading} error={list.error} />;
  return (
    <Card size="small" title={t('application.mine')}>
      {list.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('application.none')}</Typography.Text>
      ) : (
        <Table<ApplicationView>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={list.data.items}
          columns={[
            { title: t('application.title'), dataIndex: 'title', render: (title: string, a) => <Link to={`/applications/${a.id}`}>{title}</Link> },
            { title: t('application.call'), dataIndex: 'callTitle', render: (title: string, a) => <Link to={`/calls/${a.callId}`}>{title}</Link> },
            { title: t('application.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
            { title: t('application.requested'), dataIndex: 'requestedFen', align: 'right', render: yuan },
          ]}
        />
      )}
    </Card>
  );
}
