import { sql, type Expression, type SqlBool } from 'kysely';
import type { ScopeType } from '../../../common/roles.ts';
import type { Assignment } from './actor.ts';

/**
 * How a table records each scope level: a column holding one id, or an array column of ids.
 * Levels a table does not have are left out, and assignments at those levels match nothing.
 */
export type ScopeColumns = Partial<Record<ScopeType, string | { array: string }>>;

/**
 * The SQL condition "the row lies in one of these assignments' scopes", built into the list
 * query itself so that lists never load rows and filter them afterwards. Every branch carries
 * the tenant key where the assignment knows it, so distributed queries route to one district.
 */
export function scopeCondition(
  assignments: Assignment[],
  columns: ScopeColumns,
  table?: string,
): Expression<SqlBool> {
  const ref = (c: string) => sql.ref(table ? `${table}.${c}` : c);
  const branches: Expression<SqlBool>[] = [];
  for (const a of assignments) {
    if (a.scopeType === 'platform') return sql<SqlBool>`true`;
    const col = columns[a.scopeType];
    if (!col || a.scopeId === null) continue;
    const match =
      typeof col === 'string'
        ? sql<SqlBool>`${ref(col)} = ${a.scopeId}`
        : sql<SqlBool>`${ref(col.array)} @> array[${a.scopeId}]::uuid[]`;
    const district = columns.district;
    branches.push(
      a.districtId && typeof district === 'string' && a.scopeType !== 'district'
        ? sql<SqlBool>`(${ref(district)} = ${a.districtId} and ${match})`
        : match,
    );
  }
  if (branches.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}
