/** Colours of need states on the map and the timeline (the tag colours live in NeedStateTag). */
export const STATE_COLOURS: Record<string, string> = {
  reported: '#fa8c16',
  accepted: '#1677ff',
  pooled: '#722ed1',
  in_progress: '#2f54eb',
  waiting: '#d4b106',
  referred: '#13c2c2',
  resolved: '#52c41a',
  reopened: '#fa541c',
  closed: '#389e0d',
  rejected: '#8c8c8c',
  merged: '#8c8c8c',
};
export const OVERDUE_COLOUR = '#f5222d';

export function pointColour(item: { state: string; overdue: boolean }): string {
  return item.overdue ? OVERDUE_COLOUR : STATE_COLOURS[item.state] ?? '#8c8c8c';
}

/** The states the map draws (it leaves finished needs out), in the order of the lifecycle: each has a legend entry. */
export const MAP_STATES = ['reported', 'accepted', 'pooled', 'in_progress', 'waiting', 'referred', 'resolved', 'reopened'] as const;
