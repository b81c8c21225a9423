import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { carrierRoutes } from './carrier.routes.ts';
import { parcelRoutes } from './parcels.routes.ts';
import { runRoutes } from './runs.routes.ts';
import { scanRoutes } from './scans.routes.ts';

/** Every logistics route: parcels and pickups, hub and centre scans, vans and runs. */
export const logisticsRoutes =
  (deps: Deps, carrierCallbackToken?: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(parcelRoutes(deps));
    await app.register(carrierRoutes(deps, carrierCallbackToken));
    await app.register(scanRoutes(deps));
    await app.register(runRoutes(deps));
  };
