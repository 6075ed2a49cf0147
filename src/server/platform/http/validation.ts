import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { invalid, type FieldError } from '../errors/app-error.ts';
import { isDate, isDateTime, isStorableText, isUuid } from './formats.ts';

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

function build(coerceTypes: Options['coerceTypes']) {
  const ajv = new Ajv({ ...base, coerceTypes });
  addFormats(ajv);
  // Stricter than ajv-formats: a value these accept must also be one PostgreSQL reads.
  ajv.addFormat('date', isDate);
  ajv.addFormat('date-time', isDateTime);
  ajv.addFormat('uuid', isUuid);
  return ajv;
}

// Query strings and path parameters arrive as text and must be coerced; JSON bodies carry
// their own types, and coercing them would accept "12" for a number or turn 0 into null
// in a nullable union.
const textParts = build('array');
const bodies = build(false);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : textParts).compile(schema);

/**
 * Fields (dotted paths, as in schema errors) of strings and keys that PostgreSQL cannot store.
 * Iterative, so that deeply nested input cannot exhaust the stack.
 */
export function unstorableTextFields(value: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) out.push(path);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (!isStorableText(k)) out.push(at);
        else stack.push([child, at]);
      }
    }
  }
  return out.sort();
}

/**
 * Every route, with a schema or not (Open311 forms), refuses such text in its path, query and
 * body before any handler runs, so no module has to remember it and nothing is half-written.
 */
export function refuseUnstorableText(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const fields = [request.params, request.query, request.body].flatMap(unstorableTextFields);
    if (fields.length > 0) {
      throw invalid(...fields.map((field): FieldError => ({ field: field || '(body)', code: 'validation.invalid_characters' })));
    }
  });
}
