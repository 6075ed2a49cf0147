import type { LogEvent } from 'kysely';

/** The request as the app received it, which the bare baseline receives too. */
export interface RecordedRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The SQL statements one app request sent, in order, to be replayed by the bare baseline. */
export interface Recipe {
  kind: string;
  request: RecordedRequest;
  status: number;
  /** A write: its replays commit new rows, removed after the scenario. */
  write: boolean;
  statements: { sql: string; parameters: unknown[] }[];
  /** Parameters that are ids the request created (UUIDv7 of the recording's time). */
  newIds: string[];
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const v7Time = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

/** Collects what a Kysely instance sends while `during` runs (the app's `log` option). */
export class StatementRecorder {
  private current: Recipe['statements'] | null = null;
  readonly log = (event: LogEvent) => {
    if (event.level === 'query' && this.current) {
      this.current.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    }
  };
  async record(during: () => Promise<number>, kind: string, request: RecordedRequest, write: boolean): Promise<Recipe> {
    this.current = [];
    const started = Date.now();
    try {
      const status = await during();
      const newIds = new Set(
        this.current.flatMap((s) => s.parameters).filter((p): p is string => typeof p === 'string' && UUID_V7.test(p) && v7Time(p) >= started),
      );
      return { kind, request, status, write, statements: this.current, newIds: [...newIds] };
    } finally {
      this.current = null;
    }
  }
}

// Buffers (ciphertext, hashes) survive JSON as base64; dates are sent as ISO text, which
// PostgreSQL reads the same way.
export const encodeRecipes = (recipes: Recipe[]) =>
  JSON.stringify(recipes, (_k, v: unknown) =>
    v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)
      ? { $bytes: Buffer.from((v as { data: number[] }).data).toString('base64') }
      : v,
  );

export const decodeRecipes = (text: string): Recipe[] =>
  JSON.parse(text, (_k, v: unknown) =>
    v && typeof v === 'object' && typeof (v as { $bytes?: unknown }).$bytes === 'string' ? Buffer.from((v as { $bytes: string }).$bytes, 'base64') : v,
  ) as Recipe[];
