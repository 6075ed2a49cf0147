import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing.ts';
import type { Database } from '../db/kysely.ts';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.ts';
import { listCalendarDays, loadCalendar } from './calendar.store.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ migrated: false });
});
afterAll(() => database.close());

const localRows = () => database.db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date').execute();

describe('calendar_days holds only local edits over the national calendar', () => {
  it('drops the hand-typed 2026 rows when migrating, and keeps those an admin had changed or added', async () => {
    const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0012')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(earlier, f));
      await migrate(database.db, earlier);
    } finally {
      fs.rmSync(earlier, { recursive: true });
    }
    expect(await localRows()).toHaveLength(39);
    await database.db.updateTable('calendar_days').set({ name: '国庆节（本区顺延）' }).where('date', '=', '2026-10-07').execute();
    await database.db.insertInto('calendar_days').values({ date: '2026-12-31', kind: 'holiday', name: '本区调休' }).execute();

    await migrate(database.db);
    expect(await localRows()).toEqual([
      { date: '2026-10-07', kind: 'holiday', name: '国庆节（本区顺延）' },
      { date: '2026-12-31', kind: 'holiday', name: '本区调休' },
    ]);
  });

  it('computes working days from the national calendar of every year, local edits winning', async () => {
    const calendar = await loadCalendar(database.db);
    expect(calendar.isWorkingDay('2024-02-12')).toBe(false); // Spring Festival 2024, Monday
    expect(calendar.isWorkingDay('2024-02-04')).toBe(true); // its make-up Sunday
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false); // the local edit, a Thursday
    await database.db.insertInto('calendar_days').values({ date: '2025-02-08', kind: 'holiday', name: '' }).execute();
    expect((await loadCalendar(database.db)).isWorkingDay('2025-02-08')).toBe(false);
  });

  it('lists a year with the source of each day', async () => {
    const days = await listCalendarDays(database.db, 2025, 'en');
    expect(days.find((d) => d.date === '2025-02-08')).toEqual({ date: '2025-02-08', kind: 'holiday', name: '', source: 'local' });
    expect(days.find((d) => d.date === '2025-02-04')).toEqual({ date: '2025-02-04', kind: 'holiday', name: 'Spring Festival', source: 'national' });
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });
});
