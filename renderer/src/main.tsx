import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForAppCommands } from './features/desktop/app-command-queue';
import { QuickAccess } from './features/quick/QuickAccess';
import { isQuickRoute } from './features/quick/filter';
import { askCachedList } from './shell/launch-list';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
// Quick Access must be usable the moment it opens: it loads without the rest of the app's code.
if (isQuickRoute(window.location)) {
  root.render(
    <StrictMode>
      <QuickAccess />
    </StrictMode>,
  );
} else {
  askCachedList(); // while the app's code loads
  listenForAppCommands(); // a command main sent this new window must not be lost while the views load
  import('./App').then(
    ({ App }) =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    // E.g. the app was updated under an open page: its old code file is gone.
    () => root.render(<p role="alert">Token Desk could not load its code. Reload the page.</p>),
  );
}
