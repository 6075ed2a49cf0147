import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeType } from '../../../common/roles.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import type { CommunityView as Community, DistrictView as District, GridView as GridUnit, StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useChildren } from '../territory/queries.ts';

/** Picks the unit a role is granted in; grids are chosen within a community. */
export function ScopePicker({ scopeType, value, onChange }: { scopeType: ScopeType; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<string>();
  const districts = useChildren<District>('districts', {}, scopeType === 'district');
  const streets = useChildren<Street>('streets', {}, scopeType === 'street');
  const communities = useChildren<Community>('communities', {}, scopeType === 'community' || scopeType === 'grid');
  const grids = useChildren<GridUnit>('grids', { communityId }, scopeType === 'grid' && !!communityId);
  const orgs = useKeysetList<Organization>('organizations', '/organizations', { status: 'active' }, 200, scopeType === 'organization');
  const select = (options: { id: string; name: string }[], loading: boolean) => (
    <Select showSearch optionFilterProp="label" value={value} onChange={onChange} loading={loading} style={{ minWidth: 220 }} options={options.map((o) => ({ value: o.id, label: o.name }))} />
  );
  switch (scopeType) {
    case 'platform':
      return <span>{t('scope.platform')}</span>;
    case 'district':
      return select(districts.data ?? [], districts.isLoading);
    case 'street':
      return select(streets.data ?? [], streets.isLoading);
    case 'community':
      return select(communities.data ?? [], communities.isLoading);
    case 'grid':
      return (
        <Space wrap>
          <Select showSearch optionFilterProp="label" placeholder={t('scope.community')} value={communityId} onChange={setCommunityId} style={{ minWidth: 180 }} options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          {select(grids.data ?? [], grids.isLoading)}
        </Space>
      );
    case 'organization':
      return select(orgs.items, orgs.isLoading);
    case 'household':
      return <Input placeholder={t('users.householdId')} value={value} onChange={(e) => onChange?.(e.target.value.trim() || undefined)} style={{ width: 320 }} />;
  }
}
