/** The lifecycle actions a token's state allows: one list, shown as buttons or as a menu. */
import type { TokenView } from '../../../../common/contract';
import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import { useWizardBridge } from '../wizard/wizard-bridge';
import { CopyButton } from '../../ui/CopyButton';
import { copyValue } from './values';

export type TokenActionKey = 'enable' | 'disable' | 'edit' | 'rotate' | 'copy' | 'delete';

export interface TokenAction {
  key: TokenActionKey;
  /** What the control shows ("Disable"). */
  label: string;
  /** Its accessible name, with the token's name ("Disable Billing sync"). */
  name: string;
  danger?: boolean;
  /** Resolves with a confirmation for the user ("Copied — …") where there is one. */
  run(): Promise<string | void> | void;
}

/** In the order they are shown. Copy only when the value is in the keychain. */
export function actionsFor(token: TokenView): TokenAction[] {
  const store = () => useTokensStore.getState();
  const open = (kind: 'edit' | 'delete') => useTokensUiStore.getState().openDialog({ kind, tokenId: token.id });
  const list: TokenAction[] = [];
  if (token.status === 'Disabled') list.push({ key: 'enable', label: 'Enable', name: `Enable ${token.name}`, run: () => void store().setEnabled(token.id, true) });
  if (token.status === 'Active') list.push({ key: 'disable', label: 'Disable', name: `Disable ${token.name}`, run: () => void store().setEnabled(token.id, false) });
  list.push({ key: 'edit', label: 'Edit', name: `Edit ${token.name}`, run: () => open('edit') });
  if (token.status !== 'Deleted') {
    list.push({ key: 'rotate', label: 'Rotate', name: `Rotate ${token.name}`, run: () => useWizardBridge.getState().openWizard({ mode: 'rotate', token }) });
  }
  if (token.hasValue) list.push({ key: 'copy', label: 'Copy value', name: `Copy value of ${token.name}`, run: () => copyValue(token.id) });
  list.push({ key: 'delete', label: 'Delete', name: `Delete ${token.name}`, danger: true, run: () => open('delete') });
  return list;
}

/** The actions as a row of buttons (the details header, and table rows where they fit). */
export function TokenActions({ token, tabIndex, compact }: { token: TokenView; tabIndex?: number; compact?: boolean }) {
  const size = compact ? 'small' : 'normal';
  const base = compact ? 'btn btn-small' : 'btn';
  return (
    <span className="actions">
      {actionsFor(token).map((action) =>
        action.key === 'copy' ? (
          // Copy confirms in place ("Copied — clipboard clears in 30 s").
          <CopyButton key={action.key} label={action.name} onCopy={async () => (await action.run()) ?? undefined} size={size} tabIndex={tabIndex} />
        ) : (
          <button
            key={action.key}
            type="button"
            className={action.danger ? `${base} btn-danger-outline` : base}
            tabIndex={tabIndex}
            aria-label={action.name}
            onClick={() => void action.run()}
          >
            {action.label}
          </button>
        ),
      )}
    </span>
  );
}
