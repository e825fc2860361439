/** The desktop app's menu and tray commands (`app.command`): search, add token, Settings, Access log. */
import { useEffect } from 'react';
import { desk } from '../../desk';
import { go } from '../../shell/router';
import { useWizardBridge } from '../wizard/wizard-bridge';

export function useAppCommands(): void {
  const openWizard = useWizardBridge((s) => s.openWizard);
  useEffect(
    () =>
      desk.on('app.command', ({ command }) => {
        if (command === 'settings') go('settings');
        else if (command === 'accessLog') go('accessLog');
        else if (command === 'leaks') go('leaks');
        else if (command === 'addToken') openWizard({ mode: 'create' });
        else {
          go('tokens');
          // The table's search box, once the view has rendered.
          requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
        }
      }),
    [openWizard],
  );
}
