/**
 * The token's audit trail: the whole of it, newest first; older pages load as the list is
 * scrolled to its end (or with the button). Whenever the token changes in the app (edit,
 * enable, disable, a value added…) the trail refreshes, so the new record appears here
 * without leaving the tab. Offline it shows what is saved, with the offline banner.
 */
import { useEffect, useRef } from 'react';
import { offlineText } from '../../../offline-text';
import { useTokensStore } from '../store/tokens-store';
import { Button } from '../../../ui/Button';
import { formatDateTime } from '../../../ui/format';
import { useAuditStore } from '../audit-store';
import { IdText } from '../../audit/IdText';

export function AuditTab({ id }: { id: string }) {
  const { items, hasMore, loading, error, offline, refreshError, fetchedAt, tokenId } = useAuditStore();
  const token = useTokensStore((s) => s.tokens.find((t) => t.id === id));
  const change = token ? `${token.revision ?? ''}|${token.status}|${token.name}|${token.hasValue}|${token.audit?.updated?.at ?? ''}` : '';
  const sentinel = useRef<HTMLDivElement>(null);
  const seenChange = useRef<string | null>(null);

  useEffect(() => {
    seenChange.current = null;
    void useAuditStore.getState().load(id);
  }, [id]);

  useEffect(() => {
    // The first value is what the load already shows; every later change is an action in the app.
    if (seenChange.current === null) seenChange.current = change;
    else if (seenChange.current !== change) {
      seenChange.current = change;
      void useAuditStore.getState().refresh();
    }
  }, [change]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting)) void useAuditStore.getState().loadMore();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [items.length, hasMore]);

  const current = tokenId === id;
  // Offline with nothing of this trail saved: a failure to load, with a way to try again.
  const unreachable = current && offline !== null && !fetchedAt && items.length === 0 && !loading;
  return (
    <div className="audit">
      {unreachable ? (
        <div className="banner banner-error" role="alert">
          <span>{offlineText(offline, null)}</span>
          <Button size="small" onClick={() => void useAuditStore.getState().load(id)}>
            Retry
          </Button>
        </div>
      ) : current && offline ? (
        <p className="banner banner-warning" role="status">
          {offlineText(offline, fetchedAt, items.length > 0)}
        </p>
      ) : null}
      {current && refreshError ? (
        <p className="banner banner-error" role="alert">
          {refreshError}
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
      {current && items.length === 0 && !loading && !error && !unreachable ? <p className="muted">No audit records for this token{offline ? ' are saved on this computer' : ''}.</p> : null}
      {current && items.length > 0 ? (
        <table className="audit-table">
          <caption className="visually-hidden">Audit trail, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Actor</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td className="audit-time">
                  <time dateTime={r.timestamp}>{formatDateTime(r.timestamp)}</time>
                </td>
                {/* Each event once: its sentence (else its summary), the event code on hover. */}
                <td title={r.event || undefined}>
                  <IdText text={r.details || r.summary || r.event || '—'} />
                </td>
                <td>
                  {r.actor.name || r.actor.id || '—'}
                  {r.actor.id && r.actor.name ? (
                    <div className="muted">
                      <IdText text={r.actor.id} />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loading ? <p role="status">Loading audit records…</p> : null}
      {current && hasMore && !loading ? (
        <div ref={sentinel}>
          <Button onClick={() => void useAuditStore.getState().loadMore()}>Load older records ({items.length} shown)</Button>
        </div>
      ) : null}
      {current && !hasMore && offline && items.length > 0 ? <p className="muted">Older records are not saved on this computer.</p> : null}
    </div>
  );
}
