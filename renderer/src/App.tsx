import { useEffect } from 'react';
import { AboutPanel } from './features/about/AboutPanel';
import { AccessLogPage } from './features/access-log/AccessLogPage';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { ConnectionSwitcher } from './features/connections/ConnectionSwitcher';
import { ManageConnections } from './features/connections/ManageConnections';
import { Home } from './features/home/Home';
import { SettingsPage } from './features/settings/SettingsPage';
import { useAppCommands } from './features/desktop/use-app-commands';
import { useConnectionsStore } from './features/connections/connections-store';
import { useTokensStore } from './features/tokens/store/tokens-store';
import { useShellStore } from './shell/shell-store';
import type { View } from './shell/shell-store';
import { Notices } from './shell/Notices';
import { AddTokenWizard } from './features/wizard/AddTokenWizard';
import { StartupNotice } from './features/recovery/StartupNotice';

const navItems: { view: View; label: string }[] = [
  { view: 'home', label: 'API tokens' },
  { view: 'audit', label: 'Audit log' },
  { view: 'access', label: 'Access log' },
  { view: 'connections', label: 'Connections' },
  { view: 'settings', label: 'Settings' },
  { view: 'about', label: 'About' },
];

function CurrentView({ view }: { view: View }) {
  if (view === 'audit') return <AuditLogPage />;
  if (view === 'access') return <AccessLogPage />;
  if (view === 'settings') return <SettingsPage />;
  if (view === 'about') return <AboutPanel />;
  if (view === 'connections') return <ManageConnections />;
  return <Home />;
}

export function App() {
  const { view, setView } = useShellStore();
  const restore = useConnectionsStore((s) => s.restore);
  const offlineMessage = useConnectionsStore((s) => s.offlineMessage);
  useAppCommands();

  useEffect(() => {
    void restore();
    // Asked after the (small) list of profiles, so the page is mounted when the big reply comes;
    // the cached rows need no keychain or network, so they do not wait for the check.
    useTokensStore.getState().prefetch();
  }, [restore]);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-label="Token Desk">
          <span className="brand-mark" aria-hidden="true">
            TD
          </span>
          Token Desk
        </span>
        <div className="topbar-slot">
          <ConnectionSwitcher />
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {navItems.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className={view === item.view ? 'nav-item active' : 'nav-item'}
                aria-current={view === item.view ? 'page' : undefined}
                onClick={() => setView(item.view)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {/* Every view in one frame: the one page width, so pages line up (ui/base.css). */}
        <div className="page-frame">
          {/* On the tokens view the page says it itself, with the date of the data it shows. */}
          {offlineMessage && view !== 'home' && (
            <p role="status" className="banner banner-warning">
              Offline: {offlineMessage}
            </p>
          )}
          <CurrentView view={view} />
        </div>
      </main>
      <Notices />
      <AddTokenWizard />
      <StartupNotice />
    </div>
  );
}
