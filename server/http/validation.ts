import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: path and query strings are coerced to the declared types (they arrive as
 * text), JSON bodies are not — a body that sends "5" where a number belongs is refused,
 * not guessed at. Unknown body properties are dropped rather than refused so that clients
 * may send more than we read.
 */
const common = { useDefaults: true, removeAdditional: true, allErrors: false, strict: false } as const;
const coercing = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }));
const strict = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema);
