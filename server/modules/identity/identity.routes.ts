import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf, SESSION_COOKIE } from '../../http/auth.ts';
import { createLimiter } from '../../http/rate-limit.ts';
import { errors, Id, ItemsOf, Nullable, Text } from '../../http/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import { createUser } from './create-user.ts';
import { roles } from './identity.tables.ts';
import { listUsers } from './list-users.ts';
import { login } from './login.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { revokeSession } from './sessions.ts';

const tags = ['identity'];
const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));

export const UserSchema = Type.Object({
  id: Type.String(),
  login: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  countyId: Nullable(Type.String()),
  centerId: Nullable(Type.String()),
  merchantId: Nullable(Type.String()),
});

const NewUserSchema = Type.Object({
  // Any login without spaces: counties use phone numbers, pinyin names or staff numbers.
  login: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
  displayName: Text(100),
  role: RoleSchema,
  countyId: Type.Optional(Nullable(Id)),
  centerId: Type.Optional(Nullable(Id)),
  merchantId: Type.Optional(Nullable(Id)),
});

export type LoginLimits = { failuresPerLogin: number; attemptsPerAddress: number; windowMs: number };
const defaultLimits: LoginLimits = { failuresPerLogin: 10, attemptsPerAddress: 600, windowMs: 15 * 60_000 };

export const identityRoutes =
  (deps: Deps, limits: LoginLimits = defaultLimits): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Failed attempts per login and address stop password guessing; a wide per-address cap
    // stops spraying many logins from one place without troubling a busy county office.
    const failures = createLimiter(limits.failuresPerLogin, limits.windowMs);
    const attempts = createLimiter(limits.attemptsPerAddress, limits.windowMs);

    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags,
          body: Type.Object({
            login: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ maxLength: 200 }),
          }),
          response: {
            200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserSchema }),
            ...errors(400, 401, 429),
          },
        },
      },
      async (request, reply) => {
        const key = `${request.ip}|${request.body.login}`;
        if (!attempts.hit(request.ip) || failures.blocked(key)) {
          throw new AppError('rate_limited', 'Too many sign-in attempts; wait a few minutes and try again');
        }
        try {
          const result = await login(deps, request.body.login, request.body.password);
          failures.reset(key);
          request.actor = result.user;
          reply.setCookie(SESSION_COOKIE, result.token, {
            path: '/',
            httpOnly: true,
            sameSite: 'strict',
            expires: new Date(result.expiresAt),
          });
          return result;
        } catch (error) {
          if (error instanceof AppError && error.code === 'invalid_credentials') failures.hit(key);
          throw error;
        }
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: { roles } }, schema: { tags, response: { 204: Type.Null(), ...errors(401) } } },
      async (request, reply) => {
        const header = request.headers.authorization;
        const token = header?.startsWith('Bearer ')
          ? header.slice(7).trim()
          : request.cookies[SESSION_COOKIE];
        if (token) await revokeSession(deps, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      { config: { access: { roles } }, schema: { tags, response: { 200: UserSchema, ...errors(401) } } },
      async (request) => actorOf(request),
    );

    app.post(
      '/users',
      {
        config: { access: { roles: ['hq_admin', 'county_staff'] } },
        schema: { tags, body: NewUserSchema, response: { 201: UserSchema, ...errors(400, 401, 403, 409) } },
      },
      async (request, reply) => {
        const user = await createUser(deps, actorOf(request), request.body);
        request.audit = { countyId: user.countyId, entityId: user.id };
        return reply.code(201).send(user);
      },
    );

    app.get(
      '/users',
      {
        config: { access: { roles: ['hq_admin', 'county_staff'] } },
        schema: {
          tags,
          querystring: Type.Object({
            role: Type.Optional(RoleSchema),
            countyId: Type.Optional(Id),
            unassigned: Type.Optional(Type.Boolean()),
          }),
          response: { 200: ItemsOf(UserSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listUsers(deps, actorOf(request), request.query) }),
    );
  };
