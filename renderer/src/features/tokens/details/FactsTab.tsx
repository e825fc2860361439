import type { TokenView } from '../../../../../common/contract';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatDateTime } from '../../../ui/format';

function Who({ by }: { by: { id: string; name?: string | undefined } | null | undefined }) {
  if (!by) return <span className="muted">—</span>;
  return (
    <>
      {by.name ?? by.id} <span className="muted">{by.name ? by.id : ''}</span>
    </>
  );
}

/** The "Details" tab: who created and changed the token, when, and its revision. */
export function FactsTab({ token }: { token: TokenView }) {
  const created = token.audit?.created;
  const updated = token.audit?.updated;
  return (
    <dl className="facts">
      <dt>Created</dt>
      <dd>{formatDateTime(created?.at)}</dd>
      <dt>Created by</dt>
      <dd>
        <Who by={created?.by} />
      </dd>
      <dt>Updated</dt>
      <dd>{updated?.at ? formatDateTime(updated.at) : <span className="muted">Never</span>}</dd>
      <dt>Updated by</dt>
      <dd>
        <Who by={updated?.by} />
      </dd>
      <dt>Revision</dt>
      <dd>{token.revision ?? '—'}</dd>
      <dt>Last access</dt>
      <dd>
        {token.lastAccessAt ? (
          <>
            {formatDateTime(token.lastAccessAt)} (<RelativeTime iso={token.lastAccessAt} />)
          </>
        ) : (
          'Never'
        )}
      </dd>
    </dl>
  );
}
