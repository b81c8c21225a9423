import fc from 'fast-check';

/**
 * Malformed requests generated from the OpenAPI document. Every variant is invalid by
 * construction (its schema refuses it, or it names a resource that does not exist), so the
 * only right answer is a 4xx; `probe` variants are admitted by the schema but extreme, and
 * are made only for reads.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schemas are JSON walked by hand.
export type Schema = Record<string, any>;
export type Param = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema };
export type Operation = {
  method: string;
  path: string;
  roles: 'public' | string[];
  params: Param[];
  body: Schema | null;
};
export type Variant = {
  name: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | undefined;
  /** Admitted by the schema: must not fail, but may succeed. */
  probe?: boolean;
};

export const HUGE_STRING = 'x'.repeat(100_000);
/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '01900000-0000-7000-8000-00000000dead';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON.
export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries<Record<string, Schema>>(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(byMethod)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        roles: op['x-roles'],
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

const branches = (s: Schema): Schema[] => s.anyOf ?? s.oneOf ?? [s];
const nonNull = (s: Schema): Schema => branches(s).find((b) => b.type !== 'null') ?? s;
const types = (s: Schema): Set<string> | null => {
  const all = new Set<string>();
  for (const b of branches(s)) {
    if (b.type === undefined && b.const === undefined && !b.enum) return null;
    const t = b.type ?? typeof (b.const ?? b.enum?.[0]);
    for (const x of Array.isArray(t) ? t : [t]) all.add(x);
    if (b.nullable) all.add('null');
  }
  if (s.nullable) all.add('null');
  return all;
};
const jsonType = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v;
const admitsType = (allowed: Set<string>, v: unknown) => {
  const t = jsonType(v);
  return allowed.has(t) || (t === 'integer' && allowed.has('number'));
};

/** A deterministic seed per place, so a failure names a variant that repeats. */
const seedOf = (text: string) => {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
};

const wrongValues = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** A value the schema accepts, using real ids where the field names one. */
export function sample(s: Schema, name: string, ids: Record<string, string>, seed: number): unknown {
  const b = nonNull(s);
  if (b.const !== undefined) return b.const;
  if (b.enum) return b.enum[0];
  if (b.default !== undefined) return b.default;
  switch (b.type) {
    case 'string': {
      if (ids[name]) return ids[name];
      if (b.format === 'date-time') return new Date().toISOString();
      if (b.format === 'date') return new Date().toISOString().slice(0, 10);
      if (b.format === 'email') return 'fuzz@example.cn';
      if (b.format === 'uri') return 'https://example.cn/fuzz';
      const fits = (x: string) =>
        x.length >= (b.minLength ?? 0) &&
        x.length <= (b.maxLength ?? Number.POSITIVE_INFINITY) &&
        (!b.pattern || new RegExp(b.pattern, 'u').test(x));
      const plain = '测试'.padEnd(Math.max(2, b.minLength ?? 0), '文');
      if (fits(plain)) return plain;
      if (b.pattern) {
        const [found] = fc.sample(fc.stringMatching(new RegExp(b.pattern)).filter(fits), {
          seed,
          numRuns: 1,
        });
        return found;
      }
      return plain;
    }
    case 'integer':
    case 'number': {
      const min = b.minimum ?? (b.exclusiveMinimum !== undefined ? b.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, 1), b.maximum ?? Number.POSITIVE_INFINITY);
    }
    case 'boolean':
      return false;
    case 'array': {
      const n = Math.min(Math.max(b.minItems ?? 0, 1), b.maxItems ?? 1);
      return Array.from({ length: n }, (_, i) => sample(b.items ?? {}, name, ids, seed + i));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries<Schema>(b.properties ?? {})) {
        // Optional fields that name a known resource are sent too: they are where scope lives.
        const names = ids[key] ?? ids[key.replace(/s$/, '')];
        if ((b.required ?? []).includes(key) || names)
          out[key] = sample(child, nonNull(child).type === 'array' ? key.replace(/s$/, '') : key, ids, seed);
      }
      for (const [key, child] of Object.entries<Schema>(b.properties ?? {})) {
        if (Object.keys(out).length >= (b.minProperties ?? 0)) break;
        out[key] ??= sample(child, key, ids, seed);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Values the schema refuses, one kind of wrongness each. */
export function invalidValues(
  s: Schema,
  seed: number,
): Array<{ kind: string; value: unknown; probe?: boolean }> {
  const out: Array<{ kind: string; value: unknown; probe?: boolean }> = [];
  const allowed = types(s);
  if (!allowed) return out;
  for (const value of fc.sample(
    wrongValues.filter((v) => !admitsType(allowed, v)),
    { seed, numRuns: 2 },
  ))
    out.push({ kind: 'wrong type', value });
  const b = nonNull(s);
  if (b.enum || b.const !== undefined) out.push({ kind: 'not one of', value: 'zz_not_a_choice' });
  if (b.type === 'string' && !b.enum) {
    // Fields made for big text (a provider's statement) may take it.
    if ((b.maxLength ?? Number.POSITIVE_INFINITY) < HUGE_STRING.length)
      out.push({ kind: 'huge string', value: HUGE_STRING });
    else if (b.maxLength === undefined) out.push({ kind: 'unbounded string', value: HUGE_STRING });
    if (b.pattern) {
      const re = new RegExp(b.pattern, 'u');
      const [bad] = fc.sample(
        fc
          .string({ minLength: b.minLength ?? 1, maxLength: Math.min(b.maxLength ?? 12, 12) })
          .filter((x) => !re.test(x)),
        { seed, numRuns: 1 },
      );
      if (bad !== undefined) out.push({ kind: 'against pattern', value: bad });
    }
    if (b.minLength && b.minLength > 0) out.push({ kind: 'too short', value: '' });
  }
  if (b.type === 'integer' || b.type === 'number') {
    const min = b.minimum ?? (b.exclusiveMinimum !== undefined ? b.exclusiveMinimum : undefined);
    if (min !== undefined && min >= 0) {
      const [n] = fc.sample(fc.integer({ min: 1, max: 1_000_000 }), { seed, numRuns: 1 });
      out.push({ kind: 'negative', value: -n! });
    }
    if (b.type === 'integer') {
      const [f] = fc.sample(fc.integer({ min: 1, max: 1000 }), { seed, numRuns: 1 });
      out.push({ kind: 'fractional', value: Math.max(min ?? 0, 1) + f! / 1001 });
    }
    if (b.maximum !== undefined) {
      out.push({ kind: 'over maximum', value: b.maximum + 1 });
      out.push({ kind: 'huge', value: 1e20 });
    } else out.push({ kind: 'huge', value: 1e20, probe: true });
  }
  if (b.type === 'array') {
    if ((b.minItems ?? 0) > 0) out.push({ kind: 'empty list', value: [] });
    if (b.maxItems !== undefined && b.maxItems <= 1000)
      out.push({ kind: 'too many', value: Array.from({ length: b.maxItems + 1 }, () => null) });
  }
  return out;
}

type Leaf = { path: Array<string | number>; schemas: Schema[]; required: boolean };

/** Every field of a body schema, with the schemas along the way (to fill absent parents). */
function fieldsOf(s: Schema, path: Array<string | number> = [], schemas: Schema[] = [s]): Leaf[] {
  const b = nonNull(s);
  const out: Leaf[] = [];
  if (b.type === 'object' && b.properties) {
    for (const [key, child] of Object.entries<Schema>(b.properties)) {
      const required = (b.required ?? []).includes(key);
      out.push({ path: [...path, key], schemas: [...schemas, child], required });
      out.push(...fieldsOf(child, [...path, key], [...schemas, child]));
    }
  } else if (b.type === 'array' && b.items) {
    out.push(...fieldsOf(b.items, [...path, 0], [...schemas, b.items]));
  }
  return out;
}

function withValue(
  base: unknown,
  leaf: Leaf,
  value: unknown,
  ids: Record<string, string>,
  seed: number,
): unknown {
  const root = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  leaf.path.forEach((key, i) => {
    const last = i === leaf.path.length - 1;
    if (last) {
      if (value === undefined) delete node[key];
      else node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null)
      node[key] = sample(leaf.schemas[i + 1]!, String(key), ids, seed);
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

/** The malformed variants of one operation, on top of a request that would otherwise pass. */
export function variantsOf(
  op: Operation,
  pathIds: (param: string) => string,
  ids: Record<string, string>,
): Variant[] {
  const seed = seedOf(`${op.method} ${op.path}`);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const query = op.params.filter((p) => p.in === 'query');
  const fill = (override: Record<string, string> = {}) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(override[name] ?? pathIds(name)));
  const baseQuery: Record<string, string> = {};
  for (const q of query) if (q.required) baseQuery[q.name] = String(sample(q.schema, q.name, ids, seed));
  const qs = (params: Record<string, string>) => {
    const text = new URLSearchParams(params).toString();
    return text ? `?${text}` : '';
  };
  const url = fill() + qs(baseQuery);
  const json = { 'content-type': 'application/json' };
  const writes = op.method !== 'GET' && op.method !== 'HEAD';
  const baseBody = op.body ? sample(op.body, '', ids, seed) : undefined;
  const variants: Variant[] = [];

  for (const p of pathParams) {
    variants.push({
      name: `path ${p.name}: unknown id`,
      url: fill({ [p.name]: UNKNOWN_ID }) + qs(baseQuery),
      headers: json,
      payload: writes ? JSON.stringify(baseBody ?? {}) : undefined,
    });
    variants.push({
      name: `path ${p.name}: huge`,
      url: fill({ [p.name]: HUGE_STRING.slice(0, 5000) }) + qs(baseQuery),
      headers: {},
    });
    variants.push({
      name: `path ${p.name}: odd characters`,
      url: fill({ [p.name]: "../'; drop table users;--" }) + qs(baseQuery),
      headers: {},
    });
  }
  for (const q of query) {
    const type = nonNull(q.schema).type;
    if (type === 'integer' || type === 'number' || type === 'boolean')
      variants.push({
        name: `query ${q.name}: not a ${type}`,
        url: fill() + qs({ ...baseQuery, [q.name]: 'zz' }),
        headers: {},
      });
    for (const bad of invalidValues(q.schema, seed + seedOf(q.name))) {
      if (bad.probe && writes) continue;
      // Query values arrive as text and are coerced: only text that no coercion accepts is wrong.
      if (bad.kind === 'wrong type') continue;
      variants.push({
        name: `query ${q.name}: ${bad.kind}`,
        url: fill() + qs({ ...baseQuery, [q.name]: String(bad.value) }),
        headers: {},
        probe: bad.probe,
      });
    }
  }
  if (op.body) {
    const body = baseBody as Record<string, unknown>;
    for (const leaf of fieldsOf(op.body)) {
      const field = leaf.path.join('.');
      if (leaf.required)
        variants.push({
          name: `body ${field}: missing`,
          url,
          headers: json,
          payload: JSON.stringify(withValue(body, leaf, undefined, ids, seed)),
        });
      for (const bad of invalidValues(leaf.schemas.at(-1)!, seed + seedOf(field))) {
        if (bad.probe) continue;
        variants.push({
          name: `body ${field}: ${bad.kind}`,
          url,
          headers: json,
          payload: JSON.stringify(withValue(body, leaf, bad.value, ids, seed)),
        });
      }
    }
    // Ids that pass the schema but name nothing: these reach the handler's own lookups.
    // Only `…Id` fields refer to something that exists; a tracking number may be a new one.
    for (const leaf of fieldsOf(op.body)) {
      const name = String(leaf.path.at(-1));
      if (nonNull(leaf.schemas.at(-1)!).type !== 'string' || !ids[name] || !name.endsWith('Id')) continue;
      variants.push({
        name: `body ${leaf.path.join('.')}: unknown id`,
        url,
        headers: json,
        payload: JSON.stringify(withValue(body, leaf, UNKNOWN_ID, ids, seed)),
      });
    }
    if ((op.body.required ?? []).length > 0) variants.push({ name: 'no body', url, headers: {} });
    variants.push({ name: 'body: not an object', url, headers: json, payload: JSON.stringify([baseBody]) });
  }
  if (op.params.some((p) => p.in === 'header' && p.name === 'idempotency-key')) {
    const payload = JSON.stringify(baseBody ?? {});
    for (const [kind, key] of [
      ['too long', 'k'.repeat(201)],
      ['not ASCII', '幂等键'],
    ] as const)
      variants.push({
        name: `Idempotency-Key ${kind}`,
        url,
        headers: { ...json, 'idempotency-key': key },
        payload,
      });
  }
  if (writes) {
    const text = JSON.stringify(baseBody ?? {});
    const [cut] = fc.sample(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { seed, numRuns: 1 });
    variants.push({ name: 'broken JSON', url, headers: json, payload: text.slice(0, cut) });
    variants.push({ name: 'broken JSON: trailing garbage', url, headers: json, payload: `${text}}` });
    variants.push({ name: 'text/plain', url, headers: { 'content-type': 'text/plain' }, payload: text });
    variants.push({
      name: 'form',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1&b=2',
    });
    variants.push({
      name: 'multipart',
      url,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\n\r\n--x--',
    });
    variants.push({
      name: 'over 1 MiB',
      url,
      headers: json,
      payload: JSON.stringify({ pad: 'x'.repeat(1_048_577) }),
    });
  }
  return variants;
}

/**
 * The well-formed request of an operation: path parameters from `pathIds`, required query
 * parameters and those naming a known resource, and a body the schema accepts.
 */
export function wellFormed(
  op: Operation,
  pathIds: (param: string) => string,
  ids: Record<string, string>,
): { url: string; payload: string | undefined } {
  const seed = seedOf(`${op.method} ${op.path}`);
  const query: Record<string, string> = {};
  for (const q of op.params.filter((p) => p.in === 'query'))
    if (q.required || ids[q.name]) query[q.name] = String(sample(q.schema, q.name, ids, seed));
  const text = new URLSearchParams(query).toString();
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathIds(name)));
  const writes = op.method !== 'GET' && op.method !== 'HEAD';
  const payload = writes ? JSON.stringify(op.body ? sample(op.body, '', ids, seed) : {}) : undefined;
  return { url: text ? `${url}?${text}` : url, payload };
}
