import type { FastifyRequest } from 'fastify';

/**
 * Logs must not hold what lets a reader act as someone else: passwords, session cookies,
 * CSRF tokens, API keys, webhook secrets. Fields with these names are replaced wherever a log
 * object holds them (up to four levels deep, arrays included), and query parameters with
 * such names are replaced in every line written, whatever field or message holds the URL.
 */
const SECRET_FIELDS = [
  'password', 'currentPassword', 'newPassword', 'api_key', 'apiKey', 'token', 'csrfToken', 'secret',
  'authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'x-api-key',
];
const SECRET_NAME = /api_?key|token|secret|passw|signature|session|cookie|auth/i;
const QUERY_PARAM = /([?&])([^=&\s"\\#]+)=([^&\s"\\#]*)/g;
export const REDACTED = '[REDACTED]';

function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Replaces the values of secret query parameters (`api_key`, `token`, …) in a URL or any text. */
export function redactQuery(text: string): string {
  return text.replace(QUERY_PARAM, (param, sep: string, name: string) =>
    SECRET_NAME.test(decoded(name)) ? `${sep}${name}=${REDACTED}` : param,
  );
}

/** Pino options for the server's logger, merged over what the caller gives (level, stream). */
export function loggerOptions(given: object = {}): object {
  const paths = SECRET_FIELDS.flatMap((field) => [0, 1, 2, 3].map((depth) => `${'*.'.repeat(depth).replace(/\.$/, '')}["${field}"]`));
  return {
    ...given,
    redact: { paths, censor: REDACTED },
    serializers: {
      // Fastify's request summary, with secret query parameters replaced in the URL.
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactQuery(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    hooks: { streamWrite: redactQuery },
  };
}
