/**
 * Keeps the page in step with main's rotation runner: the plans are read at launch and again
 * whenever main says one changed (a look, a retirement, another window's click), the token it
 * retired is read again, and what plans did while the app was closed is said once.
 */
import { useEffect } from 'react';
import { desk } from '../../desk';
import { useShellStore } from '../../shell/shell-store';
import { useConnectionsStore } from '../connections/connections-store';
import { useTokensStore } from '../tokens/store/tokens-store';
import { useRotationStore } from './rotation-store';

export function useRotationEvents(): void {
  useEffect(() => {
    const store = useRotationStore.getState();
    void store.load();
    void desk.call('rotation.reports', {}).then(
      ({ messages }) => messages.forEach((message) => useShellStore.getState().pushNotice({ level: 'info', message })),
      () => undefined,
    );
    return desk.on('rotation.changed', ({ connectionId, planId }) => {
      void useRotationStore
        .getState()
        .load()
        .then(() => {
          if (connectionId !== useConnectionsStore.getState().activeId) return;
          const plan = useRotationStore.getState().plans.find((p) => p.id === planId);
          if (plan && (plan.stage === 'done' || plan.stage === 'disabled')) void useTokensStore.getState().refreshToken(plan.oldId);
        });
    });
  }, []);
}
