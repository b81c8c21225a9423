import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { countyCertification } from './county-certification.ts';
import { createCourse, listCourses, setCourseUnlocks } from './courses.ts';
import { recordAttendance } from './record-attendance.ts';
import { createSession, getSession, listSessions } from './sessions.ts';
import {
  AttendanceSchema,
  CertificationFields,
  CourseSchema,
  SessionSchema,
  UnlocksSchema,
} from './training.schemas.ts';

const tags = ['training'];
const staff = { roles: ['county_staff'] } as const;
const readers = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner'] } as const;
const countyReaders = { roles: ['hq_admin', 'county_staff', 'gov_viewer'] } as const;

export const trainingRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/courses',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          body: Type.Object({
            title: Text(100),
            requiredForOpening: Type.Boolean(),
            description: Type.Optional(Text(2000)),
            unlocks: Type.Optional(UnlocksSchema),
          }),
          response: { 201: CourseSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const course = await createCourse(deps, actorOf(request), request.body);
        request.audit = { entityId: course.id };
        return reply.code(201).send(course);
      },
    );

    app.patch(
      '/courses/:id',
      {
        config: { access: { roles: ['hq_admin'] } },
        schema: {
          tags,
          description:
            'Sets the partner features the course unlocks (`returns`, `upstream_listings`); `[]` unlocks none.',
          params: IdParams,
          body: Type.Object({ unlocks: UnlocksSchema }),
          response: { 200: CourseSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const course = await setCourseUnlocks(deps, request.params.id, request.body.unlocks);
        request.audit = { entityId: course.id };
        return course;
      },
    );

    app.get(
      '/courses',
      {
        config: { access: readers },
        schema: { tags, response: { 200: ItemsOf(CourseSchema), ...errors(401, 403) } },
      },
      async () => ({ items: await listCourses(deps) }),
    );

    app.post(
      '/training/sessions',
      {
        config: { access: staff },
        schema: {
          tags,
          body: Type.Object({
            countyId: Id,
            courseId: Id,
            startsAt: Timestamp,
            trainer: Text(100),
            location: Type.Optional(Text(200)),
          }),
          response: { 201: SessionSchema, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const session = await createSession(deps, actorOf(request), request.body);
        request.audit = { countyId: session.countyId, entityId: session.id };
        return reply.code(201).send(session);
      },
    );

    app.get(
      '/training/sessions',
      {
        config: { access: countyReaders },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Id }),
          response: { 200: ItemsOf(SessionSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listSessions(deps, actorOf(request), request.query.countyId) }),
    );

    app.get(
      '/training/sessions/:id',
      {
        config: { access: countyReaders },
        schema: {
          tags,
          params: IdParams,
          response: {
            200: Type.Intersect([SessionSchema, Type.Object({ attendance: Type.Array(AttendanceSchema) })]),
            ...errors(401, 403, 404),
          },
        },
      },
      async (request) => getSession(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/training/sessions/:id/attendance',
      {
        config: { access: staff },
        schema: {
          tags,
          params: IdParams,
          body: Type.Object({
            userId: Id,
            passed: Type.Boolean(),
            score: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          }),
          response: { 201: AttendanceSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const attendance = await recordAttendance(deps, actor, request.params.id, request.body);
        request.audit = { countyId: actor.countyId, entityId: attendance.id };
        return reply.code(201).send(attendance);
      },
    );

    app.get(
      '/training/partners',
      {
        config: { access: { roles: ['hq_admin', 'county_staff'] } },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Id }),
          response: {
            200: ItemsOf(
              Type.Object({
                ...CertificationFields,
                displayName: Type.String(),
                centerId: Nullable(Type.String()),
              }),
            ),
            ...errors(400, 401, 403),
          },
        },
      },
      async (request) => ({
        items: await countyCertification(deps, actorOf(request), request.query.countyId),
      }),
    );
  };
