import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, ItemsOf, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { listAgreements, recordAgreement } from './agreements.ts';
import { govDashboard } from './gov-dashboard.ts';

const tags = ['government'];
const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
const Documents = Type.Array(
  Type.Object({
    name: Text(200),
    url: Type.String({ minLength: 1, maxLength: 1000, pattern: '^https?://' }),
  }),
  { maxItems: 20 },
);
const AgreementSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  title: Type.String(),
  signedOn: Type.String(),
  validUntil: Nullable(Type.String()),
  terms: Type.String(),
  subsidyFen: Type.Integer(),
  documents: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
  createdAt: Timestamp,
});
const CountyParams = Type.Object({ countyId: Id });
const Count = Type.Integer();

export const governmentRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/counties/:countyId/agreements',
      {
        config: { access: { roles: ['hq_admin', 'county_staff'] } },
        schema: {
          tags,
          params: CountyParams,
          body: Type.Object({
            title: Text(200),
            signedOn: Day,
            validUntil: Type.Optional(Nullable(Day)),
            terms: Text(10_000),
            subsidyFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
            documents: Type.Optional(Documents),
          }),
          response: { 201: AgreementSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const agreement = await recordAgreement(
          deps,
          actorOf(request),
          request.params.countyId,
          request.body,
        );
        request.audit = { countyId: agreement.countyId, entityId: agreement.id };
        return reply.code(201).send(agreement);
      },
    );

    app.get(
      '/counties/:countyId/agreements',
      {
        config: { access: { roles: ['hq_admin', 'county_staff', 'gov_viewer'] } },
        schema: {
          tags,
          params: CountyParams,
          response: { 200: ItemsOf(AgreementSchema), ...errors(401, 403, 404) },
        },
      },
      async (request) => ({ items: await listAgreements(deps, actorOf(request), request.params.countyId) }),
    );

    app.get(
      '/gov/dashboard',
      {
        config: { access: { roles: ['hq_admin', 'county_staff', 'gov_viewer'] } },
        schema: {
          tags,
          querystring: CountyParams,
          response: {
            200: Type.Object({
              countyId: Type.String(),
              villages: Count,
              villagesCovered: Count,
              centers: Type.Object({ planned: Count, open: Count, suspended: Count, closed: Count }),
              partners: Type.Object({ total: Count, certified: Count }),
              recruitment: Type.Object({
                countyId: Type.String(),
                stages: Type.Object({
                  submitted: Count,
                  interviewed: Count,
                  approved: Count,
                  rejected: Count,
                }),
                certified: Count,
                open: Count,
              }),
              agreements: Type.Object({ count: Count, inForce: Type.Boolean(), subsidyFen: Count }),
            }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      async (request) => govDashboard(deps, actorOf(request), request.query.countyId),
    );
  };
