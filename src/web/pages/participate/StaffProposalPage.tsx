import { EnvironmentOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { dayText, whenText } from './participateFormat.ts';
import { useProposal, type Supporter } from './participateQueries.ts';
import { KindTag, ProposalPhotos, ProposalStatusTag, ProposalSteps, SupportProgress } from './ProposalParts.tsx';
import { DeclineProposal, RecordSupport } from './StaffDialogs.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A proposal as the community's staff see it: what it asks, its steps, who supports it, and what they can do. */
export function StaffProposalPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const proposal = useProposal(id);
  const p = proposal.data;
  if (!p) return <QueryState isLoading={proposal.isLoading} error={proposal.error} />;
  const recordSupport = p.actions.includes('record_support');
  const decline = p.actions.includes('decline');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="staff-proposal-page">
      <Link to="/proposals"><LeftOutlined aria-hidden /> {t('participate.staff.title')}</Link>
      <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="proposal-title">{p.title}</Typography.Title>
          <KindTag kind={p.kind} />
          <ProposalStatusTag status={p.status} />
        </Space>
        {(recordSupport || decline) && (
          <Space wrap>
            {recordSupport && <RecordSupport p={p} />}
            {decline && <DeclineProposal p={p} />}
          </Space>
        )}
      </Space>
      {p.status === 'declined' && p.declineReason && <Alert type="warning" showIcon title={t('participate.declinedTitle')} description={p.declineReason} data-testid="decline-reason" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('participate.staff.colProposer')}>{p.proposer}</Descriptions.Item>
                <Descriptions.Item label={t('participate.staff.community')}>{p.community.name}</Descriptions.Item>
                <Descriptions.Item label={t('participate.staff.colCreated')}>{whenText(p.createdAt, t)}</Descriptions.Item>
                {p.place && (
                  <Descriptions.Item label={t('participate.staff.place')}>
                    <EnvironmentOutlined aria-hidden /> {p.place}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="proposal-body">{p.body}</Typography.Paragraph>
              <ProposalPhotos id={p.id} count={p.photoCount} />
            </Card>
            <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.staff.supporters', { count: p.supportCount })}</Typography.Title>}>
              <SupportProgress count={p.supportCount} threshold={p.threshold} kind={p.kind} status={p.status} />
              <Table<Supporter>
                rowKey={(s) => `${s.name}-${s.at}`}
                size="small"
                style={{ marginTop: 8 }}
                dataSource={p.supporters}
                pagination={p.supporters.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: t('participate.staff.noSupporters') }}
                data-testid="supporters"
                columns={[
                  { title: t('participate.staff.supporterName'), dataIndex: 'name' },
                  { title: t('participate.staff.grid'), dataIndex: 'grid', render: (g: string) => g || '—' },
                  { title: t('participate.staff.how'), dataIndex: 'assisted', render: (a: boolean, s: { recordedBy: string }) => (a ? <Tag color="orange" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{t('participate.staff.assistedBy', { name: s.recordedBy })}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>{t('participate.staff.online')}</Tag>) },
                  { title: t('participate.staff.when'), dataIndex: 'at', render: (d: string) => dayText(d, t) },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.stepsTitle')}</Typography.Title>}>
            <ProposalSteps p={p} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
