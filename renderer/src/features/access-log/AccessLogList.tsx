/** A table of value access entries (the Access log view and a token's details). */
import { ACCESS_SOURCE_LABELS } from '../../../../common/access-sources';
import type { AccessEntry } from '../../../../common/quick-access';
import { formatDateTime } from '../../ui/format';
import '../desktop/desktop.css';

export function AccessLogList({ entries, label, showToken = true }: { entries: AccessEntry[]; label: string; showToken?: boolean }) {
  if (entries.length === 0) return <p className="muted">No reveal or copy of a value has been recorded{showToken ? '' : ' for this token'} yet.</p>;
  return (
    <table className="access-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Action</th>
          {showToken && <th scope="col">Token</th>}
          <th scope="col">Connection</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={`${e.at}-${i}`}>
            <td className="access-time">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </td>
            <td>{e.action === 'copy' ? 'Copied' : 'Revealed'}</td>
            {showToken && (
              <td>
                {e.tokenName} <span className="muted access-id">{e.tokenId}</span>
              </td>
            )}
            <td>{e.connectionName}</td>
            <td>{ACCESS_SOURCE_LABELS[e.source]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
