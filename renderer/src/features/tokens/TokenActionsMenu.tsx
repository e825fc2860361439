/** A row's actions folded into one "⋯" menu button, for grids too narrow for the buttons. */
import type { TokenView } from '../../../../common/contract';
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { Menu } from '../../ui/Menu';
import { actionsFor } from './TokenActions';
import type { TokenAction } from './TokenActions';

function run(action: TokenAction) {
  // Success is announced by main (a copy's app.notice names the token and the clear delay);
  // a second notice from here would say the same thing twice.
  void Promise.resolve()
    .then(() => action.run())
    .catch((error: unknown) => useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(error, `Could not ${action.label.toLowerCase()}.`) }));
}

export function TokenActionsMenu({ token, tabIndex }: { token: TokenView; tabIndex?: number }) {
  const name = `Actions for ${token.name}`;
  const items = actionsFor(token).map((action) => ({
    key: action.key,
    label: action.label,
    name: action.name,
    danger: action.danger,
    onSelect: () => run(action),
  }));
  return (
    <Menu
      label={name}
      items={items}
      button={{ name, title: name, tabIndex, className: 'btn btn-small actions-menu-button', content: <span aria-hidden="true">⋯</span> }}
    />
  );
}
