// The baseline of the concurrent benchmark: bare Fastify and node-postgres sending the very
// statements the app sent for a recorded request, and nothing else (no sessions, validation,
// authorization, audit or JSON shaping beyond returning the last rows). The app's figure divided
// by this one is what the platform's own work costs.
//   BARE_RECIPES — JSON file of recorded requests; BARE_DATABASE_URL; PORT
import fs from 'node:fs';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { newId } from '../src/server/platform/db/ids.ts';
import { decodeRecipes } from './recipes.ts';

const recipes = decodeRecipes(fs.readFileSync(process.env.BARE_RECIPES!, 'utf8'));
// The app's pool size (src/server/platform/db/kysely.ts).
const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false });

// The request arrives as the app's did (method, session headers, JSON body, which Fastify
// parses), so that both sides pay the same for HTTP.
const replay = async (request: FastifyRequest<{ Params: { i: string } }>, reply: FastifyReply) => {
  const recipe = recipes[Number(request.params.i)];
  if (!recipe) return reply.status(404).send({ error: 'no such recipe' });
  // Ids the recorded request created get new values on each replay (the same within one), so a
  // replayed insert never meets the recorded row or another replay of it.
  const fresh = new Map(recipe.newIds.map((id) => [id, newId()]));
  const client = await pool.connect();
  try {
    let rows: unknown[] = [];
    // A recorded write commits like the app's, flush included; its fresh ids make every replay
    // a new row, and the benchmark removes the rows afterwards as it removes the app's.
    for (const s of recipe.statements) {
      rows = (await client.query(s.sql, s.parameters.map((p) => (typeof p === 'string' && fresh.get(p)) || p))).rows;
    }
    client.release();
    return reply.status(recipe.status).send(rows);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    client.release();
    throw e;
  }
};
app.route({ method: ['GET', 'POST'], url: '/bare/:i', handler: replay });

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare baseline listening');
