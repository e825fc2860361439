import { useEffect } from 'react';
import { Button } from '../../../ui/Button';
import { formatDateTime } from '../../../ui/format';
import { useAuditStore } from '../audit-store';

/** The token's audit records, newest first, a page at a time; offline, the cached first page. */
export function AuditTab({ id }: { id: string }) {
  const { items, total, loading, error, offline, fetchedAt, tokenId } = useAuditStore();
  useEffect(() => {
    void useAuditStore.getState().load(id);
  }, [id]);
  const current = tokenId === id;
  return (
    <div className="audit">
      {current && offline ? (
        <p className="banner banner-warning" role="status">
          Offline — showing audit records from {fetchedAt ? formatDateTime(fetchedAt) : 'an earlier session'}. {offline}
        </p>
      ) : null}
      {current && error ? (
        <div className="banner banner-error" role="alert">
          <span>{error}</span>
          <Button size="small" onClick={() => void (items.length ? useAuditStore.getState().loadMore() : useAuditStore.getState().load(id))}>
            Retry
          </Button>
        </div>
      ) : null}
      {current && items.length === 0 && !loading && !error ? <p className="muted">No audit records for this token.</p> : null}
      {current && items.length > 0 ? (
        <table className="audit-table">
          <caption className="visually-hidden">Audit trail, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Event</th>
              <th scope="col">Summary</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.timestamp}>{formatDateTime(r.timestamp)}</time>
                </td>
                <td>
                  {r.actor?.name ?? r.actor?.id ?? '—'}
                  {r.actor?.id && r.actor?.name ? <div className="muted">{r.actor.id}</div> : null}
                </td>
                <td>
                  <code>{r.event ?? '—'}</code>
                </td>
                <td>{r.summary ?? '—'}</td>
                <td>{r.details ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loading ? <p role="status">Loading audit records…</p> : null}
      {current && !loading && items.length < total ? (
        <Button onClick={() => void useAuditStore.getState().loadMore()}>
          Load more ({items.length} of {total})
        </Button>
      ) : null}
    </div>
  );
}
