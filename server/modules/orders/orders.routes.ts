import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Deps, inTrx } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { errors, Id, IdempotencyHeaders, IdParams, ItemsOf, Paging, Text } from '../../http/schemas.ts';
import { StoreOrderSchema, storefrontOrder } from '../upstream/index.ts';
import { cancelOrder } from './cancel-order.ts';
import { confirmOrder } from './confirm-order.ts';
import { getOrder, listOrders } from './list-orders.ts';
import {
  NewOrderSchema,
  OrderSchema,
  OrderStatusSchema,
  OrderWithEventsSchema,
  ReturnInputSchema,
  ReturnResultSchema,
} from './orders.schemas.ts';
import { placeOrder } from './place-order.ts';
import { recordReturn } from './record-return.ts';
import { settleReturn } from './settle-return.ts';

const tags = ['orders'];
const readers = { roles: ['partner', 'county_staff', 'gov_viewer', 'hq_admin', 'merchant'] } as const;

export const orderRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/orders',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          headers: IdempotencyHeaders,
          body: NewOrderSchema,
          response: { 201: OrderSchema, ...errors(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const order = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => placeOrder(inTrx(deps, trx), trx, actor, request.body),
          (r) => ({ countyId: r.countyId, entityId: r.id }),
        );
        if (order.status === 'awaiting_confirmation') deps.nudgeOutbox();
        return order;
      },
    );

    app.get(
      '/orders',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: Type.Object({
            status: Type.Optional(OrderStatusSchema),
            centerId: Type.Optional(Id),
            villagerId: Type.Optional(Id),
            ...Paging,
          }),
          response: { 200: ItemsOf(OrderSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { limit = 100, offset = 0, ...filter } = request.query;
        return { items: await listOrders(deps, actorOf(request), { ...filter, limit, offset }) };
      },
    );

    app.get(
      '/orders/:id',
      {
        config: { access: { roles: [...readers.roles, 'buyer'] } },
        schema: {
          tags,
          description: 'An assisted order with its events, or a storefront order (`channel: "storefront"`).',
          params: IdParams,
          response: { 200: Type.Union([OrderWithEventsSchema, StoreOrderSchema]), ...errors(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return (
          (await storefrontOrder(deps, actor, request.params.id)) ?? getOrder(deps, actor, request.params.id)
        );
      },
    );

    app.post(
      '/orders/:id/confirm',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          description: 'The villager’s SMS confirmation code, for counties that require it.',
          params: IdParams,
          body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }),
          response: { 200: OrderWithEventsSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const order = await confirmOrder(deps, actorOf(request), request.params.id, request.body.code);
        request.audit = { countyId: order.countyId, entityId: order.id };
        return order;
      },
    );

    app.post(
      '/orders/:id/cancel',
      {
        config: { access: { roles: ['partner', 'county_staff'] } },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ reason: Type.Optional(Text(500)) }),
          response: { 200: OrderWithEventsSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const order = await cancelOrder(deps, actorOf(request), request.params.id, request.body.reason);
        request.audit = { countyId: order.countyId, entityId: order.id };
        return order;
      },
    );

    app.post(
      '/orders/:id/returns',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ReturnInputSchema,
          response: { 201: ReturnResultSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => recordReturn(inTrx(deps, trx), trx, actor, request.params.id, request.body),
          (r) => ({ countyId: actor.countyId, entityId: r.id }),
        );
        deps.nudgeOutbox();
        return result;
      },
    );

    app.post(
      '/returns/:id/settle',
      {
        config: { access: { roles: ['merchant', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          description:
            'The merchant repays the guarantee fund for a refund it advanced (for the merchant’s own lines).',
          params: IdParams,
          response: {
            200: Type.Object({ returnId: Type.String(), settledFen: Type.Integer() }),
            ...errors(401, 403, 404, 409),
          },
        },
      },
      async (request) => settleReturn(deps, actorOf(request), request.params.id),
    );
  };
