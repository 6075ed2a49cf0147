import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, translate, type FieldError } from '../errors/app-error.ts';
import '../errors/codes.ts';
import { DEFAULT_LOCALE, fromAcceptLanguage } from '../i18n/locale.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const AJV_CODES: Record<string, string> = {
  required: 'validation.required',
  type: 'validation.type',
  format: 'validation.format',
  pattern: 'validation.format',
  minLength: 'validation.too_short',
  maxLength: 'validation.too_long',
  minimum: 'validation.too_small',
  maximum: 'validation.too_large',
  minItems: 'validation.too_short',
  maxItems: 'validation.too_long',
  enum: 'validation.not_allowed',
  const: 'validation.not_allowed',
  anyOf: 'validation.not_allowed',
  additionalProperties: 'validation.unknown_field',
};

/** Schema errors become the same per-field errors that domain rules raise. */
export function fieldErrorsFromAjv(errors: AjvError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, e.params.missingProperty].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') field = [field, e.params.additionalProperty].filter(Boolean).join('.');
    const code = AJV_CODES[e.keyword] ?? 'validation.format';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field: field || '(body)', code, params: { limit: e.params.limit } });
  }
  return out;
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { fields: { field: string; code: string; message: string }[] } };
}

export function errorBody(err: AppError, request: FastifyRequest): ErrorBody {
  // No context yet when the router refuses the URL before the hooks run.
  const locale = request.ctx?.locale ?? fromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE;
  return {
    error: {
      code: err.code,
      message: translate(err.code, locale, err.params),
      ...(err.fields.length
        ? {
            details: {
              fields: err.fields.map((f) => ({
                field: f.field,
                code: f.code,
                message: translate(f.code, locale, f.params),
              })),
            },
          }
        : {}),
    },
  };
}

export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if ((error as FastifyError).validation) {
    appError = new AppError('validation.failed', {}, fieldErrorsFromAjv((error as FastifyError).validation as AjvError[]));
  } else if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE' || (error as FastifyError).statusCode === 413) {
    appError = new AppError('request.too_large');
  } else if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    appError = new AppError('request.unsupported_media');
  } else if ((error as FastifyError).statusCode === 400) {
    appError = new AppError('request.malformed');
  } else if ((error as { code?: string }).code === '23505') {
    // A unique constraint the service did not check first (a race): report, do not crash.
    appError = new AppError('resource.conflict');
  } else {
    request.log.error({ err: error }, 'unhandled error');
    appError = new AppError('server.error');
  }
  if (appError.options.retryAfterSeconds !== undefined) reply.header('retry-after', String(appError.options.retryAfterSeconds));
  return reply.status(appError.status).send(errorBody(appError, request));
}
