-- The national calendar now comes from the chinese-days package (platform/calendar/national-calendar.ts)
-- for every year it has announced; calendar_days keeps only the platform admin's local edits over it.
-- The 2026 rows 0004 typed by hand are the package's 2026 calendar: they go, unless an admin has
-- changed them since (then kind or name differ and the row stays as a local edit).

delete from calendar_days where (date, kind, name) in (values
  ('2026-01-01'::date, 'holiday', '元旦'), ('2026-01-02'::date, 'holiday', '元旦'), ('2026-01-03'::date, 'holiday', '元旦'),
  ('2026-01-04'::date, 'workday', '元旦调休'),
  ('2026-02-14'::date, 'workday', '春节调休'),
  ('2026-02-15'::date, 'holiday', '春节'), ('2026-02-16'::date, 'holiday', '春节'), ('2026-02-17'::date, 'holiday', '春节'),
  ('2026-02-18'::date, 'holiday', '春节'), ('2026-02-19'::date, 'holiday', '春节'), ('2026-02-20'::date, 'holiday', '春节'),
  ('2026-02-21'::date, 'holiday', '春节'), ('2026-02-22'::date, 'holiday', '春节'), ('2026-02-23'::date, 'holiday', '春节'),
  ('2026-02-28'::date, 'workday', '春节调休'),
  ('2026-04-04'::date, 'holiday', '清明节'), ('2026-04-05'::date, 'holiday', '清明节'), ('2026-04-06'::date, 'holiday', '清明节'),
  ('2026-05-01'::date, 'holiday', '劳动节'), ('2026-05-02'::date, 'holiday', '劳动节'), ('2026-05-03'::date, 'holiday', '劳动节'),
  ('2026-05-04'::date, 'holiday', '劳动节'), ('2026-05-05'::date, 'holiday', '劳动节'),
  ('2026-05-09'::date, 'workday', '劳动节调休'),
  ('2026-06-19'::date, 'holiday', '端午节'), ('2026-06-20'::date, 'holiday', '端午节'), ('2026-06-21'::date, 'holiday', '端午节'),
  ('2026-09-20'::date, 'workday', '国庆节调休'),
  ('2026-09-25'::date, 'holiday', '中秋节'), ('2026-09-26'::date, 'holiday', '中秋节'), ('2026-09-27'::date, 'holiday', '中秋节'),
  ('2026-10-01'::date, 'holiday', '国庆节'), ('2026-10-02'::date, 'holiday', '国庆节'), ('2026-10-03'::date, 'holiday', '国庆节'),
  ('2026-10-04'::date, 'holiday', '国庆节'), ('2026-10-05'::date, 'holiday', '国庆节'), ('2026-10-06'::date, 'holiday', '国庆节'),
  ('2026-10-07'::date, 'holiday', '国庆节'),
  ('2026-10-10'::date, 'workday', '国庆节调休')
);

comment on table calendar_days is 'Local edits of the platform admin over the national calendar: a date here overrides it.';
