/** Disable asks first: what it does to the integrations using the token, and that it can be undone. */
import { useState } from 'react';
import type { TokenView } from '../../../../../common/contract';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DISABLE_EFFECT, switchEnabled } from '../switch-enabled';

export function DisableTokenDialog({ token, onClose }: { token: TokenView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  async function disable() {
    setBusy(true);
    // The switch is optimistic and its outcome is a toast: the question can go at once.
    onClose();
    await switchEnabled(token, false, { announceFailure: true });
  }
  return (
    <ConfirmDialog title={`Disable “${token.name}”?`} confirmLabel="Disable token" danger busy={busy} onConfirm={() => void disable()} onCancel={onClose}>
      <p>
        “{token.name}” ({token.id}) stops working at once. {DISABLE_EFFECT}
      </p>
      <p className="muted">Nothing is deleted: Enable turns it back on, with the same value.</p>
    </ConfirmDialog>
  );
}
