import { interpolate, type Locale, type Text } from '../i18n/locale.ts';

export interface ErrorDefinition {
  status: number;
  message: Text;
}

const registry = new Map<string, ErrorDefinition>();

/** Modules declare their codes once; the map from code to HTTP status lives here. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(defs: T): T {
  for (const [code, def] of Object.entries(defs)) {
    if (registry.has(code)) throw new Error(`error code ${code} defined twice`);
    registry.set(code, def);
  }
  return defs;
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()];
}

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface ErrorOptions {
  /** Seconds after which the same request may succeed (sent as Retry-After). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
    readonly options: ErrorOptions = {},
  ) {
    super(code);
    if (!registry.has(code)) throw new Error(`unknown error code ${code}`);
  }
  get status(): number {
    return registry.get(this.code)!.status;
  }
}

export function translate(code: string, locale: Locale, params?: Record<string, unknown>): string {
  const def = registry.get(code);
  return def ? interpolate(def.message[locale], params) : code;
}

/** Shorthand for the common case of one or more invalid fields. */
export function invalid(...fields: FieldError[]): AppError {
  return new AppError('validation.failed', {}, fields);
}

/**
 * An id in a request body answers like an id in the path: one that names nothing the caller
 * may read — missing, in another district, outside their scope — is 404 `resource.not_found`,
 * the same whichever it is, so a body cannot probe what exists. The field says which id.
 */
export function notFoundAt(field: string): AppError {
  return new AppError('resource.not_found', {}, [{ field, code: 'resource.not_found' }]);
}

/**
 * Resolves a body id through a module's read path (which throws `resource.not_found`), naming
 * the field. A 404 that already names a field is about another id and passes unchanged.
 */
export async function referenced<T>(field: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && e.code === 'resource.not_found' && e.fields.length === 0) throw notFoundAt(field);
    throw e;
  }
}
