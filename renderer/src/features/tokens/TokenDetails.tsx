import { RotationPanel } from '../rotation/RotationPanel';
import { useEffect, useRef, useState } from 'react';
import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import type { DetailsTab } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { RelativeTime } from '../../ui/RelativeTime';
import { StatusBadge } from '../../ui/StatusBadge';
import { Tabs } from '../../ui/Tabs';
import { AuditTab } from './details/AuditTab';
import { FactsTab } from './details/FactsTab';
import { GeneralTab } from './details/GeneralTab';
import { ModulesTab } from './details/ModulesTab';
import { TokenActions } from './TokenActions';
import { TokenAvatar } from './TokenAvatar';
import { OwnTokenBadge } from './OwnTokenBadge';
import { useIsOwnToken } from './own-token';

const TABS: { key: DetailsTab; label: string }[] = [
  { key: 'general', label: 'General' },
  { key: 'modules', label: 'Modules' },
  { key: 'details', label: 'Details' },
  { key: 'audit', label: 'Audit trail' },
];

/** A token's details in place of the table; Back (or Escape) returns to the row. */
export function TokenDetails({ id }: { id: string }) {
  const token = useTokensStore((s) => s.tokens.find((t) => t.id === id));
  const listReady = useTokensStore((s) => s.phase === 'ready' || s.phase === 'error');
  const tab = useTokensUiStore((s) => s.detailsTab);
  const own = useIsOwnToken(id);
  const setTab = useTokensUiStore((s) => s.setDetailsTab);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The fresh read of this token came back empty (deleted, another account's, never existed). */
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    setMissing(false);
    let current = true;
    void useTokensStore
      .getState()
      .refreshToken(id)
      .then((fresh) => current && setMissing(!fresh));
    return () => {
      current = false;
    };
  }, [id]);

  const found = token !== undefined;
  // The heading takes the focus when the details open and again once a deep-linked token arrives.
  useEffect(() => headingRef.current?.focus(), [id, found]);

  function back() {
    useTokensUiStore.getState().backToList(id);
  }

  if (!token) {
    const known = missing && listReady;
    return (
      <section className="token-details" aria-labelledby="token-details-title">
        <h1 id="token-details-title" tabIndex={-1} ref={headingRef}>
          {known ? 'Token not found' : id}
        </h1>
        {known ? (
          <p>
            There is no token <code>{id}</code> among this connection&apos;s API tokens. It may have been deleted, or belong to another
            connection.
          </p>
        ) : (
          <p role="status">Loading {id}…</p>
        )}
        <Button variant={known ? 'primary' : 'secondary'} onClick={back}>
          Back to API tokens
        </Button>
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
            {own ? <OwnTokenBadge /> : null}
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
      <RotationPanel token={token} />
      <Tabs label="Token details" tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'general' ? <GeneralTab token={token} /> : null}
        {tab === 'modules' ? <ModulesTab token={token} /> : null}
        {tab === 'details' ? <FactsTab token={token} /> : null}
        {tab === 'audit' ? <AuditTab id={token.id} /> : null}
      </Tabs>
    </section>
  );
}
