/** The account log's filters (shared by the view and the export) and CSV escaping. */
import { describe, expect, it } from 'vitest';
import { actionOf, auditMatcher, EMPTY_AUDIT_FILTERS, type AuditEntry } from '../../../common/audit-log';
import { auditFiltersSchema } from '../../../common/audit-log-schemas';
import { auditCsv, csvCell, csvFileName } from '../../../main/core/audit/csv';
import { entryOf } from '../../../main/core/audit/entries';

const base: AuditEntry = {
  id: 'AUD-1', timestamp: '2025-03-04T10:00:00.000Z', event: 'platform.accounts.apiToken.disabled', summary: 'API Token Disabled', details: 'The API token TKN-1111-2222 "CI" has been disabled by Ann (USR-1).',
  token: { id: 'TKN-1111-2222', name: 'CI pipeline' }, actor: { id: 'USR-1', name: 'Ann Smith' }, account: { id: 'ACC-1', name: 'Stark Industries' },
};
const other: AuditEntry = { ...base, id: 'AUD-2', timestamp: '2025-05-01T00:00:00.000Z', event: 'platform.accounts.apiToken.created', token: { id: 'TKN-3333-4444', name: 'Billing export' }, actor: { id: 'USR-2', name: 'Ben Novak' }, account: { id: 'ACC-2', name: 'Globex' }, details: 'created' };

describe('audit filters', () => {
  const match = (patch: Partial<typeof EMPTY_AUDIT_FILTERS>) => [base, other].filter((e) => auditMatcher({ ...EMPTY_AUDIT_FILTERS, ...patch })(e)).map((e) => e.id);
  it('each filter narrows; all of them combine', () => {
    expect(match({})).toEqual(['AUD-1', 'AUD-2']);
    expect(match({ actions: ['disabled'] })).toEqual(['AUD-1']);
    expect(match({ actorId: 'USR-2' })).toEqual(['AUD-2']);
    expect(match({ token: 'billing' })).toEqual(['AUD-2']);
    expect(match({ token: 'tkn-1111' })).toEqual(['AUD-1']);
    expect(match({ accountId: 'ACC-2' })).toEqual(['AUD-2']);
    expect(match({ from: '2025-04-01T00:00:00.000Z' })).toEqual(['AUD-2']);
    expect(match({ to: '2025-04-01T00:00:00.000Z' })).toEqual(['AUD-1']);
    expect(match({ text: 'ann  DISABLED' })).toEqual(['AUD-1']);
    expect(match({ text: 'globex' })).toEqual(['AUD-2']);
    expect(match({ text: 'ann', actions: ['created'] })).toEqual([]);
  });
  it('refuses bad filters', () => {
    expect(auditFiltersSchema.safeParse({ ...EMPTY_AUDIT_FILTERS, actions: ['exploded'] }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ ...EMPTY_AUDIT_FILTERS, text: 'x'.repeat(501) }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ ...EMPTY_AUDIT_FILTERS, extra: 1 }).success).toBe(false);
  });
  it('actionOf', () => {
    expect(actionOf('platform.accounts.apiToken.enabled')).toBe('enabled');
    expect(actionOf('odd')).toBe('odd');
  });
});

describe('CSV', () => {
  it('escapes quotes, commas and line breaks; defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const lead of ['=', '+', '-', '@']) expect(csvCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell('\tx')).toBe("'\tx");
  });
  it('masks any token value that slipped into a text', () => {
    const value = `idt:TKN-1111-2222:${'a'.repeat(40)}`;
    const { csv } = auditCsv([{ ...base, details: `value ${value}` }], EMPTY_AUDIT_FILTERS);
    expect(csv).not.toContain(value);
    expect(csv).toContain('[redacted token value]');
  });
  it('exports only the rows the filters match, with a header, CRLF and a BOM', () => {
    const { csv, rows } = auditCsv([other, base], { ...EMPTY_AUDIT_FILTERS, actions: ['created'] });
    expect(rows).toBe(1);
    expect(csv.startsWith('\uFEFFTime (UTC),Action,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2025-05-01T00:00:00.000Z,created,platform.accounts.apiToken.created,API Token Disabled,created,TKN-3333-4444,Billing export,USR-2,Ben Novak,ACC-2,Globex');
  });
  it('file names are safe', () => {
    expect(csvFileName('Stark Industries / EU', new Date('2025-06-07T12:00:00Z'))).toBe('token-desk-audit-stark-industries-eu-2025-06-07.csv');
    expect(csvFileName('***', new Date('2025-06-07T12:00:00Z'))).toBe('token-desk-audit-account-2025-06-07.csv');
  });
});

describe('entryOf', () => {
  it('takes the owner from the viewers (not Operations), normalises time, masks texts', () => {
    const value = `idt:TKN-1111-2222:${'b'.repeat(40)}`;
    const e = entryOf({
      id: 'AUD-9', timestamp: '2025-01-01T00:00:00Z', event: 'platform.accounts.apiToken.created', summary: 'x', details: value,
      object: { id: 'TKN-1111-2222', name: 'CI' }, actor: { id: 'TKN-9', name: 'Ops admin', account: { id: 'ACC-OPS', name: 'Ops', accountType: 'Operations' } },
      viewers: [{ id: 'ACC-OPS', name: 'Ops', type: 'Operations' }, { id: 'ACC-1', name: 'Stark', type: 'Client' }],
    });
    expect(e.account).toEqual({ id: 'ACC-1', name: 'Stark' });
    expect(e.timestamp).toBe('2025-01-01T00:00:00.000Z');
    expect(e.details).not.toContain(value);
  });
});
