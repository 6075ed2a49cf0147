import { describe, expect, it } from 'vitest';
import { actionsFrom, FINAL_STATES, NEED_STATES, TRANSITIONS, transitionFor } from './needs.lifecycle.ts';

describe('need lifecycle (DESIGN 3.5)', () => {
  it('walks the main path reported → accepted → in_progress → resolved → closed', () => {
    expect(transitionFor('reported', 'accept')?.to).toBe('accepted');
    expect(transitionFor('accepted', 'assign')?.to).toBe('in_progress');
    expect(transitionFor('in_progress', 'resolve')?.to).toBe('resolved');
    expect(transitionFor('resolved', 'confirm')?.to).toBe('closed');
  });

  it('reopens on dispute and goes back to work by assignment', () => {
    expect(transitionFor('resolved', 'dispute')?.to).toBe('reopened');
    expect(transitionFor('reopened', 'assign')?.to).toBe('in_progress');
  });

  it('has side paths: wait, refer with an answer, pool, reject, merge, auto-confirm', () => {
    expect(transitionFor('in_progress', 'wait')?.to).toBe('waiting');
    expect(transitionFor('waiting', 'resume')?.to).toBe('in_progress');
    expect(transitionFor('in_progress', 'refer')?.to).toBe('referred');
    expect(transitionFor('referred', 'answer_referral')?.to).toBe('in_progress');
    expect(transitionFor('accepted', 'pool')?.to).toBe('pooled');
    expect(transitionFor('reported', 'reject')?.requires).toContain('reason');
    expect(transitionFor('reported', 'merge')?.requires).toContain('duplicateOf');
    expect(transitionFor('resolved', 'auto_confirm')?.party).toBe('system');
  });

  it('refuses illegal transitions', () => {
    expect(transitionFor('reported', 'resolve')).toBeUndefined();
    expect(transitionFor('closed', 'dispute')).toBeUndefined();
    expect(transitionFor('waiting', 'resolve')).toBeUndefined();
  });

  it('leaves final states only by no action at all', () => {
    for (const s of FINAL_STATES) expect(actionsFrom(s)).toEqual([]);
  });

  it('reaches every state and names only known states', () => {
    const reached = new Set(['reported', ...TRANSITIONS.map((t) => t.to)]);
    expect([...reached].sort()).toEqual([...NEED_STATES].sort());
    for (const t of TRANSITIONS) for (const f of t.from) expect(NEED_STATES).toContain(f);
  });

  it('lets only the reporter confirm or dispute and only the handler resolve', () => {
    expect(transitionFor('resolved', 'confirm')?.party).toBe('reporter');
    expect(transitionFor('resolved', 'dispute')?.party).toBe('reporter');
    expect(transitionFor('in_progress', 'resolve')?.party).toBe('handler');
  });
});
