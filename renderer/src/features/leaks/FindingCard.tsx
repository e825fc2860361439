/**
 * One found token value: which token it is, whose, how it stands, where it was found, and the
 * one-click answers (verify, disable, rotate). Shows the masked value and fingerprint only: the page
 * never receives a value.
 */
import { useState } from 'react';
import type { LeakFinding } from '../../../../common/leaks';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { StatusBadge } from '../../ui/StatusBadge';

const VERIFIED: Record<NonNullable<LeakFinding['verified']>, string> = {
  live: 'This value still works',
  disabled: 'This value no longer works',
  unknown: 'Could not tell whether this value works',
};

export interface FindingActions {
  verify(f: LeakFinding): Promise<void>;
  disable(f: LeakFinding): Promise<void>;
  /** Opens the rotation flow for the finding's token, "retire now" chosen. */
  rotate(f: LeakFinding): Promise<void>;
}

export function FindingCard({ finding, actions }: { finding: LeakFinding; actions: FindingActions }) {
  const [busy, setBusy] = useState<'verify' | 'disable' | 'rotate' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const holder = finding.holders[0];
  const name = finding.token?.name ?? finding.tokenId ?? 'Unknown token';
  const run = async (what: 'verify' | 'disable' | 'rotate', fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  };
  return (
    <li className="leak-finding" aria-label={`${name} ${finding.tokenId ?? ''}`}>
      <div className="leak-finding-head">
        <strong>{name}</strong> <code>{finding.tokenId}</code> {finding.token && <StatusBadge status={finding.token.status} />}
        {finding.token?.modules.some((m) => m.accessManagement) && (
          <Badge tone="danger" title="This token can create and change API tokens">
            Access Management
          </Badge>
        )}
        {finding.bare && <Badge tone="info">Older value without prefix</Badge>}
      </div>
      <dl className="leak-facts">
        <dt>Account</dt>
        <dd>{holder ? `${holder.accountName} (${holder.accountId}) · connection ${holder.connectionName}` : 'Not in any connected account'}</dd>
        <dt>Value</dt>
        <dd>
          <code>{finding.masked}</code> · fingerprint <code>{finding.fingerprint}</code> ·{' '}
          {finding.holders.some((h) => h.kept) ? 'the value Token Desk keeps' : 'not the value Token Desk keeps'}
        </dd>
        {finding.token && (
          <>
            <dt>Last access</dt>
            <dd>{finding.token.lastAccessAt ? new Date(finding.token.lastAccessAt).toLocaleString() : 'Never'}</dd>
            <dt>Modules</dt>
            <dd>{finding.token.modules.map((m) => m.name).join(', ') || '—'}</dd>
          </>
        )}
        <dt>Found at</dt>
        <dd>
          <ul className="leak-places">
            {finding.places.slice(0, 20).map((p, i) => (
              <li key={i}>
                <code>
                  {p.path ?? 'pasted text'}:{p.line}
                </code>
              </li>
            ))}
            {finding.places.length > 20 && <li>and {finding.places.length - 20} more</li>}
          </ul>
        </dd>
      </dl>
      {finding.verified && <p role="status">{VERIFIED[finding.verified]}</p>}
      <div className="leak-actions">
        {finding.tokenId && (
          <Button size="small" disabled={busy !== null} onClick={() => void run('verify', () => actions.verify(finding))}>
            {busy === 'verify' ? 'Checking…' : 'Does this value still work?'}
          </Button>
        )}
        {holder && finding.token?.status === 'Active' && (
          <Button size="small" variant="danger" disabled={busy !== null} onClick={() => setConfirming(true)}>
            Disable now
          </Button>
        )}
        {holder && finding.tokenId && finding.token && finding.token.status !== 'Deleted' && (
          <Button size="small" disabled={busy !== null} onClick={() => void run('rotate', () => actions.rotate(finding))}>
            {busy === 'rotate' ? 'Opening…' : 'Rotate'}
          </Button>
        )}
      </div>
      {confirming && holder && (
        <ConfirmDialog
          title={`Disable ${name}?`}
          confirmLabel="Disable now"
          danger
          busy={busy === 'disable'}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            void run('disable', async () => {
              await actions.disable(finding);
              setConfirming(false);
            })
          }
        >
          {`${name} (${finding.tokenId}) in the account ${holder.accountName} stops working at once, for everyone who uses it. You can enable it again later.`}
        </ConfirmDialog>
      )}
    </li>
  );
}
