/** A token's own value access log (in its details, under the value): the newest reveals and copies. */
import { useEffect, useState } from 'react';
import type { AccessEntry } from '../../../../common/quick-access';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { AccessLogList } from './AccessLogList';

const SHOWN = 20;

/** `version` changes after each reveal or copy made in the details, so the list reloads. */
export function TokenAccessLog({ tokenId, version }: { tokenId: string; version: number }) {
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    desk.call('accessLog.list', { tokenId, limit: SHOWN }).then(
      (r) => current && setEntries(r.entries),
      (e: unknown) => current && setError(errorMessage(e, 'Could not read the access log.')),
    );
    return () => {
      current = false;
    };
  }, [tokenId, version]);
  return (
    <details className="token-access-log">
      <summary>Value access on this computer{entries ? ` (${entries.length === SHOWN ? `newest ${SHOWN}` : entries.length})` : ''}</summary>
      {error && <p role="alert" className="error-text">{error}</p>}
      {entries && <AccessLogList entries={entries} label="Value access of this token, newest first" showToken={false} />}
    </details>
  );
}
