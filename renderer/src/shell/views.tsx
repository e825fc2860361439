/**
 * What each route shows, and the sidebar's entries. A new view: its route in `routes.ts`, its
 * component here (and a `NAV_ITEMS` entry if the sidebar lists it). The token list and a token's
 * details are both the Home view (the connect screen until a connection is active; the token page
 * reads which token from the address).
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { AboutPanel } from '../features/about/AboutPanel';
import { AccessLogPage } from '../features/access-log/AccessLogPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { ManageConnections } from '../features/connections/ManageConnections';
import { Home } from '../features/home/Home';
import { LeaksPage } from '../features/leaks/LeaksPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { RotationsPage } from '../features/rotation/RotationsPage';
import { NotFound } from './NotFound';
import { pathTo } from './routes';
import type { Match, RouteName } from './routes';

// Its charts and their code load with the route, not with the app's first screen.
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
// The report's view loads with its route too: most sessions never print one.
const ReportPage = lazy(() => import('../features/report/ReportPage'));

export function viewOf(match: Match): ReactNode {
  switch (match.name) {
    case 'overview':
      return (
        <Suspense
          fallback={
            <p role="status" className="muted">
              Opening the Overview…
            </p>
          }
        >
          <OverviewPage />
        </Suspense>
      );
    case 'report':
      return (
        <Suspense fallback={<p role="status" className="muted">Opening the report…</p>}>
          <ReportPage scope={match.params.scope} />
        </Suspense>
      );
    case 'tokens':
    case 'token':
      return <Home />;
    case 'audit':
      return <AuditLogPage />;
    case 'accessLog':
      return <AccessLogPage />;
    case 'leaks':
      return <LeaksPage />;
    case 'rotations':
      return <RotationsPage />;
    case 'connections':
      return <ManageConnections />;
    case 'settings':
      return <SettingsPage />;
    case 'about':
      return <AboutPanel />;
    case 'notFound':
      return <NotFound path={match.path} />;
  }
}

export interface NavItem {
  label: string;
  path: string;
  /** The routes under this entry: it shows as current on each of them. */
  routes: readonly RouteName[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Overview', path: pathTo('overview'), routes: ['overview', 'report'] },
  { label: 'API tokens', path: pathTo('tokens'), routes: ['tokens', 'token'] },
  { label: 'Audit log', path: pathTo('audit'), routes: ['audit'] },
  { label: 'Access log', path: pathTo('accessLog'), routes: ['accessLog'] },
  { label: 'Leak check', path: pathTo('leaks'), routes: ['leaks'] },
  { label: 'Rotations', path: pathTo('rotations'), routes: ['rotations'] },
  { label: 'Connections', path: pathTo('connections'), routes: ['connections'] },
  { label: 'Settings', path: pathTo('settings'), routes: ['settings'] },
  { label: 'About', path: pathTo('about'), routes: ['about'] },
];
