/**
 * The ONE notice after a damaged file was moved aside at start-up (main/core/startup-notices.ts):
 * which file, why, where the copy is (nothing is deleted), that the cache is rebuilt, and — when
 * the settings were lost — the offer to restore connections whose admin tokens are still in the
 * keychain. Shown once: closing it tells main, so a reload does not show it again.
 */
import { useEffect, useState } from 'react';
import type { RecoverableConnection, StartupNotice as Notice } from '../../../../common/contract';
import { useConnectionsStore } from '../connections/connections-store';
import { desk } from '../../desk';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { RestoreFromKeychain } from './RestoreFromKeychain';

interface Loaded {
  notices: Notice[];
  recoverable: RecoverableConnection[];
}

export function StartupNotice() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [restoredAny, setRestoredAny] = useState(false);
  const reloadConnections = useConnectionsStore((s) => s.restore);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { notices } = await desk.call('app.startupNotices');
        if (notices.length === 0) return;
        const settingsLost = notices.some((n) => n.file === 'settings');
        // Without a keychain the notice still matters; the offer is simply left out.
        const recoverable = settingsLost ? await desk.call('connections.recoverable').then((r) => r.connections, () => []) : [];
        if (live) setLoaded({ notices, recoverable });
      } catch {
        // No notice to show is better than a broken start: the host has logged the recovery too.
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  if (!loaded) return null;

  const close = () => {
    setLoaded(null);
    void desk.call('app.dismissStartupNotices').catch(() => undefined);
    if (restoredAny) void reloadConnections();
  };

  return (
    <Dialog
      title="Token Desk recovered from a damaged file"
      onClose={close}
      closeLabel="Close"
      wide
      footer={
        <Button variant="primary" onClick={close}>
          {restoredAny ? 'Done' : 'Close'}
        </Button>
      }
    >
      {loaded.notices.map((notice) => (
        <NoticeText key={notice.movedTo} notice={notice} />
      ))}
      {loaded.recoverable.length > 0 && <RestoreFromKeychain connections={loaded.recoverable} onRestored={() => setRestoredAny(true)} />}
    </Dialog>
  );
}

const NOTICE_TEXT = {
  settings: {
    title: 'Your settings file could not be read',
    then: 'Token Desk started with empty settings: your saved connections, rotation links and table preferences are in that copy. Your tokens on the Marketplace are not affected.',
  },
  cache: {
    title: 'The offline cache could not be read',
    then: 'A rebuilt cache is filled again from the Marketplace as you work; until then there is no offline copy of your token list. Your connections and stored token values are not affected.',
  },
  rotation: {
    title: 'A file of rotation plans could not be read',
    then: 'The retirements planned in it will not happen on their own: check the old tokens of your recent rotations and plan them again. Your tokens on the Marketplace are not affected.',
  },
  digest: {
    title: 'The weekly digest’s file could not be read',
    then: 'The next weekly digest comes a week from now. Your tokens and settings are not affected.',
  },
} as const;

function NoticeText({ notice }: { notice: Notice }) {
  const text = NOTICE_TEXT[notice.file];
  return (
    <div className="startup-notice">
      <p>
        <strong>{text.title}</strong> ({notice.reason}), so Token
        Desk moved it aside and started without it. Nothing was deleted: the damaged file is now <code className="value">{notice.movedTo}</code>.
      </p>
      <p>{text.then}</p>
    </div>
  );
}
