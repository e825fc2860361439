/**
 * Malformed inputs for every channel of the contract, built from its input schemas
 * (schema-walk.ts): wrong types, extra keys (prototype keys, 100 kB keys, random ones from
 * fast-check), missing keys, wrong field types, and bad strings — 100 kB, control and bidi
 * characters, `TKN-1234-5678:x`, `../` and a real token value where an id belongs. Each one is
 * invalid on purpose: a success for any of them is a finding.
 */
import fc from 'fast-check';
import { CHANNEL_NAMES as channels } from '../../common/channel-names';
import { calls } from '../../common/contract';
import type { Field } from './schema-walk';
import { fieldsOf, REMOVE, sampleOf, withField } from './schema-walk';
import type { RealValues } from './schema-walk';

export interface FuzzCase {
  channel: string;
  family: 'type' | 'extra-key' | 'missing-key' | 'wrong-type' | 'bad-string' | 'bad-id' | 'random';
  label: string;
  input: unknown;
  /** Survives JSON unchanged in meaning (what the WebSocket can carry); the rest goes to dispatch only. */
  json: boolean;
}

const BIG = 100_000;
const big = (c: string) => c.repeat(BIG);

function cyclic(): unknown {
  const o: Record<string, unknown> = { id: 'TKN-1234-5678' };
  o.self = o;
  return o;
}

/** Top-level values no channel accepts (every input schema is an object). */
function topLevel(base: unknown): [string, unknown, boolean][] {
  return [
    ['null', null, true],
    ['zero', 0, true],
    ['negative', -1, true],
    ['huge number', 1e308, true],
    ['true', true, true],
    ['string', 'x', true],
    ['100 kB string', big('a'), true],
    ['empty array', [], true],
    ['array of base', [base], true],
    ['bigint', 1n, false],
    ['date', new Date(0), false],
    ['map', new Map([['id', 'TKN-1234-5678']]), false],
    ['cyclic object', cyclic(), false],
    ['symbol', Symbol('x'), false],
  ];
}

function withExtra(base: unknown, key: string, value: unknown = 1): unknown {
  // JSON.parse makes `__proto__` an own key, as it arrives over the WebSocket.
  const copy = JSON.parse(JSON.stringify(base ?? {})) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const wrongTypes: Record<Field['kind'], unknown[]> = {
  id: [0, true, [], {}],
  text: [0, true, [], {}],
  number: ['1', true, [], {}, 1.5],
  boolean: ['true', 0, [], {}],
  enum: ['NOT_AN_OPTION', 0, [], {}],
  array: ['x', 0, {}, [null]],
  object: ['x', 0, [], true],
  other: [],
};

function badStrings(maxLength: number | undefined): [string, string][] {
  return [
    ['NUL', 'a\u0000b'],
    ['BEL', 'bell\u0007'],
    ['ANSI escape', '\u001b[31mred'],
    ['C1 control', 'a\u0085b'],
    ['bidi override', 'abc\u202Edef'],
    ['bidi isolate', '\u2066x\u2069'],
    // A field built to hold more than 100 kB (a logo) gets 100 kB of controls instead.
    ['100 kB', maxLength !== undefined && maxLength < BIG ? big('a') : big('\u0000')],
  ];
}

function badIds(tokenValue: string): [string, string][] {
  return [
    ['empty', ''],
    ['blank', ' '],
    ['id with suffix', 'TKN-1234-5678:x'],
    ['id with space', 'TKN-1234-5678 '],
    ['path traversal', '../../etc/passwd'],
    ['windows traversal', '..\\..\\x'],
    ['traversal after id', 'TKN-1234-5678/../x'],
    ['token value as id', tokenValue],
    ['NUL', 'TKN-1234-5678\u0000'],
    ['bidi', '\u202ETKN-1234-5678'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['100 kB', big('a')],
  ];
}

function maxLengthAt(schema: unknown, path: string[]): number | undefined {
  let node = schema as { _zod: { def: Record<string, unknown> } };
  const unwrapNode = () => {
    while (['optional', 'nullable', 'default', 'readonly'].includes(node._zod.def.type as string)) node = node._zod.def.innerType as typeof node;
  };
  for (const key of path) {
    unwrapNode();
    node = (node._zod.def.shape as Record<string, typeof node>)[key]!;
  }
  unwrapNode();
  return (node as unknown as { maxLength?: number | null }).maxLength ?? undefined;
}

export interface CaseOptions {
  real: (channel: string) => RealValues;
  /** A real token value (one the keychain holds): put where ids go, it must never come back. */
  tokenValue: string;
  randomRuns: number;
  seed: number;
}

export function casesFor(channel: string, options: CaseOptions): { base: unknown; cases: FuzzCase[] } {
  const schema = calls[channel as keyof typeof calls].input;
  const base = sampleOf(schema, '', options.real(channel));
  const cases: FuzzCase[] = [];
  const add = (family: FuzzCase['family'], label: string, input: unknown, json = true) => cases.push({ channel, family, label, input, json });
  const named = (field: Field, list: [string, string][]) => list.filter(([, value]) => !field.literals.includes(value));

  for (const [label, value, json] of topLevel(base)) add('type', label, value, json);
  for (const key of ['__proto__', 'constructor', 'prototype', 'toString', big('k'), options.tokenValue]) {
    add('extra-key', key.length > 40 ? `${key.length / 1000} kB key` : key === options.tokenValue ? 'token value as key' : key, withExtra(base, key));
  }
  for (const field of fieldsOf(schema)) {
    const at = field.path.join('.');
    if (field.required) add('missing-key', at, withField(base, field.path, REMOVE));
    for (const value of wrongTypes[field.kind]) add('wrong-type', `${at} = ${JSON.stringify(value)}`, withField(base, field.path, value));
    if (field.kind === 'text' || field.kind === 'id') {
      for (const [label, value] of named(field, badStrings(maxLengthAt(schema, field.path)))) add('bad-string', `${at}: ${label}`, withField(base, field.path, value));
    }
    if (field.kind === 'id') for (const [label, value] of named(field, badIds(options.tokenValue))) add('bad-id', `${at}: ${label}`, withField(base, field.path, value));
    if (field.kind === 'array' && /ids$/i.test(field.path[field.path.length - 1]!)) {
      for (const [label, value] of badIds(options.tokenValue)) add('bad-id', `${at}[0]: ${label}`, withField(base, field.path, [value]));
    }
  }
  // Random extra keys with random values: every input schema is strict, so each one is invalid.
  const known = new Set(fieldsOf(schema).map((f) => f.path[0]));
  const extra = fc.tuple(
    fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !known.has(k)),
    fc.anything({ maxDepth: 2, withNullPrototype: true }),
  );
  for (const [key, value] of fc.sample(extra, { numRuns: options.randomRuns, seed: options.seed })) {
    add('random', `extra key ${JSON.stringify(key)}`, withExtra(base, key, value), false);
  }
  return { base, cases };
}

export function allCases(options: CaseOptions): { channel: string; base: unknown; cases: FuzzCase[] }[] {
  return channels.map((channel) => ({ channel, ...casesFor(channel, options) }));
}
