import { useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

/** Messages by field path (`description`, `needs.0.categoryId`), as the server names fields. */
export type Problems = Record<string, string>;

function read(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v == null ? undefined : (v as Record<string, unknown>)[key]), values);
}

function write(target: unknown, [key, ...rest]: string[], value: unknown): unknown {
  const inner = rest.length === 0 ? value : write((target as Record<string, unknown> | undefined)?.[key!], rest, value);
  if (Array.isArray(target)) return (target as unknown[]).map((item, i) => (String(i) === key ? inner : item));
  return { ...(target as object), [key!]: inner };
}

export interface PlainForm<V> {
  values: V;
  /** The message shown under a field, if any. */
  problem: (path: string) => string | undefined;
  /** The id of a field's control: its label, message and focus use it. */
  idOf: (path: string) => string;
  value: (path: string) => unknown;
  /** Changes values; a field that shows a message is checked again, so the message goes as soon as it is put right. */
  update: (change: (values: V) => V) => void;
  /** Changes one field (`kind`, `needs.0.urgency`). */
  setAt: (path: string, value: unknown) => void;
  /** Checks every field; shows the messages and moves focus to the first field that has one. */
  validate: () => boolean;
  /**
   * Puts the server's per-field messages under the fields this form has; returns what is left
   * (or null) for the page to show above the form.
   */
  serverErrors: (error: unknown) => unknown;
  reset: (values: V) => void;
}

/**
 * State, checks and messages for the phone's light forms, which use plain HTML controls instead
 * of antd's Form (about 40 KB less on each page). `check` names the problems of a set of values;
 * it runs on submit, and then on each change to the fields it complained about.
 */
export function usePlainForm<V>(prefix: string, initial: () => V, check: (values: V) => Problems): PlainForm<V> {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  // Reads in `update` see the values of the change being made, not of the last render.
  const latest = useRef(values);
  latest.current = values;
  const idOf = (path: string) => `${prefix}-${path.replace(/\./g, '-')}`;

  const update = (change: (values: V) => V) => {
    const next = change(latest.current);
    latest.current = next;
    setValues(next);
    setProblems((shown) => {
      const paths = Object.keys(shown);
      if (paths.length === 0) return shown;
      const now = check(next);
      return Object.fromEntries(paths.filter((p) => now[p]).map((p) => [p, now[p]!]));
    });
  };

  const validate = () => {
    const found = check(latest.current);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first === undefined) return true;
    const control = document.getElementById(idOf(first));
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
    return false;
  };

  const serverErrors = (error: unknown): unknown => {
    if (!(error instanceof ApiError) || error.fields.length === 0) return error;
    const mine = error.fields.filter((f) => f.field.split('.')[0]! in (latest.current as object));
    setProblems(Object.fromEntries(mine.map((f) => [f.field, f.message])));
    const rest = error.fields.filter((f) => !mine.includes(f));
    if (rest.length === 0) return null;
    return new ApiError(error.status, error.code, [error.message, ...rest.map((f) => `${f.field}: ${f.message}`)].join(' — '), rest);
  };

  return {
    values,
    problem: (path) => problems[path],
    idOf,
    value: (path) => read(values, path),
    update,
    setAt: (path, value) => update((v) => write(v, path.split('.'), value) as V),
    validate,
    serverErrors,
    reset: (v) => {
      latest.current = v;
      setValues(v);
      setProblems({});
    },
  };
}
