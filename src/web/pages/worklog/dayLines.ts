import {
  ADMINISTRATIVE_CATEGORIES,
  isAdministrative,
  MINUTES_PER_DAY,
  PROFESSIONAL_CATEGORIES,
  professionalShare,
  type AdministrativeCategory,
  type WorkCategory,
  type WorkOrigin,
} from '../../../common/worklogs.ts';
import type { WorkDay, WorkEntryInput } from '../../../server/modules/workforce/worklogs.schemas.ts';

/**
 * One line of the day being logged: a professional category, an administrative category with
 * who assigned it, or an administrative task. Minutes are what the worker typed (text), so a
 * half-typed value stays as typed; empty or 0 is left out of the day.
 */
export interface DayLine {
  key: string;
  kind: 'professional' | 'administrative' | 'task';
  category: WorkCategory;
  minutes: string;
  /** `community:<id>`, `street:<id>`, `district:<id>`, `department` or '' (not chosen). */
  origin: string;
  department: string;
  taskId: string | null;
  /** The task's title when it is no longer open (a time logged against a task since done). */
  taskTitle: string | null;
  /** Kept as logged: the form does not edit notes, and saving the day must not lose them. */
  note: string;
}

export type LineProblem = 'minutes' | 'origin' | 'department';

const originValue = (origin: WorkOrigin | null, unitId: string | null) => (origin === 'department' ? 'department' : origin && unitId ? `${origin}:${unitId}` : '');
const joinNotes = (notes: string[]) => notes.filter(Boolean).join('；').slice(0, 200);

/** The lines of a day as logged: one per professional category, per task, and per administrative category and origin. */
export function linesOf(day: WorkDay): DayLine[] {
  const blank = { minutes: '', origin: '', department: '', taskId: null, taskTitle: null, note: '' };
  const minutes = (list: { minutes: number }[]) => {
    const sum = list.reduce((n, e) => n + e.minutes, 0);
    return sum ? String(sum) : '';
  };
  const professional = PROFESSIONAL_CATEGORIES.map((category): DayLine => {
    const logged = day.entries.filter((e) => e.category === category);
    return { ...blank, key: category, kind: 'professional', category, minutes: minutes(logged), note: joinNotes(logged.map((e) => e.note)) };
  });
  const administrative = ADMINISTRATIVE_CATEGORIES.flatMap((category): DayLine[] => {
    const logged = day.entries.filter((e) => e.category === category && !e.taskId);
    if (logged.length === 0) return [{ ...blank, key: category, kind: 'administrative', category }];
    return logged.map((e, i) => ({
      ...blank,
      key: i === 0 ? category : `${category}-${i + 1}`,
      kind: 'administrative',
      category,
      minutes: String(e.minutes),
      origin: originValue(e.origin, e.originUnitId),
      department: e.origin === 'department' ? (e.originName ?? '') : '',
      note: e.note,
    }));
  });
  const open = day.tasks.map((task): DayLine => {
    const logged = day.entries.filter((e) => e.taskId === task.id);
    return { ...blank, key: `task-${task.id}`, kind: 'task', category: task.category, taskId: task.id, minutes: minutes(logged), note: joinNotes(logged.map((e) => e.note)) };
  });
  const openIds = new Set(day.tasks.map((t) => t.id));
  const closed = [...new Set(day.entries.flatMap((e) => (e.taskId && !openIds.has(e.taskId) ? [e.taskId] : [])))].map((taskId): DayLine => {
    const logged = day.entries.filter((e) => e.taskId === taskId);
    return { ...blank, key: `task-${taskId}`, kind: 'task', category: logged[0]!.category, taskId, taskTitle: logged[0]!.taskTitle, minutes: minutes(logged), note: joinNotes(logged.map((e) => e.note)) };
  });
  return [...professional, ...administrative, ...open, ...closed];
}

/** A new, empty line of an administrative category (another origin for the same kind of work). */
export function extraLine(category: AdministrativeCategory, lines: DayLine[]): DayLine {
  let n = 2;
  while (lines.some((l) => l.key === `${category}-${n}`)) n += 1;
  return { key: `${category}-${n}`, kind: 'administrative', category, minutes: '', origin: '', department: '', taskId: null, taskTitle: null, note: '' };
}

/** The minutes of a line: a whole number, or null when it is not one; 0 for an empty line. */
export function minutesOf(line: DayLine): number | null {
  const text = line.minutes.trim();
  if (text === '') return 0;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= MINUTES_PER_DAY ? n : null;
}

/** What is wrong with a line before it is sent, if anything. */
export function problemOf(line: DayLine): LineProblem | null {
  const minutes = minutesOf(line);
  if (minutes === null) return 'minutes';
  if (minutes === 0 || line.kind !== 'administrative') return null;
  if (!line.origin) return 'origin';
  if (line.origin === 'department' && !line.department.trim()) return 'department';
  return null;
}

/**
 * The entries to send, in order, with the line each came from (the server names a problem by
 * the entry's index: entries.2.origin). A department's unit is the worker's district.
 */
export function entriesOf(lines: DayLine[], districtId: string | undefined): { entries: WorkEntryInput[]; keys: string[] } {
  const entries: WorkEntryInput[] = [];
  const keys: string[] = [];
  for (const line of lines) {
    const minutes = minutesOf(line) ?? 0;
    if (minutes === 0) continue;
    const note = line.note ? { note: line.note } : {};
    if (line.kind === 'professional') entries.push({ category: line.category, minutes, ...note });
    else if (line.kind === 'task') entries.push({ category: line.category, minutes, taskId: line.taskId, ...note });
    else if (line.origin === 'department') entries.push({ category: line.category, minutes, origin: 'department', originUnitId: districtId ?? null, department: line.department.trim(), ...note });
    else {
      const [origin, unitId] = line.origin.split(':') as [WorkOrigin, string];
      entries.push({ category: line.category, minutes, origin, originUnitId: unitId, ...note });
    }
    keys.push(line.key);
  }
  return { entries, keys };
}

/** The day's totals as the lines stand, with what is already on record. */
export function totalsOf(lines: DayLine[], recordedMinutes: number) {
  let professional = recordedMinutes;
  let administrative = 0;
  for (const line of lines) {
    const minutes = minutesOf(line) ?? 0;
    if (isAdministrative(line.category)) administrative += minutes;
    else professional += minutes;
  }
  return { professional, administrative, share: professionalShare(professional, administrative), tooLong: professional + administrative > MINUTES_PER_DAY };
}

/**
 * A line's minutes moved to the next half hour up or down (45 → 60 or 30), never below 0 nor
 * past a day: a worker thinks in half hours, and typed minutes stay possible.
 */
export function stepped(minutes: string, up: boolean, step = 30): string {
  const now = Number(minutes.trim() || '0');
  const base = Number.isFinite(now) && now > 0 ? now : 0;
  const next = up ? Math.floor(base / step) * step + step : Math.ceil(base / step) * step - step;
  const clamped = Math.min(MINUTES_PER_DAY, Math.max(0, next));
  return clamped === 0 ? '' : String(clamped);
}
