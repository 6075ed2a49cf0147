import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, normalizePhone, parseIdNumber, usccCheckChar, validateUscc } from './identity.ts';

describe('resident ID numbers', () => {
  it('derives birth date and gender from a valid number', () => {
    // GB 11643 worked example
    expect(parseIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    const first17 = '32011119560315123';
    const id = first17 + idNumberCheckChar(first17);
    expect(parseIdNumber(id)).toEqual({ birthDate: '1956-03-15', gender: 'male' });
    expect(parseIdNumber(id.toLowerCase().replace(/(.{6})/, '$1 '))).toEqual({ birthDate: '1956-03-15', gender: 'male' });
  });
  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ problem: 'check_digit' });
  });
  it('rejects an impossible or future birth date', () => {
    const feb30 = '32011119560230123';
    expect(parseIdNumber(feb30 + idNumberCheckChar(feb30))).toEqual({ problem: 'birth_date' });
    const future = '32011120990101123';
    expect(parseIdNumber(future + idNumberCheckChar(future))).toEqual({ problem: 'birth_date' });
  });
  it('rejects wrong length and characters', () => {
    expect(parseIdNumber('3201111956031512')).toEqual({ problem: 'format' });
    expect(parseIdNumber('32011119560315123A')).toEqual({ problem: 'format' });
  });
});

describe('unified social credit codes', () => {
  it('accepts a code whose check character matches', () => {
    expect(validateUscc('91350100M000100Y43')).toBeNull();
    const first17 = '52320191MJ5123456';
    expect(validateUscc(first17 + usccCheckChar(first17))).toBeNull();
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(validateUscc('91350100M000100Y44')).toBe('check_char');
    expect(validateUscc('91350100M000100I43')).toBe('format');
    expect(validateUscc('9135')).toBe('format');
  });
  it('normalises case and spaces before checking', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toBeNull();
    expect(validateUscc('9135 0100 M000 100Y 43')).toBeNull();
  });
  it('refuses the letters I, O, S, V and Z anywhere, letters in the area code, and wrong lengths', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      expect(validateUscc(`91350100M000100${letter}43`)).toBe('format');
    }
    expect(validateUscc('9135A100M000100Y43')).toBe('format');
    expect(validateUscc('91350100M000100Y4')).toBe('format');
    expect(validateUscc('91350100M000100Y433')).toBe('format');
  });
  it('computes check characters at both ends of the alphabet', () => {
    // A weighted sum divisible by 31 gives the check character 0, not the 31st letter.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(validateUscc('000000000000000000')).toBeNull();
    const first17 = '51320111MJ0000000';
    const check = usccCheckChar(first17);
    expect('0123456789ABCDEFGHJKLMNPQRTUWXY').toContain(check);
    const wrong = check === 'Y' ? 'X' : 'Y';
    expect(validateUscc(first17 + wrong)).toBe('check_char');
  });
});

describe('phone numbers', () => {
  it('normalises mobiles and landlines', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+8613812345678')).toBe('13812345678');
    expect(normalizePhone('025-58123456')).toBe('025-58123456');
    expect(normalizePhone('02558123456')).toBe('025-58123456');
  });
  it('rejects what is not a phone number', () => {
    expect(normalizePhone('12812345678')).toBeNull();
    expect(normalizePhone('1381234567')).toBeNull();
    expect(normalizePhone('abc')).toBeNull();
  });
});
