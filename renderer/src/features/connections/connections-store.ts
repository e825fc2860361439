/** Saved connections, the active one, and the launch-time restore. No secrets ever live here. */
import { create } from 'zustand';
import type { ConnectionProfile, ConnectionsState } from '../../../../common/contract';
import { desk, showConnection } from '../../desk';
import { errorMessage } from '../../error-message';
import { takeLaunchConnections } from '../../shell/launch-list';

export type Phase = 'starting' | 'ready';

interface ConnectionsStore extends ConnectionsState {
  phase: Phase;
  /** Set when the saved credential of the active connection was rejected at launch. */
  needsToken?: { id: string; message: string };
  /** Set when the API could not be reached at launch (cached data is shown). */
  offlineMessage?: string;
  startupError?: string;
  /**
   * While the launch's connection check (keychain + who-am-I) runs: resolves whether the active
   * connection's list may be refreshed. The cached list needs neither, so only the refresh waits.
   */
  checking: Promise<boolean> | null;
  active(): ConnectionProfile | undefined;
  restore(): Promise<void>;
  add(input: { name: string; baseUrl?: string; token: string }): Promise<ConnectionProfile>;
  trySandbox(): Promise<ConnectionProfile>;
  switchTo(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  reenterToken(id: string, token: string): Promise<void>;
  remove(id: string): Promise<void>;
}

const upsert = (list: ConnectionProfile[], profile: ConnectionProfile) =>
  list.some((p) => p.id === profile.id) ? list.map((p) => (p.id === profile.id ? profile : p)) : [...list, profile];

export const useConnectionsStore = create<ConnectionsStore>((set, get) => ({
  connections: [],
  activeId: null,
  phase: 'starting',
  checking: null,
  active: () => get().connections.find((c) => c.id === get().activeId),

  async restore() {
    // The check (keychain + who-am-I) decides whether the list may be refreshed; the saved
    // profiles are local, so the cached table shows while it runs (Home) and only the sync waits.
    let release: (proceed: boolean) => void = () => undefined;
    set({ checking: new Promise<boolean>((resolve) => (release = resolve)) });
    const early = (takeLaunchConnections() ?? desk.call('connections.list')).then(
      (state) => {
        if (get().phase === 'starting') set({ connections: state.connections, activeId: state.activeId });
      },
      () => undefined,
    );
    try {
      const result = await desk.call('connections.restore');
      await early; // never let the early (local) answer land after the checked one
      release(result.status !== 'needs_token');
      set({
        ...result.state,
        phase: 'ready',
        checking: null,
        needsToken: result.status === 'needs_token' && result.state.activeId ? { id: result.state.activeId, message: result.message ?? '' } : undefined,
        offlineMessage: result.status === 'offline' ? result.message : undefined,
        startupError: undefined,
      });
    } catch (error) {
      // Still show what is saved, so the user can switch or fix things.
      release(true);
      const state = await desk.call('connections.list').catch(() => ({ connections: [], activeId: null }));
      set({ ...state, phase: 'ready', checking: null, startupError: errorMessage(error, 'Could not open your saved connection.') });
    }
  },

  async add(input) {
    const profile = await desk.call('connections.add', input);
    set((s) => ({ connections: upsert(s.connections, profile), activeId: profile.id, needsToken: undefined, offlineMessage: undefined }));
    return profile;
  },

  async trySandbox() {
    const profile = await desk.call('sandbox.start');
    set((s) => ({ connections: upsert(s.connections, profile), activeId: profile.id, needsToken: undefined, offlineMessage: undefined }));
    return profile;
  },

  async switchTo(id) {
    const profile = await desk.call('connections.switch', { id });
    set((s) => ({ connections: upsert(s.connections, profile), activeId: profile.id, needsToken: undefined, offlineMessage: undefined }));
  },

  async rename(id, name) {
    const profile = await desk.call('connections.rename', { id, name });
    set((s) => ({ connections: upsert(s.connections, profile) }));
  },

  async reenterToken(id, token) {
    const profile = await desk.call('connections.reenterToken', { id, token });
    set((s) => ({ connections: upsert(s.connections, profile), needsToken: s.needsToken?.id === id ? undefined : s.needsToken }));
  },

  async remove(id) {
    const state = await desk.call('connections.remove', { id });
    set((s) => ({ ...state, needsToken: s.needsToken?.id === id ? undefined : s.needsToken }));
  },
}));

// The page names the connection it shows in every token, value and audit call (desk.ts).
useConnectionsStore.subscribe((state) => showConnection(state.activeId));
