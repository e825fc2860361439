/**
 * A row's actions: Copy value, the one everyday action, as an icon button, and everything else
 * in the "⋯" menu. The copy button has a slot of its own even where there is no value to copy,
 * so the menu buttons line up from row to row. The grid reuses a row for another token as the
 * list changes: a check mark and an open menu belong to the token they were shown for.
 */
import { useEffect, useRef, useState } from 'react';
import type { TokenView } from '../../../../../common/contract';
import { errorMessage } from '../../../error-message';
import { useShellStore } from '../../../shell/shell-store';
import { IconButton } from '../../../ui/IconButton';
import { CheckIcon, CopyIcon } from '../../../ui/icons';
import { TokenActionsMenu } from '../TokenActionsMenu';
import { copyValue } from '../values';

export function RowActions({ token, own, tabIndex }: { token: TokenView; own: boolean; tabIndex: number }) {
  return (
    <span className="row-actions">
      <span className="row-copy-slot">{token.hasValue ? <CopyValueButton token={token} tabIndex={tabIndex} /> : null}</span>
      <TokenActionsMenu token={token} own={own} tabIndex={tabIndex} />
    </span>
  );
}

/** How long the button shows a check after a copy (main's notice says the rest). */
const COPIED_MS = 1500;

function CopyValueButton({ token, tabIndex }: { token: TokenView; tabIndex: number }) {
  /** The token whose value was copied from this button (the row may show another since). */
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const copied = copiedId === token.id;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      // Main announces the copy (its notice names the token and when the clipboard clears).
      await copyValue(token.id);
      setCopiedId(token.id);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopiedId(null), COPIED_MS);
    } catch (error) {
      useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(error, 'Could not copy the value.') });
    }
  }

  return (
    <IconButton
      size="small"
      className="row-copy"
      label={`Copy value of ${token.name}`}
      tooltip="Copy value"
      icon={copied ? <CheckIcon /> : <CopyIcon />}
      data-copied={copied || undefined}
      tabIndex={tabIndex}
      onClick={() => void copy()}
    />
  );
}
