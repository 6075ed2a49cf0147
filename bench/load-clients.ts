import http from 'node:http';

/** One HTTP request of a load client: where, how, and what counts as success. */
export interface Call {
  /** Group the figures are reported under (e.g. "needs board", "intake"). */
  kind: string;
  base: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect: number;
}

export interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The first refused or failed answer, to tell why errors happened. */
  firstError?: string;
}

interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
}

// Keep-alive sockets, as browsers and the app's reverse proxy hold them; one per client.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(call: Call): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(call.path, call.base);
    const req = http.request(
      url,
      { method: call.method, agent, headers: { ...call.headers, ...(call.body ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(call.body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round = (n: number) => Math.round(n * 10) / 10;

function figures(samples: Sample[], seconds: number, firstError?: string): Figures {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  return {
    requests: samples.length,
    errors,
    perSecond: round(samples.length / seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    ...(errors && firstError ? { firstError } : {}),
  };
}

/**
 * Closed-loop clients: each sends its next request when the last one answered, for `warmup`
 * seconds unmeasured and then `seconds` measured. `next(client, i)` gives client `client` its
 * i-th request. Figures come per kind and for all kinds together.
 */
export async function runClients(
  clients: number,
  next: (client: number, i: number) => Call,
  seconds: number,
  warmup: number,
  onAnswer?: (call: Call, status: number, text: string) => void,
): Promise<{ all: Figures; byKind: Record<string, Figures> }> {
  const samples: Sample[] = [];
  const firstErrors = new Map<string, string>();
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < end; i++) {
        const call = next(client, i);
        const sent = performance.now();
        let ok = false;
        try {
          const res = await send(call);
          ok = res.status === call.expect;
          if (!ok && !firstErrors.has(call.kind)) firstErrors.set(call.kind, `${call.method} ${call.path}: ${res.status} ${res.text.slice(0, 200)}`);
          onAnswer?.(call, res.status, res.text);
        } catch (e) {
          if (!firstErrors.has(call.kind)) firstErrors.set(call.kind, `${call.method} ${call.path}: ${(e as Error).message}`);
        }
        const done = performance.now();
        if (sent >= measureFrom && done <= end) samples.push({ kind: call.kind, ms: done - sent, ok });
      }
    }),
  );
  const byKind: Record<string, Figures> = {};
  for (const kind of new Set(samples.map((s) => s.kind))) {
    byKind[kind] = figures(
      samples.filter((s) => s.kind === kind),
      seconds,
      firstErrors.get(kind),
    );
  }
  return { all: figures(samples, seconds, [...firstErrors.values()][0]), byKind };
}

/**
 * Clients take the next call from one list until none is left (each call may be sent once: a
 * sign-in that must be new each time); the first `warmup` calls are not measured, and the rate
 * is over the time from the first measured send to the last measured answer.
 */
export async function runQueue(clients: number, calls: Call[], warmup: number): Promise<Figures> {
  const samples: Sample[] = [];
  let firstError: string | undefined;
  let from = Infinity;
  let to = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < calls.length; i = next++) {
        const call = calls[i]!;
        const sent = performance.now();
        let ok = false;
        try {
          const res = await send(call);
          ok = res.status === call.expect;
          if (!ok) firstError ??= `${call.method} ${call.path}: ${res.status} ${res.text.slice(0, 200)}`;
        } catch (e) {
          firstError ??= `${call.method} ${call.path}: ${(e as Error).message}`;
        }
        const done = performance.now();
        if (i < warmup) continue;
        samples.push({ kind: call.kind, ms: done - sent, ok });
        from = Math.min(from, sent);
        to = Math.max(to, done);
      }
    }),
  );
  return figures(samples, samples.length ? (to - from) / 1000 : 1, firstError);
}

/** Signs in through the login route; the session cookie and CSRF token of the answer. */
export async function signIn(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sanshe_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie!, 'x-csrf-token': csrfToken };
}

export function closeClients() {
  agent.destroy();
}
