import { describe, expect, it } from 'vitest';
import { actionsFrom, FINAL_STATES, NEED_ACTIONS, NEED_STATES, transitionFor, type NeedAction, type NeedState, type Party } from './needs.lifecycle.ts';

/** DESIGN 3.5, written out: from each state, the actions that leave it and where they lead. */
const NEXT: Record<NeedState, Partial<Record<NeedAction, NeedState>>> = {
  reported: { accept: 'accepted', reject: 'rejected', merge: 'merged' },
  accepted: { merge: 'merged', pool: 'pooled', assign: 'in_progress' },
  rejected: {},
  merged: {},
  // A pooled need waits for its project; the project's acceptance resolves it.
  pooled: { resolve_by_project: 'resolved' },
  in_progress: { assign: 'in_progress', wait: 'waiting', refer: 'referred', resolve: 'resolved' },
  waiting: { resume: 'in_progress' },
  // A need referred to an organization that opened a case on it is resolved when the case closes.
  referred: { answer_referral: 'in_progress', resolve_by_case: 'resolved' },
  resolved: { confirm: 'closed', dispute: 'reopened', auto_confirm: 'closed' },
  reopened: { assign: 'in_progress' },
  closed: {},
};

/** Who, beyond the role, must take the action (needs.transitions.test.ts checks the roles). */
const PARTY: Partial<Record<NeedAction, Party>> = {
  wait: 'handler',
  resume: 'handler',
  refer: 'handler',
  resolve: 'handler',
  answer_referral: 'referral_target',
  confirm: 'reporter',
  dispute: 'reporter',
  auto_confirm: 'system',
  resolve_by_project: 'system',
  resolve_by_case: 'system',
};

describe('need lifecycle (DESIGN 3.5)', () => {
  it('states every state', () => {
    expect(Object.keys(NEXT).sort()).toEqual([...NEED_STATES].sort());
  });

  const pairs = NEED_STATES.flatMap((state) => NEED_ACTIONS.map((action) => [state, action, NEXT[state][action] ?? 'refused'] as const));
  it.each(pairs)('%s + %s → %s', (state, action, to) => {
    expect(transitionFor(state, action)?.to ?? 'refused').toBe(to);
  });

  it.each(NEED_ACTIONS.map((a) => [a, PARTY[a] ?? 'no party'] as const))('%s is taken by %s', (action, party) => {
    const parties = NEED_STATES.flatMap((s) => {
      const tr = transitionFor(s, action);
      return tr ? [tr.party ?? 'no party'] : [];
    });
    expect(new Set(parties)).toEqual(new Set([party]));
  });

  it('asks each action for the fields it needs', () => {
    expect(transitionFor('reported', 'reject')?.requires).toEqual(['reason']);
    expect(transitionFor('reported', 'merge')?.requires).toEqual(['duplicateOf']);
    expect(transitionFor('accepted', 'assign')?.requires).toEqual(['handler']);
    expect(transitionFor('in_progress', 'wait')?.requires).toEqual(['reason', 'expectedDate']);
    expect(transitionFor('resolved', 'confirm')?.requires).toEqual(['rating']);
    expect(transitionFor('resolved', 'dispute')?.requires).toEqual(['reason']);
  });

  it('leaves the final states by no action at all', () => {
    expect([...FINAL_STATES].sort()).toEqual(['closed', 'merged', 'rejected']);
    for (const s of FINAL_STATES) expect(actionsFrom(s)).toEqual([]);
  });
});
