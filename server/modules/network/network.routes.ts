import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { errors, Id, IdempotencyHeaders, IdParams, ItemsOf, Paging } from '../../http/schemas.ts';
import { assignPartner } from './assign-partner.ts';
import type { CenterAction } from './center-status.ts';
import { createCenter, getCenter, listCenters, publicCenter } from './centers.ts';
import { changeCenterStatus } from './change-center-status.ts';
import { createCounty, getCounty, listCounties } from './counties.ts';
import {
  CenterSchema,
  CenterStatusSchema,
  CountySchema,
  NewCenterSchema,
  NewCountySchema,
  NewVillageSchema,
  PublicCenterSchema,
  VillageSchema,
} from './network.schemas.ts';
import { addVillage, listVillages } from './villages.ts';

const tags = ['network'];
const hq = { roles: ['hq_admin'] } as const;
const managers = { roles: ['hq_admin', 'county_staff'] } as const;
const readers = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner', 'merchant'] } as const;
const centerReaders = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner'] } as const;
const CountyParams = Type.Object({ countyId: Id });

export const networkRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/counties',
      {
        config: { access: hq },
        schema: {
          tags,
          body: NewCountySchema,
          response: { 201: CountySchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const county = await createCounty(deps, request.body);
        request.audit = { countyId: county.id, entityId: county.id };
        return reply.code(201).send(county);
      },
    );

    app.get(
      '/counties',
      {
        config: { access: readers },
        schema: { tags, response: { 200: ItemsOf(CountySchema), ...errors(401, 403) } },
      },
      async (request) => ({ items: await listCounties(deps, actorOf(request)) }),
    );

    app.get(
      '/counties/:countyId',
      {
        config: { access: readers },
        schema: { tags, params: CountyParams, response: { 200: CountySchema, ...errors(401, 403, 404) } },
      },
      async (request) => getCounty(deps, actorOf(request), request.params.countyId),
    );

    app.post(
      '/counties/:countyId/villages',
      {
        config: { access: managers },
        schema: {
          tags,
          params: CountyParams,
          body: NewVillageSchema,
          response: { 201: VillageSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const village = await addVillage(deps, actorOf(request), request.params.countyId, request.body);
        request.audit = { countyId: village.countyId, entityId: village.id };
        return reply.code(201).send(village);
      },
    );

    app.get(
      '/counties/:countyId/villages',
      {
        config: { access: centerReaders },
        schema: {
          tags,
          params: CountyParams,
          response: { 200: ItemsOf(VillageSchema), ...errors(401, 403, 404) },
        },
      },
      async (request) => ({ items: await listVillages(deps, actorOf(request), request.params.countyId) }),
    );

    app.post(
      '/centers',
      {
        config: { access: managers },
        schema: {
          tags,
          headers: IdempotencyHeaders,
          body: NewCenterSchema,
          response: { 201: CenterSchema, ...errors(400, 401, 403, 422) },
        },
      },
      async (request, reply) => {
        const center = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => createCenter(deps, trx, actorOf(request), request.body),
          (r) => ({ countyId: r.countyId, entityId: r.id }),
        );
        return center;
      },
    );

    app.get(
      '/centers',
      {
        config: { access: centerReaders },
        schema: {
          tags,
          querystring: Type.Object({
            countyId: Type.Optional(Id),
            status: Type.Optional(CenterStatusSchema),
            ...Paging,
          }),
          response: { 200: ItemsOf(CenterSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { countyId, status, limit = 100, offset = 0 } = request.query;
        return { items: await listCenters(deps, actorOf(request), { countyId, status, limit, offset }) };
      },
    );

    app.get(
      '/centers/:id',
      {
        config: { access: centerReaders },
        schema: { tags, params: IdParams, response: { 200: CenterSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getCenter(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/centers/:id/partner',
      {
        config: { access: managers },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ userId: Id }),
          response: { 200: CenterSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const center = await assignPartner(deps, actorOf(request), request.params.id, request.body.userId);
        request.audit = { countyId: center.countyId, entityId: center.id };
        return center;
      },
    );

    for (const action of ['open', 'suspend', 'close'] as const satisfies readonly CenterAction[]) {
      app.post(
        `/centers/:id/${action}`,
        {
          config: { access: managers },
          schema: { tags, params: IdParams, response: { 200: CenterSchema, ...errors(401, 403, 404, 409) } },
        },
        async (request) => {
          const center = await changeCenterStatus(deps, actorOf(request), request.params.id, action);
          request.audit = { countyId: center.countyId, entityId: center.id };
          return center;
        },
      );
    }

    app.get(
      '/public/centers/:id',
      {
        config: { access: 'public' },
        schema: { tags, params: IdParams, response: { 200: PublicCenterSchema, ...errors(404) } },
      },
      async (request) => publicCenter(deps, request.params.id),
    );
  };
