import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGridHouseholds } from './fieldQueries.ts';

/** Finds a household by address among those the worker may see (the server limits it to their grids). */
export function HouseholdPicker({ id, value, onChange, gridId }: { id?: string; value?: string; onChange?: (v: string) => void; gridId?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useGridHouseholds(gridId, q.trim(), true, !gridId);
  return (
    <Select
      id={id}
      size="large"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      placeholder={t('field.householdPlaceholder')}
      notFoundContent={t('field.noHouseholds')}
      options={(list.data ?? []).map((h) => ({ value: h.id, label: h.address }))}
      optionRender={(o) => <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{o.label}</span>}
      data-testid="visit-household"
      style={{ width: '100%' }}
    />
  );
}
