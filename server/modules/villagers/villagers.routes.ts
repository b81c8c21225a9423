import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import {
  errors,
  IdempotencyHeaders,
  IdParams,
  ItemsOf,
  Paging,
  Text,
  Timestamp,
} from '../../http/schemas.ts';
import { MOBILE_PATTERN } from './phone.ts';
import { getVillager, listVillagers, registerVillager } from './villagers.ts';
import { topUpWallet, walletBalance } from './wallet.ts';

const tags = ['villagers'];
const VillagerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  centerId: Type.String(),
  countyId: Type.String(),
  createdAt: Timestamp,
});
const readers = { roles: ['partner', 'county_staff', 'gov_viewer', 'hq_admin'] } as const;
const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000 });

export const villagerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/villagers',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          body: Type.Object({
            name: Text(50),
            phone: Type.String({ pattern: MOBILE_PATTERN, description: '11-digit mainland mobile number' }),
          }),
          response: { 201: VillagerSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const villager = await registerVillager(deps, actorOf(request), request.body);
        request.audit = { countyId: villager.countyId, entityId: villager.id };
        return reply.code(201).send(villager);
      },
    );

    app.get(
      '/villagers',
      {
        config: { access: readers },
        schema: {
          tags,
          description: 'Villagers in scope, phones masked. `phone`: a full number or its last digits.',
          querystring: Type.Object({
            phone: Type.Optional(Type.String({ pattern: '^[0-9]{3,11}$' })),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ...Paging,
          }),
          response: { 200: ItemsOf(VillagerSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { phone, q, limit = 100, offset = 0 } = request.query;
        return { items: await listVillagers(deps, actorOf(request), { phone, q, limit, offset }) };
      },
    );

    app.get(
      '/villagers/:id',
      {
        config: { access: readers },
        schema: { tags, params: IdParams, response: { 200: VillagerSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getVillager(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/villagers/:id/wallet',
      {
        config: { access: readers },
        schema: {
          tags,
          params: IdParams,
          response: { 200: Type.Object({ balanceFen: Type.Integer() }), ...errors(401, 403, 404) },
        },
      },
      async (request) => walletBalance(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/villagers/:id/wallet/topups',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: Type.Object({ amountFen: Fen }),
          response: {
            201: Type.Object({
              villagerId: Type.String(),
              amountFen: Type.Integer(),
              balanceFen: Type.Integer(),
            }),
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => topUpWallet(deps, trx, actor, request.params.id, request.body.amountFen),
          () => ({ countyId: actor.countyId, entityId: request.params.id }),
        );
        return result;
      },
    );
  };
