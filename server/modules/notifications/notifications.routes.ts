import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, ItemsOf, Timestamp } from '../../http/schemas.ts';
import { listNotifications } from './message-log.ts';

const MessageSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  to: Type.String(),
  body: Type.String(),
  status: Type.String(),
  kind: Type.String(),
  createdAt: Timestamp,
});

export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: { roles: ['hq_admin', 'county_staff'] } },
        schema: {
          tags: ['notifications'],
          querystring: Type.Object({
            phone: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          }),
          response: { 200: ItemsOf(MessageSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { phone, limit = 100 } = request.query;
        return { items: await listNotifications(deps, actorOf(request), { phone, limit }) };
      },
    );
  };
