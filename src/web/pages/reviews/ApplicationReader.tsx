import { ReadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Grid, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { useApplicationToReview, yuan, type ApplicationDetail, type SheetItem } from './reviewQueries.ts';
import { coFundingFrom } from '../projects/coFunding.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

/** A button that opens the application in a drawer beside the score form, so the reviewer reads and scores side by side. */
export function ApplicationReader({ item }: { item: SheetItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // On a phone the drawer takes the whole screen; its close button brings the score form back.
  const wide = !!Grid.useBreakpoint().md;
  const application = useApplicationToReview(item.applicationId, open);
  const title = t('reviews.readTitle', { refNo: item.refNo });
  return (
    <>
      <Button icon={<ReadOutlined />} onClick={() => setOpen(true)} data-testid="review-read">{t('reviews.read')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={title} size={wide ? 720 : '100%'} styles={{ body: { padding: 0, overflow: 'hidden' } }} destroyOnHidden>
        {/* The application is plain text: its scrolling region takes the focus itself, so a keyboard can scroll it. */}
        <div role="region" aria-label={title} tabIndex={0} style={{ height: '100%', overflowY: 'auto', padding: wide ? 24 : 16 }}>
          {application.data ? <ApplicationContent application={application.data} /> : <QueryState isLoading={application.isLoading} error={application.error} />}
        </div>
      </Drawer>
    </>
  );
}

const text = (s: string, none: string) => (s.trim() ? s : none);

function ApplicationContent({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="review-application">
      <Typography.Title level={4} style={{ margin: 0 }}>{a.title}</Typography.Title>
      <Descriptions size="small" column={1} bordered layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('reviews.organization')}>{a.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.offer')}>{a.projectTitle ?? a.theme ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.requested')}><span data-testid="review-requested">{yuan(a.requestedFen)}</span></Descriptions.Item>
        <Descriptions.Item label={t('reviews.budget')}>{yuan(a.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reviews.coFunding')}>{yuan(a.coFundingFen)}{a.coFundingFen > 0 && ` · ${coFundingFrom(t, a.coFundingKind, a.coFundingSource)}`}</Descriptions.Item>
        {a.submittedAt && <Descriptions.Item label={t('reviews.submittedAt')}>{dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
      </Descriptions>
      <Section title={t('reviews.summary')}>{text(a.summary, t('reviews.none'))}</Section>
      <Section title={t('reviews.proposal')}>{text(a.proposal, t('reviews.none'))}</Section>
      <BudgetLines application={a} />
      <Team application={a} />
    </Space>
  );
}

function Section({ title, children }: { title: string; children: string }) {
  return (
    <section>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>{children}</Typography.Paragraph>
    </section>
  );
}

function BudgetLines({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const total = a.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  return (
    <section>
      <Typography.Title level={5}>{t('reviews.budgetLines')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        dataSource={a.budgetLines.map((l, i) => ({ ...l, key: i }))}
        locale={{ emptyText: t('reviews.none') }}
        data-testid="review-budget-lines"
        columns={[
          { title: t('reviews.budgetItem'), dataIndex: 'item' },
          { title: t('reviews.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: (fen: number) => yuan(fen) },
          { title: t('reviews.note'), dataIndex: 'note', render: (n?: string) => n || '—' },
        ]}
        summary={() =>
          a.budgetLines.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><Typography.Text strong>{t('reviews.budgetTotal')}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><Typography.Text strong>{yuan(total)}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          )
        }
      />
    </section>
  );
}

function Team({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useCommonLabels();
  return (
    <section>
      <Typography.Title level={5}>{t('reviews.team')}</Typography.Title>
      <List
        size="small"
        dataSource={a.team}
        locale={{ emptyText: t('reviews.none') }}
        renderItem={(m) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space wrap size={[8, 4]}>
              {m.name}
              <Tag color={m.role === 'lead' ? 'blue' : undefined}>{t(`reviews.${m.role}`)}</Tag>
              <Typography.Text type="secondary">{labels.certificate(m.certificateLevel)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}
