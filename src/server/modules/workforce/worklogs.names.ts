import type { Kysely } from 'kysely';
import type { WorkOrigin } from '../../../common/worklogs.ts';
import type { DB } from '../../tables.ts';
import { describeScopes } from '../territory/index.ts';

export interface UnitRef {
  kind: WorkOrigin | 'community';
  id: string;
}

/** Names of communities, streets and districts (a department's unit is its district), batched. */
export function unitNames(db: Kysely<DB>, units: UnitRef[]): Promise<Map<string, string>> {
  return describeScopes(db, units.map((u) => ({ scopeType: u.kind === 'department' ? 'district' : u.kind, scopeId: u.id, districtId: null })));
}

/** Who assigned work, in words: the department, or the unit's name. */
export const originName = (names: ReadonlyMap<string, string>, unitId: string, department: string | null) => department ?? names.get(unitId) ?? '';
