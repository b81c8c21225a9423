import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, IdParams, ItemsOf, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { assetKinds } from './onboarding.tables.ts';
import { listAssets, onboardingChecklist, recordSignage, registerAsset } from './onboarding.ts';

const tags = ['onboarding'];
const staff = { roles: ['county_staff'] } as const;
const readers = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner'] } as const;
const AssetKindSchema = Type.Union(assetKinds.map((k) => Type.Literal(k)));
const AssetSchema = Type.Object({
  id: Type.String(),
  centerId: Type.String(),
  kind: AssetKindSchema,
  serialNo: Type.String(),
  model: Nullable(Type.String()),
  createdAt: Timestamp,
});
const ChecklistSchema = Type.Object({
  centerId: Type.String(),
  complete: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      key: Type.Union(
        ['hardware', 'signage', 'float_deposit', 'training', 'government_agreement'].map((k) =>
          Type.Literal(k),
        ),
      ),
      done: Type.Boolean(),
      missing: Type.Array(Type.String()),
    }),
  ),
});

export const onboardingRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/centers/:id/assets',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({
            kind: AssetKindSchema,
            serialNo: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._/-]+$' }),
            model: Type.Optional(Text(100)),
          }),
          response: { 201: AssetSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const asset = await registerAsset(deps, actor, request.params.id, request.body);
        request.audit = { countyId: actor.countyId, entityId: asset.id };
        return reply.code(201).send(asset);
      },
    );

    app.get(
      '/centers/:id/assets',
      {
        config: { access: readers },
        schema: { tags, params: IdParams, response: { 200: ItemsOf(AssetSchema), ...errors(401, 403, 404) } },
      },
      async (request) => ({ items: await listAssets(deps, actorOf(request), request.params.id) }),
    );

    app.post(
      '/centers/:id/onboarding/signage',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ note: Type.Optional(Text(500)) }),
          response: { 201: ChecklistSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const checklist = await recordSignage(deps, actor, request.params.id, request.body.note);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        return reply.code(201).send(checklist);
      },
    );

    app.get(
      '/centers/:id/onboarding',
      {
        config: { access: readers },
        schema: { tags, params: IdParams, response: { 200: ChecklistSchema, ...errors(401, 403, 404) } },
      },
      async (request) => onboardingChecklist(deps, actorOf(request), request.params.id),
    );
  };
