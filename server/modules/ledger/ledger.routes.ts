import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { errors } from '../../http/schemas.ts';
import { trialBalance } from './balances.ts';

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
  };
