import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../main/sandbox/cli-args';
import { FaultInjector } from '../../../main/sandbox/faults';
import { buildProjection, pageOf } from '../../../main/sandbox/listing';
import { TOKEN_FIELDS, TOKEN_LIST_OMITTED } from '../../../main/sandbox/resource-fields';
import { parseQueryString } from '../../../main/sandbox/rql/parse';

const view = Object.freeze({
  id: 'TKN-1',
  name: 'n',
  description: 'd',
  account: Object.freeze({ id: 'ACC-1', name: 'A', icon: '/i' }),
  modules: Object.freeze([Object.freeze({ id: 'MOD-1756', name: 'Access Management' })]),
  audit: Object.freeze({ created: Object.freeze({ at: '2025-01-01T00:00:00.000Z' }) }),
});

describe('select projection', () => {
  const project = (q: string) => buildProjection(parseQueryString(q), TOKEN_FIELDS, TOKEN_LIST_OMITTED);

  it('omits audit by default and reports it', () => {
    const p = project('');
    expect(p.omitted).toEqual(['audit']);
    expect(p.project(view)).not.toHaveProperty('audit');
  });

  it('select=audit includes it; -field removes; nested picks and removals copy on write (frozen views survive)', () => {
    expect(project('select=audit').project(view)).toHaveProperty('audit.created.at');
    expect(project('select=audit').omitted).toEqual([]);
    expect(project('select=-description').project(view)).not.toHaveProperty('description');
    expect(project('select=-*,+id,+modules.id').project(view)).toEqual({ id: 'TKN-1', modules: [{ id: 'MOD-1756' }] });
    expect(project('select=-account.icon').project(view)).toMatchObject({ account: { id: 'ACC-1', name: 'A' } });
    expect(project('select=-account.icon').project(view)).not.toHaveProperty('account.icon');
    expect(view.account.icon).toBe('/i');
  });

  it('pages: default 10, cap 100, 0 allowed', () => {
    expect(pageOf(parseQueryString(''))).toEqual({ offset: 0, limit: 10 });
    expect(pageOf(parseQueryString('limit=500&offset=7'))).toEqual({ offset: 7, limit: 100 });
    expect(pageOf(parseQueryString('limit=0'))).toEqual({ offset: 0, limit: 0 });
  });
});

describe('FaultInjector', () => {
  it('is deterministic per seed and respects the rates', () => {
    const seq = (seed: number) => {
      const f = new FaultInjector({ errorRate: 0.2, rateLimitRate: 0.2, dropRate: 0.1, malformedRate: 0.2, seed });
      return Array.from({ length: 200 }, () => f.decide('GET').kind);
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    const kinds = new Set(seq(1));
    for (const k of ['none', 'error', 'rate-limit', 'drop-after', 'malformed']) expect(kinds.has(k as never)).toBe(true);
  });

  it('never answers a mutation with a malformed body, and no faults without options', () => {
    const f = new FaultInjector({ malformedRate: 1 });
    expect(f.decide('POST').kind).toBe('none');
    expect(f.decide('GET').kind).toBe('malformed');
    const none = new FaultInjector();
    expect(Array.from({ length: 50 }, () => none.decide('GET').kind).every((k) => k === 'none')).toBe(true);
  });

  it('drop phase before/after and Retry-After default', () => {
    expect(new FaultInjector({ dropRate: 1, dropPhase: 'before' }).decide('GET').kind).toBe('drop-before');
    expect(new FaultInjector({ dropRate: 1 }).decide('GET').kind).toBe('drop-after');
    expect(new FaultInjector({ rateLimitRate: 1 }).decide('GET')).toEqual({ kind: 'rate-limit', retryAfterSeconds: 1 });
  });
});

describe('CLI arguments', () => {
  it('parses options and fault flags', () => {
    expect(parseCliArgs(['--port', '8080', '--seed=3', '--tokens', '1000', '--latency', '50', '--error-rate', '0.1', '--drop-phase', 'before', '--wrong-state', 'noop', '--legacy-reveal'])).toEqual({
      help: false,
      options: { port: 8080, seed: 3, tokensPerAccount: 1000, wrongStateMode: 'noop', legacyReveal: true, faults: { latencyMs: 50, errorRate: 0.1, dropPhase: 'before' } },
    });
    expect(parseCliArgs([])).toEqual({ help: false, options: {} });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it('rejects unknown flags and bad values', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/Unknown option/);
    expect(() => parseCliArgs(['--error-rate', '2'])).toThrow(/--error-rate/);
    expect(() => parseCliArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseCliArgs(['--drop-phase', 'middle'])).toThrow(/drop-phase/);
  });
});
