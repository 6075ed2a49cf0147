import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

function build(coerceTypes: Options['coerceTypes']) {
  const ajv = new Ajv({ ...base, coerceTypes });
  addFormats(ajv);
  return ajv;
}

// Query strings and path parameters arrive as text and must be coerced; JSON bodies carry
// their own types, and coercing them would accept "12" for a number or turn 0 into null
// in a nullable union.
const textParts = build('array');
const bodies = build(false);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : textParts).compile(schema);
