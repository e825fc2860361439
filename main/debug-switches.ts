/**
 * The debug door of a signed app: any program of the user's can start the installed Token Desk
 * with `--remote-debugging-port` (or `--inspect`, `--js-flags`…), attach a debugger and call
 * `desk.invoke('values.reveal', …)` for every stored value — without a keychain prompt, because
 * the caller *is* the signed app. The fuses close `--inspect` for Node, but no fuse covers
 * Chromium's remote debugging, so the packaged app looks at its own command line and exits
 * before any window, store or keychain exists. Unpackaged (`npm start`) keeps every switch:
 * that is how the app is developed.
 */
import { app } from 'electron';

/**
 * Switch names that open a debugger or change how V8 runs the code. `inspect` is a prefix:
 * Node and Electron accept `--inspect`, `--inspect-brk`, `--inspect-port`, `--inspect-brk-node`,
 * `--inspect-publish-uid`, and may add more.
 */
const EXACT = new Set(['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'js-flags', 'debug', 'debug-brk']);
const PREFIXES = ['inspect'];

const isDebugName = (name: string): boolean => EXACT.has(name) || PREFIXES.some((p) => name === p || name.startsWith(`${p}-`));

/**
 * The switch name of one argument, as Chromium reads it: `--name`, `-name` and (on Windows)
 * `/name`, case-insensitive on Windows, a value after `=`. Anything else is not a switch.
 */
export function switchNameOf(arg: string, platform: NodeJS.Platform): string | undefined {
  const prefix = arg.startsWith('--') ? 2 : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/')) ? 1 : 0;
  if (prefix === 0) return undefined;
  const name = arg.slice(prefix).split('=')[0]!;
  return platform === 'win32' ? name.toLowerCase() : name;
}

/** What the check reads: the process's arguments and Chromium's parsed command line. */
export interface CommandLineView {
  argv: readonly string[];
  platform: NodeJS.Platform;
  hasSwitch(name: string): boolean;
}

/** The first debug switch on the command line, or undefined. */
export function debugSwitchOf(view: CommandLineView): string | undefined {
  for (const arg of view.argv.slice(1)) {
    // Chromium stops reading switches at a lone `--`; everything after it is an argument. Node
    // does the same, so a debug switch after it opens nothing.
    if (arg === '--') break;
    const name = switchNameOf(arg, view.platform);
    if (name !== undefined && isDebugName(name)) return name;
  }
  // Chromium's own parse: it also sees switches that reach it other than through argv.
  for (const name of [...EXACT, ...PREFIXES]) if (view.hasSwitch(name)) return name;
  return undefined;
}

export const DEBUG_SWITCH_MESSAGE = (name: string) =>
  `Token Desk: refusing to start with --${name}. The installed app does not run with a debugger attached, because a debugger could read the stored token values. Start it without that switch.`;

/**
 * Exits the packaged app at once when it was started with a debug switch; returns whether it
 * did, so the caller stops there. Called first thing, before the single-instance lock.
 */
export function exitOnDebugSwitch(): boolean {
  if (!app.isPackaged) return false;
  const name = debugSwitchOf({ argv: process.argv, platform: process.platform, hasSwitch: (s) => app.commandLine.hasSwitch(s) });
  if (name === undefined) return false;
  console.error(DEBUG_SWITCH_MESSAGE(name));
  // exit, not quit: quit runs before-quit and the app's handlers, and nothing of the app should run.
  app.exit(1);
  return true;
}
