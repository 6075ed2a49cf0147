import net from 'node:net';
import path from 'node:path';

/** Runtime configuration, read once from the environment (documented in README). */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, the PII key file and uploaded files. */
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of the embedded PGlite database. */
  databaseUrl?: string;
  /** base64 of 32 bytes; when absent a development key is created in dataDir. */
  piiKey?: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Send cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  seedDemo: boolean;
  logLevel: string;
  /** Webhooks may call private and local addresses (an intranet receiver); off by default. */
  webhookPrivateTargets: boolean;
  /**
   * Whom X-Forwarded-For is believed from: nobody (false), the proxies at these addresses or
   * CIDR ranges, or the nearest N hops. The client address limits failed sign-ins and is audited.
   */
  trustProxy: false | string[] | number;
  /** The Open311 discovery document's contact: how client developers reach the operator. */
  open311Contact?: string;
  /**
   * The most needs one board-map view shows as points; a view with more answers per-grid
   * counts instead, so no answer carries more points than a person can read.
   */
  mapPointsMax: number;
  /**
   * Writes one register-import transaction makes; a larger import runs as a job in batches of
   * this size, with its progress readable while it runs.
   */
  importBatchRows: number;
  /**
   * Test servers only: routes that move one record's clock to now (a call's deadline, its
   * publicity's end), so a browser test walks a round without waiting days. Never in production.
   */
  testTimeControls: boolean;
}

/** A few hundred points is what a person can still tell apart on one community's map. */
export const MAP_POINTS_MAX_DEFAULT = 300;

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// proxy-addr's names for the loopback, link-local and private ranges
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** A wrong TRUST_PROXY stops the start: guessing would either trust every sender or no proxy. */
function trustProxy(value: string | undefined): Config['trustProxy'] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text) || false;
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.find((e) => !isAddressOrRange(e));
  if (wrong !== undefined) {
    throw new Error(`TRUST_PROXY: "${wrong}" is neither a hop count nor a proxy address or CIDR range`);
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    piiKey: env.PII_KEY || undefined,
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    secureCookies: env.SECURE_COOKIES === 'true',
    seedDemo: env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL || 'warn',
    webhookPrivateTargets: env.WEBHOOK_PRIVATE_TARGETS === 'allow',
    trustProxy: trustProxy(env.TRUST_PROXY),
    open311Contact: env.OPEN311_CONTACT?.trim() || undefined,
    mapPointsMax: int(env.MAP_POINTS_MAX, MAP_POINTS_MAX_DEFAULT),
    importBatchRows: int(env.IMPORT_BATCH_ROWS, 2000),
    testTimeControls: env.TEST_TIME_CONTROLS === 'true',
  };
}
