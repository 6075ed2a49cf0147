import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/kysely.ts';
import { migrate } from './platform/db/migrate.ts';

// `npm run migrate`: applies pending migrations to the configured database, then exits.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(database.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await database.close();
