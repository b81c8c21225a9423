import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Deps, inTrx } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { errors, Id, IdempotencyHeaders, IdParams, ItemsOf, Paging } from '../../http/schemas.ts';
import { getServiceRequest, listServiceRequests, summariseServices } from './list-requests.ts';
import { providerFor, type ServiceProviders } from './providers.ts';
import { quoteService } from './quote-service.ts';
import { reconcile } from './reconcile.ts';
import { requestService } from './request-service.ts';
import {
  DATE_PATTERN,
  NewServiceRequestSchema,
  QuoteSchema,
  ReconciliationSchema,
  ServiceKindSchema,
  ServiceRequestSchema,
  ServiceRequestWithReceiptSchema,
  ServiceStatusSchema,
  SummarySchema,
} from './services.schemas.ts';

const tags = ['services'];
// Single requests name villagers; the government's read-only view gets the volumes only.
const readers = { roles: ['partner', 'county_staff', 'hq_admin'] } as const;
const Day = Type.String({ pattern: DATE_PATTERN });

export const serviceRoutes =
  (deps: Deps, providers: ServiceProviders): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/services/requests',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          description:
            'Phone top-up, utility bill or travel ticket for a villager of the caller’s centre. The float (or wallet) is debited `amountFen`; `feeFen` is the partner’s fee, paid by the villager on top. The provider is asked after commit; poll the request for its final status.',
          headers: IdempotencyHeaders,
          body: NewServiceRequestSchema,
          response: { 201: ServiceRequestSchema, ...errors(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const kind = request.body.kind;
        const created = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) =>
            requestService(inTrx(deps, trx), trx, actor, request.body, providerFor(providers, kind).name),
          (r) => ({ countyId: r.countyId, entityId: r.id }),
        );
        deps.nudgeOutbox();
        return created;
      },
    );

    app.get(
      '/services/requests/:id',
      {
        config: { access: readers },
        schema: {
          tags,
          params: IdParams,
          response: { 200: ServiceRequestWithReceiptSchema, ...errors(401, 403, 404) },
        },
      },
      async (request) => getServiceRequest(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/services/requests',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: Type.Object({
            countyId: Type.Optional(Id),
            centerId: Type.Optional(Id),
            villagerId: Type.Optional(Id),
            kind: Type.Optional(ServiceKindSchema),
            status: Type.Optional(ServiceStatusSchema),
            ...Paging,
          }),
          response: { 200: ItemsOf(ServiceRequestSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { limit = 100, offset = 0, ...filter } = request.query;
        return { items: await listServiceRequests(deps, actorOf(request), filter, { limit, offset }) };
      },
    );

    app.get(
      '/services/summary',
      {
        config: { access: { roles: ['county_staff', 'gov_viewer', 'hq_admin'] } },
        schema: {
          tags,
          description: 'Requests, amounts and fees by kind and status (volumes and failures).',
          querystring: Type.Object({
            countyId: Type.Optional(Id),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          }),
          response: { 200: SummarySchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await summariseServices(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/services/quotes',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          description:
            'The look-up before paying: carrier and denominations, bill due, or fare — and the fee.',
          body: Type.Object({
            kind: ServiceKindSchema,
            details: Type.Record(Type.String(), Type.Unknown()),
            amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 5_000_000 })),
          }),
          response: { 200: QuoteSchema, ...errors(400, 401, 403, 503) },
        },
      },
      async (request) => quoteService(deps, providers, request.body),
    );

    app.get(
      '/services/reconciliation',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          description:
            'Fetches the provider’s statement for the day (China Standard Time) and matches it against the ledger.',
          querystring: Type.Object({ kind: ServiceKindSchema, date: Day }),
          response: { 200: ReconciliationSchema, ...errors(400, 401, 403, 503) },
        },
      },
      async (request) => reconcile(deps, providers, request.query),
    );

    app.post(
      '/services/reconciliation',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          description:
            'Matches an uploaded provider statement (CSV: request_id,provider_ref,amount_fen,completed_at).',
          body: Type.Object({
            kind: ServiceKindSchema,
            date: Day,
            statementCsv: Type.String({ maxLength: 900_000 }),
          }),
          response: { 200: ReconciliationSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => reconcile(deps, providers, request.body),
    );
  };
