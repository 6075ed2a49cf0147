import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { errorBody } from './errors.ts';

/**
 * Vite names the files under assets/ after their content, so a browser may keep them for good;
 * every other file (index.html) names the current ones and is revalidated on every visit, so
 * a new version is seen at once.
 */
export function cacheControlOf(webDir: string, file: string): string {
  const [folder, ...rest] = path.relative(webDir, file).split(path.sep);
  return folder === 'assets' && rest.length > 0 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app: its files, and index.html for every other path that is not the
 * API's (the app routes in the browser). The build writes a brotli and a gzip copy beside each
 * file (scripts/vite-precompress.ts); the one the browser accepts is sent as it is, with
 * `Vary: Accept-Encoding`, and the copies are not routes of their own.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string) {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', cacheControlOf(webDir, file));
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    // A file of another build (a tab opened before a new version) is missing, not a page: the
    // browser would otherwise get index.html where it expects a script.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
      return reply.status(404).send(errorBody(new AppError('route.not_found'), request));
    }
    return reply.sendFile('index.html');
  });
}
