// Import of a 50,000-row register (issue 13): dry run, commit, a second commit that finds
// everything unchanged, and a commit that changes every phone. Run against PGlite (default) or
// PostgreSQL (TEST_DATABASE_URL), e.g.
//   npx tsx bench/import-register.ts
//   TEST_DATABASE_URL=postgres://… npx tsx bench/import-register.ts
//   ROWS — register size (50,000)
import { idNumberCheckChar } from '../src/common/identity.ts';
import { clientAs, createTestApp } from '../src/server/testing.ts';
import { buildGrid } from '../src/server/modules/territory/testing.ts';
import { uploadTo } from '../src/server/modules/territory/import.testing.ts';
import { buildTree, grantIn } from '../src/server/modules/territory/test-world.ts';

const ROWS = Number(process.env.ROWS ?? 50_000);
const t = await createTestApp();
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
async function run(label: string, mode: string, file: Buffer) {
  const start = performance.now();
  const res = await uploadTo(c, '/api/v1/imports/residents', { communityId: tree.community.id, mode }, file);
  const ms = performance.now() - start;
  const body = res.json<{ valid: number; errors: unknown[]; created?: unknown; updated?: unknown; wouldCreate?: unknown }>();
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(6)} s  status ${res.statusCode} valid ${body.valid} errors ${body.errors?.length} ${JSON.stringify({ ...(body.created ?? body.wouldCreate ?? {}), updated: body.updated })}`);
}
const first = register((i) => `138${String(i).padStart(8, '0')}`);
console.log(`${t.platform.dbKind}, ${ROWS} rows, ${(first.length / 1024 / 1024).toFixed(1)} MB`);
await run('dry run', 'dry_run', first);
await run('commit (all new)', 'commit', first);
await run('commit again (unchanged)', 'commit', first);
await run('commit (every phone changed)', 'commit', register((i) => `139${String(i).padStart(8, '0')}`));
await t.close();
