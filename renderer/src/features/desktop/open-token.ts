/**
 * Opens a token's details that the tray or Quick Access chose: they list every connection's
 * tokens, the page shows one connection, so it switches first when the token is another's.
 */
import type { TokenInConnection } from '../../../../common/app-commands';
import { errorMessage } from '../../error-message';
import { go } from '../../shell/router';
import { useShellStore } from '../../shell/shell-store';
import { useConnectionsStore } from '../connections/connections-store';

export async function openTokenInPage({ connectionId, tokenId }: TokenInConnection): Promise<void> {
  const connections = useConnectionsStore;
  // A window that main just opened is still restoring its connection: switching meanwhile would be undone by the restore's answer.
  if (connections.getState().phase !== 'ready') {
    await new Promise<void>((resolve) => {
      const stop = connections.subscribe((s) => {
        if (s.phase === 'ready') {
          stop();
          resolve();
        }
      });
    });
  }
  if (connections.getState().activeId !== connectionId) {
    try {
      await connections.getState().switchTo(connectionId);
    } catch (error) {
      useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(error, 'Could not switch to the connection that holds this token.') });
      return;
    }
  }
  go('token', { id: tokenId });
}
