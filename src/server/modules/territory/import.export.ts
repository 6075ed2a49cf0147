import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { auditRead, type RequestContext } from '../../platform/http/context.ts';
import { seeGrid, gridScope } from './grids.service.ts';
import { COLUMN_ORDER, COLUMNS } from './import.parse.ts';
import { exportPolicy } from './import.policy.ts';
import { residentPolicy } from './resident.policy.ts';
import type { Relation } from './territory.tables.ts';
import { viewerOf } from './territory.viewer.ts';
import { communityScope, seeCommunity, seeStreet, streetScope } from './units.service.ts';

export type ExportUnit = 'street' | 'community' | 'grid';

/** The words the import reads back as the same relation. */
const RELATION_WORD: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  other: '其他',
};

async function seeUnit(ctx: RequestContext, v: Awaited<ReturnType<typeof viewerOf>>, unit: ExportUnit, id: string) {
  if (unit === 'street') {
    const s = await seeStreet(ctx, v, id);
    return { name: s.name, districtId: s.district_id, scope: streetScope(v, s), column: 'street_id' as const };
  }
  if (unit === 'community') {
    const c = await seeCommunity(ctx, v, id);
    return { name: c.name, districtId: c.district_id, scope: communityScope(v, c), column: 'community_id' as const };
  }
  const g = await seeGrid(ctx, v, id);
  return { name: g.name, districtId: g.district_id, scope: gridScope(v, g), column: 'grid_id' as const };
}

/**
 * The active residents of a street, community or grid in the import's column layout, so that
 * the file can be edited and imported again. Numbers are masked unless the caller may reveal them
 * and asks to; sensitive tags only for those who read them. Every export is audited: it is the
 * whole unit's personal data at once.
 */
export async function exportRegister(ctx: RequestContext, q: { unit: ExportUnit; id: string; reveal?: boolean }) {
  const v = await viewerOf(ctx);
  const u = await seeUnit(ctx, v, q.unit, q.id);
  // The scope's inner reach only widens reading; an export is of the unit itself.
  const own = { ...u.scope, inner: undefined };
  exportPolicy.authorize(v.actor, 'register', own);
  if (q.reveal) residentPolicy.authorize(v.actor, 'reveal', own);
  const sensitiveToo = residentPolicy.can(v.actor, 'read_sensitive', own);

  const [rows, tags] = await Promise.all([
    ctx.db
      .selectFrom('residents as r')
      .innerJoin('households as h', (j) => j.onRef('h.district_id', '=', 'r.district_id').onRef('h.id', '=', 'r.household_id'))
      .innerJoin('grids as g', (j) => j.onRef('g.district_id', '=', 'r.district_id').onRef('g.id', '=', 'r.grid_id'))
      .leftJoin('buildings as b', (j) => j.onRef('b.district_id', '=', 'h.district_id').onRef('b.id', '=', 'h.building_id'))
      .select([
        'g.code as grid_code',
        'h.address',
        'b.name as building',
        'h.household_no',
        'r.name',
        'r.id_number_cipher',
        'r.id_number_masked',
        'r.phone_cipher',
        'r.phone_masked',
        'r.relation',
        'r.tags',
      ])
      .where('r.district_id', '=', u.districtId)
      .where(`r.${u.column}`, '=', q.id)
      .where('r.status', '=', 'active')
      .orderBy('g.code')
      .orderBy('h.address')
      .orderBy('h.id')
      .orderBy(sql`r.relation = 'head'`, 'desc')
      .orderBy('r.name')
      .execute(),
    ctx.db.selectFrom('resident_tags').select(['code', 'name', 'sensitive']).execute(),
  ]);
  const tagName = new Map(tags.filter((t) => sensitiveToo || !t.sensitive).map((t) => [t.code, t.name]));

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(u.name.slice(0, 31) || 'register');
  COLUMN_ORDER.forEach((_, i) => {
    // Text cells: Excel would otherwise turn an ID number into a rounded number.
    sheet.getColumn(i + 1).numFmt = '@';
    sheet.getColumn(i + 1).width = [10, 28, 8, 8, 10, 22, 16, 10, 20][i];
  });
  sheet.addRow(COLUMN_ORDER.map((c) => COLUMNS[c][0])).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.grid_code,
      r.address,
      r.building ?? '',
      r.household_no ?? '',
      r.name,
      q.reveal ? ctx.pii.decrypt(r.id_number_cipher) : r.id_number_masked,
      r.phone_cipher ? (q.reveal ? ctx.pii.decrypt(r.phone_cipher) : (r.phone_masked ?? '')) : '',
      RELATION_WORD[r.relation],
      r.tags.flatMap((t) => tagName.get(t) ?? []).join('、'),
    ]);
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  await auditRead(ctx, {
    action: 'register.export',
    entityType: q.unit,
    entityId: q.id,
    districtId: u.districtId,
    after: { residents: rows.length, revealed: !!q.reveal },
  });
  return { name: u.name, file: Buffer.from(await book.xlsx.writeBuffer()) };
}
