import type { FastifyInstance } from 'fastify';
import { Client } from '../src/server/testing.ts';

export interface Measurement {
  role: string;
  query: string;
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  avgItems: number;
}

export interface Scenario {
  role: string;
  username: string;
  password: string;
  /** Query name → the URLs to request, cycled through. */
  queries: [string, string[]][];
}

/** The rows of an answer: a list's items, or the board map's points or grid counts. */
function rowsOf(body: unknown): number {
  const b = body as { items?: unknown[]; points?: unknown[]; grids?: unknown[] };
  return (b.items ?? b.points ?? b.grids ?? []).length;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Signs in through the real login route and requests each URL through the whole app
 * (session hook, schema validation, scoped SQL, presentation), one request at a time.
 */
export async function measure(app: FastifyInstance, s: Scenario, requests: number, warmup: number): Promise<Measurement[]> {
  const client = new Client(app);
  const login = await client.login(s.username, s.password);
  if (login.statusCode !== 200) throw new Error(`bench login ${s.username}: ${login.statusCode} ${login.body}`);
  const results: Measurement[] = [];
  for (const [query, urls] of s.queries) {
    if (urls.length === 0) throw new Error(`no URLs for ${s.role} / ${query}`);
    for (let i = 0; i < warmup; i++) await client.get(urls[i % urls.length]!);
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < requests; i++) {
      const url = urls[i % urls.length]!;
      const started = performance.now();
      const res = await client.get(url);
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${s.role} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      items += rowsOf(res.json());
    }
    times.sort((a, b) => a - b);
    results.push({
      role: s.role,
      query,
      requests,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      avgItems: items / requests,
    });
  }
  return results;
}

/** Follows a listing's cursors and returns those of the later pages (for deep-page requests). */
export async function deepCursors(app: FastifyInstance, s: Pick<Scenario, 'username' | 'password'>, url: string, maxPages = 400) {
  const client = new Client(app);
  await client.login(s.username, s.password);
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const res = await client.get(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    cursor = (res.json() as { nextCursor: string | null }).nextCursor;
    if (!cursor) break;
    cursors.push(cursor);
  }
  // The second half of the list: pages that only a keyset cursor reaches cheaply.
  return cursors.slice(Math.floor(cursors.length / 2));
}
