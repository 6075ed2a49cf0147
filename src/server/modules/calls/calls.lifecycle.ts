/** Call statuses (DESIGN 3.6): a round from its draft to the end of its publicity. */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'ranked', 'publicity', 'concluded', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_ACTIONS = ['open', 'close', 'rank', 'publicize', 'conclude', 'cancel'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

export interface CallTransition {
  action: CallAction;
  from: readonly CallStatus[];
  to: CallStatus;
  requires?: readonly 'reason'[];
}

/**
 * The lifecycle as data. Every transition is the issuing office's (calls.policy.ts); `close`
 * never comes before the deadline (calls.service.ts): applicants keep the time they were given.
 */
export const CALL_TRANSITIONS: readonly CallTransition[] = [
  { action: 'open', from: ['draft'], to: 'open' },
  { action: 'close', from: ['open'], to: 'closed' },
  { action: 'rank', from: ['closed'], to: 'ranked' },
  { action: 'publicize', from: ['ranked'], to: 'publicity' },
  { action: 'conclude', from: ['publicity'], to: 'concluded' },
  { action: 'cancel', from: ['draft', 'open', 'closed', 'ranked'], to: 'cancelled', requires: ['reason'] },
];

/** The transitions the transitions route takes; `publicize` has its own (it carries the award). */
export const OFFERED_CALL_ACTIONS = ['open', 'close', 'rank', 'conclude', 'cancel'] as const satisfies readonly CallAction[];
export type OfferedCallAction = (typeof OFFERED_CALL_ACTIONS)[number];

export function callTransition(status: CallStatus, action: CallAction): CallTransition | undefined {
  return CALL_TRANSITIONS.find((t) => t.action === action && t.from.includes(status));
}

/** While these hold, the call's title, rules and offered projects may change. */
export const EDITABLE: readonly CallStatus[] = ['draft'];
/** Members leave the panel only before reviewing starts at close… */
export const PANEL_EDITABLE: readonly CallStatus[] = ['draft', 'open'];
/** …but one may join while it sits, to replace members who stepped out of an application. */
export const PANEL_ADDABLE: readonly CallStatus[] = ['draft', 'open', 'closed'];
