/** The renderer's only way out: the typed client over `window.desk` (no network, no secrets). */
import { createDeskClient } from '../../common/desk-client';
import type { DeskBridge } from '../../common/channel-names';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

const missingBridge: DeskBridge = {
  invoke: async () => ({
    ok: false,
    error: { code: 'offline', message: 'Token Desk was opened without its host. Start it with `npm start` or `npm run serve`.' },
  }),
  on: () => () => undefined,
};

let shown: string | null = null;

/**
 * The connection this page shows (the connections store keeps it current). Every token, value
 * and audit call names it, and main refuses the call when it has switched elsewhere meanwhile.
 */
export function showConnection(id: string | null): void {
  shown = id;
}

export const desk = createDeskClient(typeof window !== 'undefined' && window.desk ? window.desk : missingBridge, { shownConnection: () => shown });
