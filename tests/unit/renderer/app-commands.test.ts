// @vitest-environment jsdom
/** The tray's and Quick Access's "open a token's details" as the page hears it (`app.command` openToken). */
import { CONNECTION, fakeDesk } from './fake-desk';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handleAppCommands, listenForAppCommands } from '../../../renderer/src/features/desktop/app-command-queue';
import { openTokenInPage } from '../../../renderer/src/features/desktop/open-token';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { useRouter } from '../../../renderer/src/shell/router';

const OTHER = { ...CONNECTION, id: 'c2', name: 'Production' };

beforeEach(() => {
  fakeDesk.handlers = {};
  fakeDesk.calls = [];
  fakeDesk.handlers['connections.switch'] = ({ id }: { id: string }) => (id === OTHER.id ? OTHER : CONNECTION);
  useConnectionsStore.setState({ connections: [CONNECTION, OTHER], activeId: CONNECTION.id, phase: 'ready', needsToken: undefined, checking: null });
  useRouter.getState().navigate('/tokens', { replace: true });
});

describe('app commands reach the page even when they come before its views', () => {
  it('a command sent before any handler is kept and given to the first one; later ones go straight to it', () => {
    listenForAppCommands();
    fakeDesk.emit('app.command', { command: 'settings' });
    fakeDesk.emit('app.command', { command: 'openToken', connectionId: 'c1', tokenId: 'TKN-1111-2222' });
    const handler = vi.fn();
    const stop = handleAppCommands(handler);
    // Only the last one: an older command was overtaken by what the user asked for next.
    expect(handler.mock.calls).toEqual([[{ command: 'openToken', connectionId: 'c1', tokenId: 'TKN-1111-2222' }]]);
    fakeDesk.emit('app.command', { command: 'leaks' });
    expect(handler).toHaveBeenLastCalledWith({ command: 'leaks' });
    stop();
    // Nobody listening: kept again for the next handler, not lost.
    fakeDesk.emit('app.command', { command: 'accessLog' });
    expect(handler).toHaveBeenCalledTimes(2);
    const next = vi.fn();
    handleAppCommands(next)();
    expect(next).toHaveBeenCalledWith({ command: 'accessLog' });
  });
});

describe("opening a token's details", () => {
  it('on the connection the page shows: straight to /tokens/TKN-…, no switch', async () => {
    await openTokenInPage({ connectionId: CONNECTION.id, tokenId: 'TKN-1111-2222' });
    expect(useRouter.getState().path).toBe('/tokens/TKN-1111-2222');
    expect(fakeDesk.calls.some((c) => c.channel === 'connections.switch')).toBe(false);
  });

  it("another connection's token: switches first, then opens it", async () => {
    await openTokenInPage({ connectionId: OTHER.id, tokenId: 'TKN-3333-4444' });
    expect(fakeDesk.calls.filter((c) => c.channel === 'connections.switch').map((c) => c.input)).toEqual([{ id: OTHER.id }]);
    expect(useConnectionsStore.getState().activeId).toBe(OTHER.id);
    expect(useRouter.getState().path).toBe('/tokens/TKN-3333-4444');
  });

  it('a window still restoring its connection waits for it, so the restore cannot undo the switch', async () => {
    useConnectionsStore.setState({ phase: 'starting' });
    const opening = openTokenInPage({ connectionId: OTHER.id, tokenId: 'TKN-3333-4444' });
    await Promise.resolve();
    expect(fakeDesk.calls.some((c) => c.channel === 'connections.switch')).toBe(false);
    useConnectionsStore.setState({ phase: 'ready' });
    await opening;
    expect(useConnectionsStore.getState().activeId).toBe(OTHER.id);
    expect(useRouter.getState().path).toBe('/tokens/TKN-3333-4444');
  });

  it('a switch that fails says so and stays where it is', async () => {
    fakeDesk.handlers['connections.switch'] = () => {
      throw new Error('gone');
    };
    await openTokenInPage({ connectionId: OTHER.id, tokenId: 'TKN-3333-4444' });
    expect(useRouter.getState().path).toBe('/tokens');
    expect(useConnectionsStore.getState().activeId).toBe(CONNECTION.id);
  });
});
