import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { createLimiter } from '../../http/rate-limit.ts';
import { errors, Id, IdParams, ItemsOf, Nullable, Paging, Text } from '../../http/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import { allCounties, findCounty, villagesOf } from '../network/index.ts';
import { addInterviewNote, countyPipeline, getApplication, listApplications } from './applications.ts';
import { approveApplication, rejectApplication } from './decide-application.ts';
import {
  ApplicationSchema,
  CriterionSchema,
  NewApplicationSchema,
  NoteSchema,
  ProfileSchema,
  RubricSchema,
  StatusSchema,
  SubmittedSchema,
} from './recruitment.schemas.ts';
import { listRubrics, saveRubric } from './rubrics.ts';
import { submitApplication } from './submit-application.ts';

const tags = ['recruitment'];
const staff = { roles: ['county_staff'] } as const;
const managers = { roles: ['hq_admin', 'county_staff'] } as const;
const CountyQuery = Type.Object({ countyId: Id });

export const recruitmentRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The public form is open to anyone; this keeps one address from flooding a county's pipeline.
    const publicForms = createLimiter(20, 60 * 60 * 1000);

    app.post(
      '/recruitment/applications',
      {
        config: { access: 'public' },
        schema: {
          tags,
          description:
            'Anonymous: the public application form. Signed in: county staff (own county) or HQ. Other roles: 403.',
          body: NewApplicationSchema,
          response: { 201: SubmittedSchema, ...errors(400, 403, 409, 429) },
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (actor && actor.role !== 'county_staff' && actor.role !== 'hq_admin')
          throw new AppError('forbidden', `A ${actor.role} may not file applications`);
        if (!actor && !publicForms.hit(request.ip))
          throw new AppError('rate_limited', 'Too many applications from this address; try again later');
        const submitted = await submitApplication(deps, actor, request.body);
        request.audit = { countyId: request.body.countyId, entityId: submitted.id };
        deps.nudgeOutbox();
        return reply.code(201).send(submitted);
      },
    );

    app.get(
      '/recruitment/applications',
      {
        config: { access: managers },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Id, status: Type.Optional(StatusSchema), ...Paging }),
          response: { 200: ItemsOf(ApplicationSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { countyId, status, limit = 100, offset = 0 } = request.query;
        return { items: await listApplications(deps, actorOf(request), { countyId, status, limit, offset }) };
      },
    );

    app.get(
      '/recruitment/applications/:id',
      {
        config: { access: managers },
        schema: {
          tags,
          params: IdParams,
          response: {
            200: Type.Intersect([ApplicationSchema, Type.Object({ notes: Type.Array(NoteSchema) })]),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => getApplication(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/recruitment/applications/:id/notes',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ body: Text(4000) }),
          response: { 201: NoteSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const note = await addInterviewNote(deps, actor, request.params.id, request.body.body);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        return reply.code(201).send(note);
      },
    );

    app.post(
      '/recruitment/applications/:id/approve',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({
            centerId: Type.Optional(Id),
            login: Type.Optional(Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' })),
            password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
          }),
          response: {
            200: Type.Object({
              application: ApplicationSchema,
              partner: Type.Object({ id: Type.String(), login: Type.String(), displayName: Type.String() }),
              center: Type.Object({
                id: Type.String(),
                name: Type.String(),
                status: Type.String(),
                villageId: Type.String(),
              }),
              initialPassword: Nullable(Type.String()),
            }),
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const approved = await approveApplication(deps, actor, request.params.id, request.body);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        deps.nudgeOutbox();
        return approved;
      },
    );

    app.post(
      '/recruitment/applications/:id/reject',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({ reason: Text(500) }),
          response: { 200: ApplicationSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const rejected = await rejectApplication(deps, actor, request.params.id, request.body.reason);
        request.audit = { countyId: actor.countyId, entityId: request.params.id };
        deps.nudgeOutbox();
        return rejected;
      },
    );

    app.get(
      '/recruitment/pipeline',
      {
        config: { access: managers },
        schema: {
          tags,
          querystring: CountyQuery,
          response: {
            200: Type.Object({
              countyId: Type.String(),
              stages: Type.Object({
                submitted: Type.Integer(),
                interviewed: Type.Integer(),
                approved: Type.Integer(),
                rejected: Type.Integer(),
              }),
              certified: Type.Integer(),
              open: Type.Integer(),
            }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (request) => countyPipeline(deps, actorOf(request), request.query.countyId),
    );

    app.get(
      '/recruitment/rubrics',
      {
        config: { access: 'public' },
        schema: { tags, response: { 200: ItemsOf(RubricSchema) } },
      },
      async () => ({ items: await listRubrics(deps) }),
    );

    app.put(
      '/recruitment/rubrics/:profile',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          params: Type.Object({ profile: ProfileSchema }),
          body: Type.Object({ criteria: Type.Array(CriterionSchema, { minItems: 1, maxItems: 30 }) }),
          response: { 200: RubricSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const rubric = await saveRubric(
          deps,
          actorOf(request),
          request.params.profile,
          request.body.criteria,
        );
        request.audit = { entityId: request.params.profile };
        return rubric;
      },
    );

    app.get(
      '/public/recruitment/counties',
      {
        config: { access: 'public' },
        schema: {
          tags,
          response: {
            200: ItemsOf(Type.Object({ id: Type.String(), name: Type.String(), province: Type.String() })),
          },
        },
      },
      async () => ({
        items: (await allCounties(deps.db)).map(({ id, name, province }) => ({ id, name, province })),
      }),
    );

    app.get(
      '/public/recruitment/counties/:countyId/villages',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: CountyQuery,
          response: {
            200: ItemsOf(Type.Object({ id: Type.String(), name: Type.String() })),
            ...errors(400, 404),
          },
        },
      },
      async (request) => {
        // An unknown county is not an empty one: the form should say the link is wrong.
        if (!(await findCounty(deps.db, request.params.countyId)))
          throw new AppError('not_found', 'County not found');
        const villages = await villagesOf(deps.db, request.params.countyId);
        return { items: villages.map(({ id, name }) => ({ id, name })) };
      },
    );
  };
