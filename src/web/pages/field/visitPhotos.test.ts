import { describe, expect, it } from 'vitest';
import { shortAddress } from './shortAddress.ts';
import { matchPhotos } from './visitPhotos.ts';

const need = (id: string, categoryId: string, description: string) => ({
  id, refNo: `N-${id}`, categoryId, categoryName: '', description, urgency: 'normal' as const, beneficiaries: 1, state: 'reported', dueAt: null, overdue: false, createdAt: '',
});
const file = (name: string) => new File(['x'], name, { type: 'image/png' });

describe('matchPhotos', () => {
  it('gives each photo to the need created from the same form entry, whatever order the server answers in', () => {
    const a = file('a.png');
    const c = file('c.png');
    const out = matchPhotos(
      [
        { categoryId: 'k1', description: ' bath ', photo: a },
        { categoryId: 'k2', description: 'meals', photo: null },
        { categoryId: 'k1', description: 'light', photo: c },
      ],
      { needs: [need('3', 'k1', 'light'), need('1', 'k1', 'bath'), need('2', 'k2', 'meals')] },
    );
    expect(out).toEqual([
      { needId: '1', refNo: 'N-1', file: a },
      { needId: '3', refNo: 'N-3', file: c },
    ]);
  });

  it('falls back to the position when the text was changed by the server', () => {
    const a = file('a.png');
    expect(matchPhotos([{ categoryId: 'k1', description: 'x', photo: a }], { needs: [need('9', 'k1', 'X!')] })).toEqual([{ needId: '9', refNo: 'N-9', file: a }]);
  });
});

describe('shortAddress', () => {
  it('drops everything up to the community name', () => {
    expect(shortAddress('南京市江北新区泰山街道J社区18栋1单元101室', 'J社区')).toBe('18栋1单元101室');
  });
  it('keeps the address when the community is not in it or unknown', () => {
    expect(shortAddress('18栋101室', 'K社区')).toBe('18栋101室');
    expect(shortAddress('J社区', 'J社区')).toBe('J社区');
    expect(shortAddress('a', undefined)).toBe('a');
  });
});
