import type { ReactNode } from 'react';
import type { PlainForm } from './plainForm.ts';
import './plainFields.css';

/**
 * Form controls in plain HTML for the pages a phone opens every day (reporting a need, recording
 * a visit, proposing, the roster at the door): a label tied to each control, its message under it
 * (`role=alert`, `aria-invalid`, `aria-describedby`), 16 px text or more so phones do not zoom,
 * and the system's own pickers for choices and times. Colours and sizes come from the theme
 * through the custom properties `AppRoot` sets, so large-text mode applies here too.
 */

interface Bound<T> {
  id: string;
  value: T;
  onChange: (value: T) => void;
  problem?: string | undefined;
}

/** A field of a plain form, as its control takes it. */
export function bound<V, T = string>(form: PlainForm<V>, path: string): Bound<T> {
  return { id: form.idOf(path), value: form.value(path) as T, onChange: (v: T) => form.setAt(path, v), problem: form.problem(path) };
}

const messageId = (id: string) => `${id}-message`;
const hintId = (id: string) => `${id}-hint`;

/** What a control says of itself to a screen reader: invalid or not, and the texts under it. */
export function described(id: string, problem: string | undefined, hint: ReactNode) {
  const ids = [problem ? messageId(id) : null, hint ? hintId(id) : null].filter(Boolean).join(' ');
  return { 'aria-invalid': problem ? true : undefined, 'aria-describedby': ids || undefined };
}

/** The hint and the message under a control. */
export function FieldNotes({ id, problem, hint }: { id: string; problem?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint && <p className="pf-hint" id={hintId(id)}>{hint}</p>}
      {problem && (
        <p className="pf-message" id={messageId(id)} role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function Label({ id, hidden, children }: { id: string; hidden?: boolean | undefined; children: ReactNode }) {
  return (
    <label className={hidden ? 'pf-label pf-hidden' : 'pf-label'} htmlFor={id}>
      {children}
    </label>
  );
}

export function PlainFormElement({ onSubmit, children, testId }: { onSubmit: () => void; children: ReactNode; testId?: string }) {
  return (
    <form
      noValidate
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** A field that shows a value instead of asking for one (the household being reported for). */
export function ShownField({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="pf-field">
      <div className="pf-label">{label}</div>
      <div className="pf-shown">{children}</div>
    </div>
  );
}

/**
 * One line of text, or several (`rows`). With `max`, a counter shows how much is left and the
 * form's check says by how much a text is over before it is sent: nothing is cut silently.
 */
export function TextField({ id, value, onChange, problem, label, hideLabel, hint, max, rows, placeholder, testId, type = 'text', inputMode, min, maxValue }: Bound<string | undefined> & {
  label: ReactNode;
  hideLabel?: boolean;
  hint?: ReactNode;
  max?: number;
  rows?: number;
  placeholder?: string;
  testId?: string;
  type?: 'text' | 'search' | 'number' | 'datetime-local';
  inputMode?: 'numeric' | 'text';
  min?: string | number;
  maxValue?: string | number;
}) {
  const text = value ?? '';
  const common = {
    id,
    value: text,
    placeholder,
    'data-testid': testId,
    className: 'pf-control',
    ...described(id, problem, hint),
  };
  return (
    <div className="pf-field">
      <Label id={id} hidden={hideLabel}>{label}</Label>
      {rows ? (
        <textarea {...common} rows={rows} style={{ minHeight: `calc(${rows}lh + 16px)` }} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} min={min} max={maxValue} onChange={(e) => onChange(e.target.value)} />
      )}
      {max !== undefined && (
        <p className="pf-count" data-over={text.length > max}>
          {text.length} / {max}
        </p>
      )}
      <FieldNotes id={id} problem={problem} hint={hint} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}
export interface ChoiceGroup {
  label: string;
  options: Choice[];
}

/** The system's own picker: a wheel or list on a phone, groups as headings that cannot be chosen. */
export function SelectField({ id, value, onChange, problem, label, hideLabel, hint, placeholder, options, disabled, testId }: Bound<string | undefined> & {
  label: ReactNode;
  hideLabel?: boolean;
  hint?: ReactNode;
  /** The empty choice's text; without it, one of the options is always chosen. */
  placeholder?: string;
  options: (Choice | ChoiceGroup)[];
  disabled?: boolean;
  testId?: string;
}) {
  const option = (c: Choice) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  );
  return (
    <div className="pf-field">
      <Label id={id} hidden={hideLabel}>{label}</Label>
      <select
        id={id}
        className="pf-control"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid={testId}
        {...described(id, problem, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) =>
          'options' in o ? (
            <optgroup key={o.label} label={o.label}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
      <FieldNotes id={id} problem={problem} hint={hint} />
    </div>
  );
}

/**
 * One of a few choices as large buttons (`buttons`) or as cards with a line of explanation
 * (`cards`): radio inputs in a fieldset, so a screen reader says the group and the choice.
 */
export function ChoiceField({ id, value, onChange, problem, label, hideLabel, options, look = 'buttons', testId }: Bound<string | undefined> & {
  label: string;
  hideLabel?: boolean;
  options: (Choice & { detail?: ReactNode; testId?: string })[];
  look?: 'buttons' | 'cards';
  testId?: string;
}) {
  return (
    <fieldset className="pf-field pf-fieldset" data-testid={testId} {...described(id, problem, undefined)}>
      <legend className={hideLabel ? 'pf-label pf-hidden' : 'pf-label'}>{label}</legend>
      <div className={`pf-choices pf-${look}`}>
        {options.map((o, i) => (
          <label key={o.value} className="pf-choice" data-testid={o.testId}>
            {/* The first radio carries the field's id: a message moves focus to the group. */}
            <input type="radio" id={i === 0 ? id : undefined} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span className="pf-choice-label">{o.label}</span>
            {o.detail && <span className="pf-choice-detail">{o.detail}</span>}
          </label>
        ))}
      </div>
      <FieldNotes id={id} problem={problem} />
    </fieldset>
  );
}

/** A search box over a list: its label is said to screen readers, its placeholder says what to type. */
export function SearchBox({ label, value, onChange, placeholder, testId }: { label: string; value: string; onChange: (v: string) => void; placeholder: string; testId?: string }) {
  return (
    <input type="search" className="pf-control" aria-label={label} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
  );
}
