/** The active connection in the header (always visible, with its account type) and a menu to switch. */
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { go } from '../../shell/router';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { AccountBadges } from './AccountBadge';
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
      <>
        <span>{c.name}</span> <span className="muted">{c.account.name}</span> <AccountBadges profile={c} />
      </>
    ),
    onSelect: () => void choose(c.id),
  }));
  items.push({ key: 'manage', separated: true, label: 'Manage connections…', onSelect: () => go('connections') });

  return (
    <div className="switcher">
      <Menu
        label="Connections"
        className="switcher-menu"
        items={items}
        button={{
          className: 'switcher-button',
          name: `Connection: ${active.name}, ${active.account.name} (${active.account.type}${active.sandbox ? ', sandbox' : ''}${active.secretsInMemory ? ', kept in memory' : ''}). Switch connection`,
          content: (
            <>
              <span className="switcher-name">{active.name}</span>
              <span className="switcher-account">{active.account.name}</span>
              <AccountBadges profile={active} />
            </>
          ),
        }}
      />
    </div>
  );
}
