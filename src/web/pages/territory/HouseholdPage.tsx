import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { HouseholdForm } from './HouseholdForm.tsx';
import { HouseholdHistory } from './HouseholdHistory.tsx';
import { Members } from './Members.tsx';
import { useGridUnit, useHousehold } from './queries.ts';
import { ResidentForm } from './ResidentForm.tsx';
import { TerritoryCrumbs, TerritoryFrame, TerritoryQueryState } from './TerritoryFrame.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export function HouseholdPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const grid = useGridUnit(household.data?.gridId);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (!household.data) return <TerritoryQueryState query={household} />;
  const h = household.data;
  const canUpdate = h.allowedActions ? h.allowedActions.includes('update') : can('territory.household.update');
  const canAddMember = canUpdate && can('territory.resident.create');
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ gridId: h.gridId }} current={t('household.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{t('household.title')}</span>}
          extra={
            canUpdate && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-household">
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Typography.Title level={4} style={{ marginTop: 0, wordBreak: 'break-all' }} data-testid="household-address-title">{h.address}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('household.grid')}>
              <Link to={`/territory/grids/${h.gridId}`}>{h.gridName ?? grid.data?.name ?? '—'}</Link>
            </Descriptions.Item>
            {h.householdNo && <Descriptions.Item label={t('household.no')}>{h.householdNo}</Descriptions.Item>}
            {h.notes && <Descriptions.Item label={t('common.notes')}>{h.notes}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('household.members')}
          extra={
            canAddMember && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-member">
                {t('resident.add')}
              </Button>
            )
          }
        >
          <Members members={h.members ?? []} />
        </Card>
        <Card size="small" title={t('household.history')}>
          <HouseholdHistory householdId={h.id} />
        </Card>
      </Space>
      {editing && (
        <HouseholdForm open gridId={h.gridId} communityId={h.communityId} household={h} onClose={() => setEditing(false)} onSaved={() => void household.refetch()} />
      )}
      {adding && (
        <ResidentForm open householdId={h.id} onClose={() => setAdding(false)} onSaved={(r) => navigate(`/territory/residents/${r.id}`)} />
      )}
    </TerritoryFrame>
  );
}
