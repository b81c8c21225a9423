import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, Nullable, Timestamp } from '../../http/schemas.ts';
import { MONTH_PATTERN, monthOf } from '../../shared/month.ts';
import { trialBalance } from './balances.ts';
import { merchantPayable } from './merchant-payable.ts';

export const ledgerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/ledger/trial-balance',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags: ['ledger'],
          response: {
            200: Type.Object({
              accounts: Type.Array(Type.Object({ account: Type.String(), balanceFen: Type.Integer() })),
              totalFen: Type.Integer(),
            }),
            ...errors(401, 403),
          },
        },
      },
      async () => trialBalance(deps.db),
    );

    app.get(
      '/merchants/:id/payable',
      {
        config: { access: { roles: ['hq_admin', 'merchant'] } },
        schema: {
          tags: ['ledger'],
          params: Type.Object({ id: Id }),
          querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: MONTH_PATTERN })) }),
          response: {
            200: Type.Object({
              merchantId: Type.String(),
              month: Type.String(),
              balanceFen: Type.Integer(),
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
      async (request) =>
        merchantPayable(
          deps,
          actorOf(request),
          request.params.id,
          request.query.month ?? monthOf(deps.clock.now()),
        ),
    );
  };
