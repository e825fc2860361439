/**
 * The OS clipboard for the core's ClipboardPort, with the value marked as a secret.
 *
 * Electron 45's `clipboard.write([ClipboardItem])` commits every entry of one call atomically,
 * and raw OS formats are named `electron application/osclipboard;format="<name>"`. So one write
 * carries the text AND the markers clipboard histories and managers honour (what KeePassXC and
 * Bitwarden write):
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (any content), and the DWORD 0 in
 *   `CanIncludeInClipboardHistory` and `CanUploadToCloudClipboard` (Win+V history, cloud sync);
 * - macOS: `org.nspasteboard.ConcealedType` (nspasteboard.org, honoured by clipboard managers);
 * - Linux: `x-kde-passwordManagerHint` = `secret` (Klipper and managers that follow it).
 */
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from './core/clipboard';

const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/** A little-endian DWORD 0, as the Windows clipboard-history formats expect. */
const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);

/** The entries of the one clipboard write: the text plus this platform's "secret" markers. */
export function secretClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  const entries: Record<string, string | Blob> = { 'text/plain': text };
  if (platform === 'win32') {
    entries[osFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Blob([DWORD_ZERO]);
    entries[osFormat('CanIncludeInClipboardHistory')] = new Blob([DWORD_ZERO]);
    entries[osFormat('CanUploadToCloudClipboard')] = new Blob([DWORD_ZERO]);
  } else if (platform === 'darwin') {
    entries[osFormat('org.nspasteboard.ConcealedType')] = new Blob([]);
  } else {
    entries[osFormat('x-kde-passwordManagerHint')] = new Blob(['secret']);
  }
  return entries;
}

export function createElectronClipboard(platform: NodeJS.Platform = process.platform): ClipboardPort {
  return {
    writeText: (text) => clipboard.write([new ClipboardItem(secretClipboardEntries(text, platform))]),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
