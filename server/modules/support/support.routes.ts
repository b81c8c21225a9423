import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { ticketCategories, ticketPriorities, ticketStatuses } from './support.tables.ts';
import {
  addMessage,
  assignTicket,
  getTicket,
  listTickets,
  openTicket,
  resolveTicket,
  ticketStats,
} from './tickets.ts';

const tags = ['support'];
const staff = { roles: ['county_staff'] } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Status = literals(ticketStatuses);
const TicketSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  centerId: Type.String(),
  openedBy: Type.String(),
  category: literals(ticketCategories),
  priority: literals(ticketPriorities),
  subject: Type.String(),
  status: Status,
  assigneeId: Nullable(Type.String()),
  firstResponseAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  resolution: Nullable(Type.String()),
  createdAt: Timestamp,
});
const MessageSchema = Type.Object({
  id: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  authorRole: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});

export const supportRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/support/tickets',
      {
        config: { access: { roles: ['partner'] } },
        schema: {
          tags,
          body: Type.Object({
            category: literals(ticketCategories),
            priority: literals(ticketPriorities),
            subject: Text(200),
            body: Text(4000),
          }),
          response: { 201: TicketSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const ticket = await openTicket(deps, actorOf(request), request.body);
        request.audit = { countyId: ticket.countyId, entityId: ticket.id };
        return reply.code(201).send(ticket);
      },
    );

    app.get(
      '/support/tickets',
      {
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id), status: Type.Optional(Status) }),
          response: { 200: ItemsOf(TicketSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listTickets(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/support/tickets/:id',
      {
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          response: {
            200: Type.Intersect([TicketSchema, Type.Object({ messages: Type.Array(MessageSchema) })]),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => getTicket(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/support/tickets/:id/messages',
      {
        config: { access: { roles: ['partner', 'county_staff'] } },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ body: Text(4000) }),
          response: { 201: MessageSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const message = await addMessage(deps, actor, request.params.id, request.body.body);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        return reply.code(201).send(message);
      },
    );

    app.post(
      '/support/tickets/:id/assign',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ userId: Id }),
          response: { 200: TicketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const ticket = await assignTicket(deps, actor, request.params.id, request.body.userId);
        request.audit = { countyId: ticket.countyId, entityId: ticket.id };
        return ticket;
      },
    );

    app.post(
      '/support/tickets/:id/resolve',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ resolution: Text(4000) }),
          response: { 200: TicketSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const ticket = await resolveTicket(
          deps,
          actorOf(request),
          request.params.id,
          request.body.resolution,
        );
        request.audit = { countyId: ticket.countyId, entityId: ticket.id };
        return ticket;
      },
    );

    app.get(
      '/support/stats',
      {
        config: { access: { roles: ['county_staff', 'hq_admin'] } },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Id }),
          response: {
            200: Type.Object({
              countyId: Type.String(),
              open: Type.Integer(),
              inProgress: Type.Integer(),
              resolved: Type.Integer(),
              medianFirstResponseMinutes: Nullable(Type.Integer()),
              medianResolutionMinutes: Nullable(Type.Integer()),
              byCategory: Type.Record(Type.String(), Type.Integer()),
            }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (request) => ticketStats(deps, actorOf(request), request.query.countyId),
    );
  };
