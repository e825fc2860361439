/**
 * Settings: the Quick Access shortcut (and whether it could be registered), the clipboard clear
 * delay, copy notifications, the weekly digest, start at login, close to tray, the leak scan's size limit. Each change is saved at once;
 * main checks it again (common/quick-access.ts) and answers with what is in force.
 */
import { useEffect, useState } from 'react';
import { CLIPBOARD_CLEAR_OPTIONS_MS, clearDelayLabel } from '../../../../common/limits';
import type { DesktopSettings, SettingsView } from '../../../../common/quick-access';
import { formatAccelerator, keyPlatformOf } from '../../../../common/shortcut';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { Page } from '../../ui/Page';
import { ScanLimitField } from './ScanLimitField';
import { OverviewRulesFields } from './OverviewRulesFields';
import { ShortcutRecorder } from './ShortcutRecorder';
import '../desktop/desktop.css';

/** The keyboard this page runs on: the shortcut is shown in its notation. */
function hostKeyPlatform() {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return keyPlatformOf(nav.userAgentData?.platform || nav.platform || '');
}

/** Why the browser host shows no shortcut field: the reason, and where Quick Access is instead. */
export const BROWSER_SHORTCUT_NOTE =
  'A browser cannot register global shortcuts: a web page hears keys only while it is in front. In this browser host, open Quick Access at /quick; the desktop app opens it from anywhere with a shortcut.';

/** Why the browser host offers no weekly digest, and what does the job there. */
export const BROWSER_DIGEST_NOTE =
  'The weekly digest is a desktop notification, which only the desktop app shows: a browser tab cannot be counted on to be open, or allowed to notify, when the week comes round. Here, the Overview shows what needs attention whenever you open it.';

export function SettingsPage() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const platform = hostKeyPlatform();

  useEffect(() => {
    desk.call('settings.get').then(setView, (e: unknown) => setError(errorMessage(e, 'Could not read the settings.')));
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
      <Page titleId="settings-title" title="Settings" className="desktop-view">
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : (
          <p role="status">Reading settings…</p>
        )}
      </Page>
    );
  }
  const { settings } = view;
  const desktop = view.secretClipboard;
  const shortcut = formatAccelerator(settings.quickShortcut, platform);

  return (
    <Page titleId="settings-title" title="Settings" subtitle="Each change is saved as you make it." className="desktop-view">
      <fieldset className="panel settings-group">
        <legend>Quick Access</legend>
        {view.shortcut === null ? (
          <p className="muted" data-testid="shortcut-note">
            {BROWSER_SHORTCUT_NOTE}
          </p>
        ) : (
          <>
            <ShortcutRecorder value={settings.quickShortcut} platform={platform} onChange={(quickShortcut) => void save({ quickShortcut }, 'Shortcut')} describedBy="quick-shortcut-status" />
            <p id="quick-shortcut-status" role="status" className={view.shortcut.registered ? 'muted' : 'error-text'}>
              {view.shortcut.registered ? `${shortcut} opens Quick Access from anywhere. It is also in the tray menu.` : (view.shortcut.message ?? 'The shortcut could not be registered.')}
            </p>
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={settings.copyNotifications} onChange={(e) => void save({ copyNotifications: e.target.checked }, 'Notifications')} />
          Show a notification after a copy from Quick Access or the tray
        </label>
      </fieldset>

      <fieldset className="panel settings-group">
        <legend>Clipboard</legend>
        <div className="field">
          <label htmlFor="clear-delay">Clear a copied value after</label>
          <select id="clear-delay" className="settings-select" value={settings.clipboardClearMs} onChange={(e) => void save({ clipboardClearMs: Number(e.target.value) }, 'Clear delay')}>
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

      <fieldset className="panel settings-group">
        <legend>Leak check</legend>
        <ScanLimitField value={settings.leakScanMaxFileMb} onSave={(leakScanMaxFileMb) => void save({ leakScanMaxFileMb }, 'Size limit')} />
      </fieldset>

      <fieldset className="panel settings-group">
        <legend>Weekly digest</legend>
        {desktop ? (
          <>
            <label className="check">
              <input type="checkbox" checked={settings.weeklyDigest} aria-describedby="digest-hint" onChange={(e) => void save({ weeklyDigest: e.target.checked }, 'Weekly digest')} />
              Once a week, a notification sums up what needs attention
            </label>
            <p id="digest-hint" className="field-hint">
              It counts findings by kind across every connection (“3 tokens unused for 90+ days”), never a token’s name or value, and a click opens the Overview.
              “What needs attention” in the tray menu shows it at any time.
            </p>
          </>
        ) : (
          <p className="muted" data-testid="digest-note">
            {BROWSER_DIGEST_NOTE}
          </p>
        )}
      </fieldset>

      <fieldset className="panel settings-group">
        <legend>Overview</legend>
        <OverviewRulesFields value={settings.overviewRules} onSave={(overviewRules) => void save({ overviewRules }, 'Overview rules')} />
      </fieldset>

      {desktop && (
        <fieldset className="panel settings-group">
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
    </Page>
  );
}
