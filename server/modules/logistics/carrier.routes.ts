import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { errors, Text } from '../../http/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import { ParcelSchema } from './logistics.schemas.ts';
import { deliveredByCarrier } from './outbound.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Outside carriers report deliveries of the outbound parcels they took from the hub. They
 * authenticate with the shared secret `CUNTONG_CARRIER_CALLBACK_TOKEN` as a bearer token;
 * without one configured the callback does not exist (404).
 */
export const carrierRoutes =
  (deps: Deps, token: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/carriers/callbacks/delivered',
      {
        config: { access: 'public' },
        schema: {
          tags: ['logistics'],
          description:
            'A carrier’s delivery callback (`Authorization: Bearer <CUNTONG_CARRIER_CALLBACK_TOKEN>`); a storefront sale is then split.',
          body: Type.Object({ carrier: Text(100), carrierTrackingNumber: Text(60) }),
          response: { 200: ParcelSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (request) => {
        if (!token) throw new AppError('not_found', 'Carrier callbacks are not configured');
        const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
        // Compared as digests: equal length, constant time, whatever the caller sends.
        if (!timingSafeEqual(digest(given), digest(token))) {
          throw new AppError('unauthenticated', 'Unknown carrier credentials');
        }
        const parcel = await deliveredByCarrier(deps, request.body);
        request.audit = { countyId: parcel.countyId, entityId: parcel.id };
        deps.nudgeOutbox();
        return parcel;
      },
    );
  };
