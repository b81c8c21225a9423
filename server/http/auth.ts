import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { type Actor, authenticate, type Role } from '../modules/identity/index.ts';
import { AppError } from '../shared/app-error.ts';

/**
 * Who may call a route. Every route under /api must declare it — a route without one
 * fails at start-up, so nothing is reachable by accident (deny by default).
 */
export type Access = 'public' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set by a handler so the audit row names the county and entity it touched. */
    audit: { countyId?: string | null; entityId?: string | null } | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const SESSION_COOKIE = 'cuntong_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): { token: string; fromCookie: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), fromCookie: false };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, fromCookie: true } : null;
}

/** The signed-in actor; routes behind the guard can rely on it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('audit', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    // The rule is published in the OpenAPI document, where clients and the permission
    // matrix test read it.
    route.schema = {
      ...route.schema,
      'x-roles': access === 'public' ? 'public' : [...access.roles],
      ...(access === 'public' ? { security: [] } : {}),
    } as typeof route.schema;
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return;
    const credentials = bearerToken(request);
    if (credentials) {
      request.actor = await authenticate(deps, credentials.token);
      // A cookie rides along on cross-site requests; a custom header cannot, so it
      // proves the request came from our own pages.
      if (request.actor && credentials.fromCookie && !SAFE_METHODS.has(request.method)) {
        if (request.headers['x-cuntong-csrf'] !== '1') {
          throw new AppError('forbidden', 'Cookie sessions must send the X-Cuntong-Csrf header on writes');
        }
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
    if (!access.roles.includes(request.actor.role)) {
      throw new AppError('forbidden', `A ${request.actor.role} may not do this`);
    }
  });
}
