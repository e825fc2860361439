// @vitest-environment jsdom
import { CONNECTION, fakeDesk, listOf, makeToken } from './fake-desk';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { useModulesStore } from '../../../renderer/src/features/tokens/store/modules-store';
import { useTokensStore } from '../../../renderer/src/features/tokens/store/tokens-store';

const OTHER = { ...CONNECTION, id: 'c2', name: 'Production' };
const token = makeToken({ name: 'Listed' });

beforeEach(async () => {
  fakeDesk.reset();
  fakeDesk.handlers['tokens.cached'] = () => ({ tokens: [], fetchedAt: null });
  fakeDesk.handlers['tokens.sync'] = () => listOf([token]);
  fakeDesk.handlers['tokens.modules'] = () => ({ modules: [{ id: 'MOD-1756', name: 'Access Management' }], source: 'api', partial: false });
  useConnectionsStore.setState({ connections: [CONNECTION, OTHER], activeId: CONNECTION.id, phase: 'ready', needsToken: undefined, checking: null });
  useTokensStore.getState().reset();
  await useTokensStore.getState().load(CONNECTION.id);
  await useModulesStore.getState().load();
});

describe('the token list follows the active connection', () => {
  it('holds the list and the module catalogue of the connection it loaded', () => {
    expect(useTokensStore.getState()).toMatchObject({ connectionId: CONNECTION.id, phase: 'ready' });
    expect(useTokensStore.getState().tokens.map((t) => t.id)).toEqual([token.id]);
    expect(useModulesStore.getState().modules?.map((m) => m.id)).toEqual(['MOD-1756']);
  });

  it('forgets both when another connection becomes active', () => {
    useConnectionsStore.setState({ activeId: OTHER.id });
    expect(useTokensStore.getState()).toMatchObject({ connectionId: undefined, phase: 'idle', tokens: [] });
    expect(useModulesStore.getState().modules).toBeNull();
  });

  it('forgets the list when the credential is rejected, so it loads afresh after the token is re-entered', () => {
    useConnectionsStore.setState({ needsToken: { id: CONNECTION.id, message: 'Rejected.' } });
    expect(useTokensStore.getState()).toMatchObject({ phase: 'idle', tokens: [] });
  });

  it('keeps the list when something else about the connections changes', () => {
    useConnectionsStore.setState({ connections: [CONNECTION, { ...OTHER, name: 'Renamed' }] });
    expect(useTokensStore.getState().tokens.map((t) => t.id)).toEqual([token.id]);
  });

  it('a refresh waits for the launch’s connection check, and does not happen when the check rejects the credential', async () => {
    let release: (proceed: boolean) => void = () => undefined;
    useTokensStore.getState().reset();
    useConnectionsStore.setState({ checking: new Promise<boolean>((resolve) => (release = resolve)) });
    const loading = useTokensStore.getState().load(CONNECTION.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(fakeDesk.calls.filter((c) => c.channel === 'tokens.sync')).toHaveLength(1); // the one from beforeEach
    release(false);
    await loading;
    expect(fakeDesk.calls.filter((c) => c.channel === 'tokens.sync')).toHaveLength(1);
  });
});
