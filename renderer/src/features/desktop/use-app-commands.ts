/** The desktop app's menu and tray commands (`app.command`): search, add token, Settings, Access log. */
import { useEffect } from 'react';
import { desk } from '../../desk';
import { useShellStore } from '../../shell/shell-store';
import { useWizardBridge } from '../wizard/wizard-bridge';

export function useAppCommands(): void {
  const setView = useShellStore((s) => s.setView);
  const openWizard = useWizardBridge((s) => s.openWizard);
  useEffect(
    () =>
      desk.on('app.command', ({ command }) => {
        if (command === 'settings') setView('settings');
        else if (command === 'accessLog') setView('access');
        else if (command === 'addToken') openWizard({ mode: 'create' });
        else {
          setView('home');
          // The table's search box, once the view has rendered.
          requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
        }
      }),
    [setView, openWizard],
  );
}
