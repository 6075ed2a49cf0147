// Import of a 50,000-row register (issue 13): dry run, commit, a second commit that finds
// everything unchanged, and a commit that changes every phone. A commit larger than one batch
// (IMPORT_BATCH_ROWS, 2,000) is answered once checked and written by a job: the figures are the
// answer, the end of the job, and the latency of a read sent every 200 ms while it writes (on
// PGlite everything shares one connection). Run against PGlite (default) or PostgreSQL
// (TEST_DATABASE_URL), e.g.
//   npx tsx bench/import-register.ts
//   TEST_DATABASE_URL=postgres://… npx tsx bench/import-register.ts
//   ROWS — register size (50,000); IMPORT_BATCH_ROWS — batch size (2,000)
import { idNumberCheckChar } from '../src/common/identity.ts';
import { clientAs, createTestApp } from '../src/server/testing.ts';
import { buildGrid } from '../src/server/modules/territory/testing.ts';
import { uploadTo } from '../src/server/modules/territory/import.testing.ts';
import { buildTree, grantIn } from '../src/server/modules/territory/test-world.ts';

const ROWS = Number(process.env.ROWS ?? 50_000);
const t = await createTestApp({ importBatchRows: Number(process.env.IMPORT_BATCH_ROWS ?? 2000) });
const tree = await buildTree(t);
const grids: string[] = [];
for (let g = 0; g < 100; g++) grids.push((await buildGrid(t.db, { community: tree.community, code: `B-${g}` })).code);

const id = (i: number) => {
  const first17 = `320111${1940 + Math.floor(i / 1000)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
// Three residents a household, a head first; 500 households a grid.
const relations = ['户主', '配偶', '之子'];
const register = (phone: (i: number) => string) =>
  Buffer.from(
    [
      '网格编码,地址,楼栋,户号,姓名,身份证号,手机号,与户主关系,标签',
      ...Array.from({ length: ROWS }, (_, i) => {
        const h = Math.floor(i / 3);
        return `${grids[Math.floor(h / 500) % grids.length]},测试路${h}号,,,居民${i},${id(i)},${phone(i)},${relations[i % 3]},${i % 7 === 0 ? '低保' : ''}`;
      }),
    ].join('\r\n'),
  );
// Unique ID numbers: one birth year a thousand serials.
const ids = new Set(Array.from({ length: ROWS }, (_, i) => id(i)));
if (ids.size !== ROWS) throw new Error(`only ${ids.size} distinct ID numbers`);

const c = await clientAs(t, [grantIn('community_admin', tree)]);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
interface Answer { valid: number; errors: unknown[]; created?: unknown; updated?: unknown; wouldCreate?: unknown; job?: { id: string } }

/** Reads sent one after another while the job writes: how long the rest of the platform waits. */
async function readsDuring(done: () => boolean) {
  const latencies: number[] = [];
  while (!done()) {
    const start = performance.now();
    await c.get(`/api/v1/households?communityId=${tree.community.id}&limit=20`);
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 200));
  }
  latencies.sort((a, b) => a - b);
  return latencies.length ? `reads during the job: ${latencies.length}, p50 ${Math.round(latencies[Math.floor(latencies.length / 2)]!)} ms, max ${Math.round(latencies.at(-1)!)} ms` : '';
}

async function run(label: string, mode: string, file: Buffer) {
  const start = performance.now();
  const res = await uploadTo(c, '/api/v1/imports/residents', { communityId: tree.community.id, mode }, file);
  const answered = performance.now() - start;
  let body = res.json<Answer>();
  let reads = '';
  if (body.job) {
    let finished = false;
    const readers = readsDuring(() => finished);
    for (;;) {
      const job = (await c.get(`/api/v1/imports/jobs/${body.job.id}`)).json<{ state: string; report: Answer }>();
      if (job.state !== 'running') {
        body = { ...job.report, job: body.job };
        if (job.state !== 'done') throw new Error(`job ${job.state}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    finished = true;
    reads = await readers;
  }
  const total = performance.now() - start;
  console.log(
    `${label.padEnd(28)} ${seconds(total)}${body.job ? ` (answered after ${seconds(answered).trim()})` : ''}  status ${res.statusCode} valid ${body.valid} errors ${body.errors?.length} ` +
      `${JSON.stringify({ ...(body.created ?? body.wouldCreate ?? {}), updated: body.updated })} ${reads}`,
  );
}
const first = register((i) => `138${String(i).padStart(8, '0')}`);
console.log(`${t.platform.dbKind}, ${ROWS} rows, ${(first.length / 1024 / 1024).toFixed(1)} MB`);
await run('dry run', 'dry_run', first);
await run('commit (all new)', 'commit', first);
await run('commit again (unchanged)', 'commit', first);
await run('commit (every phone changed)', 'commit', register((i) => `139${String(i).padStart(8, '0')}`));
await t.close();
