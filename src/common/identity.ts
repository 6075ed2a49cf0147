/**
 * Validation of Chinese identifiers, shared by server and web: resident ID numbers
 * (GB 11643, ISO 7064 MOD 11-2 check digit), unified social credit codes (GB 32100) and
 * phone numbers.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export interface IdNumberInfo {
  birthDate: string;
  gender: 'male' | 'female';
}

/** Birth date and gender come from the number itself; they are never typed twice. */
export function parseIdNumber(raw: string, today = new Date()): IdNumberInfo | { problem: IdNumberProblem } {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1890 || date.getTime() > today.getTime()) return { problem: 'birth_date' };
  if (idNumberCheckChar(id) !== id[17]) return { problem: 'check_digit' };
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function normalizeUscc(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type UsccProblem = 'format' | 'check_char';

/** Unified social credit code: 18 characters of the GB 32100 alphabet, last one a check. */
export function validateUscc(raw: string): UsccProblem | null {
  const code = normalizeUscc(raw);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  return usccCheckChar(code) === code[17] ? null : 'check_char';
}

/** Mobile numbers (11 digits, 1[3-9]…) and landlines with area code (025-58123456). */
export function normalizePhone(raw: string): string | null {
  const p = raw.replace(/[\s()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(p)) return p;
  // Area codes 010 and 02x have three digits, all others four.
  const land = /^(0[12]\d|0[3-9]\d{2})-?([2-9]\d{6,7})$/.exec(p);
  if (land) return `${land[1]}-${land[2]}`;
  return null;
}
