import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, IdParams, ItemsOf, Nullable, Timestamp } from '../../http/schemas.ts';
import { centerPerformance, countyLeaderboard } from './center-performance.ts';

const tags = ['performance'];
const PeriodQuery = Type.Object({
  period: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month')])),
  /** A calendar day (China Standard Time) inside the period; today when absent. */
  at: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
});
const figures = {
  period: Type.Object({ from: Timestamp, to: Timestamp }),
  orders: Type.Integer(),
  gmvFen: Type.Integer(),
  activeVillagers: Type.Integer(),
  upstreamSalesFen: Type.Integer(),
  serviceRequests: Type.Integer(),
  earningsFen: Nullable(Type.Integer()),
};
const Performance = Type.Object({
  centerId: Type.String(),
  centerName: Type.String(),
  ...figures,
  previous: Type.Object(figures),
  atRisk: Type.Boolean(),
  lastVisitAt: Nullable(Timestamp),
});

const periodOf = (q: Static<typeof PeriodQuery>) => q.period ?? 'month';

export const performanceRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/centers/:id/performance',
      {
        config: { access: { roles: ['partner', 'county_staff', 'gov_viewer', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          querystring: PeriodQuery,
          response: { 200: Performance, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) =>
        centerPerformance(
          deps,
          actorOf(request),
          request.params.id,
          periodOf(request.query),
          request.query.at,
        ),
    );

    app.get(
      '/counties/:id/leaderboard',
      {
        // Partners see their own centre's figures only: the others' earnings are their own business.
        config: { access: { roles: ['county_staff', 'gov_viewer', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          querystring: PeriodQuery,
          response: { 200: ItemsOf(Performance), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await countyLeaderboard(
          deps,
          actorOf(request),
          request.params.id,
          periodOf(request.query),
          request.query.at,
        ),
      }),
    );
  };
