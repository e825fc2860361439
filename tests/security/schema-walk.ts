/**
 * Reads the contract's zod input schemas so the fuzz covers every channel, including ones
 * added after it was written: a minimal valid input per channel (its "base") and the paths of
 * its fields with their kind. Real values (ids that exist, the sandbox URL, a real admin
 * token) are put in by field name, so a mutation of one field is the only thing wrong.
 */
import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; [key: string]: unknown };
type AnySchema = z.ZodType & { _zod: { def: Def } };

const defOf = (schema: unknown): Def => (schema as AnySchema)._zod.def;

export type FieldKind = 'id' | 'text' | 'number' | 'boolean' | 'enum' | 'array' | 'object' | 'other';
export interface Field {
  path: string[];
  kind: FieldKind;
  required: boolean;
  /** Values the schema names as valid on purpose (`z.literal('')` in a union: "any"). */
  literals: unknown[];
}

/** Values a field of this name must have for the base to pass the handler, not just the schema. */
export type RealValues = Record<string, unknown>;

function regexOf(def: Def): RegExp | undefined {
  for (const check of (def.checks as { _zod: { def: { format?: string; pattern?: RegExp } } }[] | undefined) ?? []) {
    if (check._zod.def.format === 'regex' && check._zod.def.pattern) return check._zod.def.pattern;
  }
  return undefined;
}

function checkValue(def: Def, name: string): number | undefined {
  for (const check of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = check._zod.def;
    if (d.check === name) return (d.minimum ?? d.value) as number;
  }
  return undefined;
}

/** A minimal value that passes `schema` (or throws saying which construct it cannot build). */
export function sampleOf(schema: unknown, key: string, real: RealValues): unknown {
  if (key in real) return real[key];
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(def.shape as Record<string, unknown>)) {
        const t = defOf(child).type;
        // Optional scalars are left out; optional objects are put in so their fields can be mutated too.
        if ((t === 'optional' || t === 'default') && unwrap(child).def.type !== 'object') continue;
        out[k] = sampleOf(child, k, real);
      }
      return out;
    }
    case 'string': {
      const re = regexOf(def);
      if (re) return fc.sample(fc.stringMatching(re), { numRuns: 1, seed: 1 })[0];
      const min = (schema as z.ZodString).minLength ?? 0;
      return 'Fuzz base'.padEnd(Math.max(min, 9), 'x');
    }
    case 'number':
      return Math.max(0, (schema as z.ZodNumber).minValue ?? 0);
    case 'boolean':
      return false;
    case 'enum':
      return (schema as unknown as { options: unknown[] }).options[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      const min = checkValue(def, 'min_length') ?? 0;
      return Array.from({ length: Math.max(min, 1) }, () => sampleOf(def.element, key, real));
    }
    case 'record':
      return {};
    case 'unknown':
    case 'any':
      return {};
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return sampleOf(def.innerType, key, real);
    case 'pipe':
      return sampleOf(def.in, key, real);
    case 'union':
      return sampleOf((def.options as unknown[])[0], key, real);
    default:
      throw new Error(`the fuzz cannot build a sample for a zod "${def.type}" (field ${key}); teach tests/security/schema-walk.ts`);
  }
}

function unwrap(schema: unknown): { def: Def; required: boolean } {
  let def = defOf(schema);
  let required = true;
  while (['optional', 'nullable', 'default', 'readonly'].includes(def.type)) {
    if (def.type !== 'nullable') required = false;
    def = defOf(def.innerType);
  }
  if (def.type === 'pipe') def = defOf(def.in);
  return { def, required };
}

/** Every field of an object schema, nested objects included, with its kind. */
export function fieldsOf(schema: unknown, prefix: string[] = []): Field[] {
  const { def } = unwrap(schema);
  if (def.type !== 'object') return [];
  const out: Field[] = [];
  for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
    const { def: inner, required } = unwrap(child);
    const path = [...prefix, key];
    const stringish = inner.type === 'string' || inner.type === 'union';
    const isId = stringish && (regexOf(inner) !== undefined || key === 'id' || /Id$/.test(key));
    const kind: FieldKind = isId
      ? 'id'
      : inner.type === 'string'
        ? 'text'
        : (['number', 'boolean', 'enum', 'array', 'object'] as const).find((k) => k === inner.type) ?? 'other';
    const literals = inner.type === 'union' ? (inner.options as unknown[]).flatMap((o) => (defOf(o).type === 'literal' ? (defOf(o).values as unknown[]) : [])) : [];
    out.push({ path, kind, required, literals });
    if (inner.type === 'object') out.push(...fieldsOf(child, path));
  }
  return out;
}

/** A deep copy of `base` with the value at `path` replaced (or removed when `value` is REMOVE). */
export const REMOVE = Symbol('remove');
export function withField(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}
