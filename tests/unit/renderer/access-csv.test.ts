/** The access log's export uses the audit log's one CSV rule: quoted, masked, formula cells defused. */
import { describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../../common/quick-access';
import { accessLogCsv } from '../../../renderer/src/features/access-log/access-csv';
import { auditCsv } from '../../../main/core/audit/csv';
import { csvCell } from '../../../common/csv';

const entry = (over: Partial<AccessEntry> = {}): AccessEntry => ({
  at: '2026-03-04T05:06:07.000Z',
  connectionId: 'c',
  connectionName: 'Production',
  tokenId: 'TKN-1234-5678',
  tokenName: 'Deploy',
  source: 'window',
  action: 'copy',
  ...over,
});

describe('accessLogCsv', () => {
  it('a header, one line per entry, CRLF and a BOM, a dated file name', () => {
    const { csv, rows, fileName } = accessLogCsv([entry(), entry({ action: 'reveal', source: 'quick' })], new Date('2026-03-05T10:00:00Z'));
    expect(rows).toBe(2);
    expect(fileName).toBe('token-desk-access-log-values-2026-03-05.csv');
    expect(csv.startsWith('\uFEFFTime (UTC),Action,Token ID,Token name,Connection,From\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('2026-03-04T05:06:07.000Z,Copied,TKN-1234-5678,Deploy,Production,Token Desk window');
    expect(lines[2]).toMatch(/^2026-03-04T05:06:07.000Z,Revealed,.*,Quick Access$/);
  });

  it('formula cells are defused and quotes escaped, as in the audit export', () => {
    const { csv } = accessLogCsv([entry({ tokenName: '=HYPERLINK("http://evil","x")', connectionName: '+cmd' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(",'+cmd,");
    expect(csv).not.toMatch(/,=|,\+/);
  });

  it('never writes a token value, even in a name', () => {
    const value = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
    expect(accessLogCsv([entry({ tokenName: `leaked ${value}` })]).csv).not.toContain('4l6Fq7jr');
  });

  it('the audit export writes its cells with the same rule', () => {
    const { csv } = auditCsv(
      [{ id: 'a', event: 'platform.accounts.apiToken.created', summary: '=1+1', details: '', timestamp: '2026-01-01T00:00:00.000Z', token: { id: 'TKN-1111-2222', name: 'n' }, actor: { id: 'USR-1', name: 'u' }, account: null }] as never,
      { text: '', actions: [], actorId: '', token: '', accountId: '', from: '', to: '' },
    );
    expect(csv).toContain(csvCell('=1+1'));
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});
