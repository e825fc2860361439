/**
 * The active connection in the header (always visible, named once, with its account type) and a
 * menu to switch, the active connection checked.
 */
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { go } from '../../shell/router';
import { ChevronDownIcon } from '../../ui/icons';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { AccountBadges, connectionExtras } from './AccountBadge';
import { useConnectionsStore } from './connections-store';

export function ConnectionSwitcher() {
  const { connections, activeId, switchTo } = useConnectionsStore();
  const pushNotice = useShellStore((s) => s.pushNotice);
  const active = connections.find((c) => c.id === activeId);
  if (!active) return null;

  const choose = async (id: string) => {
    if (id === activeId) return;
    try {
      await switchTo(id);
    } catch (error) {
      pushNotice({ level: 'error', message: errorMessage(error, 'Could not switch connection.') });
    }
  };
  const items: MenuEntry[] = connections.map((c) => ({
    key: c.id,
    current: c.id === activeId,
    label: (
      <span className="switcher-item">
        <span className="switcher-item-name">{c.name}</span>
        <span className="switcher-item-meta">
          {connectionExtras(c).account && <span className="muted">{c.account.name}</span>}
          <AccountBadges profile={c} />
        </span>
      </span>
    ),
    onSelect: () => void choose(c.id),
  }));
  const extras = connectionExtras(active);
  items.push({ key: 'manage', separated: true, label: 'Manage connections…', onSelect: () => go('connections') });

  return (
    <div className="switcher">
      <Menu
        label="Connections"
        checks
        className="switcher-menu"
        items={items}
        button={{
          className: 'switcher-button',
          name: `Connection: ${active.name}${extras.account ? `, ${extras.account}` : ''} (${active.account.type}${active.sandbox ? ', sandbox' : ''}${active.secretsInMemory ? ', kept in memory' : ''}). Switch connection`,
          content: (
            <>
              <span className="switcher-name">{active.name}</span>
              {extras.account && <span className="switcher-account">{extras.account}</span>}
              <AccountBadges profile={active} />
              <ChevronDownIcon />
            </>
          ),
        }}
      />
    </div>
  );
}
