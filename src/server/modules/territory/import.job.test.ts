import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildImportJob, uploadTo } from './import.testing.ts';
import type { ImportJobView, ImportReport } from './register.schemas.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { fakeIdNumber } from './testing.ts';

// Batches of three writes: a register of a few rows runs as a job of several batches.
let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp({ importBatchRows: 3 });
  a = await buildTree(t);
  b = await buildTree(t);
});
afterAll(() => t.close());

const HEADER = '网格编码,地址,楼栋,户号,姓名,身份证号,手机号,与户主关系,标签';
/** `households` households of two members each, at new addresses, and one row that is refused. */
function register(tree: Tree, households: number, prefix: string) {
  const lines = [HEADER];
  for (let h = 1; h <= households; h++) {
    lines.push(`${tree.grid.code},${prefix}${h}号,,,户主${h},${fakeIdNumber()},,户主,`);
    lines.push(`${tree.grid.code},${prefix}${h}号,,,成员${h},${fakeIdNumber()},,子女,`);
  }
  lines.push(`${tree.grid.code},${prefix}99号,,,坏号,123,,户主,`);
  return Buffer.from(lines.join('\r\n'));
}

type Client = Awaited<ReturnType<typeof clientAs>>;
const upload = (c: Client, mode: string, content: Buffer, tree = a) => uploadTo(c, '/api/v1/imports/residents', { communityId: tree.community.id, mode }, content);
const residentsOf = async (tree: Tree) =>
  Number((await t.db.selectFrom('residents').select((eb) => eb.fn.countAll<string>().as('n')).where('community_id', '=', tree.community.id).executeTakeFirstOrThrow()).n);

async function settled(c: Client, id: string): Promise<ImportJobView> {
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/v1/imports/jobs/${id}`)).json<ImportJobView>();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

describe('a register larger than one batch', () => {
  it('is checked at once, answered with the job, and written in batches with progress and an audit record each', async () => {
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const file = register(a, 4, '江北路');
    const dry = (await upload(c, 'dry_run', file)).json<ImportReport>();
    expect(dry).toMatchObject({ mode: 'dry_run', total: 9, valid: 8, wouldCreate: { households: 4, residents: 8, buildings: 0 } });
    const before = await residentsOf(a);
    const batchesBefore = await auditCount(t.db, 'import.batch');

    const res = await upload(c, 'commit', file);
    expect(res.statusCode).toBe(200);
    const started = res.json<ImportReport>();
    // The check is answered whole, before anything is written.
    expect(started).toMatchObject({ mode: 'job', total: 9, valid: 8 });
    expect(started.errors.map((e) => [e.line, e.code])).toEqual([[10, 'resident.id_number_format']]);
    expect(started.job).toMatchObject({ communityId: a.community.id, writesTotal: 12, fileName: 'register.csv' });
    expect(started.job!.writesDone).toBeLessThanOrEqual(12);

    const job = await settled(c, started.job!.id);
    expect(job).toMatchObject({ state: 'done', writesTotal: 12, writesDone: 12, error: null });
    expect(job.finishedAt).not.toBeNull();
    expect(job.report).toMatchObject({ mode: 'commit', total: 9, valid: 8, created: { households: 4, residents: 8, buildings: 0 }, updated: { residents: 0 } });
    expect(await residentsOf(a)).toBe(before + 8);
    // 4 households and 8 residents in batches of three writes.
    expect((await auditCount(t.db, 'import.batch')) - batchesBefore).toBe(4);
    const commit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'import.commit').where('entity_id', '=', a.community.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(commit.after).toMatchObject({ total: 9, valid: 8, created: { households: 4, residents: 8 } });

    // The same file again: every row is found, nothing is written, and the job still finishes.
    const again = (await upload(c, 'commit', file)).json<ImportReport>();
    expect((await settled(c, again.job!.id)).report).toMatchObject({ created: { households: 0, residents: 0 }, unchanged: { residents: 8 } });
    expect(await residentsOf(a)).toBe(before + 8);
  });

  it('a batch that fails stops the job; the batches before it stay and the same file again completes the register', async () => {
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const file = register(a, 3, '浦珠路');
    const before = await residentsOf(a);
    // A refusal in the database on the third household's member: the third batch rolls back.
    await sql`create function refuse_member3() returns trigger language plpgsql as $$
      begin if new.name = '成员3' then raise exception 'refused'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger refuse_member3 before insert on residents for each row execute function refuse_member3()`.execute(t.db);
    try {
      const started = (await upload(c, 'commit', file)).json<ImportReport>();
      const job = await settled(c, started.job!.id);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'import.job_failed' } });
      expect(job.error!.message).toContain('再次导入同一文件');
      // Households (3) and the first residents went in the first two batches; the third did not.
      expect(job.writesDone).toBe(6);
      expect(await residentsOf(a)).toBe(before + 3);
      expect(await auditCount(t.db, 'import.fail')).toBe(1);
    } finally {
      await sql`drop trigger refuse_member3 on residents`.execute(t.db);
      await sql`drop function refuse_member3()`.execute(t.db);
    }
    const again = (await upload(c, 'commit', file)).json<ImportReport>();
    expect((await settled(c, again.job!.id)).report).toMatchObject({ created: { households: 0, residents: 3 }, unchanged: { residents: 3 } });
    expect(await residentsOf(a)).toBe(before + 6);
  });

  it('one job writes a community at a time; a job whose process stopped no longer holds it', async () => {
    const c = await clientAs(t, [grantIn('community_admin', b)]);
    const { id } = await buildImportJob(t.db, { districtId: b.district.id, streetId: b.street.id, communityId: b.community.id, createdBy: c.user!.id });
    for (const file of [register(b, 4, '桥北路'), register(b, 1, '桥北路')]) {
      const res = await upload(c, 'commit', file, b);
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('import.job_running');
    }
    // A dry run reads only: it is not held up.
    expect((await upload(c, 'dry_run', register(b, 1, '桥北路'), b)).statusCode).toBe(200);

    await t.db.updateTable('import_jobs').set({ updated_at: sql<Date>`now() - interval '11 minutes'` }).where('id', '=', id).execute();
    expect((await c.get(`/api/v1/imports/jobs/${id}`)).json<ImportJobView>()).toMatchObject({ state: 'failed', error: { code: 'import.job_interrupted' } });
    const res = await upload(c, 'commit', register(b, 2, '桥北路'), b);
    expect(res.statusCode).toBe(200);
    expect((await settled(c, res.json<ImportReport>().job!.id)).state).toBe('done');
    expect((await t.db.selectFrom('import_jobs').select('error_code').where('id', '=', id).executeTakeFirstOrThrow()).error_code).toBe('import.job_interrupted');
  });

  it('is read by the staff who may import into its community; anyone else is told it does not exist', async () => {
    const admin = await clientAs(t, [grantIn('community_admin', a)]);
    const started = (await upload(admin, 'commit', register(a, 2, '新华路'))).json<ImportReport>();
    const path = `/api/v1/imports/jobs/${started.job!.id}`;
    await settled(admin, started.job!.id);
    const table: [string, Parameters<typeof clientAs>[1], number][] = [
      ['community admin of the community', [grantIn('community_admin', a)], 200],
      ['community worker of the community', [grantIn('community_worker', a)], 200],
      ['grid worker of the community', [grantIn('grid_worker', a)], 404],
      ['street officer above it', [grantIn('street_officer', a)], 404],
      ['community admin elsewhere', [grantIn('community_admin', b)], 404],
      ['resident of the community', [grantIn('resident', a)], 404],
    ];
    for (const [who, grants, status] of table) {
      const res = await (await clientAs(t, grants)).get(path);
      expect(res.statusCode, who).toBe(status);
      if (status === 404) expect(res.json<ErrorBody>().error.code, who).toBe('import.job_not_found');
    }
    expect((await admin.get('/api/v1/imports/jobs/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it("lists the community's latest five jobs, newest first, to the same staff", async () => {
    const admin = await clientAs(t, [grantIn('community_admin', a)]);
    await settled(admin, (await upload(admin, 'commit', register(a, 2, '永新路'))).json<ImportReport>().job!.id);
    const res = await admin.get(`/api/v1/imports/jobs?communityId=${a.community.id}`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: ImportJobView[] }>().items;
    const all = await t.db.selectFrom('import_jobs').select(['id']).where('community_id', '=', a.community.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    expect(all.length).toBeGreaterThan(5);
    expect(items.map((j) => j.id)).toEqual(all.slice(0, 5).map((j) => j.id));
    expect(items.every((j) => j.communityId === a.community.id && j.state !== 'running')).toBe(true);
    const table: [string, Parameters<typeof clientAs>[1], number][] = [
      ['community worker of the community', [grantIn('community_worker', a)], 200],
      ['grid worker of the community', [grantIn('grid_worker', a)], 403],
      ['street officer above it', [grantIn('street_officer', a)], 403],
      ['community admin elsewhere', [grantIn('community_admin', b)], 404],
    ];
    for (const [who, grants, status] of table) {
      expect((await (await clientAs(t, grants)).get(`/api/v1/imports/jobs?communityId=${a.community.id}`)).statusCode, who).toBe(status);
    }
  });

  it('keeps the name of the file it was sent as a name that can be stored (no NUL)', async () => {
    const admin = await clientAs(t, [grantIn('community_admin', a)]);
    const res = await uploadTo(admin, '/api/v1/imports/residents', { communityId: a.community.id, mode: 'commit' }, register(a, 2, '浦口路'), 'C:\\登记\u0000表.csv');
    expect(res.statusCode).toBe(200);
    const job = await settled(admin, res.json<ImportReport>().job!.id);
    expect(job).toMatchObject({ state: 'done', fileName: '登记表.csv' });
  });
});
