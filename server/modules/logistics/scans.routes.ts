import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Deps, inTrx } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { errors, IdempotencyHeaders, IdParams } from '../../http/schemas.ts';
import { scanAtCenter } from './center-scan.ts';
import { scanAtHub, scanBatchAtHub } from './hub-scan.ts';
import {
  BatchScanInput,
  BatchScanSchema,
  CenterScanInput,
  CenterScanSchema,
  HubScanInput,
  HubScanSchema,
} from './logistics.schemas.ts';

const tags = ['logistics'];
const staff = { roles: ['county_staff'] } as const;

/** Scans at the county hub and at village centres. */
export const scanRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/hub/scans',
      {
        config: { access: staff },
        schema: {
          tags,
          description:
            '`received`: the parcel is at the hub; `exception`: damaged, missing, misrouted or refused.',
          headers: IdempotencyHeaders,
          body: HubScanInput,
          response: { 200: HubScanSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotentWrite(
          deps,
          request,
          reply,
          200,
          (trx) => scanAtHub(inTrx(deps, trx), trx, actor, request.body),
          (r) => ({ countyId: actor.countyId, entityId: r.parcelId }),
        );
        // An exception on an order's parcel refunds the villager, who gets an SMS.
        if (request.body.type === 'exception') deps.nudgeOutbox();
        return result;
      },
    );

    app.post(
      '/hub/scans/batch',
      {
        config: { access: staff },
        schema: {
          tags,
          description: 'Many `received` scans; each parcel commits on its own and reports its own error.',
          body: BatchScanInput,
          response: { 200: BatchScanSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        request.audit = { countyId: actor.countyId };
        return { items: await scanBatchAtHub(deps, actor, request.body.trackingNumbers) };
      },
    );

    app.post(
      '/centers/:id/scans',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          description:
            '`arrived`: the parcel came off the van and the recipient gets the pickup code by SMS; `collected`: an outbound parcel went onto the van.',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: CenterScanInput,
          response: { 200: CenterScanSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotentWrite(
          deps,
          request,
          reply,
          200,
          (trx) => scanAtCenter(inTrx(deps, trx), trx, actor, request.params.id, request.body),
          (r) => ({ countyId: actor.countyId, entityId: r.parcelId }),
        );
        if (result.status === 'ready_for_pickup') deps.nudgeOutbox();
        return result;
      },
    );
  };
