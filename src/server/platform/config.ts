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
  /** The Open311 discovery document's contact: how client developers reach the operator. */
  open311Contact?: string;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
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
    logLevel: env.LOG_LEVEL || 'info',
    webhookPrivateTargets: env.WEBHOOK_PRIVATE_TARGETS === 'allow',
    open311Contact: env.OPEN311_CONTACT?.trim() || undefined,
  };
}
