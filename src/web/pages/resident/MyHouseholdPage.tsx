import { CalendarOutlined, CarryOutOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { Members } from '../territory/Members.tsx';
import { useHousehold } from '../territory/queries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A resident's own household: the only register data a resident account sees. */
export function MyHouseholdPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const householdId = me?.assignments.find((a) => a.role === 'resident' && a.scopeType === 'household')?.scopeId;
  const household = useHousehold(householdId);
  if (!householdId) return <Empty description={t('myHousehold.none')} />;
  if (!household.data) return <QueryState isLoading={household.isLoading} error={household.error} />;
  const h = household.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.myHousehold')}</Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        <Link to="/my-needs/new">
          <Button type="primary" size="large" block icon={<PlusOutlined />} data-testid="household-report-need">{t('myNeeds.report')}</Button>
        </Link>
        <Link to="/my-needs">
          <Button size="large" block icon={<CarryOutOutlined />} data-testid="household-my-needs">{t('nav.myNeeds')}</Button>
        </Link>
        <Link to="/my-activities" style={{ gridColumn: '1 / -1' }}>
          <Button size="large" block icon={<CalendarOutlined />} data-testid="household-activities">{t('nav.myActivities')}</Button>
        </Link>
      </div>
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('household.address')}><span style={{ wordBreak: 'break-all' }}>{h.address}</span></Descriptions.Item>
          {h.gridName && <Descriptions.Item label={t('household.grid')}>{h.gridName}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('household.members')}>
        <Members members={h.members ?? []} linkable={false} />
      </Card>
      <Typography.Paragraph type="secondary">{t('myHousehold.correction')}</Typography.Paragraph>
    </Space>
  );
}
