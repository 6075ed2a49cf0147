// The embedded default under concurrent load: a server on a fresh PGlite folder with the demo,
// 2,000 needs reported through the API, then the board read by closed-loop clients. It needs no
// city: `npm run bench -- --concurrent --only pglite` runs it alone.
import { DEMO_PASSWORD } from '../seed/demo-accounts.ts';
import { staffNeed } from './intake.ts';
import { runClients, type Figures } from './load-clients.ts';
import { log, sessionsOf, startServer, stopServer, type Session } from './servers.ts';

export async function embeddedBoardReads({ clients, writers, seconds, warmup, dataDir }: {
  clients: number;
  writers: number;
  seconds: number;
  warmup: number;
  dataDir: string;
}): Promise<{ all: Figures; byKind: Record<string, Figures> }> {
  log('embedded database: the demo, then 2,000 reported needs, then board reads');
  const s = await startServer('app on PGlite', 3104, { DATABASE_URL: '', SEED_DEMO: 'true', DATA_DIR: dataDir });
  const [wu] = await sessionsOf(s.base, ['wu'], DEMO_PASSWORD);
  const get = async <T>(p: string) => (await (await fetch(s.base + p, { headers: wu!.headers })).json()) as T;
  const community = (await get<{ items: { id: string }[] }>('/api/v1/communities')).items[0]!.id;
  const households = (await get<{ items: { id: string }[] }>(`/api/v1/households?communityId=${community}&limit=100`)).items.map((h) => h.id);
  const categories = (await get<{ items: { id: string }[] }>('/api/v1/need-categories')).items.map((c) => c.id);
  let next = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < 2000; i = next++) {
        const { body } = staffNeed({ username: 'wu', districtId: '', households, categories, cookie: '', csrf: '' }, i);
        const res = await fetch(`${s.base}/api/v1/needs`, { method: 'POST', headers: { ...wu!.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await res.arrayBuffer();
        if (res.status !== 201) refused++;
      }
    }),
  );
  if (refused) throw new Error(`${refused} of 2,000 extra needs were refused`);
  const [zhou, tsjd] = await sessionsOf(s.base, ['zhou', 'tsjd'], DEMO_PASSWORD);
  const board: [string, string, Session][] = [
    ['needs board', `/api/v1/needs?communityId=${community}`, zhou!],
    ['needs board, filtered', `/api/v1/needs?communityId=${community}&state=reported`, zhou!],
    ['needs map', `/api/v1/needs/map?communityId=${community}`, zhou!],
    ['needs board', '/api/v1/needs', tsjd!],
    ['needs map', '/api/v1/needs/map', tsjd!],
    ['households', `/api/v1/households?communityId=${community}`, zhou!],
  ];
  const result = await runClients(clients, (c, i) => {
    const [kind, p, who] = board[(c + i) % board.length]!;
    return { kind, base: s.base, method: 'GET', path: p, headers: who.headers, expect: 200 };
  }, seconds, warmup);
  await stopServer(s);
  return result;
}
