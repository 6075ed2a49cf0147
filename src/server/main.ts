import { loadConfig } from './platform/config.ts';
import { startUpkeep, upkeep } from './platform/db/upkeep.ts';
import { startPlatform } from './platform/startup.ts';
import { startWebhookWorker } from './platform/webhooks/webhooks.ts';
import { seedDemoIfEmpty, DEMO_ACCOUNTS } from '../../seed/demo.ts';
import { consoleProgress } from '../../seed/demo-progress.ts';
import { startNeedJobs } from './modules/needs/index.ts';
import { countDueRounds } from './modules/participation/index.ts';

const config = loadConfig();
const { app, database, platform, caches } = await startPlatform(config, { level: config.logLevel });

if (config.seedDemo) {
  const progress = consoleProgress();
  await seedDemoIfEmpty(platform, undefined, progress.report);
  progress.finish();
}

// The embedded database has no autovacuum: the server keeps its statistics (and free space)
// itself, first before it answers anything (a demo just loaded was never analyzed; an earlier
// run's writes are known only by the tables' sizes).
let stopUpkeep = () => {};
if (database.kind === 'pglite') {
  await upkeep(platform.db, { bySize: true });
  stopUpkeep = startUpkeep(platform.db, 10_000, {
    done: (tables, ms) => app.log.info({ tables, ms: Math.round(ms) }, 'database upkeep'),
    error: (e) => app.log.error(e, 'database upkeep failed'),
  });
}

// Escalation of overdue needs and auto-confirmation run every five minutes.
const stopNeedJobs = startNeedJobs(platform.db, 5 * 60_000, (e) => app.log.error(e, 'needs jobs failed'));
// Budget rounds are counted within a minute of their window closing (a reader may count first).
const roundsTimer = setInterval(() => void countDueRounds(platform.db).catch((e) => app.log.error(e, 'counting budget rounds failed')), 60_000);
roundsTimer.unref();

const webhooks = startWebhookWorker(platform, { onError: (err) => app.log.error({ err }, 'webhook delivery failed') });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  stopNeedJobs();
  clearInterval(roundsTimer);
  stopUpkeep();
  // Close the HTTP server first so no request runs while the database shuts down cleanly.
  await app.close();
  await webhooks.stop();
  await caches.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
// One write, so that whoever waits for "running at" (a supervisor, the start-up test) has the
// logins in the same chunk.
const logins = config.seedDemo ? ['Demo logins:', ...DEMO_ACCOUNTS.map((a) => `${a.role}: ${a.username} / ${a.password}`)] : [];
console.log([`\nSanshe is running at http://${shown}:${config.port}  (database: ${database.kind})`, ...logins].join('\n'));
