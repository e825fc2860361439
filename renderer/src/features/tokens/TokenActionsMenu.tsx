/** A row's "⋯" menu: every action but Copy value, at every width (grid/RowActions.tsx holds both). */
import type { TokenView } from '../../../../common/contract';
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { buttonClass } from '../../ui/Button';
import { MoreIcon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import { menuActionsFor } from './TokenActions';
import type { TokenAction } from './TokenActions';

function run(action: TokenAction) {
  void Promise.resolve()
    .then(() => action.run())
    .catch((error: unknown) => useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(error, `Could not ${action.label.toLowerCase()}.`) }));
}

export function TokenActionsMenu({ token, own, tabIndex }: { token: TokenView; own: boolean; tabIndex?: number }) {
  const name = `Actions for ${token.name}`;
  const items = menuActionsFor(token, { own }).map((action) => ({
    key: action.key,
    label: action.label,
    name: action.name,
    danger: action.danger,
    // Delete, the one that cannot be undone, sits apart from the rest.
    separated: action.key === 'delete',
    ...(action.disabledReason !== undefined ? { disabledReason: action.disabledReason } : {}),
    onSelect: () => run(action),
  }));
  return (
    <Menu
      label={name}
      subject={token.id}
      items={items}
      button={{ name, title: 'More actions', tabIndex, className: buttonClass('quiet', 'small', 'btn-icon actions-menu-button'), content: <MoreIcon /> }}
    />
  );
}
