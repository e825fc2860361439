import { useEffect, useRef, useState } from 'react';
import type { TokenView } from '../../../../../common/contract';
import { REVEAL_TIMEOUT_MS } from '../../../../../common/limits';
import { desk } from '../../../desk';
import { errorMessage } from '../../../error-message';
import { useTokensUiStore } from '../store/tokens-ui-store';
import { Button } from '../../../ui/Button';
import { toast } from '../../../ui/toast-store';
import { copyValue } from '../values';
import { TokenAccessLog } from '../../access-log/TokenAccessLog';

/**
 * A stored value: masked until asked for, masked again after REVEAL_TIMEOUT_MS; copy happens in
 * main and ends in a toast. Its access history (reveals and copies on this computer) is below it.
 */
export function ValueField({ token }: { token: TokenView }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped after a reveal or copy, so the token's access log below shows it. */
  const [accesses, setAccesses] = useState(0);
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
      setAccesses((n) => n + 1);
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

  async function copy() {
    try {
      toast({ level: 'success', message: await copyValue(token.id) });
    } catch (e) {
      toast({ level: 'error', message: e instanceof Error ? e.message : 'Could not copy the value.' });
    } finally {
      setAccesses((n) => n + 1);
    }
  }

  return (
    <div className="value-field">
      <div className="value-row">
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
        <Button size="small" onClick={() => void copy()}>
          Copy value
        </Button>
      </div>
      {value ? <p className="muted small">Hides again in {Math.round(REVEAL_TIMEOUT_MS / 1000)} seconds.</p> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <TokenAccessLog tokenId={token.id} version={accesses} />
    </div>
  );
}

/** No stored value: why, and how to add it. */
export function NoValue({ token }: { token: TokenView }) {
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
