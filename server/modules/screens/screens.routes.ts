import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, IdParams, Nullable, Timestamp } from '../../http/schemas.ts';
import { screenFeed } from './screen-feed.ts';
import { revokeScreenToken, rotateScreenToken, screenTokenStatus } from './screen-tokens.ts';

const tags = ['screens'];
const managers = { roles: ['partner', 'county_staff', 'hq_admin'] } as const;
/** A token as `rotateScreenToken` makes it (43 base64url characters); anything else is not one. */
const TokenParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
});
const ScreenFeedSchema = Type.Object({
  center: Type.Object({ id: Type.String(), name: Type.String() }),
  parcels: Type.Array(
    Type.Object({ recipient: Type.String(), trackingLast4: Type.String(), arrivedAt: Nullable(Timestamp) }),
  ),
  promotions: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      value: Type.Number(),
      endsAt: Timestamp,
    }),
  ),
  products: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      priceFen: Type.Integer(),
      unit: Type.String(),
      storeUrl: Type.String(),
    }),
  ),
  generatedAt: Timestamp,
});

export const screenRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/centers/:id/screen-token',
      {
        config: { access: managers },
        schema: {
          tags,
          params: IdParams,
          response: {
            201: Type.Object({ token: Type.String(), url: Type.String() }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { center, token, url } = await rotateScreenToken(deps, actorOf(request), request.params.id);
        request.audit = { countyId: center.countyId, entityId: center.id };
        return reply.code(201).send({ token, url });
      },
    );

    app.get(
      '/centers/:id/screen-token',
      {
        config: { access: managers },
        schema: {
          tags,
          description: 'Whether the centre’s screen link is live, and who made it when. Never the token.',
          params: IdParams,
          response: {
            200: Type.Object({
              active: Type.Boolean(),
              createdAt: Nullable(Timestamp),
              createdBy: Nullable(Type.String()),
              createdByName: Nullable(Type.String()),
            }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      async (request) => screenTokenStatus(deps, actorOf(request), request.params.id),
    );

    app.delete(
      '/centers/:id/screen-token',
      {
        config: { access: managers },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404) } },
      },
      async (request, reply) => {
        const center = await revokeScreenToken(deps, actorOf(request), request.params.id);
        request.audit = { countyId: center.countyId, entityId: center.id };
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/screens/:token',
      {
        config: { access: 'public' },
        schema: { tags, params: TokenParams, response: { 200: ScreenFeedSchema, ...errors(400, 404) } },
      },
      async (request, reply) => {
        // The token is the credential: keep the feed out of shared caches.
        reply.header('cache-control', 'no-store');
        return screenFeed(deps, request.params.token);
      },
    );
  };
