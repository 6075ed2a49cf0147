import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { described, FieldNotes } from '../../components/PlainFields.tsx';
import { useGridHouseholds } from './fieldQueries.ts';

/** Households shown at once: more would push the rest of the form off a phone's screen. */
const SHOWN = 8;

/**
 * Finds a household by address among those the worker may see (the server limits it to their
 * grids): a search box, and the matches as choices under it. The chosen one stays listed while
 * the worker types on.
 */
export function HouseholdPicker({ id, value, onChange, problem }: { id: string; value: string | undefined; onChange: (v: string) => void; problem?: string | undefined }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useGridHouseholds(undefined, q.trim(), q.trim().length > 0, true);
  const [chosen, setChosen] = useState<{ id: string; address: string } | null>(null);
  const found = (list.data ?? []).filter((h) => h.id !== value).slice(0, value ? SHOWN - 1 : SHOWN);
  const shown = [...(chosen && chosen.id === value ? [chosen] : []), ...found];
  const hint = !q.trim() || !list.data ? null : list.data.length === 0 ? t('field.noHouseholds') : list.data.length > SHOWN ? t('field.householdMore', { count: SHOWN }) : null;
  return (
    <div className="pf-field">
      <label className="pf-label" htmlFor={id}>{t('field.household')}</label>
      <input
        id={id}
        type="search"
        className="pf-control"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('field.householdPlaceholder')}
        {...described(id, problem, hint)}
        data-testid="visit-household"
      />
      {shown.length > 0 && (
        <div className="pf-choices pf-cards" role="radiogroup" aria-label={t('field.household')} style={{ marginTop: 8 }} data-testid="visit-household-choices">
          {shown.map((h) => (
            <label key={h.id} className="pf-choice" data-testid="visit-household-choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={h.id}
                checked={value === h.id}
                onChange={() => {
                  setChosen({ id: h.id, address: h.address });
                  onChange(h.id);
                }}
              />
              <span style={{ overflowWrap: 'anywhere' }}>{h.address}</span>
            </label>
          ))}
        </div>
      )}
      <FieldNotes id={id} problem={problem} hint={hint} />
    </div>
  );
}
