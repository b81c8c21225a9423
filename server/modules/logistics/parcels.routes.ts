import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Deps, inTrx } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { createLimiter } from '../../http/rate-limit.ts';
import { errors, Id, IdempotencyHeaders, IdParams, ItemsOf, Paging } from '../../http/schemas.ts';
import { OrderWithEventsSchema } from '../orders/index.ts';
import { collectHarvestBatch, collectStoreOrder } from './collect-order.ts';
import { listParcels, overdueParcels } from './list-parcels.ts';
import {
  EventsSchema,
  HandoffInput,
  NewParcelSchema,
  ParcelDirectionSchema,
  ParcelSchema,
  ParcelStatusSchema,
  PickupCode,
  PublicTrackingSchema,
  ShipmentInput,
  ShipmentSchema,
  TrackingNumber,
} from './logistics.schemas.ts';
import { handOffParcel, markDelivered } from './outbound.ts';
import { parcelTimeline, publicTracking } from './parcel-events.ts';
import { pickUpOrder, pickUpParcel } from './pick-up.ts';
import { registerParcel } from './register-parcel.ts';
import { resendPickupCode } from './resend-code.ts';
import { shipOrder } from './ship-order.ts';

const tags = ['logistics'];
const staff = { roles: ['county_staff'] } as const;
const partner = { roles: ['partner'] } as const;
const TrackingParams = Type.Object({ trackingNumber: TrackingNumber });
const PickupInput = Type.Object({ pickupCode: PickupCode });
/** Public tracking: 10 wrong phone digits per tracking number per 15 minutes. */
const TRACKING_GUESSES = { max: 10, windowMs: 15 * 60_000 };

/** Parcels: merchant shipments, outside carriers' parcels, pickups and tracking. */
export const parcelRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const guesses = createLimiter(TRACKING_GUESSES.max, TRACKING_GUESSES.windowMs, () =>
      deps.clock.now().getTime(),
    );

    app.post(
      '/orders/:id/shipments',
      {
        config: { access: { roles: ['merchant'] } },
        schema: {
          tags,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ShipmentInput,
          response: { 201: ShipmentSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => shipOrder(inTrx(deps, trx), trx, actor, request.params.id, request.body),
          (r) => ({ entityId: r.parcelId }),
        );
        return result;
      },
    );

    app.post(
      '/parcels',
      {
        config: { access: staff },
        schema: {
          tags,
          description: 'A parcel from an outside carrier for a centre of the caller’s county.',
          headers: IdempotencyHeaders,
          body: NewParcelSchema,
          response: { 201: ParcelSchema, ...errors(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const parcel = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => registerParcel(inTrx(deps, trx), trx, actor, request.body),
          (r) => ({ countyId: r.countyId, entityId: r.id }),
        );
        return parcel;
      },
    );

    app.get(
      '/parcels',
      {
        config: { access: { roles: ['county_staff', 'gov_viewer', 'hq_admin', 'partner'] } },
        schema: {
          tags,
          querystring: Type.Object({
            status: Type.Optional(ParcelStatusSchema),
            direction: Type.Optional(ParcelDirectionSchema),
            centerId: Type.Optional(Id),
            ...Paging,
          }),
          response: { 200: ItemsOf(ParcelSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { limit = 100, offset = 0, ...filter } = request.query;
        return { items: await listParcels(deps, actorOf(request), { ...filter, limit, offset }) };
      },
    );

    app.get(
      '/parcels/:trackingNumber/events',
      {
        config: { access: { roles: ['county_staff', 'gov_viewer', 'hq_admin', 'partner', 'merchant'] } },
        schema: {
          tags,
          params: TrackingParams,
          response: { 200: EventsSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await parcelTimeline(deps, actorOf(request), request.params.trackingNumber),
      }),
    );

    app.post(
      '/orders/:id/pickup',
      {
        config: { access: partner },
        schema: {
          tags,
          params: IdParams,
          body: PickupInput,
          response: { 200: OrderWithEventsSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const order = await pickUpOrder(deps, actorOf(request), request.params.id, request.body.pickupCode);
        request.audit = { countyId: order.countyId, entityId: order.id };
        return order;
      },
    );

    app.post(
      '/parcels/:id/pickup',
      {
        config: { access: partner },
        schema: {
          tags,
          params: IdParams,
          body: PickupInput,
          response: { 200: ParcelSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const parcel = await pickUpParcel(deps, actorOf(request), request.params.id, request.body.pickupCode);
        request.audit = { countyId: parcel.countyId, entityId: parcel.id };
        return parcel;
      },
    );

    app.post(
      '/parcels/:id/resend-code',
      {
        config: { access: staff },
        schema: { tags, params: IdParams, response: { 200: ParcelSchema, ...errors(401, 403, 404, 409) } },
      },
      async (request) => {
        const parcel = await resendPickupCode(deps, actorOf(request), request.params.id);
        request.audit = { countyId: parcel.countyId, entityId: parcel.id };
        deps.nudgeOutbox();
        return parcel;
      },
    );

    app.post(
      '/orders/:id/collect',
      {
        config: { access: partner },
        schema: {
          tags,
          description:
            'The partner has a storefront order’s goods from the seller: an outbound parcel waits for the next van.',
          params: IdParams,
          headers: IdempotencyHeaders,
          response: { 201: ShipmentSchema, ...errors(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        return idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => collectStoreOrder(inTrx(deps, trx), trx, actor, request.params.id),
          (r) => ({ countyId: actor.countyId, entityId: r.parcelId }),
        );
      },
    );

    app.post(
      '/products/:id/batch/collect',
      {
        config: { access: partner },
        schema: {
          tags,
          description: 'The partner collects a closed harvest batch: one outbound parcel per pre-order.',
          params: IdParams,
          response: {
            201: Type.Object({
              parcels: Type.Array(
                Type.Object({
                  orderId: Type.String(),
                  parcelId: Type.String(),
                  trackingNumber: Type.String(),
                }),
              ),
            }),
            ...errors(401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const parcels = await collectHarvestBatch(deps, actor, request.params.id);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        return reply.code(201).send({ parcels });
      },
    );

    app.post(
      '/parcels/:id/handoff',
      {
        config: { access: staff },
        schema: {
          tags,
          description: 'An outbound parcel at the hub goes to an outside carrier under its tracking number.',
          params: IdParams,
          body: HandoffInput,
          response: { 200: ParcelSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const parcel = await handOffParcel(deps, actorOf(request), request.params.id, request.body);
        request.audit = { countyId: parcel.countyId, entityId: parcel.id };
        return parcel;
      },
    );

    app.post(
      '/parcels/:id/delivered',
      {
        config: { access: staff },
        schema: {
          tags,
          description:
            'The outside carrier delivered an outbound parcel; a storefront order’s sale is then split in the ledger.',
          params: IdParams,
          response: { 200: ParcelSchema, ...errors(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const parcel = await markDelivered(deps, actorOf(request), request.params.id);
        request.audit = { countyId: parcel.countyId, entityId: parcel.id };
        deps.nudgeOutbox();
        return parcel;
      },
    );

    app.get(
      '/centers/:id/parcels/overdue',
      {
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          response: { 200: ItemsOf(ParcelSchema), ...errors(401, 403, 404) },
        },
      },
      async (request) => ({ items: await overdueParcels(deps, actorOf(request), request.params.id) }),
    );

    app.get(
      '/public/tracking/:trackingNumber',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: TrackingParams,
          querystring: Type.Object({ phoneLast4: Type.String({ pattern: '^[0-9]{4}$' }) }),
          response: { 200: PublicTrackingSchema, ...errors(400, 404, 429) },
        },
      },
      async (request) =>
        publicTracking(deps, guesses, request.params.trackingNumber, request.query.phoneLast4),
    );
  };
