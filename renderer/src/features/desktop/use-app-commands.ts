/** The desktop app's menu and tray commands (`app.command`): search, add token, Settings, Access log, leak check, the Overview (a click on the digest), a token's details. */
import { useEffect } from 'react';
import { OPEN_TOKEN_COMMAND } from '../../../../common/app-commands';
import { go } from '../../shell/router';
import { useWizardBridge } from '../wizard/wizard-bridge';
import { handleAppCommands } from './app-command-queue';
import { openTokenInPage } from './open-token';

export function useAppCommands(): void {
  const openWizard = useWizardBridge((s) => s.openWizard);
  useEffect(
    () =>
      handleAppCommands((event) => {
        if (event.command === OPEN_TOKEN_COMMAND) void openTokenInPage(event);
        else if (event.command === 'settings') go('settings');
        else if (event.command === 'accessLog') go('accessLog');
        else if (event.command === 'leaks') go('leaks');
        else if (event.command === 'overview') go('overview');
        else if (event.command === 'addToken') openWizard({ mode: 'create' });
        else {
          go('tokens');
          // The table's search box, once the view has rendered.
          requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
        }
      }),
    [openWizard],
  );
}
