/**
 * "Check for leaked tokens": paste text or drop files, or scan folders (in main, off its event
 * loop). Every finding says which token it is, whose, how it stands, and offers verify,
 * Disable now and Rotate. The page only ever holds masked values and fingerprints.
 */
import { useEffect, useState } from 'react';
import type { LeakFinding, LeakScanResult } from '../../../../common/leaks';
import { unsafeAsSpaces } from '../../../../common/plain-text';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { toast } from '../../ui/toast-store';
import { saveCsv } from '../audit/save-csv';
import { useTokensStore } from '../tokens/store/tokens-store';
import { useConnectionsStore } from '../connections/connections-store';
import { useRotationStore } from '../rotation/rotation-store';
import { FindingGroups } from './FindingGroups';
import { mb, ScanProgress } from './ScanProgress';
import type { FindingActions } from './FindingCard';
import './leaks.css';

export function LeaksPage() {
  const [text, setText] = useState('');
  const [textFindings, setTextFindings] = useState<LeakFinding[] | null>(null);
  const [folderInput, setFolderInput] = useState('');
  const [scan, setScan] = useState<LeakScanResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [electron, setElectron] = useState(false);
  const [maxFileMb, setMaxFileMb] = useState<number | null>(null);
  const activeId = useConnectionsStore((s) => s.activeId);

  useEffect(() => {
    void desk.call('app.info', {}).then((info) => setElectron(info.hostKind === 'electron'), () => undefined);
    // The limit main applies, read from the setting: the page states it as it is in force.
    void desk.call('settings.get', {}).then((view) => setMaxFileMb(view.settings.leakScanMaxFileMb), () => undefined);
    // Leaving the page drops the found values from main's memory.
    return () => void desk.call('leaks.forget', {}).catch(() => undefined);
  }, []);

  const check = async (input: string) => {
    setError(null);
    try {
      // Logs carry colour escapes and other controls: spaced out here, as the contract refuses them.
      setTextFindings((await desk.call('leaks.check', { text: unsafeAsSpaces(input) })).findings);
    } catch (e) {
      setError(errorMessage(e, 'Could not check the text.'));
    }
  };

  const runScan = async (folders: string[], rescan = false) => {
    if (folders.length === 0) return;
    setError(null);
    setScanning(true);
    try {
      setScan(await desk.call('leaks.scan', { folders, rescan }));
    } catch (e) {
      setError(errorMessage(e, 'Could not scan the folder.'));
    } finally {
      setScanning(false);
    }
  };

  const replace = (next: LeakFinding) => {
    const swap = (list: LeakFinding[]) => list.map((f) => (f.fingerprint === next.fingerprint ? next : f));
    setTextFindings((l) => (l ? swap(l) : l));
    setScan((s) => (s ? { ...s, findings: swap(s.findings) } : s));
  };

  const actions: FindingActions = {
    async verify(f) {
      try {
        replace(await desk.call('leaks.verify', { fingerprint: f.fingerprint }));
      } catch (e) {
        toast({ level: 'error', message: errorMessage(e, 'Could not check the value.') });
      }
    },
    async disable(f) {
      try {
        const { finding, token, connectionId } = await desk.call('leaks.disable', { fingerprint: f.fingerprint });
        replace(finding);
        // The token table shows the active connection's tokens: it shows the change at once.
        if (connectionId === activeId) useTokensStore.getState().applyToken(token);
        toast({ level: 'success', message: `${token.name} (${token.id}) is disabled.` });
      } catch (e) {
        toast({ level: 'error', message: errorMessage(e, 'Could not disable the token.') });
      }
    },
    async rotate(f) {
      const holder = f.holders[0];
      if (!holder || !f.tokenId) return;
      try {
        // The rotation flow works on the page's connection: the token's own has to be that one.
        const connections = useConnectionsStore.getState();
        if (holder.connectionId !== connections.activeId) {
          await connections.switchTo(holder.connectionId);
          toast({ level: 'info', message: `Switched to the connection ${holder.connectionName} to rotate ${f.token?.name ?? f.tokenId}.` });
        }
        const token = await desk.call('tokens.get', { id: f.tokenId });
        // A leaked value is retired at once: whatever still uses it is using a leak.
        useRotationStore.getState().openRotate([token], 'now');
      } catch (e) {
        toast({ level: 'error', message: errorMessage(e, 'Could not open the rotation.') });
      }
    },
  };

  const report = async (format: 'markdown' | 'csv', scope: 'text' | 'scan') => {
    try {
      const { text: body, fileName } = await desk.call('leaks.report', { format, scope });
      if (format === 'csv') saveCsv(fileName, body);
      else {
        await navigator.clipboard.writeText(body);
        toast({ level: 'success', message: 'Report copied (fingerprints only, no values).' });
      }
    } catch (e) {
      toast({ level: 'error', message: errorMessage(e, 'Could not make the report.') });
    }
  };

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    const files = [...event.dataTransfer.files];
    const texts = await Promise.all(files.map((f) => f.text()));
    setText(texts.join('\n'));
    await check(texts.join('\n'));
  };

  const pick = async () => {
    try {
      const { folders } = await desk.call('leaks.pickFolders', {});
      await runScan(folders);
    } catch (e) {
      setError(errorMessage(e, 'Could not open the folder picker.'));
    }
  };

  const typedFolders = folderInput.split('\n').map((f) => f.trim()).filter(Boolean);

  return (
    <Page title="Check for leaked tokens" subtitle="Find Marketplace token values in text or folders, see whose they are, and shut them in one click. Values never leave main; reports carry fingerprints only." className="leaks-page">
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <section className="panel" aria-labelledby="leaks-text-title" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
        <h2 id="leaks-text-title">Paste text or drop files</h2>
        <div className="field">
          <label htmlFor="leaks-text">Text to check (a log, a message, a config file)</label>
          <textarea id="leaks-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <div className="leak-actions">
          <Button variant="primary" disabled={!text.trim()} onClick={() => void check(text)}>
            Check text
          </Button>
          {textFindings && textFindings.length > 0 && (
            <>
              <Button onClick={() => void report('markdown', 'text')}>Copy report</Button>
              <Button onClick={() => void report('csv', 'text')}>Save report (CSV)</Button>
            </>
          )}
        </div>
        {textFindings && (textFindings.length === 0 ? <p role="status">No token values found.</p> : <FindingGroups findings={textFindings} actions={actions} />)}
      </section>

      <section className="panel" aria-labelledby="leaks-scan-title">
        <h2 id="leaks-scan-title">Scan folders</h2>
        <p className="muted" data-testid="leaks-scan-rules">
          Skips .git internals, node_modules, binary files and files over {maxFileMb === null ? 'the size limit' : `${maxFileMb} MB`} (the limit is in Settings); never follows
          links out of the folder; reads, never writes.
        </p>
        <div className="field">
          <label htmlFor="leaks-folders">Folder paths (one a line)</label>
          <textarea id="leaks-folders" rows={2} value={folderInput} onChange={(e) => setFolderInput(e.target.value)} spellCheck={false} />
        </div>
        <div className="leak-actions">
          {electron && (
            <Button disabled={scanning} onClick={() => void pick()}>
              Choose folders…
            </Button>
          )}
          <Button variant="primary" disabled={scanning || typedFolders.length === 0} onClick={() => void runScan(typedFolders)}>
            Scan
          </Button>
          {scanning && <Button onClick={() => void desk.call('leaks.cancel', {})}>Cancel</Button>}
          {scan && scan.findings.length > 0 && !scanning && (
            <>
              <Button onClick={() => void report('markdown', 'scan')}>Copy report</Button>
              <Button onClick={() => void report('csv', 'scan')}>Save report (CSV)</Button>
            </>
          )}
        </div>
        {scanning && <ScanProgress />}
        {scan && !scanning && (
          <>
            <p role="status">
              {scan.cancelled ? 'Scan cancelled: ' : 'Scan finished: '}
              {scan.counts.files} files, {mb(scan.counts.bytes)} read, {scan.findings.length} tokens found.
            </p>
            {scan.folderErrors.map((f) => (
              <p key={f.folder} role="alert" className="form-error">
                {f.message}
              </p>
            ))}
            <ul className="leak-rescan">
              {scan.folders.map((folder) => (
                <li key={folder}>
                  <code>{folder}</code>{' '}
                  <Button size="small" onClick={() => void runScan([folder], true)}>
                    Re-scan
                  </Button>
                </li>
              ))}
            </ul>
            <FindingGroups findings={scan.findings} actions={actions} />
          </>
        )}
      </section>
    </Page>
  );
}
