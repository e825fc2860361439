import { Suspense, useEffect } from 'react';
import { ConnectionSwitcher } from './features/connections/ConnectionSwitcher';
import { useAppCommands } from './features/desktop/use-app-commands';
import { useConnectionsStore } from './features/connections/connections-store';
import { useTokensStore } from './features/tokens/store/tokens-store';
import { Link } from './shell/Link';
import { Notices } from './shell/Notices';
import { startRouter, useRouter } from './shell/router';
import { followStartPage } from './shell/start-page';
import { NAV_ITEMS, viewOf } from './shell/views';
import { useWizardBridge } from './features/wizard/wizard-bridge';
import { StartupNotice } from './features/recovery/StartupNotice';
import { RotateDialog } from './features/rotation/RotateDialog';
import { useRotationEvents } from './features/rotation/use-rotation-events';
import { lazyExport } from './ui/lazy-export';

// The wizard checks its fields with the contract's schemas: its code loads when it first opens,
// not with the window (tests/unit/renderer/start-code.test.ts).
const AddTokenWizard = lazyExport(() => import('./features/wizard/AddTokenWizard'), 'AddTokenWizard');

/** Routes whose page has an offline banner of its own (with the date of the data it shows): one banner per view. */
const WORDS_OFFLINE_ITSELF: ReadonlySet<string> = new Set(['overview', 'tokens', 'token', 'audit']);

export function App() {
  const match = useRouter((s) => s.match);
  const restore = useConnectionsStore((s) => s.restore);
  const offlineMessage = useConnectionsStore((s) => s.offlineMessage);
  const wizardOpen = useWizardBridge((s) => s.open);
  useAppCommands();
  useRotationEvents();
  useEffect(startRouter, []);
  useEffect(followStartPage, []);

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
          {NAV_ITEMS.map((item) => {
            const current = (item.routes as readonly string[]).includes(match.name);
            return (
              <li key={item.path}>
                {/* A link even on its own page: "API tokens" leaves a token's details for the list. */}
                <Link to={item.path} className={current ? 'nav-item active' : 'nav-item'} aria-current={current ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className="content">
        {/* Every view in one frame: the one page width, so pages line up (ui/base.css). */}
        <div className="page-frame">
          {/* The token list, a token's details and the audit log say it themselves. */}
          {offlineMessage && !WORDS_OFFLINE_ITSELF.has(match.name) && (
            <p role="status" className="banner banner-warning">
              Offline: {offlineMessage}
            </p>
          )}
          {viewOf(match)}
        </div>
      </main>
      <Notices />
      {wizardOpen && (
        <Suspense fallback={null}>
          <AddTokenWizard />
        </Suspense>
      )}
      <RotateDialog />
      <StartupNotice />
    </div>
  );
}
