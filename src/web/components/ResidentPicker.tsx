import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../server/modules/territory/register.schemas.ts';
import { api, type Page } from '../api/client.ts';
import { shortAddress } from '../pages/field/shortAddress.ts';
import { Typography } from './Typography.tsx';

/** What the picker says, in the words of the page that uses it. */
export interface ResidentPickerTexts {
  placeholder: string;
  typeToSearch: string;
  noResident: (q: string) => string;
}

/**
 * A resident of the community's register, found by the start of the name or an exact ID or phone
 * number: for staff registering a volunteer, or recording a proposal or a support for a resident.
 */
export function ResidentPicker({ id, value, onChange, communityId, communityName, testId, texts }: { id?: string; value?: string; onChange?: (v: string) => void; communityId: string | undefined; communityName?: string; testId: string; texts: ResidentPickerTexts }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useQuery({
    queryKey: ['residents', 'pick', communityId, term],
    queryFn: async () => (await api.get<Page<ResidentView>>('/residents', { communityId, q: term, status: 'active', limit: 20 })).items,
    enabled: !!communityId && term.length > 0,
    placeholderData: (previous) => previous,
  });
  const items = term ? (found.data ?? []) : [];
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={texts.placeholder}
      notFoundContent={term ? texts.noResident(term) : texts.typeToSearch}
      options={items.map((r) => ({
        value: r.id,
        label: `${r.name}（${t(`gender.${r.gender}`)} · ${t('resident.ageYears', { count: r.age })}）`,
        address: shortAddress(r.householdAddress, communityName),
      }))}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{o.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em', overflowWrap: 'anywhere' }}>{(o.data as { address: string }).address}</Typography.Text>
        </div>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
