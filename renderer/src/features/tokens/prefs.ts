/**
 * Where the token table's filters and sort are kept between sessions: main's settings
 * store, through the `prefs.get` / `prefs.set` calls (the renderer has no storage of its own).
 * Saves are debounced: typing in search must not write a file per keystroke.
 */
import type { TokensPrefs } from '../../../../common/contract';
import { desk } from '../../desk';

export type { TokensPrefs };

const SAVE_DELAY_MS = 400;
let timer: ReturnType<typeof setTimeout> | undefined;
let pending: TokensPrefs | undefined;

let loading: Promise<TokensPrefs | undefined> | undefined;

/** The saved prefs, asked for once (the launch asks first: its first screen follows the saved sort). */
export function load(): Promise<TokensPrefs | undefined> {
  loading ??= desk.call('prefs.get').then(
    (prefs) => prefs.tokens,
    () => undefined, // No saved prefs is not an error: the defaults apply.
  );
  return loading;
}

function flush(): void {
  clearTimeout(timer);
  if (!pending) return;
  const prefs = pending;
  pending = undefined;
  void desk.call('prefs.set', { tokens: prefs }).catch(() => undefined);
}

export function save(prefs: TokensPrefs): void {
  clearTimeout(timer);
  pending = prefs;
  timer = setTimeout(flush, SAVE_DELAY_MS);
}

// A reload or close inside the debounce window must not lose the last change.
if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
