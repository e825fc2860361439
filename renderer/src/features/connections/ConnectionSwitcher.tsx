/** The active connection in the header (always visible, with its account type) and a menu to switch. */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../error-message';
import { useConnectionsStore } from './connections-store';
import { useShellStore } from '../../shell/shell-store';
import { AccountBadges } from './AccountBadge';

export function ConnectionSwitcher() {
  const { connections, activeId, switchTo } = useConnectionsStore();
  const setView = useShellStore((s) => s.setView);
  const pushNotice = useShellStore((s) => s.pushNotice);
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const active = connections.find((c) => c.id === activeId);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  if (!active) return null;

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  };
  const choose = async (id: string) => {
    close();
    if (id === activeId) return;
    try {
      await switchTo(id);
    } catch (error) {
      pushNotice({ level: 'error', message: errorMessage(error, 'Could not switch connection.') });
    }
  };

  return (
    <div className="switcher">
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Connection: ${active.name}, ${active.account.name} (${active.account.type}${active.sandbox ? ', sandbox' : ''}). Switch connection`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="switcher-name">{active.name}</span>
        <span className="switcher-account">{active.account.name}</span>
        <AccountBadges profile={active} />
      </button>
      {open && (
        <ul ref={menuRef} className="menu" role="menu" aria-label="Connections" onKeyDown={onMenuKey}>
          {connections.map((c) => (
            <li key={c.id} role="none">
              <button type="button" role="menuitem" aria-current={c.id === activeId ? 'true' : undefined} onClick={() => void choose(c.id)}>
                <span>{c.name}</span> <span className="muted">{c.account.name}</span> <AccountBadges profile={c} />
              </button>
            </li>
          ))}
          <li role="separator" />
          <li role="none">
            <button type="button" role="menuitem" onClick={() => (close(), setView('connections'))}>
              Manage connections…
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
