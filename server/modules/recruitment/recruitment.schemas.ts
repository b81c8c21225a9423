import { Type } from '@sinclair/typebox';
import { Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { MOBILE_PATTERN } from '../villagers/index.ts';
import { applicationStatuses } from './recruitment.tables.ts';
import { profiles } from './rubric.ts';

export const ProfileSchema = Type.Union(profiles.map((p) => Type.Literal(p)));
export const StatusSchema = Type.Union(applicationStatuses.map((s) => Type.Literal(s)));
const Key = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' });
const AnswerValue = Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]);

export const NewApplicationSchema = Type.Object({
  countyId: Type.String({ minLength: 1, maxLength: 64 }),
  villageId: Type.String({ minLength: 1, maxLength: 64 }),
  name: Text(50),
  phone: Type.String({ pattern: MOBILE_PATTERN }),
  profile: ProfileSchema,
  answers: Type.Record(Key, AnswerValue, { maxProperties: 40 }),
});

export const SubmittedSchema = Type.Object({
  id: Type.String(),
  status: Type.Literal('submitted'),
  score: Type.Integer(),
  maxScore: Type.Integer(),
  createdAt: Timestamp,
});

export const ApplicationSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  villageId: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  profile: ProfileSchema,
  answers: Type.Record(Type.String(), AnswerValue),
  score: Type.Integer(),
  maxScore: Type.Integer(),
  rubricVersion: Type.Integer(),
  breakdown: Type.Array(Type.Object({ key: Type.String(), points: Type.Integer() })),
  status: StatusSchema,
  source: Type.Union([Type.Literal('public_form'), Type.Literal('county_staff')]),
  rejectReason: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  partnerUserId: Nullable(Type.String()),
  centerId: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const NoteSchema = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});

const Points = Type.Integer({ minimum: 0, maximum: 1000 });
const Label = Text(100);
export const CriterionSchema = Type.Union([
  Type.Object({ key: Key, label: Label, kind: Type.Literal('yes_no'), points: Points }),
  Type.Object({
    key: Key,
    label: Label,
    kind: Type.Literal('number'),
    bands: Type.Array(Type.Object({ atLeast: Type.Number({ minimum: 0 }), points: Points }), {
      minItems: 1,
      maxItems: 20,
    }),
  }),
  Type.Object({
    key: Key,
    label: Label,
    kind: Type.Literal('choice'),
    options: Type.Array(
      Type.Object({ value: Type.String({ minLength: 1, maxLength: 40 }), label: Label, points: Points }),
      { minItems: 1, maxItems: 20 },
    ),
  }),
]);

export const RubricSchema = Type.Object({
  profile: ProfileSchema,
  version: Type.Integer(),
  criteria: Type.Array(CriterionSchema),
  maxScore: Type.Integer(),
  updatedAt: Nullable(Timestamp),
});
