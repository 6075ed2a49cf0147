import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createTestApp, type TestApp } from '../../testing.ts';
import { command, withinTransaction, type RequestContext } from './context.ts';

let t: TestApp;
let ctx: RequestContext;
beforeAll(async () => {
  t = await createTestApp();
  ctx = { ...t.platform, actor: null, locale: 'zh-CN', ip: '' };
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
