import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, Nullable, Timestamp } from '../../http/schemas.ts';
import { MONTH_PATTERN } from '../../shared/month.ts';
import { centerStatuses } from '../network/index.ts';
import { rolloutDashboard } from './dashboard.ts';
import { rolloutMap } from './map.ts';
import { currentTargets, setTargets } from './targets.ts';

const tags = ['rollout'];
const hq = { roles: ['hq_admin'] } as const;
const Month = Type.String({ pattern: MONTH_PATTERN });
const Count = Type.Integer();
const Target = Type.Integer({ minimum: 1, maximum: 10_000_000 });
const TargetsSchema = Type.Object({
  counties: Count,
  centers: Count,
  targetDate: Nullable(Type.String()),
  setAt: Nullable(Timestamp),
  setBy: Nullable(Type.String()),
});
const CenterCounts = Type.Object({ planned: Count, open: Count, suspended: Count, closed: Count });
const DashboardSchema = Type.Object({
  asOf: Timestamp,
  targets: TargetsSchema,
  totals: Type.Object({
    counties: Count,
    provincesCovered: Count,
    centers: CenterCounts,
    partnersCertified: Count,
  }),
  progress: Type.Object({ countiesPercent: Type.Number(), centersPercent: Type.Number() }),
  funnel: Type.Object({ submitted: Count, approved: Count, certified: Count, open: Count }),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      counties: Count,
      centersOpen: Count,
      gmvFen: Count,
      upstreamSalesFen: Count,
    }),
  ),
});
const point = (fields: Record<string, TSchema>) =>
  Type.Object({ id: Type.String(), name: Type.String(), lat: Type.Number(), lon: Type.Number(), ...fields });
const MapSchema = Type.Object({
  counties: Type.Array(point({ code: Type.String(), province: Type.String(), centers: CenterCounts })),
  centers: Type.Optional(
    Type.Array(
      point({
        villageName: Type.String(),
        status: Type.Union(centerStatuses.map((s) => Type.Literal(s))),
      }),
    ),
  ),
});

export const rolloutRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/rollout/targets',
      { config: { access: hq }, schema: { tags, response: { 200: TargetsSchema, ...errors(401, 403) } } },
      async () => currentTargets(deps.db),
    );

    app.put(
      '/rollout/targets',
      {
        config: { access: hq },
        schema: {
          tags,
          body: Type.Object({
            counties: Target,
            centers: Target,
            targetDate: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }))),
          }),
          response: { 200: TargetsSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const targets = await setTargets(deps, actorOf(request), request.body);
        request.audit = { countyId: null, entityId: null };
        return targets;
      },
    );

    app.get(
      '/rollout/dashboard',
      {
        config: { access: hq },
        schema: {
          tags,
          querystring: Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month) }),
          response: { 200: DashboardSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => rolloutDashboard(deps, request.query),
    );

    app.get(
      '/rollout/map',
      {
        config: { access: hq },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id) }),
          response: { 200: MapSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => rolloutMap(deps, request.query.countyId),
    );
  };
