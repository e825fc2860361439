// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The shell's modules as a fresh page loads them at `path` (the start page reads the first address once). */
async function openAt(path: string) {
  vi.resetModules();
  window.history.replaceState(null, '', path);
  const router = await import('../../../renderer/src/shell/router');
  const { followStartPage } = await import('../../../renderer/src/shell/start-page');
  const { useConnectionsStore } = await import('../../../renderer/src/features/connections/connections-store');
  router.startRouter();
  followStartPage();
  return { ...router, connections: useConnectionsStore };
}

describe('start page', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('opened at / with a saved connection: the Overview, in place of the home entry', async () => {
    const { useRouter, connections } = await openAt('/');
    expect(useRouter.getState().path).toBe('/tokens'); // the connect screen's address until it is known
    const length = window.history.length;
    connections.setState({ activeId: 'c1' });
    expect(window.location.pathname).toBe('/overview');
    expect(useRouter.getState().match.name).toBe('overview');
    expect(window.history.length).toBe(length);
  });

  it('the desktop window’s index.html is the home address too', async () => {
    const { useRouter, connections } = await openAt('/index.html');
    connections.setState({ activeId: 'c1' });
    expect(useRouter.getState().path).toBe('/overview');
  });

  it('with no connection: the connect screen stays, and connecting later does not leave the list', async () => {
    const { useRouter, connections } = await openAt('/');
    connections.setState({ phase: 'ready', activeId: null });
    expect(useRouter.getState().path).toBe('/tokens');
    connections.setState({ activeId: 'c1' });
    expect(useRouter.getState().path).toBe('/tokens');
  });

  it('a view’s own address, or a view chosen before the connections answered, is kept', async () => {
    let app = await openAt('/audit');
    app.connections.setState({ activeId: 'c1' });
    expect(app.useRouter.getState().path).toBe('/audit');

    app = await openAt('/');
    app.go('settings');
    app.connections.setState({ activeId: 'c1' });
    expect(app.useRouter.getState().path).toBe('/settings');
  });
});
