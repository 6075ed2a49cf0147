import { StarFilled, StarOutlined } from '@ant-design/icons';
import { Checkbox, Tag, theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_PARTS, VOLUNTEER_SKILLS, WEEKDAYS } from '../../../common/volunteers.ts';

/** Text a screen reader says and the eye does not see (a table cell's state, a count's unit). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
};

/** Stars as five glyphs, read out as "3 星" ("3 stars"). */
export function Stars({ stars, size = 14 }: { stars: number; size?: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <span role="img" aria-label={t('volunteers.starsLabel', { count: stars })} style={{ whiteSpace: 'nowrap', fontSize: size }} data-stars={stars}>
      {[1, 2, 3, 4, 5].map((n) =>
        n <= stars ? <StarFilled key={n} aria-hidden style={{ color: token.colorWarning }} /> : <StarOutlined key={n} aria-hidden style={{ color: token.colorTextQuaternary }} />,
      )}
    </span>
  );
}

export function SkillTags({ skills, max }: { skills: readonly string[]; max?: number }) {
  const { t } = useTranslation();
  const shown = max !== undefined ? skills.slice(0, max) : skills;
  const rest = skills.length - shown.length;
  if (skills.length === 0) return <span>—</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {shown.map((s) => <Tag key={s} style={{ marginInlineEnd: 0 }}>{t(`volunteers.skill.${s}`, { defaultValue: s })}</Tag>)}
      {rest > 0 && <Tag style={{ marginInlineEnd: 0 }}>+{rest}</Tag>}
    </span>
  );
}

/** The skills as checkboxes, laid out in columns that wrap on a phone. */
export function SkillChecks({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  return (
    // The form item's label points at this wrapper (a checkbox group takes no id).
    <div id={id}>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.(v)}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9.5em, 1fr))', gap: '6px 8px', width: '100%' }}
        options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skill.${s}`) }))}
        data-testid="volunteer-skills"
      />
    </div>
  );
}

/**
 * A week of half-days as a small table: days across, morning / afternoon / evening down. Each
 * cell is a checkbox named by its day and part; read-only, the cells say whether the volunteer
 * is usually free then.
 */
export function AvailabilityGrid({ value, onChange, readOnly, id }: { value?: string[]; onChange?: (v: string[]) => void; readOnly?: boolean; id?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const chosen = new Set(value ?? []);
  const toggle = (slot: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(slot);
    else next.delete(slot);
    // Kept in the week's order, so the saved list reads the same as the table.
    onChange?.(WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}_${p}`)).filter((s) => next.has(s)));
  };
  const cell: CSSProperties = { padding: 2, textAlign: 'center', border: `1px solid ${token.colorBorderSecondary}` };
  return (
    <table id={id} style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width: '100%', maxWidth: 420 }} data-testid={readOnly ? 'availability-view' : 'availability-grid'}>
      <caption style={VISUALLY_HIDDEN}>{t('volunteers.availability')}</caption>
      <colgroup>
        <col style={{ width: '4em' }} />
        {WEEKDAYS.map((d) => <col key={d} />)}
      </colgroup>
      <thead>
        <tr>
          <td style={{ ...cell, border: 'none' }} />
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" style={{ ...cell, fontWeight: 600, background: token.colorFillQuaternary }}>
              <abbr title={t(`volunteers.day.${d}`)} style={{ textDecoration: 'none' }}>{t(`volunteers.dayShort.${d}`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DAY_PARTS.map((p) => (
          <tr key={p}>
            <th scope="row" style={{ ...cell, fontWeight: 600, background: token.colorFillQuaternary, whiteSpace: 'nowrap', paddingInline: 4 }}>
              <abbr title={t(`volunteers.part.${p}`)} style={{ textDecoration: 'none' }}>{t(`volunteers.partShort.${p}`)}</abbr>
            </th>
            {WEEKDAYS.map((d) => {
              const slot = `${d}_${p}`;
              const on = chosen.has(slot);
              const name = t('volunteers.slotName', { day: t(`volunteers.day.${d}`), part: t(`volunteers.part.${p}`) });
              return (
                <td key={slot} style={{ ...cell, background: on ? token.colorSuccessBg : undefined, height: readOnly ? 28 : 40 }}>
                  {readOnly ? (
                    <>
                      <span aria-hidden style={{ color: token.colorSuccess, fontWeight: 700 }}>{on ? '✓' : ''}</span>
                      <span style={VISUALLY_HIDDEN}>{on ? t('volunteers.free') : t('volunteers.notFree')}</span>
                    </>
                  ) : (
                    <Checkbox
                      checked={on}
                      onChange={(e) => toggle(slot, e.target.checked)}
                      aria-label={name}
                      data-testid={`slot-${slot}`}
                      // The whole cell takes the tap: a thumb on a phone misses a 16-pixel box.
                      style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', width: '100%', minHeight: 36, margin: 0 }}
                    />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
