import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf, Timestamp } from '../../http/schemas.ts';
import { NewPromotionSchema, PromotionSchema } from './catalog.schemas.ts';
import { createPromotion } from './create-promotion.ts';
import { endPromotion, listPromotions } from './list-promotions.ts';

const tags = ['catalog'];
const promoters = { roles: ['hq_admin', 'county_staff', 'merchant'] } as const;
const readers = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner', 'merchant'] } as const;

export const promotionRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/promotions',
      {
        config: { access: promoters },
        schema: {
          tags,
          body: NewPromotionSchema,
          response: { 201: PromotionSchema, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const promotion = await createPromotion(deps, actorOf(request), request.body);
        request.audit = {
          countyId: promotion.countyIds.length === 1 ? promotion.countyIds[0] : null,
          entityId: promotion.id,
        };
        return reply.code(201).send(promotion);
      },
    );

    app.get(
      '/promotions',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id), activeAt: Type.Optional(Timestamp) }),
          response: { 200: ItemsOf(PromotionSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listPromotions(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/promotions/:id/end',
      {
        config: { access: promoters },
        schema: { tags, params: IdParams, response: { 200: PromotionSchema, ...errors(401, 403, 404) } },
      },
      async (request) => {
        const promotion = await endPromotion(deps, actorOf(request), request.params.id);
        request.audit = { countyId: null, entityId: promotion.id };
        return promotion;
      },
    );
  };
