import { useEffect, useRef } from 'react';
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

const TABS: { key: DetailsTab; label: string }[] = [
  { key: 'general', label: 'General' },
  { key: 'modules', label: 'Modules' },
  { key: 'details', label: 'Details' },
  { key: 'audit', label: 'Audit trail' },
];

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
    useTokensUiStore.getState().backToList(id);
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
        {tab === 'details' ? <FactsTab token={token} /> : null}
        {tab === 'audit' ? <AuditTab id={token.id} /> : null}
      </Tabs>
    </section>
  );
}
