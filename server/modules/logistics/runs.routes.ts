import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf } from '../../http/schemas.ts';
import { dispatchRun } from './dispatch-run.ts';
import { getRunSheet, listRuns } from './list-runs.ts';
import {
  DateSchema,
  NewVehicleSchema,
  PlanInput,
  PlanSchema,
  RoadMatrixSchema,
  RunSchema,
  RunSheetSchema,
  VehicleSchema,
} from './logistics.schemas.ts';
import { planRuns } from './plan-runs.ts';
import { getRoadDistances, importRoadDistances } from './road-distances.ts';
import { createVehicle, listVehicles } from './vehicles.ts';

const tags = ['logistics'];
const staff = { roles: ['county_staff'] } as const;
const readers = { roles: ['county_staff', 'gov_viewer', 'hq_admin'] } as const;

/** The county's vans and their daily runs. */
export const runRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/vehicles',
      {
        config: { access: staff },
        schema: {
          tags,
          body: NewVehicleSchema,
          response: { 201: VehicleSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const vehicle = await createVehicle(deps, actorOf(request), request.body);
        request.audit = { countyId: vehicle.countyId, entityId: vehicle.id };
        return reply.code(201).send(vehicle);
      },
    );

    app.get(
      '/vehicles',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id) }),
          response: { 200: ItemsOf(VehicleSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await listVehicles(deps, actorOf(request), request.query.countyId) }),
    );

    app.put(
      '/counties/:id/road-distances',
      {
        config: { access: staff },
        // A 300-centre county's full matrix is about half a megabyte of JSON.
        bodyLimit: 8 * 1_048_576,
        schema: {
          tags,
          description:
            'Replaces the county’s road distances (km) over `places` (`"hub"` or centre ids), e.g. a routing engine’s table export; `null` = unknown pair.',
          params: IdParams,
          body: RoadMatrixSchema,
          response: { 200: Type.Object({ pairs: Type.Integer() }), ...errors(400, 401, 403, 404, 413) },
        },
      },
      async (request) => {
        const result = await importRoadDistances(deps, actorOf(request), request.params.id, request.body);
        request.audit = { countyId: request.params.id, entityId: request.params.id };
        return result;
      },
    );

    app.get(
      '/counties/:id/road-distances',
      {
        config: { access: readers },
        schema: { tags, params: IdParams, response: { 200: RoadMatrixSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getRoadDistances(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/runs/plan',
      {
        config: { access: staff },
        schema: {
          tags,
          description: 'Replaces the date’s planned runs with a new plan of every parcel waiting at the hub.',
          body: PlanInput,
          response: { 201: PlanSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const plan = await planRuns(deps, actorOf(request), request.body);
        request.audit = { countyId: request.body.countyId };
        return reply.code(201).send(plan);
      },
    );

    app.get(
      '/runs',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id), date: DateSchema }),
          response: { 200: ItemsOf(RunSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await listRuns(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/runs/:id',
      {
        config: { access: readers },
        schema: { tags, params: IdParams, response: { 200: RunSheetSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getRunSheet(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/runs/:id/dispatch',
      {
        config: { access: staff },
        schema: { tags, params: IdParams, response: { 200: RunSchema, ...errors(401, 403, 404, 409) } },
      },
      async (request) => {
        const run = await dispatchRun(deps, actorOf(request), request.params.id);
        request.audit = { countyId: run.countyId, entityId: run.id };
        return run;
      },
    );
  };
