/** The renderer's client names the connection its page shows in every token, value and audit call. */
import { describe, expect, it } from 'vitest';
import { createDeskClient } from '../../../common/desk-client';
import type { DeskBridge } from '../../../common/channel-names';

function recording() {
  const sent: { channel: string; input: unknown }[] = [];
  const bridge: DeskBridge = {
    invoke: async (channel, input) => {
      sent.push({ channel, input });
      return { ok: true, value: {} };
    },
    on: () => () => undefined,
  };
  return { bridge, sent };
}

describe('createDeskClient', () => {
  it('adds the shown connection to connection calls only, and keeps one a caller names', async () => {
    const { bridge, sent } = recording();
    let shown: string | null = 'c1';
    const desk = createDeskClient(bridge, { shownConnection: () => shown });
    await desk.call('values.copy', { id: 'TKN-1234-5678' });
    await desk.call('tokens.modules');
    await desk.call('tokens.cached', { packed: true, connectionId: 'c0' });
    await desk.call('connections.switch', { id: 'c2' });
    shown = 'c2';
    await desk.call('audit.syncAccount', {});
    expect(sent).toEqual([
      { channel: 'values.copy', input: { id: 'TKN-1234-5678', connectionId: 'c1' } },
      { channel: 'tokens.modules', input: { connectionId: 'c1' } },
      { channel: 'tokens.cached', input: { packed: true, connectionId: 'c0' } },
      { channel: 'connections.switch', input: { id: 'c2' } },
      { channel: 'audit.syncAccount', input: { connectionId: 'c2' } },
    ]);
  });

  it('a page that shows no connection sends no connection call', async () => {
    const { bridge, sent } = recording();
    const desk = createDeskClient(bridge, { shownConnection: () => null });
    await expect(desk.call('values.copy', { id: 'TKN-1234-5678' })).rejects.toMatchObject({ code: 'not_connected' });
    expect(sent).toEqual([]);
  });
});
