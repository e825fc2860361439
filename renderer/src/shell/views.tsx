/**
 * What each route shows, and the sidebar's entries. A new view: its route in `routes.ts`, its
 * component here (and a `NAV_ITEMS` entry if the sidebar lists it). The token list and a token's
 * details are both the Home view (the connect screen until a connection is active; the token page
 * reads which token from the address).
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { AboutPanel } from '../features/about/AboutPanel';
import { ManageConnections } from '../features/connections/ManageConnections';
import { Home } from '../features/home/Home';
import { NotFound } from './NotFound';
import { lazyExport } from '../ui/lazy-export';
import { pathTo } from './routes';
import type { Match, RouteName } from './routes';

// The views besides the token list load with their routes, not with the app's first screen:
// the Overview's charts, the report most sessions never print, and the views whose forms and
// exports check with the contract's schemas (which cost a window's start a tenth of a second).
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const ReportPage = lazy(() => import('../features/report/ReportPage'));
const AccessLogPage = lazyExport(() => import('../features/access-log/AccessLogPage'), 'AccessLogPage');
const AuditLogPage = lazyExport(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const LeaksPage = lazyExport(() => import('../features/leaks/LeaksPage'), 'LeaksPage');
const RotationsPage = lazyExport(() => import('../features/rotation/RotationsPage'), 'RotationsPage');
const SettingsPage = lazyExport(() => import('../features/settings/SettingsPage'), 'SettingsPage');

/** A view whose code loads with its route; `what` names it while it does ("the Overview"). */
function opening(what: string, view: ReactNode): ReactNode {
  return (
    <Suspense
      fallback={
        <p role="status" className="muted">
          Opening {what}…
        </p>
      }
    >
      {view}
    </Suspense>
  );
}

export function viewOf(match: Match): ReactNode {
  switch (match.name) {
    case 'overview':
      return opening('the Overview', <OverviewPage />);
    case 'report':
      return opening('the report', <ReportPage scope={match.params.scope} />);
    case 'tokens':
    case 'token':
      return <Home />;
    case 'audit':
      return opening('the audit log', <AuditLogPage />);
    case 'accessLog':
      return opening('the access log', <AccessLogPage />);
    case 'leaks':
      return opening('the leak check', <LeaksPage />);
    case 'rotations':
      return opening('the rotations', <RotationsPage />);
    case 'connections':
      return <ManageConnections />;
    case 'settings':
      return opening('the settings', <SettingsPage />);
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
