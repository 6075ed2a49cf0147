import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Tag, theme } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMINISTRATIVE_CATEGORIES, PROFESSIONAL_CATEGORIES, type AdministrativeCategory } from '../../../common/worklogs.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/feedback.tsx';
import { entriesOf, extraLine, linesOf, minutesOf, problemOf, totalsOf, type DayLine } from './dayLines.ts';
import { DayTotals } from './DayParts.tsx';
import { HoursOf, MinutesInput } from './MinutesInput.tsx';
import { dayLabel, hours } from './worklogDates.ts';
import { useSaveDay, type WorkDay } from './worklogQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type Task = WorkDay['tasks'][number];

/** One line to log: its name, its minutes, what else it needs, and what is wrong with it. */
function LineRow({ testId, title, meta, children, error, errorId }: { testId: string; title: ReactNode; meta?: ReactNode; children: ReactNode; error?: string; errorId: string }) {
  // A line with a description (a task) gives it the whole width, its minutes below.
  const { token } = theme.useToken();
  return (
    <li data-testid={testId} style={{ padding: '10px 0', borderTop: `1px solid ${token.colorBorderSecondary}`, display: 'flex', flexDirection: 'column', gap: 6 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, rowGap: 6 }}>
        <div style={{ flex: meta ? '1 1 100%' : '1 1 96px', minWidth: 0 }}>
          <div style={{ fontWeight: 600, overflowWrap: 'break-word' }}>{title}</div>
          {meta && <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{meta}</Typography.Text>}
        </div>
        {children}
      </div>
      {error && (
        <Typography.Text type="danger" id={errorId} role="alert" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      )}
    </li>
  );
}

const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/** Who assigned a line's administrative work: a unit the worker serves, or a department of the district named in words. */
function OriginChoice({ line, day, testId, onChange, invalid, describedBy }: { line: DayLine; day: WorkDay; testId: string; onChange: (change: Partial<DayLine>) => void; invalid: boolean; describedBy?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const field: CSSProperties = {
    height: 40, padding: '0 8px', borderRadius: token.borderRadius, border: `1px solid ${invalid ? token.colorError : token.colorBorder}`,
    background: token.colorBgContainer, color: token.colorText, fontSize: token.fontSize, width: '100%', minWidth: 0, boxSizing: 'border-box',
  };
  const selectId = `${testId}-select`;
  const departmentId = `${testId}-department`;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <label htmlFor={selectId} style={{ whiteSpace: 'nowrap' }}>{t('worklog.assignedBy')}</label>
      <select
        id={selectId}
        value={line.origin}
        onChange={(e) => onChange({ origin: e.target.value })}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        style={{ ...field, flex: '1 1 180px', maxWidth: 320 }}
        data-testid={testId}
      >
        <option value="">{t('worklog.chooseOrigin')}</option>
        {day.origins.map((o) => (
          <option key={`${o.origin}:${o.unitId}`} value={`${o.origin}:${o.unitId}`}>
            {t(`worklog.origin.${o.origin}`)} · {o.name}
          </option>
        ))}
        <option value="department">{t('worklog.departmentOption')}</option>
      </select>
      {line.origin === 'department' && (
        <input
          id={departmentId}
          value={line.department}
          maxLength={50}
          onChange={(e) => onChange({ department: e.target.value })}
          placeholder={t('worklog.departmentPlaceholder')}
          aria-label={t('worklog.department')}
          aria-invalid={invalid || undefined}
          style={{ ...field, flex: '1 1 180px', maxWidth: 320 }}
          data-testid={`${testId}-department`}
        />
      )}
    </div>
  );
}

const problemText = { minutes: 'worklog.minutesInvalid', origin: 'worklog.originRequired', department: 'worklog.departmentRequired' } as const;

/**
 * The day being logged: professional minutes, administrative minutes with who assigned them,
 * time against the worker's open tasks; the totals and the share as they stand, and one save.
 */
export function DayEditor({ day, onDirty }: { day: WorkDay; onDirty: (dirty: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { message } = useNotices();
  const [lines, setLines] = useState<DayLine[]>(() => linesOf(day));
  const [saved, setSaved] = useState<DayLine[]>(() => linesOf(day));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveDay(day.day);
  const district = day.origins.find((o) => o.origin === 'district')?.unitId;

  const recordedMinutes = day.recorded.reduce((n, r) => n + r.minutes, 0);
  const totals = totalsOf(lines, recordedMinutes);
  const dirty = useMemo(() => JSON.stringify(entriesOf(lines, district)) !== JSON.stringify(entriesOf(saved, district)), [lines, saved, district]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  // The first line in trouble is brought up from under the totals bar, and its message read out.
  const showFirst = (keys: string[]) =>
    requestAnimationFrame(() => {
      const first = lines.find((l) => keys.includes(l.key));
      if (first) document.getElementById(`worklog-error-${first.key}`)?.scrollIntoView({ block: 'center' });
    });

  const change = (key: string, patch: Partial<DayLine>) => {
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const add = (category: AdministrativeCategory) =>
    setLines((all) => {
      const at = all.map((l) => l.category).lastIndexOf(category);
      return [...all.slice(0, at + 1), extraLine(category, all), ...all.slice(at + 1)];
    });
  const remove = (key: string) => setLines((all) => all.filter((l) => l.key !== key));

  const submit = () => {
    const problems = Object.fromEntries(lines.flatMap((l) => {
      const p = problemOf(l);
      return p ? [[l.key, t(problemText[p])]] : [];
    }));
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure(t('worklog.fixFirst'));
      showFirst(Object.keys(problems));
      return;
    }
    setFailure(null);
    const { entries, keys } = entriesOf(lines, district);
    save.mutate(entries, {
      onSuccess: (next) => {
        const fresh = linesOf(next);
        setLines(fresh);
        setSaved(fresh);
        void message.success(t('worklog.saved'));
      },
      onError: (error) => {
        // A problem of one entry goes beside its line; one of the whole day (too long) in the alert.
        const onLines: Record<string, string> = {};
        const rest: string[] = [];
        for (const f of error instanceof ApiError ? error.fields : []) {
          const m = /^entries\.(\d+)\./.exec(f.field);
          const key = m ? keys[Number(m[1])] : undefined;
          if (key) onLines[key] = f.message;
          else rest.push(f.message);
        }
        setErrors(onLines);
        setFailure(rest.length ? rest.join(' ') : errorMessage(error, t));
        showFirst(Object.keys(onLines));
      },
    });
  };

  const row = (line: DayLine, index: number, first: boolean): ReactNode => {
    const name = t(`worklog.category.${line.category}`);
    const suffix = first ? line.category : `${line.category}-${index + 1}`;
    const error = errors[line.key];
    const errorId = `worklog-error-${line.key}`;
    const minutes = (
      <MinutesInput value={line.minutes} onChange={(minutes) => change(line.key, { minutes })} what={name} testId={`worklog-minutes-${suffix}`} invalid={!!error && problemOf(line) === 'minutes'} describedBy={error ? errorId : undefined} />
    );
    if (line.kind === 'professional') {
      return <LineRow key={line.key} testId={`worklog-row-${suffix}`} title={<>{name}<HoursOf minutes={line.minutes} /></>} error={error} errorId={errorId}>{minutes}</LineRow>;
    }
    return (
      <LineRow key={line.key} testId={`worklog-row-${suffix}`} title={<>{first ? name : t('worklog.sameAgain', { category: name })}<HoursOf minutes={line.minutes} /></>} error={error} errorId={errorId}>
        {minutes}
        <div style={{ flexBasis: '100%', display: 'flex', alignItems: 'center', gap: 8 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <OriginChoice line={line} day={day} testId={`worklog-origin-${suffix}`} onChange={(patch) => change(line.key, patch)} invalid={!!error && problemOf(line) !== 'minutes'} describedBy={error ? errorId : undefined} />
          </div>
          {!first && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(line.key)} aria-label={t('worklog.removeLine', { category: name })} style={{ height: 40, width: 40 }} />}
        </div>
      </LineRow>
    );
  };

  const tasks = lines.filter((l) => l.kind === 'task');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card size="small" title={t('worklog.professional')} data-testid="worklog-professional">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('worklog.professionalHint')}</Typography.Paragraph>
        <ul style={listStyle}>{PROFESSIONAL_CATEGORIES.map((c) => row(lines.find((l) => l.key === c)!, 0, true))}</ul>
      </Card>

      <Card size="small" title={t('worklog.tasks')} data-testid="worklog-tasks">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{tasks.length ? t('worklog.tasksHint') : t('worklog.tasksNone')}</Typography.Paragraph>
        <ul style={listStyle}>
          {tasks.map((line) => {
            const task: Task | undefined = day.tasks.find((x) => x.id === line.taskId);
            const error = errors[line.key];
            const errorId = `worklog-error-${line.key}`;
            const title = task?.title ?? line.taskTitle ?? '';
            const meta = task ? (
              <>
                {t(`worklog.category.${task.category}`)} · {t('worklog.assignedByName', { name: task.originName })}
                {task.dueOn && ` · ${t('worklog.taskDue', { date: dayLabel(task.dueOn, i18n.language, { month: 'short', day: 'numeric' }) })}`}
                {' · '}
                {t('worklog.taskLogged', { logged: hours(task.loggedMinutes), expected: hours(task.expectedMinutes) })}{' '}
                {task.listed ? <Tag>{t('worklog.listed', { matter: task.matterTitle ?? '' })}</Tag> : <Tag color="orange">{t('worklog.unlisted')}</Tag>}
              </>
            ) : (
              <>{t(`worklog.category.${line.category}`)} · {t('worklog.taskClosed')}</>
            );
            return (
              <LineRow key={line.key} testId={`worklog-task-${line.taskId}`} title={<>{title}<HoursOf minutes={line.minutes} /></>} meta={meta} error={error} errorId={errorId}>
                <MinutesInput value={line.minutes} onChange={(minutes) => change(line.key, { minutes })} what={title} testId={`worklog-task-minutes-${line.taskId}`} invalid={!!error} describedBy={error ? errorId : undefined} />
              </LineRow>
            );
          })}
        </ul>
      </Card>

      <Card size="small" title={t('worklog.administrative')} data-testid="worklog-administrative">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('worklog.administrativeHint')}</Typography.Paragraph>
        <ul style={listStyle}>
          {ADMINISTRATIVE_CATEGORIES.map((c) => {
            const own = lines.filter((l) => l.kind === 'administrative' && l.category === c);
            // Another assigner of the same kind of work, once the last line of it holds time.
            const more = (minutesOf(own[own.length - 1]!) ?? 0) > 0;
            return [
              ...own.map((l, i) => row(l, i, i === 0)),
              more && (
                <li key={`${c}-add`} style={{ paddingBottom: 6 }}>
                  <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => add(c)} style={{ paddingInline: 0 }} data-testid={`worklog-add-${c}`}>
                    {t('worklog.addLine', { category: t(`worklog.category.${c}`) })}
                  </Button>
                </li>
              ),
            ];
          })}
        </ul>
      </Card>

      <div
        style={{
          position: 'sticky', bottom: 0, zIndex: 5, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG, padding: '10px 12px', display: 'flex', flexDirection: 'column', gap: 8, boxShadow: token.boxShadowTertiary,
        }}
      >
        {failure && <Alert type="error" showIcon title={failure} data-testid="worklog-error" />}
        {totals.tooLong && !failure && <Alert type="warning" showIcon title={t('worklog.tooLong')} />}
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <div style={{ flex: '1 1 200px', minWidth: 0 }}>
            <DayTotals {...totals} />
            {dirty && <Typography.Text type="secondary" data-testid="worklog-unsaved">{t('worklog.unsaved')}</Typography.Text>}
          </div>
          <Button type="primary" size="large" onClick={submit} loading={save.isPending} style={{ minWidth: 120 }} data-testid="worklog-save">
            {t('worklog.save')}
          </Button>
        </div>
      </div>
    </div>
  );
}
