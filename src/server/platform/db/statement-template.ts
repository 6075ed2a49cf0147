import type { Compilable, Kysely, QueryResult, RootOperationNode } from 'kysely';
import type { DB } from '../../tables.ts';

/** A table row's values as Kysely's `values()` takes them (plain values, no expressions). */
type Row = Record<string, unknown>;
/** What one statement writes, by name: single rows and lists of rows. */
export type TemplateValues = Record<string, Row | Row[]>;

const SLOT = Symbol('slot');
interface Slot {
  /** The value's row: `name`, or row `index` of the list `name`; and its column. */
  readonly [SLOT]: [name: string, index: number | null, column: string];
}
const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && SLOT in v;

interface Compiled {
  sql: string;
  query: RootOperationNode;
  /** Each parameter: a value of the call (its slot), or one the statement itself holds. */
  parameters: unknown[];
}

/** The columns a row sets: Kysely leaves out the undefined ones, so they change the statement. */
const columnsOf = (row: Row) => Object.keys(row).filter((k) => row[k] !== undefined);

/**
 * A statement that Kysely builds and compiles once per shape and that is sent afterwards with
 * each call's values: for the hottest writes, whose building and compiling cost more Node time
 * than sending them (decision 0036). `build` gets stand-ins for the values, which Kysely passes
 * through as parameters; a call puts its values where they stood. The shape is the names, the
 * number of rows in each list and the columns each row sets, so `build` may branch on those and
 * on nothing else (it never sees a value).
 */
export class StatementTemplate<V extends TemplateValues> {
  private readonly shapes = new Map<string, Compiled>();

  constructor(private readonly build: (db: Kysely<DB>, values: V) => Compilable) {}

  /**
   * Runs the statement on `db` with `values`. Plugins (e.g. OneWrite) see it as if built here;
   * one that rewrites queries would not change it: its SQL was compiled without plugins.
   */
  async execute<R>(db: Kysely<DB>, values: V): Promise<QueryResult<R>> {
    const shape = Object.entries(values)
      .map(([name, v]) => (Array.isArray(v) ? `${name}[${v.length}]:${v.map((row) => columnsOf(row).join(',')).join(';')}` : `${name}:${columnsOf(v).join(',')}`))
      .join('|');
    let compiled = this.shapes.get(shape);
    if (!compiled) {
      compiled = this.compile(db, values);
      this.shapes.set(shape, compiled);
    }
    const parameters = compiled.parameters.map((p) => {
      if (!isSlot(p)) return p;
      const [name, index, column] = p[SLOT];
      const v = values[name]!;
      return (Array.isArray(v) ? v[index!]! : v)[column];
    });
    const executor = db.getExecutor();
    const queryId = { queryId: '' };
    const query = executor.transformQuery(compiled.query, queryId);
    return executor.executeQuery<R>({ sql: compiled.sql, parameters, query, queryId });
  }

  private compile(db: Kysely<DB>, values: V): Compiled {
    const standIn = (name: string, row: Row, index: number | null) =>
      Object.fromEntries(columnsOf(row).map((column) => [column, { [SLOT]: [name, index, column] } satisfies Slot]));
    const standIns = Object.fromEntries(
      Object.entries(values).map(([name, v]) => [name, Array.isArray(v) ? v.map((row, i) => standIn(name, row, i)) : standIn(name, v, null)]),
    ) as V;
    // Compiled without plugins: they see each call's statement in execute().
    const { sql, query, parameters } = this.build(db.withoutPlugins(), standIns).compile();
    return { sql, query, parameters: [...parameters] };
  }
}
