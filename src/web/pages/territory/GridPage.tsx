import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { HouseholdForm } from './HouseholdForm.tsx';
import { RegisterExport } from './RegisterExport.tsx';
import { HouseholdList } from './HouseholdList.tsx';
import { useGridUnit } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame, TerritoryQueryState } from './TerritoryFrame.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export function GridPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const grid = useGridUnit(id);
  const [adding, setAdding] = useState(false);
  if (!grid.data) return <TerritoryQueryState query={grid} />;
  const g = grid.data;
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ communityId: g.communityId }} current={g.name} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="grid-title">{g.name}</Typography.Title>
            {can('territory.household.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-household">
                {t('household.add')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('territory.code')}>{g.code}</Descriptions.Item>
            {g.kind && <Descriptions.Item label={t('territory.gridKind')}><Tag>{t(`gridKind.${g.kind}`)}</Tag>{g.dedicatedTo ?? ''}</Descriptions.Item>}
            {g.householdCount !== undefined && <Descriptions.Item label={t('territory.households')}>{g.householdCount}</Descriptions.Item>}
          </Descriptions>
        </div>
        <Card size="small" title={t('territory.households')}>
          <HouseholdList filter={{ gridId: g.id }} />
        </Card>
        <RegisterExport unit="grid" id={g.id} />
      </Space>
      {adding && (
        <HouseholdForm
          open
          gridId={g.id}
          communityId={g.communityId}
          onClose={() => setAdding(false)}
          onSaved={(h) => navigate(`/territory/households/${h.id}`)}
        />
      )}
    </TerritoryFrame>
  );
}
