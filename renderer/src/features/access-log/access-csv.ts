/** The access log as CSV, with the one CSV rule the audit log's export uses (common/csv.ts). */
import { csvDocument, csvFileName } from '../../../../common/csv';
import { ACCESS_SOURCE_LABELS } from '../../../../common/access-sources';
import type { AccessEntry } from '../../../../common/quick-access';

const HEADER = ['Time (UTC)', 'Action', 'Token ID', 'Token name', 'Connection', 'From'];

export function accessLogCsv(entries: readonly AccessEntry[], now: Date = new Date()): { fileName: string; csv: string; rows: number } {
  const { csv, rows } = csvDocument(
    HEADER,
    entries.map((e) => [e.at, e.action === 'copy' ? 'Copied' : 'Revealed', e.tokenId, e.tokenName, e.connectionName, ACCESS_SOURCE_LABELS[e.source]]),
  );
  return { fileName: csvFileName('access-log', 'values', now), csv, rows };
}
