import { CheckCircleFilled } from '@ant-design/icons';
import { theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { percentText, yuan } from './money.ts';

export interface BarCandidate {
  id?: string;
  title: string;
  costFen: number;
  votes: number | null;
  won: boolean | null;
  extra?: string;
}

/**
 * Votes per candidate as plain bars (no chart library: the public board stays light), the
 * winners marked in words and with a tick, not by colour alone.
 */
export function VoteBars({ candidates, testId }: { candidates: BarCandidate[]; testId?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const most = Math.max(1, ...candidates.map((c) => c.votes ?? 0));
  const sorted = [...candidates].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 10 }} data-testid={testId}>
      {sorted.map((c, i) => (
        <li key={c.id ?? `${c.title}-${i}`} data-testid={c.id ? `result-${c.id}` : undefined}>
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: '2px 12px' }}>
            <span style={{ overflowWrap: 'anywhere', fontWeight: c.won ? 600 : 400 }}>
              {c.won && <CheckCircleFilled aria-hidden style={{ color: '#237804', marginInlineEnd: 6 }} />}
              {c.title}
              {c.won && <span style={{ marginInlineStart: 8, padding: '0 6px', border: '1px solid #237804', borderRadius: 4, color: '#237804', fontSize: '0.86em', whiteSpace: 'nowrap' }}>{t('budget.results.won')}</span>}
            </span>
            <span style={{ whiteSpace: 'nowrap' }}>
              {c.votes === null ? t('budget.results.notCounted') : t('budget.results.votes', { count: c.votes })} · {yuan(c.costFen)}
            </span>
          </div>
          {c.extra && <div style={{ color: token.colorTextSecondary, fontSize: '0.9em' }}>{c.extra}</div>}
          {c.votes !== null && (
            <div aria-hidden style={{ height: 10, background: token.colorFillSecondary, borderRadius: 5, marginTop: 4 }}>
              <div style={{ width: `${(c.votes / most) * 100}%`, height: '100%', borderRadius: 5, background: c.won ? '#389e0d' : '#8c8c8c' }} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface GridRow {
  gridId?: string;
  name: string;
  community: string;
  households: number;
  online: number;
  assisted: number;
  percent: number;
}

const cell: CSSProperties = { padding: '6px 6px', borderBottom: '1px solid #f0f0f0', textAlign: 'right', whiteSpace: 'nowrap' };
const head: CSSProperties = { ...cell, background: '#fafafa', fontWeight: 600 };

/** Turnout by grid as a plain table, the share first so a phone shows it before the table scrolls sideways. */
export function GridTurnoutTable({ rows, testId, showCommunity = true }: { rows: GridRow[]; testId?: string; showCommunity?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('budget.results.byGrid')}>
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: showCommunity ? 480 : undefined }} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" style={{ ...head, textAlign: 'left' }}>{t('budget.results.grid')}</th>
            {showCommunity && <th scope="col" style={{ ...head, textAlign: 'left' }}>{t('budget.results.community')}</th>}
            <th scope="col" style={head}>{t('budget.results.percent')}</th>
            <th scope="col" style={head}>{t('budget.results.households')}</th>
            <th scope="col" style={head}>{t('budget.results.online')}</th>
            <th scope="col" style={head}>{t('budget.results.assisted')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g, i) => (
            <tr key={g.gridId ?? `${g.community}-${g.name}-${i}`}>
              <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{g.name}</th>
              {showCommunity && <td style={{ ...cell, textAlign: 'left' }}>{g.community}</td>}
              <td style={{ ...cell, fontWeight: 600 }}>{percentText(g.percent)}</td>
              <td style={cell}>{g.households}</td>
              <td style={cell}>{g.online}</td>
              <td style={cell}>{g.assisted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
