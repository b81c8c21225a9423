import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { campaignStatuses } from './campaign.views.ts';
import { campaignResults } from './campaign-results.ts';
import { cancelCampaign } from './cancel-campaign.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign, listCampaigns } from './list-campaigns.ts';

const tags = ['campaigns'];
const organisers = { roles: ['hq_admin', 'county_staff'] } as const;
const Status = Type.Union(campaignStatuses.map((s) => Type.Literal(s)));
const Window = Type.Object({ from: Timestamp, to: Timestamp });

const CampaignSchema = Type.Object({
  id: Type.String(),
  countyId: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  status: Status,
  promotions: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      value: Type.Integer(),
      startsAt: Timestamp,
      endsAt: Timestamp,
    }),
  ),
  centerIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp,
  cancelledAt: Nullable(Timestamp),
});

const figures = {
  orders: Type.Integer(),
  gmvFen: Type.Integer(),
  promotedOrders: Type.Integer(),
  promotedGmvFen: Type.Integer(),
  newVillagers: Type.Integer(),
  before: Type.Object({ orders: Type.Integer(), gmvFen: Type.Integer(), newVillagers: Type.Integer() }),
  ordersUpliftPct: Nullable(Type.Number()),
  gmvUpliftPct: Nullable(Type.Number()),
};

const ResultsSchema = Type.Object({
  campaignId: Type.String(),
  status: Status,
  during: Window,
  before: Window,
  totals: Type.Object(figures),
  centers: Type.Array(
    Type.Object({ centerId: Type.String(), centerName: Type.String(), countyId: Type.String(), ...figures }),
  ),
});

export const campaignRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/campaigns',
      {
        config: { access: organisers },
        schema: {
          tags,
          body: Type.Object({
            name: Text(100),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            countyId: Type.Optional(Nullable(Id)),
            startsAt: Timestamp,
            endsAt: Timestamp,
            promotionIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
            centerIds: Type.Optional(Type.Array(Id, { maxItems: 2000 })),
          }),
          response: { 201: CampaignSchema, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const campaign = await createCampaign(deps, actorOf(request), request.body);
        request.audit = { countyId: campaign.countyId, entityId: campaign.id };
        return reply.code(201).send(campaign);
      },
    );

    app.get(
      '/campaigns',
      {
        config: { access: { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner'] } },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id), status: Type.Optional(Status) }),
          response: { 200: ItemsOf(CampaignSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listCampaigns(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/campaigns/:id',
      {
        config: { access: { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner'] } },
        schema: { tags, params: IdParams, response: { 200: CampaignSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getCampaign(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/campaigns/:id/cancel',
      {
        config: { access: organisers },
        schema: { tags, params: IdParams, response: { 200: CampaignSchema, ...errors(401, 403, 404, 409) } },
      },
      async (request) => {
        const campaign = await cancelCampaign(deps, actorOf(request), request.params.id);
        request.audit = { countyId: campaign.countyId, entityId: campaign.id };
        return campaign;
      },
    );

    app.get(
      '/campaigns/:id/results',
      {
        // Partners see their own centre's figures on the performance card; results compare centres.
        config: { access: { roles: ['hq_admin', 'county_staff', 'gov_viewer'] } },
        schema: { tags, params: IdParams, response: { 200: ResultsSchema, ...errors(401, 403, 404) } },
      },
      async (request) => campaignResults(deps, actorOf(request), request.params.id),
    );
  };
