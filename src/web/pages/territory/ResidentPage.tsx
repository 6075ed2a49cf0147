import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { ResidentTags } from './Members.tsx';
import { useHousehold, useResident } from './queries.ts';
import { ResidentForm } from './ResidentForm.tsx';
import { TerritoryCrumbs, TerritoryFrame, TerritoryQueryState } from './TerritoryFrame.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export function ResidentPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const resident = useResident(id);
  const household = useHousehold(resident.data?.householdId);
  const [editing, setEditing] = useState(false);
  if (!resident.data) return <TerritoryQueryState query={resident} />;
  const r = resident.data;
  const actions = r.allowedActions ?? [];
  const revealPath = actions.includes('reveal') ? `/residents/${r.id}/reveal` : undefined;
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ gridId: r.gridId ?? household.data?.gridId }} current={r.name} />
      <Card
        size="small"
        title={
          <Space wrap>
            <span data-testid="resident-title">{r.name}</span>
            {r.status && r.status !== 'active' && <Tag color="default">{t(`residentStatus.${r.status}`)}</Tag>}
          </Space>
        }
        extra={
          actions.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-resident">
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="resident-details">
          <Descriptions.Item label={t('resident.gender')}><span data-testid="resident-gender">{t(`gender.${r.gender}`)}</span></Descriptions.Item>
          <Descriptions.Item label={t('resident.birthDate')}>
            <span data-testid="resident-birth-date">{r.birthDate}</span>
            {r.age !== undefined && <Typography.Text type="secondary"> ({t('resident.ageYears', { count: r.age })})</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.idNumber')}>
            <MaskedValue masked={r.idNumberMasked} revealPath={revealPath} field="idNumber" testId="resident-id-masked" />
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.phone')}>
            <MaskedValue masked={r.phoneMasked} revealPath={revealPath} field="phone" testId="resident-phone-masked" />
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.relation')}>{t(`relation.${r.relation}`)}</Descriptions.Item>
          <Descriptions.Item label={t('resident.household')}>
            <Link to={`/territory/households/${r.householdId}`} style={{ wordBreak: 'break-all' }}>{household.data?.address ?? t('household.title')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.tags')}>{r.tags.length ? <ResidentTags tags={r.tags} /> : '—'}</Descriptions.Item>
          {r.notes && <Descriptions.Item label={t('common.notes')}>{r.notes}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ fontSize: '0.86em', marginTop: 12, marginBottom: 0 }}>
          {t('resident.derivedNote')}
        </Typography.Paragraph>
      </Card>
      {editing && <ResidentForm open householdId={r.householdId} resident={r} onClose={() => setEditing(false)} onSaved={() => void resident.refetch()} />}
    </TerritoryFrame>
  );
}
