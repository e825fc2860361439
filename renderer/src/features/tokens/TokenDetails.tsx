/**
 * A token's details (its address is `/tokens/TKN-…`): a header with the name, the id (Copy ID),
 * the status and the actions its state allows; then the tabs. Every action ends in a toast;
 * Disable asks first. Back (or Escape, or the sidebar, or the history's Back) returns to its row.
 */
import { useEffect, useRef, useState } from 'react';
import { RotationPanel } from '../rotation/RotationPanel';
import type { TokenView } from '../../../../common/contract';
import { DeskError } from '../../../../common/errors';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import type { DetailsTab } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { copyText } from '../../ui/CopyButton';
import { IconButton } from '../../ui/IconButton';
import { CopyIcon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { RelativeTime } from '../../ui/RelativeTime';
import { StatusBadge } from '../../ui/StatusBadge';
import { Tabs } from '../../ui/Tabs';
import { toast } from '../../ui/toast-store';
import { AuditTab } from './details/AuditTab';
import { FactsTab } from './details/FactsTab';
import { GeneralTab } from './details/GeneralTab';
import { ModulesTab } from './details/ModulesTab';
import { TokenActions } from './TokenActions';
import { OwnTokenBadge } from './OwnTokenBadge';
import { useIsOwnToken } from './own-token';

const TABS: { key: DetailsTab; label: string }[] = [
  { key: 'general', label: 'General' },
  { key: 'modules', label: 'Modules' },
  { key: 'details', label: 'Details' },
  { key: 'audit', label: 'Audit trail' },
];

export function TokenDetails({ id }: { id: string }) {
  const token = useTokensStore((s) => s.tokens.find((t) => t.id === id));
  // Settled: the list has loaded, or failed to (then the read's own error is the answer).
  const listReady = useTokensStore((s) => s.phase === 'ready' || s.phase === 'error');
  const tab = useTokensUiStore((s) => s.detailsTab);
  const own = useIsOwnToken(id);
  const setTab = useTokensUiStore((s) => s.setDetailsTab);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /**
   * Why the fresh read of this token failed: 'gone' when the API says there is no such token
   * (deleted, another account's, never existed), else the error's text (offline, refused). Only
   * told once the list has loaded without it: offline, the saved list may still hold it.
   */
  const [readError, setReadError] = useState<'gone' | string | null>(null);

  useEffect(() => {
    setReadError(null);
    let current = true;
    desk.call('tokens.get', { id }).then(
      (fresh) => useTokensStore.getState().applyToken(fresh),
      (error: unknown) => current && setReadError(DeskError.is(error) && error.code === 'not_found' ? 'gone' : errorMessage(error)),
    );
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
    const known = readError !== null && listReady;
    return (
      <section className="token-details" aria-labelledby="token-details-title">
        <h1 id="token-details-title" tabIndex={-1} ref={headingRef}>
          {readError === 'gone' && listReady ? 'Token not found' : id}
        </h1>
        {!known ? (
          <p role="status">Loading {id}…</p>
        ) : readError === 'gone' ? (
          <p>
            There is no token <code>{id}</code> among this connection&apos;s API tokens. It may have been deleted, or belong to another
            connection.
          </p>
        ) : (
          <p role="alert">
            {id} is not in the saved list and could not be read: {readError}
          </p>
        )}
        <Button variant={known ? 'primary' : 'secondary'} onClick={back}>
          Back to API tokens
        </Button>
      </section>
    );
  }

  return (
    <div
      className="token-details-frame"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('[role="dialog"], .toasts')) back();
      }}
    >
      <Button variant="quiet" size="small" className="details-back" onClick={back}>
        ← Back to API tokens
      </Button>
      <Page
        className="token-details"
        titleId="token-details-title"
        headingRef={headingRef}
        title={token.name}
        badges={
          <>
            <StatusBadge status={token.status} />
            {own ? <OwnTokenBadge /> : null}
          </>
        }
        subtitle={<DetailsMeta token={token} />}
        actions={<TokenActions token={token} />}
      >
        <RotationPanel token={token} />
        <Tabs label="Token details" tabs={TABS} active={tab} onChange={setTab}>
          {tab === 'general' ? <GeneralTab token={token} /> : null}
          {tab === 'modules' ? <ModulesTab token={token} /> : null}
          {tab === 'details' ? <FactsTab token={token} /> : null}
          {tab === 'audit' ? <AuditTab id={token.id} /> : null}
        </Tabs>
      </Page>
    </div>
  );
}

/** Under the name: the id with its copy button, the account, the last access. */
function DetailsMeta({ token }: { token: TokenView }) {
  const account = token.account;
  async function copyId() {
    try {
      await copyText(token.id);
      toast({ level: 'success', message: `Copied the ID ${token.id}.` });
    } catch {
      toast({ level: 'error', message: 'Could not copy the ID: the clipboard refused it.' });
    }
  }
  return (
    <span className="details-meta">
      <span className="details-id">
        <code>{token.id}</code>
        <IconButton label="Copy ID" icon={<CopyIcon />} size="small" onClick={() => void copyId()} />
      </span>
      <span>
        {account.name ?? account.id} <span className="muted">{account.id}</span>
      </span>
      <span>
        Last access <RelativeTime iso={token.lastAccessAt} />
      </span>
    </span>
  );
}
