// The app's servers the HTTP benchmarks start in processes of their own, and their sign-ins.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn } from './load-clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

export interface Server {
  base: string;
  child: ChildProcess;
}

export async function startServer(name: string, port: number, env: Record<string, string>, script = 'src/server/main.ts', nodeArgs: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const probe = script.endsWith('bare-server.ts') ? '/bare/0' : '/api/health';
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} ended (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(base + probe)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`${name} listening at ${base}`);
  return { base, child };
}

export async function stopServer(s: Server) {
  if (s.child.exitCode !== null) return;
  const ended = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await ended;
}

export interface Session {
  headers: Record<string, string>;
}
export const sessionsOf = async (base: string, usernames: string[], password: string) => {
  const out: Session[] = [];
  // One after another: the per-address sign-in limit counts attempts in flight.
  for (const u of usernames) out.push({ headers: await signIn(base, u, password) });
  return out;
};
