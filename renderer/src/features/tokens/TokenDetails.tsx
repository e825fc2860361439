import { useEffect, useRef, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import { REVEAL_TIMEOUT_MS } from '../../../../common/limits';
import { desk } from '../../desk';
import { useTokensStore } from '../../stores/tokens-store';
import { errorMessage } from '../../error-message';
import { useTokensUiStore } from '../../stores/tokens-ui-store';
import type { DetailsTab } from '../../stores/tokens-ui-store';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { RelativeTime } from '../../ui/RelativeTime';
import { StatusBadge } from '../../ui/StatusBadge';
import { Tabs } from '../../ui/Tabs';
import { formatDateTime } from '../../ui/format';
import { useAuditStore } from './audit-store';
import { TokenActions, focusRowWhenShown } from './TokenTable';
import { TokenAvatar } from './TokenAvatar';
import { copyValue } from './values';

const TABS: { key: DetailsTab; label: string }[] = [
  { key: 'general', label: 'General' },
  { key: 'modules', label: 'Modules' },
  { key: 'details', label: 'Details' },
  { key: 'audit', label: 'Audit trail' },
];

export function apiEndpoint(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/public/v1/accounts/api-tokens/${id}`;
}

/** A token's details in place of the table; Back (or Escape) returns to the row. */
export function TokenDetails({ id }: { id: string }) {
  const token = useTokensStore((s) => s.tokens.find((t) => t.id === id));
  const tab = useTokensUiStore((s) => s.detailsTab);
  const setTab = useTokensUiStore((s) => s.setDetailsTab);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    void useTokensStore.getState().refreshToken(id);
  }, [id]);

  function back() {
    focusRowWhenShown(id);
    useTokensUiStore.getState().closeDetails();
  }

  if (!token) {
    return (
      <section className="token-details">
        <Button onClick={back}>← Back to API tokens</Button>
        <p>This token is no longer in the list.</p>
      </section>
    );
  }

  const account = token.account;
  return (
    <section
      className="token-details"
      aria-labelledby="token-details-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('[role="dialog"]')) back();
      }}
    >
      <Button variant="ghost" onClick={back}>
        ← Back to API tokens
      </Button>
      <header className="details-header">
        <TokenAvatar token={token} size={48} />
        <div className="details-title">
          <h1 id="token-details-title" tabIndex={-1} ref={headingRef}>
            {token.name}
          </h1>
          <div className="details-meta">
            <code>{token.id}</code>
            <CopyButton text={token.id} label="Copy token id" />
            <StatusBadge status={token.status} />
          </div>
        </div>
        <dl className="facts details-facts">
          <dt>Account</dt>
          <dd>
            {account.name ?? account.id} <span className="muted">{account.id}</span>
            {account.status ? <span className="muted"> · {account.status}</span> : null}
          </dd>
          <dt>Last access</dt>
          <dd>
            <RelativeTime iso={token.lastAccessAt} />
          </dd>
        </dl>
        <div className="details-actions">
          <TokenActions token={token} />
        </div>
      </header>
      <Tabs label="Token details" tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'general' ? <GeneralTab token={token} /> : null}
        {tab === 'modules' ? <ModulesTab token={token} /> : null}
        {tab === 'details' ? <DetailsTabPanel token={token} /> : null}
        {tab === 'audit' ? <AuditTab id={token.id} /> : null}
      </Tabs>
    </section>
  );
}

function GeneralTab({ token }: { token: TokenView }) {
  const connection = useTokensStore((s) => s.connection);
  const endpoint = connection ? apiEndpoint(connection.baseUrl, token.id) : null;
  return (
    <div className="tab-general">
      <h2 className="section-title">Description</h2>
      <p>{token.description ? token.description : <span className="muted">No description.</span>}</p>
      <h2 className="section-title">API endpoint</h2>
      {endpoint ? (
        <p className="endpoint">
          <code>{endpoint}</code> <CopyButton text={endpoint} label="Copy API endpoint" />
        </p>
      ) : (
        <p className="muted">The endpoint is shown once the connection is known.</p>
      )}
      <h2 className="section-title">Token value</h2>
      {token.hasValue ? <ValueField token={token} /> : <NoValue token={token} />}
    </div>
  );
}

function ValueField({ token }: { token: TokenView }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Forget the value when hidden, after the timeout, or when leaving the page.
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    setValue(null);
    clearTimeout(timer.current);
  }, [token.id]);

  async function show() {
    setBusy(true);
    setError(null);
    try {
      const result = await desk.call('values.reveal', { id: token.id });
      setValue(result.value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setValue(null), REVEAL_TIMEOUT_MS);
    } catch (e) {
      setError(errorMessage(e, 'Could not show the value.'));
    } finally {
      setBusy(false);
    }
  }

  function hide() {
    clearTimeout(timer.current);
    setValue(null);
  }

  return (
    <div className="value-field">
      {/* role="group": aria-label is prohibited (and ignored) on <code>'s own role. */}
      <code className="value" role="group" aria-label={value ? 'Token value' : 'Token value (hidden)'}>
        {value ?? '••••••••••••••••••••••••'}
      </code>
      {value ? (
        <Button size="small" onClick={hide} aria-label="Hide token value">
          Hide
        </Button>
      ) : (
        <Button size="small" onClick={() => void show()} disabled={busy} aria-label="Show token value">
          Show
        </Button>
      )}
      <CopyButton label="Copy token value" onCopy={() => copyValue(token.id)} />
      {value ? <p className="muted small">Hides again in {Math.round(REVEAL_TIMEOUT_MS / 1000)} seconds.</p> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function NoValue({ token }: { token: TokenView }) {
  return (
    <div className="no-value">
      <p>
        The Marketplace shows a token&apos;s value only once, when it is created. This token was created elsewhere (or before Token Desk
        kept its value), so its value is not in this computer&apos;s keychain. If you have it, add it here to show and copy it later.
      </p>
      <Button onClick={() => useTokensUiStore.getState().openDialog({ kind: 'addValue', tokenId: token.id })}>Add value</Button>
    </div>
  );
}

function ModulesTab({ token }: { token: TokenView }) {
  if (token.modules.length === 0) return <p className="muted">This token has no modules.</p>;
  return (
    <ul className="module-list">
      {token.modules.map((m) => (
        <li key={m.id}>
          <strong>{m.name ?? m.id}</strong> <span className="muted">{m.id}</span>
          {m.description ? <p>{m.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Who({ by }: { by: { id: string; name?: string | undefined } | null | undefined }) {
  if (!by) return <span className="muted">—</span>;
  return (
    <>
      {by.name ?? by.id} <span className="muted">{by.name ? by.id : ''}</span>
    </>
  );
}

function DetailsTabPanel({ token }: { token: TokenView }) {
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

function AuditTab({ id }: { id: string }) {
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
