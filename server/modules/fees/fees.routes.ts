import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, ItemsOf, Timestamp } from '../../http/schemas.ts';
import { listFeeSchedules, publishFeeSchedule } from './fee-schedule.ts';

/** At most half the price each, so a storefront seller's share (what partner and platform leave) never goes negative. */
const Bps = Type.Integer({ minimum: 0, maximum: 5_000 });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000 });
const FeeScheduleSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Timestamp,
  rates: Type.Object({
    commissionBps: Type.Record(Type.String(), Type.Integer()),
    serviceFeeBps: Type.Record(Type.String(), Type.Integer()),
    upstream: Type.Object({
      partnerBps: Type.Integer(),
      platformBps: Type.Integer(),
      logisticsFenPerKg: Type.Integer(),
      logisticsMinFen: Type.Integer(),
    }),
  }),
  createdAt: Timestamp,
});

export const feeRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/fee-schedules',
      {
        config: { access: { roles: ['hq_admin', 'county_staff', 'partner', 'gov_viewer'] } },
        schema: { tags: ['fees'], response: { 200: ItemsOf(FeeScheduleSchema), ...errors(401, 403) } },
      },
      async () => ({ items: await listFeeSchedules(deps.db) }),
    );

    app.post(
      '/fee-schedules',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags: ['fees'],
          body: Type.Object({
            effectiveFrom: Type.Optional(Timestamp),
            commissionBps: Type.Optional(
              Type.Object(
                {
                  consumer: Type.Optional(Bps),
                  agri_input: Type.Optional(Bps),
                  local_specialty: Type.Optional(Bps),
                },
                { additionalProperties: false, minProperties: 1 },
              ),
            ),
            serviceFeeBps: Type.Optional(
              Type.Object(
                {
                  mobile_topup: Type.Optional(Bps),
                  utility_bill: Type.Optional(Bps),
                  travel_ticket: Type.Optional(Bps),
                },
                { additionalProperties: false, minProperties: 1 },
              ),
            ),
            upstream: Type.Optional(
              Type.Object(
                {
                  partnerBps: Type.Optional(Bps),
                  platformBps: Type.Optional(Bps),
                  logisticsFenPerKg: Type.Optional(Fen),
                  logisticsMinFen: Type.Optional(Fen),
                },
                { additionalProperties: false, minProperties: 1 },
              ),
            ),
          }),
          response: { 201: FeeScheduleSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const schedule = await publishFeeSchedule(deps, actorOf(request).id, request.body);
        request.audit = { countyId: null, entityId: schedule.id };
        return reply.code(201).send(schedule);
      },
    );
  };
