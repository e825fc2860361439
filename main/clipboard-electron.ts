/**
 * The OS clipboard for the core's ClipboardPort.
 *
 * Not done on purpose: marking values as concealed (macOS org.nspasteboard.ConcealedType,
 * Windows ExcludeClipboardContentFromMonitorProcessing). Electron's writeText and writeBuffer
 * each start a new clipboard write, so a second call would replace the text instead of adding
 * a format; doing it right needs one multi-format write that Electron does not offer for
 * custom formats. The 30 s auto-clear is the protection we rely on.
 */
import { clipboard } from 'electron';
import type { ClipboardPort } from './core/clipboard';

export function createElectronClipboard(): ClipboardPort {
  return {
    writeText: (text) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
