/**
 * Settings: the Quick Access shortcut (and whether it could be registered), the clipboard clear
 * delay, copy notifications, start at login, close to tray. Each change is saved at once;
 * main checks it again (common/quick-access.ts) and answers with what is now in force.
 */
import { useEffect, useState } from 'react';
import { CLIPBOARD_CLEAR_OPTIONS_MS, clearDelayLabel } from '../../../../common/limits';
import { DEFAULT_QUICK_SHORTCUT, SHORTCUT_MESSAGE, shortcutSchema } from '../../../../common/quick-access';
import type { DesktopSettings, SettingsView } from '../../../../common/quick-access';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import '../desktop/desktop.css';

export function SettingsPage() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [shortcutError, setShortcutError] = useState<string | null>(null);

  useEffect(() => {
    desk.call('settings.get').then(
      (loaded) => {
        setView(loaded);
        setShortcut(loaded.settings.quickShortcut);
      },
      (e: unknown) => setError(errorMessage(e, 'Could not read the settings.')),
    );
  }, []);

  const save = async (patch: Partial<DesktopSettings>, what: string) => {
    setError(null);
    try {
      setView(await desk.call('settings.set', patch));
      setSaved(`${what} saved.`);
    } catch (e) {
      setError(errorMessage(e, `Could not save ${what.toLowerCase()}.`));
    }
  };

  if (!view) {
    return (
      <section className="panel desktop-view" aria-labelledby="settings-title">
        <h1 id="settings-title">Settings</h1>
        {error ? <p role="alert" className="error-text">{error}</p> : <p role="status">Reading settings…</p>}
      </section>
    );
  }
  const { settings } = view;
  const desktop = view.secretClipboard;

  return (
    <section className="panel desktop-view" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="settings-form">
        <fieldset>
          <legend>Quick Access</legend>
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              const check = shortcutSchema.safeParse(shortcut.trim());
              if (!check.success) return setShortcutError(SHORTCUT_MESSAGE);
              setShortcutError(null);
              void save({ quickShortcut: check.data }, 'Shortcut');
            }}
          >
            <label htmlFor="quick-shortcut">Global shortcut</label>
            <input
              id="quick-shortcut"
              value={shortcut}
              onChange={(e) => setShortcut(e.target.value)}
              aria-invalid={shortcutError ? true : undefined}
              aria-describedby="quick-shortcut-hint quick-shortcut-status"
              spellCheck={false}
            />
            <button type="submit" className="btn btn-secondary">
              Save shortcut
            </button>
          </form>
          <p id="quick-shortcut-hint" className="field-hint">
            {shortcutError ?? `Default ${DEFAULT_QUICK_SHORTCUT}. Leave empty for no shortcut. Quick Access is also in the tray menu${desktop ? '' : ', and at /quick in this browser host'}.`}
          </p>
          <p id="quick-shortcut-status" role="status" className={view.shortcut && !view.shortcut.registered ? 'error-text' : 'muted'}>
            {view.shortcut === null
              ? 'A browser cannot register global shortcuts: open Quick Access at /quick.'
              : view.shortcut.registered
                ? `${settings.quickShortcut} opens Quick Access from anywhere.`
                : view.shortcut.message ?? 'The shortcut could not be registered.'}
          </p>
          <label className="check">
            <input type="checkbox" checked={settings.copyNotifications} onChange={(e) => void save({ copyNotifications: e.target.checked }, 'Notifications')} />
            Show a notification after a copy from Quick Access or the tray
          </label>
        </fieldset>

        <fieldset>
          <legend>Clipboard</legend>
          <div className="field">
            <label htmlFor="clear-delay">Clear a copied value after</label>
            <select id="clear-delay" value={settings.clipboardClearMs} onChange={(e) => void save({ clipboardClearMs: Number(e.target.value) }, 'Clear delay')}>
              {CLIPBOARD_CLEAR_OPTIONS_MS.map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? 'Never (only when Token Desk quits)' : clearDelayLabel(ms)}
                </option>
              ))}
            </select>
          </div>
          <p className="field-hint">The clipboard is cleared only if it still holds the copied value, and when Token Desk quits.</p>
          <p className="field-hint" data-testid="secret-clipboard">
            {desktop
              ? 'Copies are marked as secret, so clipboard history, cloud clipboard and clipboard managers that honour the mark skip them.'
              : 'A browser cannot mark the clipboard as secret: clipboard history and clipboard managers may keep a copy. The desktop app marks every copy.'}
          </p>
        </fieldset>

        {desktop && (
          <fieldset>
            <legend>Desktop</legend>
            <label className="check">
              <input type="checkbox" checked={settings.startAtLogin} onChange={(e) => void save({ startAtLogin: e.target.checked }, 'Start at login')} />
              Start Token Desk when I log in
            </label>
            <label className="check">
              <input type="checkbox" checked={settings.closeToTray} onChange={(e) => void save({ closeToTray: e.target.checked }, 'Close to tray')} />
              Closing the window keeps Token Desk running in the tray
            </label>
          </fieldset>
        )}
        <div role="status" aria-live="polite" className="muted">
          {saved}
        </div>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
