import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import {
  errors,
  Id,
  IdempotencyHeaders,
  IdParams,
  ItemsOf,
  Nullable,
  Paging,
  Text,
  Timestamp,
} from '../../http/schemas.ts';
import { visitPurposes } from './field-visits.tables.ts';
import { followUpStatuses, followUpsOfCounty, markFollowUpDone } from './follow-ups.ts';
import { visitsOfCenter, visitsOfCounty } from './list-visits.ts';
import { logVisit } from './log-visit.ts';

const tags = ['field-visits'];
const supervisors = { roles: ['county_staff', 'hq_admin'] } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const FollowUpSchema = Type.Object({
  id: Type.String(),
  visitId: Type.String(),
  countyId: Type.String(),
  centerId: Type.String(),
  visitedAt: Timestamp,
  text: Type.String(),
  dueOn: Type.String(),
  assigneeId: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  done: Type.Boolean(),
  doneAt: Nullable(Timestamp),
  doneBy: Nullable(Type.String()),
  doneByName: Nullable(Type.String()),
  overdue: Type.Boolean(),
  createdAt: Timestamp,
});
const VisitSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  centerId: Type.String(),
  visitorId: Type.String(),
  visitorName: Type.String(),
  visitedAt: Timestamp,
  purpose: literals(visitPurposes),
  notes: Nullable(Type.String()),
  partnerPresent: Nullable(Type.Boolean()),
  createdAt: Timestamp,
  followUps: Type.Array(FollowUpSchema),
});
const NewVisitSchema = Type.Object({
  visitedAt: Timestamp,
  purpose: literals(visitPurposes),
  notes: Type.Optional(Type.String({ maxLength: 4000 })),
  partnerPresent: Type.Optional(Type.Boolean()),
  followUps: Type.Optional(
    Type.Array(Type.Object({ text: Text(500), dueOn: Day, assigneeId: Type.Optional(Id) }), { maxItems: 20 }),
  ),
});

export const fieldVisitRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/centers/:id/visits',
      {
        config: { access: supervisors },
        schema: {
          tags,
          description:
            'Logs a visit to a centre of the caller’s county, with its follow-ups. `visitedAt` may not lie in the future, nor a follow-up’s `dueOn` (China Standard Time) before the day of the visit.',
          headers: IdempotencyHeaders,
          params: IdParams,
          body: NewVisitSchema,
          response: { 201: VisitSchema, ...errors(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        return idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => logVisit(deps, trx, actor, request.params.id, request.body),
          (visit) => ({ countyId: visit.countyId, entityId: visit.id }),
        );
      },
    );

    app.get(
      '/centers/:id/visits',
      {
        // The partner reads the visits to its own centre: they are made with it, and so are their notes.
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          querystring: Type.Object(Paging),
          response: { 200: ItemsOf(VisitSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await visitsOfCenter(deps, actorOf(request), request.params.id, {
          limit: request.query.limit ?? 100,
          offset: request.query.offset ?? 0,
        }),
      }),
    );

    app.get(
      '/counties/:id/visits',
      {
        config: { access: supervisors },
        schema: {
          tags,
          params: IdParams,
          querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), ...Paging }),
          response: { 200: ItemsOf(VisitSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await visitsOfCounty(deps, actorOf(request), request.params.id, {
          from: request.query.from,
          to: request.query.to,
          limit: request.query.limit ?? 100,
          offset: request.query.offset ?? 0,
        }),
      }),
    );

    app.get(
      '/counties/:id/follow-ups',
      {
        config: { access: supervisors },
        schema: {
          tags,
          params: IdParams,
          querystring: Type.Object({ status: Type.Optional(literals(followUpStatuses)) }),
          response: { 200: ItemsOf(FollowUpSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await followUpsOfCounty(
          deps,
          actorOf(request),
          request.params.id,
          request.query.status ?? 'open',
        ),
      }),
    );

    app.post(
      '/follow-ups/:id/done',
      {
        config: { access: supervisors },
        schema: { tags, params: IdParams, response: { 200: FollowUpSchema, ...errors(401, 403, 404) } },
      },
      async (request) => {
        const followUp = await markFollowUpDone(deps, actorOf(request), request.params.id);
        request.audit = { countyId: followUp.countyId, entityId: followUp.id };
        return followUp;
      },
    );
  };
