import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './ApiError.ts';

// The studio is a single-page app: no inline scripts, no eval, API on the same origin. Styles may be
// inline because echarts and the form renderer set element styles. Every page gets the same policy:
// the designers validate definitions with validators generated ahead of time (@formboard/schema's
// src/generated/), so no page compiles code at run time.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built studio (`vite build` output) from `dir`: its files, and index.html for every other
 * GET outside /api, so client-side routes (`/forms/okr/fill`) survive a reload. Hashed files under
 * assets/ are cached for a year; index.html never, so a new build reaches users on their next load.
 */
export async function serveStudio(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  await app.register(fastifyStatic, { root, serve: false });
  app.get<{ Params: { '*': string } }>(
    '/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const path = request.params['*'];
      if (path === 'api' || path.startsWith('api/'))
        throw new ApiError(404, 'routeNotFound', {
          'zh-CN': `没有这个接口：${request.method} ${request.url}`,
          en: `no such endpoint: ${request.method} ${request.url}`,
        });
      reply.headers(SECURITY_HEADERS);
      const file = resolve(join(root, path));
      const isFile =
        path !== '' && file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
      if (isFile && path.startsWith('assets/'))
        return reply.sendFile(path, { maxAge: YEAR_SECONDS * 1000, immutable: true });
      if (isFile) return reply.sendFile(path, { maxAge: 0 });
      return reply.type('text/html; charset=utf-8').sendFile('index.html', { maxAge: 0 });
    },
  );
}
