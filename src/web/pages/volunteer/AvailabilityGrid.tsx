import { CheckOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { DAY_PARTS, WEEKDAYS, type AvailabilitySlot } from '../../../common/volunteers.ts';

/** Read by screen readers, not shown. */
const SR_ONLY = { position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 } as const;

/**
 * The week in half-days, a day a column and the morning, afternoon and evening as rows: each
 * cell a toggle big enough for a thumb on a 390 px phone, named in full for screen readers
 * ("周一上午"). Read-only when no onChange is given.
 */
export function AvailabilityGrid({ value, onChange, labelledBy, testId }: {
  value: readonly string[];
  onChange?: (next: AvailabilitySlot[]) => void;
  labelledBy?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const chosen = new Set(value);
  const toggle = (slot: AvailabilitySlot) => {
    if (!onChange) return;
    const next = new Set(chosen);
    if (next.has(slot)) next.delete(slot);
    else next.add(slot);
    // Kept in the week's order, as the server lists them.
    onChange(WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}_${p}` as const)).filter((s) => next.has(s)));
  };
  const cell = { padding: 2, textAlign: 'center' as const };
  return (
    <table aria-labelledby={labelledBy} data-testid={testId} style={{ borderCollapse: 'separate', borderSpacing: 0, width: '100%', maxWidth: 420, tableLayout: 'fixed' }}>
      <thead>
        <tr>
          <td style={{ width: '3.2em' }} />
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" style={{ ...cell, fontWeight: 'normal', fontSize: token.fontSizeSM, color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>
              <span aria-hidden>{t(`volunteer.weekdayShort.${d}`)}</span>
              <span style={SR_ONLY}>{t(`volunteer.weekday.${d}`)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DAY_PARTS.map((p) => (
          <tr key={p}>
            <th scope="row" style={{ ...cell, fontWeight: 'normal', fontSize: token.fontSizeSM, color: token.colorTextSecondary, whiteSpace: 'nowrap', textAlign: 'start' }}>{t(`volunteer.dayPartShort.${p}`)}</th>
            {WEEKDAYS.map((d) => {
              const slot = `${d}_${p}` as const;
              const on = chosen.has(slot);
              const name = t('volunteer.slot', { day: t(`volunteer.weekday.${d}`), part: t(`volunteer.dayPart.${p}`) });
              const look = {
                width: '100%',
                height: 40,
                borderRadius: token.borderRadius,
                border: `1px solid ${on ? token.colorPrimary : token.colorBorder}`,
                background: on ? token.colorPrimary : token.colorBgContainer,
                color: on ? token.colorTextLightSolid : token.colorTextTertiary,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                padding: 0,
              };
              return (
                <td key={d} style={cell}>
                  {onChange ? (
                    <button type="button" aria-pressed={on} aria-label={name} onClick={() => toggle(slot)} data-testid={testId ? `${testId}-${slot}` : undefined} style={{ ...look, cursor: 'pointer', font: 'inherit' }}>
                      {on && <CheckOutlined aria-hidden />}
                    </button>
                  ) : (
                    <div style={{ ...look, height: 24 }}>
                      {on && <CheckOutlined aria-hidden />}
                      <span style={SR_ONLY}>{on ? t('volunteer.free') : t('volunteer.notFree')}</span>
                    </div>
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
