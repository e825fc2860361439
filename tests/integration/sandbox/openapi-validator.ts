/**
 * Validates response bodies against the real OpenAPI v4 schemas (shared/api/openapi-v4-subset.json).
 *
 * The file is OpenAPI 3.0, so before handing it to ajv this helper:
 * - translates `nullable: true` into a JSON-Schema type union / `anyOf … null`;
 * - flattens the spec's inheritance style `allOf: [$ref Base]` + own `properties` +
 *   `additionalProperties: false` (in plain JSON Schema every branch would reject the other
 *   branch's properties) into one object schema with the merged properties;
 * - adds the v5 fields `revision` and `extensions` to ApiToken, and nothing else
 *   (the shared file itself is never edited).
 * Reuse it: `assertMatchesSchema('ApiToken', body)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** CI clones the repo with `shared/` beside it: <repo>/../shared/api/openapi-v4-subset.json. */
export const OPENAPI_PATH = process.env.OPENAPI_SUBSET_PATH ?? fileURLToPath(new URL('../../../../shared/api/openapi-v4-subset.json', import.meta.url));
const DOC_ID = 'https://token-desk.local/openapi-v4-subset.json';

const REF_PREFIX = '#/components/schemas/';

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Exported for the validator's own tests. */
export function preprocessSchemas(source: Record<string, Json>): Record<string, Json> {
  const flattened = new Map<string, Json>();
  const flattenByName = (name: string, stack: string[] = []): Json => {
    const done = flattened.get(name);
    if (done) return done;
    const schema = source[name];
    if (!schema) throw new Error(`Unknown schema ${name}`);
    if (stack.includes(name)) return schema;
    const out = flattenInheritance(schema, (ref) => flattenByName(ref, [...stack, name]));
    flattened.set(name, out);
    return out;
  };
  const result: Record<string, Json> = {};
  for (const name of Object.keys(source)) result[name] = translate(flattenByName(name)) as Json;
  return result;
}

/** `{allOf:[{$ref:Base}], properties:{…}}` → one object with Base's properties merged in. */
function flattenInheritance(schema: Json, resolve: (name: string) => Json): Json {
  const allOf = schema.allOf;
  if (!Array.isArray(allOf) || !isObject(schema.properties)) return schema;
  const properties: Json = {};
  const required = new Set<string>(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const rest: unknown[] = [];
  for (const part of allOf) {
    const ref = isObject(part) && typeof part.$ref === 'string' && part.$ref.startsWith(REF_PREFIX) ? part.$ref.slice(REF_PREFIX.length) : undefined;
    if (!ref) {
      rest.push(part);
      continue;
    }
    const base = resolve(ref);
    if (isObject(base.properties)) Object.assign(properties, base.properties);
    if (Array.isArray(base.required)) for (const r of base.required as string[]) required.add(r);
  }
  Object.assign(properties, schema.properties); // the derived schema's own definitions win
  const out: Json = { ...schema, properties };
  if (rest.length > 0) out.allOf = rest;
  else delete out.allOf;
  if (required.size > 0) out.required = [...required];
  return out;
}

/** Deep copy that turns OpenAPI 3.0 `nullable` into JSON Schema and drops vendor keywords. */
function translate(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(translate);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'nullable' || key === 'deprecated' || key === 'example') continue;
    out[key] = key === 'properties' && isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v)])) : translate(value);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** v5 additions to ApiToken (seeds/rest-create-api-token.md): exactly `revision` and `extensions`. */
function patchV5(schemas: Record<string, Json>): void {
  const token = schemas.ApiToken;
  if (!token || !isObject(token.properties)) throw new Error('ApiToken schema missing');
  token.properties = {
    ...token.properties,
    revision: { type: 'integer', minimum: 1 },
    extensions: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, icon: { type: ['string', 'null'] }, revision: { type: 'integer' }, status: { type: 'string' } },
        additionalProperties: false,
      },
    },
  };
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (ajv) return ajv;
  if (!existsSync(OPENAPI_PATH)) {
    throw new Error(`The Marketplace OpenAPI schemas are not at ${OPENAPI_PATH}: clone beside shared/ or set OPENAPI_SUBSET_PATH to openapi-v4-subset.json.`);
  }
  const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as { components: { schemas: Record<string, Json> } };
  const schemas = preprocessSchemas(doc.components.schemas);
  patchV5(schemas);
  ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, { type: 'number', validate: () => true });
  ajv.addSchema({ $id: DOC_ID, components: { schemas } });
  return ajv;
}

export function schemaValidator(schemaName: string): ValidateFunction {
  let validate = validators.get(schemaName);
  if (!validate) {
    const found = getAjv().getSchema(`${DOC_ID}#/components/schemas/${schemaName}`);
    if (!found) throw new Error(`No schema ${schemaName} in ${OPENAPI_PATH}`);
    validate = found;
    validators.set(schemaName, validate);
  }
  return validate;
}

/** Returns ajv's errors (empty when valid). */
export function schemaErrors(schemaName: string, body: unknown): ErrorObject[] {
  const validate = schemaValidator(schemaName);
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

/** Throws a readable error when `body` does not match `components.schemas[schemaName]`. */
export function assertMatchesSchema(schemaName: string, body: unknown): void {
  const errors = schemaErrors(schemaName, body);
  if (errors.length === 0) return;
  const lines = errors.slice(0, 10).map((e) => `  ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  throw new Error(`Body does not match OpenAPI schema ${schemaName}:\n${lines.join('\n')}\nBody: ${JSON.stringify(body).slice(0, 2000)}`);
}
