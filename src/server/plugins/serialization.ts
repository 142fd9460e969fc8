/**
 * Answers serialised through their route's response schema in one pass: the Zod schema becomes a
 * JSON Schema once, at start-up, and fast-json-stringify compiles that into a function that writes
 * only the schema's properties, in the schema's order. The Zod type provider's own serialiser
 * parsed every answer with Zod (a copy of the whole answer) and then ran JSON.stringify over the
 * copy; for a project's or an organisation's answer that was about a third of what the endpoint
 * added to its queries (docs/performance.md, "The fixed cost of a request").
 *
 * What the Zod parse guaranteed is kept where the JSON Schema can say it: no property outside the
 * schema leaves the server (objects are closed unless the Zod object is loose), a required property
 * missing is an error (a 500, not a silently shorter answer), and integers are written as integers.
 * A schema the JSON Schema cannot say (a transform, a refinement's custom check, a Date) keeps the
 * Zod parse: `z.toJSONSchema` refuses it, and such a route falls back. The answers of every public
 * read route on real data are compared with `JSON.stringify(schema.parse(answer))` in
 * test/api/serialization.test.ts.
 */
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/**
 * `anyOf: [X, {type: 'null'}]` (how Zod says nullable) as `X` with `nullable: true`, X looked up
 * where it is a reference: fast-json-stringify tries anyOf's branches with a validator at every
 * answer, but writes a nullable value directly.
 */
function simplify(schema: unknown, definitions: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => simplify(item, definitions));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = simplify(value, definitions);
  const anyOf = out.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return out;
  const isNull = (branch: JsonSchema) => branch.type === 'null' && Object.keys(branch).length === 1;
  const nullIndex = anyOf.findIndex(isNull);
  if (nullIndex < 0) return out;
  let other = anyOf[1 - nullIndex] as JsonSchema;
  const ref = typeof other.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(other.$ref)?.[1] : undefined;
  if (ref !== undefined && definitions[ref] && Object.keys(other).length === 1) other = definitions[ref];
  if (typeof other.type !== 'string' || other.type === 'null' || 'nullable' in other) return out;
  const { anyOf: _nullable, ...rest } = out;
  return { ...other, ...rest, nullable: true };
}

/** The JSON Schema fast-json-stringify compiles for a Zod response schema; null when it cannot say the schema. */
export function responseJsonSchema(schema: z.ZodType): JsonSchema | null {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw', cycles: 'ref' });
    // Twice: a definition put in place of its reference is itself simplified already.
    const definitions = simplify(json.definitions ?? {}, {}) as Record<string, JsonSchema>;
    return simplify(json, definitions) as JsonSchema;
  } catch {
    return null;
  }
}

/**
 * Compiled once per schema object: most routes share their error schemas, and HEAD shares GET's, so
 * start-up compiles each distinct schema once instead of once per route and status.
 */
const compiled = new WeakMap<z.ZodType, ((data: unknown) => string) | null>();

function fastSerializer(schema: z.ZodType): ((data: unknown) => string) | null {
  if (!compiled.has(schema)) {
    const json = responseJsonSchema(schema);
    compiled.set(schema, json ? fastJson(json, { rounding: 'trunc' }) : null);
  }
  return compiled.get(schema)!;
}

/** One answer of a Zod schema, serialised in one pass where it can be (see above). */
export function compileResponseSerializer(schema: z.ZodType): (data: unknown) => string {
  return fastSerializer(schema) ?? ((data) => JSON.stringify(schema.parse(data)));
}

export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const schema = route.schema;
  return (schema instanceof z.ZodType && fastSerializer(schema)) || zodSerializerCompiler(route as never);
};
