import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, ItemsOf, Text, Timestamp } from '../../http/schemas.ts';
import { createMerchant, listMerchants } from './merchants.ts';
import { productRoutes } from './products.routes.ts';
import { promotionRoutes } from './promotions.routes.ts';

const tags = ['catalog'];
/** Village sellers are merchants too, created with their seller record, never through this route. */
const MerchantKindSchema = Type.Union([
  Type.Literal('brand'),
  Type.Literal('retailer'),
  Type.Literal('village_seller'),
]);
const MerchantSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: MerchantKindSchema,
  createdAt: Timestamp,
});

export const catalogRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/merchants',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          body: Type.Object({
            name: Text(100),
            kind: Type.Union([Type.Literal('brand'), Type.Literal('retailer')]),
          }),
          response: { 201: MerchantSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const merchant = await createMerchant(deps, request.body);
        request.audit = { countyId: null, entityId: merchant.id };
        return reply.code(201).send(merchant);
      },
    );

    app.get(
      '/merchants',
      {
        config: { access: { roles: ['hq_admin', 'merchant'] } },
        schema: { tags, response: { 200: ItemsOf(MerchantSchema), ...errors(401, 403) } },
      },
      async (request) => ({ items: await listMerchants(deps, actorOf(request)) }),
    );

    await app.register(productRoutes(deps));
    await app.register(promotionRoutes(deps));
  };
