/**
 * Schemas of the desktop features around token values: the desktop settings (shortcut, clear
 * delay, notifications, login item, close to tray, the leak scan's size limit, weekly digest), the value access log (who revealed or copied
 * which value, from where: never the value), and the Quick Access list across all connections.
 * common/contract.ts names the calls; the rules of each shape live here, once.
 */
import { z } from 'zod';
import { accountTypeSchema } from './domain';
import { connectionIdSchema, tokenIdSchema } from './ids';
import { CLIPBOARD_CLEAR_MS, CLIPBOARD_CLEAR_OPTIONS_MS } from './limits';
import { plainText } from './plain-text';
import { accessSources } from './access-sources';
import { DEFAULT_OVERVIEW_RULES, overviewRulesSchema } from './overview';

const MODIFIERS = ['CommandOrControl', 'CmdOrCtrl', 'Command', 'Cmd', 'Control', 'Ctrl', 'Alt', 'Option', 'AltGr', 'Shift', 'Super', 'Meta'];
const KEY = '([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[`\\-=\\[\\];\',./\\\\])';
const ACCELERATOR = new RegExp(`^((${MODIFIERS.join('|')})\\+)+${KEY}$`);
export const SHORTCUT_MESSAGE = 'Use one or more modifiers and a key, e.g. CommandOrControl+Shift+Space.';

/** An Electron accelerator with at least one modifier (a bare key as a global shortcut would swallow typing); '' = no shortcut. */
export const shortcutSchema = z.union([z.literal(''), z.string().max(100).regex(ACCELERATOR, SHORTCUT_MESSAGE)]);
export const DEFAULT_QUICK_SHORTCUT = 'CommandOrControl+Shift+Space';

const clearDelaySchema = z
  .number()
  .int()
  .refine((ms) => (CLIPBOARD_CLEAR_OPTIONS_MS as readonly number[]).includes(ms), 'Choose one of the offered clear delays.');

export const LEAK_SCAN_MAX_FILE_MB = { min: 1, max: 1024, default: 5 } as const;
const SCAN_LIMIT_MESSAGE = `Enter the size limit as a whole number of MB, from ${LEAK_SCAN_MAX_FILE_MB.min} to ${LEAK_SCAN_MAX_FILE_MB.max}.`;
/** Whole MB only: the setting says what the Leak check page states, with nothing hidden after a point. */
export const leakScanMaxFileMbSchema = z.number({ error: SCAN_LIMIT_MESSAGE }).int(SCAN_LIMIT_MESSAGE).min(LEAK_SCAN_MAX_FILE_MB.min, SCAN_LIMIT_MESSAGE).max(LEAK_SCAN_MAX_FILE_MB.max, SCAN_LIMIT_MESSAGE);

/** The size limit as the user typed it: a number, or the sentence saying what it must be. */
export function parseLeakScanMaxFileMb(text: string): { mb: number } | { error: string } {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16: only plain digits count as what the user meant.
  const parsed = leakScanMaxFileMbSchema.safeParse(/^\d+$/.test(trimmed) ? Number(trimmed) : NaN);
  return parsed.success ? { mb: parsed.data } : { error: SCAN_LIMIT_MESSAGE };
}

export const desktopSettingsSchema = z.object({
  quickShortcut: shortcutSchema,
  clipboardClearMs: clearDelaySchema,
  /** An OS notification after a copy from Quick Access or the tray. */
  copyNotifications: z.boolean(),
  startAtLogin: z.boolean(),
  closeToTray: z.boolean(),
  /** The leak scan skips files larger than this (logs and dumps that size are rarely config). */
  leakScanMaxFileMb: leakScanMaxFileMbSchema,
  /** Once a week a desktop notification sums up what needs attention (main/core/digest/). Opt-in. */
  weeklyDigest: z.boolean(),
  /** What the Overview counts as needing attention (common/overview.ts). */
  overviewRules: overviewRulesSchema,
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  quickShortcut: DEFAULT_QUICK_SHORTCUT,
  clipboardClearMs: CLIPBOARD_CLEAR_MS,
  copyNotifications: true,
  startAtLogin: false,
  closeToTray: true,
  leakScanMaxFileMb: LEAK_SCAN_MAX_FILE_MB.default,
  weeklyDigest: false,
  overviewRules: DEFAULT_OVERVIEW_RULES,
};

export const settingsViewSchema = z.object({
  settings: desktopSettingsSchema,
  /** Whether the global shortcut is registered; `message` says why not. null: this host has no global shortcuts. */
  shortcut: z.object({ registered: z.boolean(), message: z.string().optional() }).nullable(),
  /** False in a browser: a web page cannot mark a clipboard write as secret. */
  secretClipboard: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

// ---- value access log -----------------------------------------------------------------------

export const accessSourceSchema = z.enum(accessSources);
export const ACCESS_LOG_MAX = 5000;

export const accessEntrySchema = z.object({
  at: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  tokenId: z.string(),
  tokenName: z.string(),
  source: accessSourceSchema,
  action: z.enum(['reveal', 'copy']),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

export const accessLogQuerySchema = z
  .object({
    tokenId: tokenIdSchema.optional(),
    connectionId: connectionIdSchema.optional(),
    action: z.enum(['reveal', 'copy']).optional(),
    text: plainText(z.string().max(200)).optional(),
    /** Inclusive bounds on the entry's time (the page sends a local day's first and last instant). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();

// ---- Quick Access ------------------------------------------------------------------------------

export const quickTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['Active', 'Disabled', 'Unknown']),
});
export const quickGroupSchema = z.object({
  connectionId: z.string(),
  connectionName: z.string(),
  accountType: accountTypeSchema,
  /** "Sandbox", "Local" or the API host. */
  environment: z.string(),
  active: z.boolean(),
  tokens: z.array(quickTokenSchema),
});
export type QuickGroup = z.infer<typeof quickGroupSchema>;
export const quickListSchema = z.object({
  groups: z.array(quickGroupSchema),
  /** The newest copies first, at most five (the tray's "recent" items). */
  recent: z.array(z.object({ connectionId: z.string(), tokenId: z.string(), tokenName: z.string() })),
});
export type QuickList = z.infer<typeof quickListSchema>;
