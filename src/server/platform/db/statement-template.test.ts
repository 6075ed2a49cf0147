import type { Insertable, QueryCreator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../tables.ts';
import { anonymousContext, auditCount, createTestApp, type TestApp } from '../../testing.ts';
import { oneStatementCommand, type RequestContext } from '../http/context.ts';
import type { AuditLogTable } from './platform.tables.ts';
import { newId } from './ids.ts';
import { StatementTemplate, type TemplateValues } from './statement-template.ts';

let t: TestApp;
let ctx: RequestContext;
beforeAll(async () => {
  t = await createTestApp();
  ctx = anonymousContext(t);
});
afterAll(() => t.close());

type Audit = Insertable<AuditLogTable>;
interface Values extends TemplateValues {
  first: Audit;
  more: Audit[];
}
const row = (action: string, more: Partial<Audit> = {}): Audit => ({ district_id: '00000000-0000-0000-0000-000000000000', id: newId(), action, entity_type: 'test', entity_id: newId(), ...more });

/** Writes `first` and the rows of `more` (in a CTE when there are any); counts its builds. */
function auditTemplate() {
  const built: string[] = [];
  const template = new StatementTemplate<Values>((db, v) => {
    built.push(`${v.more.length} more`);
    const insertFirst = (d: QueryCreator<DB>) => d.insertInto('audit_log').values(v.first).returning(['id', 'action', 'entity_id', 'at']);
    return v.more.length ? insertFirst(db.with('more', (d) => d.insertInto('audit_log').values(v.more))) : insertFirst(db);
  });
  return { template, built };
}

describe('a statement template', () => {
  it('sends each call with its own values, built once for calls of one shape', async () => {
    const { template, built } = auditTemplate();
    const calls = [row('test.template_a'), row('test.template_b'), row('test.template_c')];
    for (const first of calls) {
      const { rows } = await template.execute<{ id: string; action: string; entity_id: string }>(t.db, { first, more: [] });
      expect(rows).toEqual([expect.objectContaining({ id: first.id, action: first.action, entity_id: first.entity_id })]);
    }
    expect(built).toEqual(['0 more']);
    const stored = await t.db.selectFrom('audit_log').select(['id', 'action']).where('id', 'in', calls.map((c) => c.id)).orderBy('id').execute();
    expect(stored).toEqual(calls.map((c) => ({ id: c.id, action: c.action })));
  });

  it('builds again for another number of rows in a list, and puts each row where it belongs', async () => {
    const { template, built } = auditTemplate();
    await template.execute(t.db, { first: row('test.template_first'), more: [row('test.template_more_1')] });
    await template.execute(t.db, { first: row('test.template_first'), more: [row('test.template_more_1'), row('test.template_more_2')] });
    await template.execute(t.db, { first: row('test.template_first'), more: [row('test.template_more_3')] });
    expect(built).toEqual(['1 more', '2 more']);
    expect(await auditCount(t.db, 'test.template_first')).toBe(3);
    expect(await auditCount(t.db, 'test.template_more_1')).toBe(2);
    expect(await auditCount(t.db, 'test.template_more_2')).toBe(1);
    expect(await auditCount(t.db, 'test.template_more_3')).toBe(1);
  });

  it('treats a column a call leaves out as another shape: the column takes its default, not null', async () => {
    const { template, built } = auditTemplate();
    const past = new Date('2026-01-02T03:04:05Z');
    const { rows: dated } = await template.execute<{ at: Date }>(t.db, { first: row('test.template_at', { at: past }), more: [] });
    // Left out as spread code leaves it: the key is there, its value undefined.
    const { rows: undated } = await template.execute<{ at: Date }>(t.db, { first: row('test.template_at', { at: undefined }), more: [] });
    expect(dated[0]!.at.toISOString()).toBe(past.toISOString());
    expect(Math.abs(undated[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(built).toHaveLength(2);
  });

  it('is seen by plugins as a write: a one-statement command refuses a second one before it is sent', async () => {
    const { template } = auditTemplate();
    await expect(
      oneStatementCommand(ctx, async (scope) => {
        await template.execute(scope.trx, { first: row('test.template_once'), more: [] });
        await template.execute(scope.trx, { first: row('test.template_once'), more: [] });
      }),
    ).rejects.toThrow(/wrote twice/);
    expect(await auditCount(t.db, 'test.template_once')).toBe(1);
  });
});
