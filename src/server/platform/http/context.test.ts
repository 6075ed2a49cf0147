import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousContext, auditCount, createTestApp, type TestApp } from '../../testing.ts';
import { command, oneStatementCommand, withinTransaction, type CommandScope, type RequestContext } from './context.ts';

let t: TestApp;
let ctx: RequestContext;
beforeAll(async () => {
  t = await createTestApp();
  ctx = anonymousContext(t);
});
afterAll(() => t.close());

const step = (c: RequestContext, action: string) =>
  command(c, ({ audit }) => audit({ action, entityType: 'test' }));

describe('commands composed in one transaction', () => {
  it('commit together', async () => {
    await withinTransaction(ctx, async (tx) => {
      await step(tx, 'test.together');
      await step(tx, 'test.together');
    });
    expect(await auditCount(t.db, 'test.together')).toBe(2);
  });

  it('roll back together when a later one fails', async () => {
    const boom = new Error('second step failed');
    await expect(
      withinTransaction(ctx, async (tx) => {
        await step(tx, 'test.rolled_back');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await auditCount(t.db, 'test.rolled_back')).toBe(0);
  });

  it('leave a lone command its own transaction', async () => {
    await expect(command(ctx, async ({ audit }) => {
      await audit({ action: 'test.alone', entityType: 'test' });
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(await auditCount(t.db, 'test.alone')).toBe(0);
  });
});

describe('a one-statement command', () => {
  const write = (scope: CommandScope, action: string) => scope.trx.insertInto('audit_log').values(scope.auditRow({ action, entityType: 'test' })).execute();

  it('may read first, then write once', async () => {
    await oneStatementCommand(ctx, async (scope) => {
      await scope.trx.selectFrom('audit_log').select('id').limit(1).execute();
      await write(scope, 'test.one_write');
    });
    expect(await auditCount(t.db, 'test.one_write')).toBe(1);
  });

  it('refuses a second write before it is sent: without a transaction the two would not be atomic', async () => {
    await expect(
      oneStatementCommand(ctx, async (scope) => {
        await write(scope, 'test.second_write');
        await write(scope, 'test.second_write');
      }),
    ).rejects.toThrow(/wrote twice/);
    expect(await auditCount(t.db, 'test.second_write')).toBe(1);
  });

  it('counts a SELECT that writes in a CTE as a write', async () => {
    await expect(
      oneStatementCommand(ctx, async (scope) => {
        await write(scope, 'test.cte_write');
        await scope.trx.with('w', (db) => db.insertInto('audit_log').values(scope.auditRow({ action: 'test.cte_write', entityType: 'test' }))).selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      }),
    ).rejects.toThrow(/wrote twice/);
    expect(await auditCount(t.db, 'test.cte_write')).toBe(1);
  });

  it('runs in the transaction of the command it is part of, and rolls back with it', async () => {
    await expect(
      withinTransaction(ctx, async (tx) => {
        await oneStatementCommand(tx, async (scope) => {
          await write(scope, 'test.inside');
          await write(scope, 'test.inside');
        });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await auditCount(t.db, 'test.inside')).toBe(0);
  });
});
