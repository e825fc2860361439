/**
 * Keyboard shortcuts between the two forms they take: Electron's accelerator, which is what is
 * stored and registered (`CommandOrControl+Shift+Space`, the same on every OS), and what a
 * person reads on their platform (`Ctrl+Shift+Space` on Windows and Linux, `⌘⇧Space` on macOS).
 * Settings shows and records shortcuts with it; main words its messages with it.
 */
import { shortcutSchema } from './quick-access';

export type KeyPlatform = 'mac' | 'windows' | 'linux';

/** From Node's `process.platform` or the browser's `navigator.platform` / userAgentData platform. */
export function keyPlatformOf(platform: string): KeyPlatform {
  if (/^darwin$|mac|iphone|ipad/i.test(platform)) return 'mac';
  if (/^win/i.test(platform)) return 'windows';
  return 'linux';
}

type Modifier = 'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super';

/** Electron's spellings of each modifier, to the one this module reasons with. */
const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const MAC_MODIFIERS: Record<Modifier, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', AltGr: '⌥', Shift: '⇧', Super: '⌘' };

function pcModifier(modifier: Modifier, platform: KeyPlatform): string {
  if (modifier === 'CommandOrControl' || modifier === 'Control') return 'Ctrl';
  if (modifier === 'Command' || modifier === 'Super') return platform === 'windows' ? 'Win' : 'Super';
  return modifier;
}

const MAC_KEYS: Record<string, string> = {
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Return: '↩',
  Enter: '↩',
  Escape: '⎋',
  Esc: '⎋',
  Backspace: '⌫',
  Delete: '⌦',
  Tab: '⇥',
  PageUp: '⇞',
  PageDown: '⇟',
  Home: '↖',
  End: '↘',
  Plus: '+',
};
const PC_KEYS: Record<string, string> = { Return: 'Enter', Escape: 'Esc', Delete: 'Del', Insert: 'Ins', PageUp: 'PgUp', PageDown: 'PgDn', Plus: 'Plus' };

/** Modifiers and a key (null: not pressed yet, shown as "…") in the platform's notation. */
function formatParts(modifiers: readonly Modifier[], key: string | null, platform: KeyPlatform): string {
  if (platform === 'mac') return modifiers.map((m) => MAC_MODIFIERS[m]).join('') + (key === null ? '…' : (MAC_KEYS[key] ?? (key.length === 1 ? key.toUpperCase() : key)));
  const shownKey = key === null ? '…' : (PC_KEYS[key] ?? (key.length === 1 ? key.toUpperCase() : key));
  return [...modifiers.map((m) => pcModifier(m, platform)), shownKey].join('+');
}

/**
 * An accelerator as the platform writes it. Parts keep the accelerator's order; macOS joins
 * symbols without a separator, Windows and Linux join names with "+". '' (no shortcut) stays ''.
 */
export function formatAccelerator(accelerator: string, platform: KeyPlatform): string {
  if (!accelerator) return '';
  const parts = accelerator.split('+');
  // A trailing "+" key ("Ctrl++") names the plus key, as "Plus" does.
  if (accelerator.endsWith('++')) parts.splice(parts.length - 2, 2, 'Plus');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((p) => MODIFIER_ALIASES[p.toLowerCase()]).filter((m): m is Modifier => m !== undefined);
  return formatParts(modifiers, key, platform);
}

/** What a key press tells a shortcut recorder (the parts of a KeyboardEvent it reads). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recorded =
  /** Only modifiers held so far: `shown` is what to show while the user reaches for the key. */
  | { kind: 'pending'; shown: string }
  /** A key without a modifier other than Shift: as a global shortcut it would swallow typing. */
  | { kind: 'needs-modifier'; message: string }
  /** A key Electron cannot register (a numpad key, a media key…). */
  | { kind: 'unsupported'; message: string }
  | { kind: 'done'; accelerator: string };

/** Shift alone is not enough: Shift+A is how a capital A is typed. */
export function needsModifierMessage(platform: KeyPlatform): string {
  const keys = platform === 'mac' ? '⌘, ⌃ or ⌥' : platform === 'windows' ? 'Ctrl, Alt or Win' : 'Ctrl, Alt or Super';
  return `Hold ${keys} with the key, so the shortcut never swallows typing.`;
}
const UNSUPPORTED_MESSAGE = 'That key cannot be a global shortcut: try a letter, a digit, Space or a function key.';

const NAMED_CODES: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  Escape: 'Escape',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
};

const MODIFIER_CODE = /^(Shift|Control|Alt|Meta|OS|AltGraph)(Left|Right)?$/;

/**
 * The key of a press as the accelerator names it. From `code` (the physical key), so a layout
 * or a held Shift does not change it: Ctrl+Shift+2 is "2", not "@".
 */
function keyOf(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(press.code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.code)) return press.code;
  return NAMED_CODES[press.code] ?? null;
}

/**
 * The accelerator a key press records. Modifiers are written in one order (CommandOrControl,
 * Control, Alt, Shift, Super): ⌘ on macOS and Ctrl elsewhere both become CommandOrControl, the
 * form that means "the platform's command key" wherever the setting is read.
 */
export function recordShortcut(press: KeyPress, platform: KeyPlatform): Recorded {
  const mac = platform === 'mac';
  const modifiers: Modifier[] = [];
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  if (!mac && press.metaKey) modifiers.push('Super');

  if (MODIFIER_CODE.test(press.code) || /^(Shift|Control|Alt|Meta|OS|AltGraph)$/.test(press.key)) {
    return { kind: 'pending', shown: modifiers.length ? formatParts(modifiers, null, platform) : '' };
  }
  const key = keyOf(press);
  if (!key) return { kind: 'unsupported', message: UNSUPPORTED_MESSAGE };
  if (!modifiers.some((m) => m !== 'Shift')) return { kind: 'needs-modifier', message: needsModifierMessage(platform) };
  const accelerator = [...modifiers, key].join('+');
  // The stored form's own check (common/quick-access.ts), so a recorded shortcut is always one main accepts.
  if (!shortcutSchema.safeParse(accelerator).success) return { kind: 'unsupported', message: UNSUPPORTED_MESSAGE };
  return { kind: 'done', accelerator };
}
