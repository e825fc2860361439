import { AboutPanel } from './features/about/AboutPanel';
import { ConnectScreen } from './features/connect/ConnectScreen';
import { useShellStore } from './stores/shell-store';
import type { View } from './stores/shell-store';
import { Notices } from './ui/Notices';

const navItems: { view: View; label: string }[] = [
  { view: 'home', label: 'API tokens' },
  { view: 'about', label: 'About' },
];

export function App() {
  const { view, setView } = useShellStore();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-label="Token Desk">
          <span className="brand-mark" aria-hidden="true">
            TD
          </span>
          Token Desk
        </span>
        <div className="topbar-slot" id="connection-slot" />
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
      <main className="content">{view === 'about' ? <AboutPanel /> : <ConnectScreen />}</main>
      <Notices />
    </div>
  );
}
