/**
 * Money and shares as the budget pages and the public board show them. Kept apart from the
 * staff pages' queries so the public board stays light.
 */

/** Fen as yuan with the currency sign, cents only when there are any: 1234500 → "¥12,345", 1234550 → "¥12,345.50". */
export function yuan(fen: number): string {
  const whole = fen % 100 === 0;
  return (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}

/** A share the server gives as a percentage (0–100), to one decimal without a trailing ".0". */
export function percentText(percent: number): string {
  const p = Math.round(percent * 10) / 10;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}
