import { describe, expect, it } from 'vitest';
import { FINAL_STATES, NEED_STATES } from '../../../server/modules/needs/needs.lifecycle.ts';
import { MAP_STATES, STATE_COLOURS } from './needColours.ts';

describe('the board map legend', () => {
  it('has an entry, with a colour, for every state the map draws (all but the finished ones)', () => {
    const drawn = NEED_STATES.filter((s) => !FINAL_STATES.includes(s));
    expect([...MAP_STATES].sort()).toEqual([...drawn].sort());
    for (const s of MAP_STATES) expect(STATE_COLOURS[s], s).toMatch(/^#[0-9a-f]{6}$/);
  });
});
