import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web consoles from one origin with the API. Hashed assets are cached for
 * a year; index.html never, so a new release reaches village PCs on the next load.
 * Unknown non-API paths get index.html (client-side routes).
 */
export async function registerWeb(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web build missing; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      res.setHeader(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  // Read per request (it is small and in the page cache) so a rebuild is served at once.
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.readFileSync(index));
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, sendIndex);
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/docs')) {
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: `No route GET ${url}`, details: null } });
    }
    const file = path.join(distDir, path.normalize(url).replace(/^([/\\])+/, ''));
    if (file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(distDir, file));
    }
    if (path.extname(url)) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No file ${url}`, details: null } });
    }
    return sendIndex(request, reply);
  });
}
