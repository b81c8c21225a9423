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
  Text,
  Timestamp,
} from '../../http/schemas.ts';
import { MONTH_PATTERN, monthOf } from '../../shared/month.ts';
import { CertificationFields, FeatureFields } from '../training/index.ts';
import { floatBalance, listFloatDeposits, recordFloatDeposit } from './float.ts';
import { guaranteeBalance, recordGuaranteeDeposit } from './guarantee.ts';
import { partnerProfile } from './partner-profile.ts';
import { partnerStatement } from './statement.ts';

const tags = ['partners'];
/** Money a county's staff record as paid in for a centre (float or guarantee fund). */
const DepositInput = Type.Object({
  amountFen: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  reference: Text(100),
});
const centreReaders = { roles: ['county_staff', 'hq_admin', 'partner', 'gov_viewer'] } as const;
const Deposit = Type.Object({
  id: Type.String(),
  centerId: Type.String(),
  amountFen: Type.Integer(),
  reference: Type.String(),
  recordedBy: Type.String(),
  createdAt: Timestamp,
});

export const partnerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/centers/:id/float/deposits',
      {
        config: { access: { roles: ['county_staff'] } },
        schema: {
          tags,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: DepositInput,
          response: {
            201: Type.Intersect([Deposit, Type.Object({ balanceFen: Type.Integer() })]),
            ...errors(400, 401, 403, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const deposit = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => recordFloatDeposit(deps, trx, actor, request.params.id, request.body),
          (r) => ({ countyId: actor.countyId, entityId: r.id }),
        );
        return deposit;
      },
    );

    app.get(
      '/centers/:id/float/deposits',
      {
        config: { access: centreReaders },
        schema: { tags, params: IdParams, response: { 200: ItemsOf(Deposit), ...errors(401, 403, 404) } },
      },
      async (request) => ({ items: await listFloatDeposits(deps, actorOf(request), request.params.id) }),
    );

    app.get(
      '/centers/:id/float',
      {
        config: { access: centreReaders },
        schema: {
          tags,
          params: IdParams,
          response: {
            200: Type.Object({ centerId: Type.String(), balanceFen: Type.Integer() }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => floatBalance(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/partners/:userId',
      {
        config: { access: { roles: ['partner', 'county_staff', 'gov_viewer', 'hq_admin'] } },
        schema: {
          tags,
          params: Type.Object({ userId: Id }),
          response: {
            200: Type.Object({
              ...CertificationFields,
              ...FeatureFields,
              displayName: Type.String(),
              countyId: Nullable(Type.String()),
              centerId: Nullable(Type.String()),
              centerName: Nullable(Type.String()),
              centerStatus: Nullable(Type.String()),
            }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => partnerProfile(deps, actorOf(request), request.params.userId),
    );

    app.get(
      '/partners/:userId/statement',
      {
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: {
          tags,
          params: Type.Object({ userId: Id }),
          querystring: Type.Object({
            month: Type.Optional(Type.String({ pattern: MONTH_PATTERN })),
          }),
          response: {
            200: Type.Object({
              userId: Type.String(),
              centerId: Nullable(Type.String()),
              month: Type.String(),
              commissionsFen: Type.Integer(),
              clawbacksFen: Type.Integer(),
              serviceFeesFen: Type.Integer(),
              netFen: Type.Integer(),
              items: Type.Array(
                Type.Object({
                  type: Type.String(),
                  refId: Nullable(Type.String()),
                  amountFen: Type.Integer(),
                  at: Timestamp,
                }),
              ),
            }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const month = request.query.month ?? monthOf(deps.clock.now());
        return partnerStatement(deps, actorOf(request), request.params.userId, month);
      },
    );

    app.post(
      '/centers/:id/guarantee/deposits',
      {
        config: { access: { roles: ['county_staff'] } },
        schema: {
          tags,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: DepositInput,
          response: {
            201: Type.Object({
              id: Type.String(),
              centerId: Type.String(),
              amountFen: Type.Integer(),
              reference: Type.String(),
              balanceFen: Type.Integer(),
            }),
            ...errors(400, 401, 403, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const deposit = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => recordGuaranteeDeposit(deps, trx, actor, request.params.id, request.body),
          (r) => ({ countyId: actor.countyId, entityId: r.id }),
        );
        return deposit;
      },
    );

    app.get(
      '/centers/:id/guarantee',
      {
        config: { access: centreReaders },
        schema: {
          tags,
          params: IdParams,
          response: {
            200: Type.Object({ centerId: Type.String(), balanceFen: Type.Integer() }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => guaranteeBalance(deps, actorOf(request), request.params.id),
    );
  };
