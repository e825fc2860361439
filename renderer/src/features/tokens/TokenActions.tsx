/**
 * The lifecycle actions a token's state allows, as one list: the details header shows them as
 * buttons, a table row as one "⋯" menu (grid/RowActions.tsx). The token the connection signs in
 * with keeps Disable and Delete in the list, disabled, with the reason (common/own-token.ts):
 * hidden, the user would not learn why they are missing.
 */
import { useId } from 'react';
import type { TokenView } from '../../../../common/contract';
import { ownTokenReason } from '../../../../common/own-token';
import { switchEnabled } from './switch-enabled';
import { useTokensUiStore } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { Tooltip } from '../../ui/Tooltip';
import { useRotationStore } from '../rotation/rotation-store';
import { copyValue } from './values';
import { useIsOwnToken } from './own-token';

export type TokenActionKey = 'details' | 'enable' | 'disable' | 'edit' | 'rotate' | 'copy' | 'delete';

export interface TokenAction {
  key: TokenActionKey;
  /** What the control shows ("Disable"). */
  label: string;
  /** Its accessible name, with the token's name ("Disable Billing sync"). */
  name: string;
  danger?: boolean;
  /** Set when the action is shown but not offered: why, in words the user can act on. */
  disabledReason?: string;
  /** Resolves with a confirmation for the user ("Copied — …") where there is one. */
  run(): Promise<string | void> | void;
}

export interface ActionContext {
  /** The connection signs in with this token: Disable and Delete are not offered. */
  own: boolean;
}

/** In the order the details header shows them. Copy only when the value is in the keychain. */
export function actionsFor(token: TokenView, { own }: ActionContext): TokenAction[] {
  const open = (kind: 'edit' | 'delete') => useTokensUiStore.getState().openDialog({ kind, tokenId: token.id });
  const guarded = (action: 'disable' | 'delete') => (own ? { disabledReason: ownTokenReason(action) } : {});
  const list: TokenAction[] = [];
  if (token.status === 'Disabled') list.push({ key: 'enable', label: 'Enable', name: `Enable ${token.name}`, run: () => void switchEnabled(token, true) });
  if (token.status === 'Active') {
    list.push({ key: 'disable', label: 'Disable', name: `Disable ${token.name}`, ...guarded('disable'), run: () => void switchEnabled(token, false) });
  }
  list.push({ key: 'edit', label: 'Edit', name: `Edit ${token.name}`, run: () => open('edit') });
  if (token.status !== 'Deleted') {
    list.push({ key: 'rotate', label: 'Rotate', name: `Rotate ${token.name}`, run: () => useRotationStore.getState().openRotate([token]) });
  }
  if (token.hasValue) list.push({ key: 'copy', label: 'Copy value', name: `Copy value of ${token.name}`, run: () => copyValue(token.id) });
  list.push({ key: 'delete', label: 'Delete', name: `Delete ${token.name}`, danger: true, ...guarded('delete'), run: () => open('delete') });
  return list;
}

/**
 * A row's "⋯" menu: everything but Copy value (the row's one visible button), and a way to the
 * details first. The order is the details header's, so a user finds an action at one place.
 */
export function menuActionsFor(token: TokenView, context: ActionContext): TokenAction[] {
  const details: TokenAction = {
    key: 'details',
    label: 'Open details',
    name: `Open details of ${token.name}`,
    run: () => useTokensUiStore.getState().openDetails(token.id),
  };
  return [details, ...actionsFor(token, context).filter((a) => a.key !== 'copy')];
}

/**
 * The actions as a row of buttons (the details header). Copy value is not among them: the value
 * card has it. Disable asks first there; Enable's refusal is a toast (no list banner shows).
 */
export function TokenActions({ token }: { token: TokenView }) {
  const own = useIsOwnToken(token.id);
  return (
    <span className="actions">
      {actionsFor(token, { own })
        .filter((action) => action.key !== 'copy')
        .map((action) => (
          <ActionButton key={action.key} action={inDetails(action, token)} />
        ))}
    </span>
  );
}

function inDetails(action: TokenAction, token: TokenView): TokenAction {
  if (action.key === 'disable') return { ...action, run: () => useTokensUiStore.getState().openDialog({ kind: 'disable', tokenId: token.id }) };
  if (action.key === 'enable') return { ...action, run: () => void switchEnabled(token, true, { announceFailure: true }) };
  return action;
}

/**
 * A button that may be shown but not offered: aria-disabled rather than disabled, so it stays
 * in the tab order and its reason (a tooltip on hover and focus, and its description for screen
 * readers) can be found before anyone clicks.
 */
function ActionButton({ action }: { action: TokenAction }) {
  const reasonId = useId();
  const off = action.disabledReason !== undefined;
  const className = action.danger ? 'btn-danger-outline' : undefined;
  if (!off) {
    return (
      <Button aria-label={action.name} className={className} onClick={() => void action.run()}>
        {action.label}
      </Button>
    );
  }
  return (
    <>
      <Tooltip content={action.disabledReason}>
        <Button aria-label={action.name} aria-disabled aria-describedby={reasonId} className={className ? `${className} is-disabled` : 'is-disabled'}>
          {action.label}
        </Button>
      </Tooltip>
      <span id={reasonId} className="visually-hidden">
        {action.disabledReason}
      </span>
    </>
  );
}
