/**
 * The token list's items checked by a validator compiled once (Ajv), not walked by zod: a full
 * sync checks every token of a big list, on main's event loop, and a compiled check is a fraction
 * of zod's time and copies nothing (the parsed JSON is the token). It says what
 * common/domain.ts's apiTokenSchema says: the same required fields and types, unknown fields
 * kept, an absent `modules` read as none (tests/unit/api/token-check.test.ts holds the two
 * side by side). Single tokens and the IPC contract keep the zod schema.
 */
import Ajv, { type JSONSchemaType } from 'ajv';
import type { ApiToken } from '../../../common/domain';
import { TOKEN_STATUSES } from '../../../common/token-table';
import type { ItemReader } from './pagination';

const text = { type: 'string' } as const;
const maybeText = { type: ['string', 'null'] } as const;
/** A loose object: the API adds fields over time, and they are kept. */
const loose = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required, additionalProperties: true });
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [{ type: 'null' }, schema] });

const identity = loose({ id: text, name: text, icon: maybeText }, ['id']);
const auditEvent = nullable(loose({ at: maybeText, by: nullable(identity) }));
const moduleRef = loose(
  {
    id: text,
    name: text,
    description: maybeText,
    filters: nullable({ type: 'object', additionalProperties: { type: 'array', items: text } }),
    settings: nullable(
      loose({
        sharedAccount: { type: 'boolean' },
        configurable: { type: 'boolean' },
        default: { type: 'boolean' },
        paid: { type: 'boolean' },
        type: { type: 'array', items: text },
        obsolete: { type: 'boolean' },
      }),
    ),
  },
  ['id'],
);

const tokenSchema = loose(
  {
    id: text,
    name: text,
    description: maybeText,
    icon: maybeText,
    status: { type: 'string', enum: [...TOKEN_STATUSES] },
    lastAccessAt: maybeText,
    account: loose({ id: text, name: text, icon: maybeText, type: { enum: ['Client', 'Vendor', 'Operations', null] }, status: maybeText }, ['id']),
    modules: { type: 'array', items: moduleRef, default: [] },
    audit: loose({ created: auditEvent, updated: auditEvent }),
    revision: { type: 'integer' },
    extensions: nullable({ type: 'array', items: loose({ id: text }, ['id']) }),
    token: text,
  },
  ['id', 'name', 'status', 'account'],
);

// strict: a schema keyword Ajv does not know is a mistake here, not something to skip.
// useDefaults: an absent `modules` becomes [] (as zod's default does).
const ajv = new Ajv({ strict: true, allowUnionTypes: true, useDefaults: true, allErrors: false });
const check = ajv.compile(tokenSchema as unknown as JSONSchemaType<ApiToken>);

/** The list reader of a token (pagination.ts ItemReader): the parsed JSON itself when it fits. */
export const tokenListItem: ItemReader<ApiToken> = {
  safeParse(raw) {
    if (check(raw)) return { success: true, data: raw };
    const error = check.errors?.[0];
    const path = error ? error.instancePath.split('/').filter(Boolean) : [];
    return { success: false, error: { issues: [{ path, message: error?.message ?? 'is not a token' }] } };
  },
};
