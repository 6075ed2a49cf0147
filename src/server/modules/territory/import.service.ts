import { sql, type Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { PiiCipher } from '../../platform/crypto/pii.ts';
import { translate, invalid, type FieldError } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { importPolicy } from './import.policy.ts';
import { readRegister, type Register, type Row } from './import.parse.ts';
import { reportWorkbook } from './import.report.ts';
import type { ImportReport } from './register.schemas.ts';
import { checkRow, vocabularyOf, type Checked, type RowProblem } from './import.check.ts';
import { identityColumns, phoneColumns } from './resident.fields.ts';
import { advanceJob, assertNoRunningJob, batchesOf, failJob, finishJob, readJob, startJob, writeCount, type Writes } from './import.job.ts';
import { viewerOf } from './territory.viewer.ts';
import { seeCommunity } from './units.service.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const CHUNK = 500;

interface Community {
  id: string;
  district_id: string;
  street_id: string;
}
interface RowError extends RowProblem {
  line: number;
}
interface Plan {
  total: number;
  errors: RowError[];
  buildings: { id: string; grid_id: string; name: string; address: string }[];
  households: { id: string; grid_id: string; building_id: string | null; address: string; address_key: string; household_no: string | null }[];
  /** Numbers are sealed when written: a dry run never encrypts. */
  inserts: { row: Record<string, unknown>; identity: Checked['id']; phone: string | null }[];
  /** `phone` only when it changes (an import never removes one). */
  updates: { id: string; set: Record<string, unknown>; phone: string | null }[];
  unchanged: number;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Decides what every row would do, reading the register as it is now: households are found by
 * address key, residents by ID-number hash, so that a second run finds what the first made.
 */
async function plan(db: Kysely<DB>, pii: PiiCipher, community: Community, rows: Row[]): Promise<Plan> {
  const d = community.district_id;
  const [buildingRows, vocab] = await Promise.all([
    db.selectFrom('buildings').select(['id', 'name', 'grid_id']).where('district_id', '=', d).where('community_id', '=', community.id).execute(),
    vocabularyOf(db, community),
  ]);
  const errors: RowError[] = [];
  const good: (Checked & { hash: Buffer })[] = [];
  for (const row of rows) {
    const r = checkRow(row, vocab);
    if ('errors' in r) errors.push(...r.errors.map((e) => ({ line: row.line, ...e })));
    else good.push({ ...r.checked, hash: pii.lookupHash(r.checked.id.value) });
  }

  const households = new Map<string, { id: string; grid_id: string; created: boolean }>();
  for (const keys of chunks([...new Set(good.map((g) => g.key))], 1000)) {
    const found = await db
      .selectFrom('households')
      .select(['id', 'grid_id', 'address_key'])
      .where('district_id', '=', d)
      .where('community_id', '=', community.id)
      .where('address_key', 'in', keys)
      .execute();
    found.forEach((h) => households.set(h.address_key, { id: h.id, grid_id: h.grid_id, created: false }));
  }
  const residents = new Map<string, { id: string; community_id: string; household_id: string; grid_id: string; name: string; phone_hash: Buffer | null; relation: string; tags: string[] }>();
  for (const hashes of chunks(good.map((g) => g.hash), 1000)) {
    const found = await db
      .selectFrom('residents')
      .select(['id', 'community_id', 'household_id', 'grid_id', 'name', 'phone_hash', 'relation', 'tags', 'id_number_hash'])
      .where('district_id', '=', d)
      .where('id_number_hash', 'in', hashes)
      .execute();
    found.forEach((r) => residents.set(Buffer.from(r.id_number_hash).toString('hex'), r));
  }
  const buildings = new Map(buildingRows.map((b) => [b.name, { id: b.id, grid_id: b.grid_id }]));
  // Each household's active head as the rows go: a row that would make a second one is refused.
  const heads = new Map<string, { id: string; name: string }>();
  for (const part of chunks([...households.values()].map((h) => h.id), 1000)) {
    const found = await db
      .selectFrom('residents')
      .select(['id', 'name', 'household_id'])
      .where('district_id', '=', d)
      .where('household_id', 'in', part)
      .where('relation', '=', 'head')
      .where('status', '=', 'active')
      .execute();
    found.forEach((r) => heads.set(r.household_id, { id: r.id, name: r.name }));
  }

  const out: Plan = { total: rows.length, errors, buildings: [], households: [], inserts: [], updates: [], unchanged: 0 };
  const seen = new Map<string, number>();
  for (const c of good) {
    const line = c.row.line;
    const hex = c.hash.toString('hex');
    const existing = residents.get(hex);
    const household = households.get(c.key);
    const building = c.row.building ? buildings.get(c.row.building) : undefined;
    const rowErrors: RowError[] = [];
    if (seen.has(hex)) rowErrors.push({ line, field: 'id_number', code: 'import.duplicate_in_file', params: { line: seen.get(hex) } });
    else if (existing && existing.community_id !== community.id) rowErrors.push({ line, field: 'id_number', code: 'import.resident_elsewhere' });
    if (household && household.grid_id !== c.grid.id) rowErrors.push({ line, field: 'address', code: 'import.household_grid_mismatch' });
    if (building && building.grid_id !== c.grid.id) rowErrors.push({ line, field: 'building', code: 'import.unknown_building' });
    const head = household ? heads.get(household.id) : undefined;
    if (c.relation === 'head' && head && head.id !== existing?.id) rowErrors.push({ line, field: 'relation', code: 'resident.second_head', params: { name: head.name } });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    seen.set(hex, line);
    let buildingId = building?.id ?? null;
    if (c.row.building && !building) {
      buildingId = newId();
      buildings.set(c.row.building, { id: buildingId, grid_id: c.grid.id });
      out.buildings.push({ id: buildingId, grid_id: c.grid.id, name: c.row.building, address: c.address });
    }
    let householdId = household?.id;
    // A head who moves away or becomes another member leaves the place free for a later row.
    if (existing && heads.get(existing.household_id)?.id === existing.id && (existing.household_id !== householdId || c.relation !== 'head')) heads.delete(existing.household_id);
    if (!householdId) {
      householdId = newId();
      households.set(c.key, { id: householdId, grid_id: c.grid.id, created: true });
      out.households.push({ id: householdId, grid_id: c.grid.id, building_id: buildingId, address: c.address, address_key: c.key, household_no: c.row.household_no || null });
    }
    const place = { household_id: householdId, grid_id: c.grid.id, street_id: c.grid.street_id, community_id: community.id };
    const residentId = existing?.id ?? newId();
    if (c.relation === 'head') heads.set(householdId, { id: residentId, name: c.row.name });
    if (!existing) {
      out.inserts.push({
        row: { district_id: d, id: residentId, ...place, name: c.row.name, relation: c.relation, tags: c.tags },
        identity: c.id,
        phone: c.phone,
      });
      continue;
    }
    // An import adds tags and fills in phones; removing either is a deliberate edit in the form.
    const tags = [...new Set([...existing.tags, ...c.tags])];
    const phoneChanged = c.phone !== null && !(existing.phone_hash && Buffer.from(existing.phone_hash).equals(pii.lookupHash(c.phone)));
    const changed =
      existing.household_id !== householdId || existing.name !== c.row.name || existing.relation !== c.relation || tags.length !== existing.tags.length || phoneChanged;
    if (!changed) {
      out.unchanged++;
      continue;
    }
    out.updates.push({
      id: existing.id,
      set: { ...place, name: c.row.name, relation: c.relation, tags },
      phone: phoneChanged ? c.phone : null,
    });
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

async function write(trx: Kysely<DB>, pii: PiiCipher, community: Community, p: Pick<Plan, keyof Writes<never, never, never, never>>) {
  const d = community.district_id;
  for (const part of chunks(p.buildings)) {
    await trx
      .insertInto('buildings')
      .values(part.map((b) => ({ district_id: d, street_id: community.street_id, community_id: community.id, ...b })))
      .execute();
  }
  for (const part of chunks(p.households)) {
    await trx
      .insertInto('households')
      .values(part.map((h) => ({ district_id: d, street_id: community.street_id, community_id: community.id, ...h })))
      .execute();
  }
  for (const part of chunks(p.inserts)) {
    const rows = part.map((r) => ({ ...r.row, ...identityColumns(pii, r.identity), ...phoneColumns(pii, r.phone) }));
    await trx.insertInto('residents').values(rows as never).execute();
  }
  // One statement a chunk: a register re-imported after a change touches thousands of rows.
  for (const part of chunks(p.updates)) {
    const values = sql.join(
      part.map((u) => {
        const x = { ...u.set, ...(u.phone ? phoneColumns(pii, u.phone) : {}) } as Record<string, unknown>;
        return sql`(${u.id}::uuid, ${x.household_id}::uuid, ${x.grid_id}::uuid, ${x.street_id}::uuid, ${x.community_id}::uuid, ${x.name}::text,
          ${x.relation}::text, ${x.tags}::text[], ${x.phone_cipher ?? null}::bytea, ${x.phone_hash ?? null}::bytea, ${x.phone_masked ?? null}::text)`;
      }),
    );
    // A null phone in the list means "keep": an import fills in phones and never removes one.
    await sql`update residents r set household_id = v.household_id, grid_id = v.grid_id, street_id = v.street_id,
        community_id = v.community_id, name = v.name, relation = v.relation, tags = v.tags,
        phone_cipher = coalesce(v.phone_cipher, r.phone_cipher), phone_hash = coalesce(v.phone_hash, r.phone_hash),
        phone_masked = coalesce(v.phone_masked, r.phone_masked), updated_at = now()
      from (values ${values}) as v(id, household_id, grid_id, street_id, community_id, name, relation, tags, phone_cipher, phone_hash, phone_masked)
      where r.district_id = ${d} and r.id = v.id`.execute(trx);
  }
}

export interface ImportInput {
  communityId?: string;
  mode?: string;
  sheet?: string;
  file?: Buffer;
  fileName?: string;
}

/** Checks the request, the caller's right to import into the community, and reads the file. */
async function prepare(ctx: RequestContext, input: ImportInput, needsMode: boolean) {
  const v = await viewerOf(ctx);
  const fields: FieldError[] = [];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!input.communityId) fields.push({ field: 'communityId', code: 'validation.required' });
  else if (!uuid.test(input.communityId)) fields.push({ field: 'communityId', code: 'validation.format' });
  if (needsMode && !input.mode) fields.push({ field: 'mode', code: 'validation.required' });
  else if (needsMode && input.mode !== 'dry_run' && input.mode !== 'commit') fields.push({ field: 'mode', code: 'validation.not_allowed' });
  if (!input.file?.length) fields.push({ field: 'file', code: 'import.file_required' });
  if (fields.length) throw invalid(...fields);
  const community = await seeCommunity(ctx, v, input.communityId!);
  importPolicy.authorize(v.actor, 'residents', { districtId: community.district_id, streetId: community.street_id, communityId: community.id });
  const register = await readRegister(input.file!, MAX_IMPORT_ROWS, input.sheet || undefined);
  return { community, register };
}

function messageOf(e: RowError, locale: RequestContext['locale']) {
  const text = translate(e.code, locale, e.params);
  return e.suggestion ? text + translate('import.did_you_mean', locale, { value: e.suggestion }) : text;
}

function summary(ctx: RequestContext, register: Register, p: Plan) {
  const badLines = new Set(p.errors.map((e) => e.line));
  return {
    sheet: register.sheet,
    sheets: register.sheets,
    total: p.total,
    valid: p.total - badLines.size,
    errors: p.errors.map((e) => ({
      line: e.line,
      field: e.field,
      code: e.code,
      message: messageOf(e, ctx.locale),
      ...(e.suggestion ? { suggestion: e.suggestion } : {}),
    })),
  };
}

const countsOf = (p: Plan) => ({
  created: { households: p.households.length, residents: p.inserts.length, buildings: p.buildings.length },
  updated: { residents: p.updates.length },
  unchanged: { residents: p.unchanged },
});

export async function importResidents(ctx: RequestContext, input: ImportInput) {
  const { community, register } = await prepare(ctx, input, true);
  const rows = register.rows;
  if (input.mode === 'dry_run') {
    const p = await plan(ctx.db, ctx.pii, community, rows);
    const { created, updated, unchanged } = countsOf(p);
    return { mode: 'dry_run' as const, ...summary(ctx, register, p), wouldCreate: created, wouldUpdate: updated, unchanged };
  }
  if (rows.length > ctx.config.importBatchRows) return startBatches(ctx, input, community, register);
  await assertNoRunningJob(ctx.db, community);
  // Planned and written in one transaction: the rows found are the rows updated.
  return command(ctx, async ({ trx, audit }) => {
    const p = await plan(trx, ctx.pii, community, rows);
    await write(trx, ctx.pii, community, p);
    const r = { mode: 'commit' as const, ...summary(ctx, register, p), ...countsOf(p) };
    await audit(commitAudit(community, input.fileName, r));
    return r;
  });
}

function commitAudit(community: Community, fileName: string | undefined, r: ImportReport) {
  const { sheet, total, valid, errors, created, updated, unchanged } = r;
  return {
    action: 'import.commit',
    entityType: 'community',
    entityId: community.id,
    districtId: community.district_id,
    after: { file: fileName ?? null, sheet: sheet || null, total, valid, errors: errors.length, created, updated, unchanged },
  };
}

/**
 * A register larger than one batch: the whole file is checked now and answered at once with the
 * job; its writes follow in batches, each one transaction with its audit record and the job's
 * progress. A batch that fails stops the job; the batches before it stay, and importing the same
 * file again finds them unchanged and writes the rest.
 */
async function startBatches(ctx: RequestContext, input: ImportInput, community: Community, register: Register) {
  const p = await plan(ctx.db, ctx.pii, community, register.rows);
  const checked = { mode: 'job' as const, ...summary(ctx, register, p) };
  // A register with nothing to write still runs one (empty) batch that finishes the job.
  const batches = batchesOf(p, ctx.config.importBatchRows);
  if (batches.length === 0) batches.push({ buildings: [], households: [], inserts: [], updates: [] });
  const jobId = await startJob(ctx, community, input.fileName, writeCount(p), checked);
  // Read before the first batch: on PGlite the batches hold the one connection in turn.
  const job = await readJob(ctx, jobId);
  void (async () => {
    try {
      for (const [i, batch] of batches.entries()) {
        // PGlite answers in the same thread without I/O: without a turn of the event loop between
        // batches, no other request (nor this one's answer) would be served until the job ends.
        await new Promise((resolve) => setImmediate(resolve));
        await command(ctx, async ({ trx, audit }) => {
          await write(trx, ctx.pii, community, batch);
          await advanceJob(trx, community, jobId, writeCount(batch));
          await audit({ action: 'import.batch', entityType: 'community', entityId: community.id, districtId: community.district_id, after: { job: jobId, batch: i + 1, of: batches.length, writes: writeCount(batch) } });
          if (i < batches.length - 1) return;
          const done = { ...checked, mode: 'commit' as const, ...countsOf(p) };
          await finishJob(trx, community, jobId, done);
          await audit(commitAudit(community, input.fileName, done));
        });
      }
    } catch (e) {
      await failJob(ctx, community, jobId, e).catch(() => undefined);
    }
  })();
  return { ...checked, job };
}

/** The dry run as the user's own sheet with a column of problems, to fix in Excel and import again. */
export async function dryRunWorkbook(ctx: RequestContext, input: ImportInput): Promise<Buffer> {
  const { community, register } = await prepare(ctx, input, false);
  const p = await plan(ctx.db, ctx.pii, community, register.rows);
  return reportWorkbook(register, p.errors.map((e) => ({ line: e.line, field: e.field, message: messageOf(e, ctx.locale) })), ctx.locale);
}
