/**
 * The ONE contract between the renderer and the main process.
 *
 * Every call the renderer can make and every event main can push is named
 * here, with zod schemas for its input and output. Main validates every input
 * against it (main/core/dispatch.ts); its names are exactly those of
 * common/channel-names.ts, the table the preloads build `window.desk` from; the renderer derives its types from it. Adding a
 * capability = one entry here + one handler + UI.
 */
import { z } from 'zod';
import { APP_COMMANDS, OPEN_TOKEN_COMMAND } from './app-commands';
import type { Channel, EventName } from './channel-names';
import type { ConnectionCall } from './connection-calls';
import { offlineStateSchema } from './error-data';
import { moduleSchema } from './domain';
import { moduleIdSchema, tokenIdSchema } from './ids';
import { accountLogPageSchema, accountSyncSchema, auditCsvSchema, auditFiltersSchema, tokenTrailSchema } from './audit-log-schemas';
import { CONNECTION_NAME_MAX, TOKEN_NAME_MAX } from './limits';
import { SORT_DIRS, SORT_KEYS } from './token-sort';
import { plainText } from './plain-text';
import { iconUploadSchema, tokenNameSchema } from './token-fields';
import { TOKEN_VALUE_MAX, TOKEN_VALUE_MESSAGES } from './token-value';
import { connectionProfileSchema, connectionsStateSchema, recoverableConnectionSchema, restoreResultSchema, startupNoticeSchema } from './connection-schemas';
import { PLAN_HORIZON_MS } from './rotation';
import { planViewSchema, retireActionSchema, retireChoiceSchema, rotationCreateSchema, rotationPlanSchema } from './rotation-schemas';
import { fingerprintSchema, LEAK_TEXT_MAX, leakCheckResultSchema, leakFindingSchema, leakReportInputSchema, leakReportSchema, leakScanInputSchema, leakScanResultSchema, scanCountsSchema } from './leaks';
import { reportInputSchema, reportSchema, savedReportSchema } from './report';
import { accessEntrySchema, accessLogQuerySchema, desktopSettingsSchema, quickListSchema, settingsViewSchema } from './quick-access';
import { overviewInputSchema, overviewSchema } from './overview';
import { LAST_ACCESS_FILTERS } from './last-access';

// Re-exported: the contract is where callers look for its input schemas and channel types.
export * from './connection-schemas';
export * from './token-schemas';
import { bulkOutcomeSchema, bulkResultSchema, createResultSchema, tokenCreateSchema, tokenEditSchema, tokenViewSchema } from './token-schemas';
export { iconUploadSchema, tokenIdSchema };
export type { Channel, EventName };
export type { IconUpload } from './token-fields';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const noInput = z.object({}).strict();

export const hostKinds = ['electron', 'browser'] as const;
export type HostKind = (typeof hostKinds)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  hostKind: z.enum(hostKinds),
  runtime: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ---- connections ------------------------------------------------------------------------------

const connectionId = z.object({ id: z.string().min(1).max(100) }).strict();
const connectionName = plainText(z.string().max(CONNECTION_NAME_MAX));
/** Secrets are length-capped so a pasted novel is refused before it reaches the keychain. */
const tokenValueInput = z.string().max(TOKEN_VALUE_MAX, TOKEN_VALUE_MESSAGES.tooLong);


// ---- tokens -------------------------------------------------------------------------------------

/** The connection a token, value or audit call is for (common/connection-calls.ts): the one the page shows. */
const onConnection = { connectionId: z.string().min(1).max(100) };
const connectionOnly = z.object(onConnection).strict();
const tokenRef = z.object({ id: tokenIdSchema, ...onConnection }).strict();

export const tokenListSchema = z.object({
  tokens: z.array(tokenViewSchema),
  /** With `packed: true` in the call: `tokens` is empty and the list is here (common/token-list-wire.ts). */
  packed: z.string().optional(),
  fetchedAt: z.string().nullable(),
  /** Set when the list comes from the offline cache because the API could not be reached. */
  offline: offlineStateSchema.optional(),
  /** With `first` in the call: how many tokens the whole list has. */
  total: z.number().int().nonnegative().optional(),
});
export type TokenList = z.infer<typeof tokenListSchema>;
/** `packed`: the list as one compact string instead of objects (the renderer's way at 100,000 tokens). */
/** The token table's sort (saved in the prefs; a launch's first screen of the list). */
export const tokenSortSchema = z.object({
  key: z.enum(SORT_KEYS),
  dir: z.enum(SORT_DIRS),
});
const tokenListInput = z
  .object({
    packed: z.boolean().optional(),
    /**
     * `tokens.cached` only: just the first `count` rows in this sort's order (common/first-screen.ts),
     * with `total`; no rows when the sort needs every row's text.
     */
    first: z.object({ count: z.number().int().min(1).max(200), sort: tokenSortSchema }).strict().optional(),
  })
  .strict();

export const modulesResultSchema = z.object({
  modules: z.array(moduleSchema),
  /** api: the modules endpoint; derived: union of the account's tokens and the defaults of its type (may be partial). */
  source: z.enum(['api', 'derived']),
  partial: z.boolean(),
});

// ---- UI preferences -----------------------------------------------------------------------------

/** The token table's filters and sort, kept between sessions (never a secret: see handlers/prefs.ts). */
export const tokensPrefsSchema = z.object({
  filters: z.object({
    text: plainText(z.string().max(500)),
    status: z.enum(['all', 'Active', 'Disabled']),
    /** '' is "any module". */
    moduleId: z.union([z.literal(''), moduleIdSchema]),
    unused: z.boolean(),
    /** A span of common/last-access.ts ('' is any): what an Overview bar opens the table on. */
    lastAccess: z.enum(LAST_ACCESS_FILTERS).default(''),
  }),
  sort: tokenSortSchema,
});
export type TokensPrefs = z.infer<typeof tokensPrefsSchema>;
export const prefsSchema = z.object({ tokens: tokensPrefsSchema.optional() }).strict();

export const calls = {
  'app.info': call(noInput, appInfoSchema),
  'prefs.get': call(noInput, prefsSchema),
  'prefs.set': call(prefsSchema, z.object({ ok: z.literal(true) })),
  /** Damaged files moved aside, until the user dismisses the one notice about them. */
  'app.startupNotices': call(noInput, z.object({ notices: z.array(startupNoticeSchema) })),
  'app.dismissStartupNotices': call(noInput, z.object({ ok: z.literal(true) })),

  'connections.list': call(noInput, connectionsStateSchema),
  'connections.restore': call(noInput, restoreResultSchema),
  'connections.add': call(
    z.object({ name: connectionName, baseUrl: z.string().max(2048).optional(), token: tokenValueInput }).strict(),
    connectionProfileSchema,
  ),
  'connections.switch': call(connectionId, connectionProfileSchema),
  'connections.rename': call(connectionId.extend({ name: connectionName }).strict(), connectionProfileSchema),
  'connections.reenterToken': call(connectionId.extend({ token: tokenValueInput }).strict(), connectionProfileSchema),
  'connections.remove': call(connectionId, connectionsStateSchema),
  /** Admin tokens left in the keychain without a profile (after the settings file was lost). */
  'connections.recoverable': call(noInput, z.object({ connections: z.array(recoverableConnectionSchema) })),
  /** Re-adopts one of those: verified with "who am I" again, then saved as a profile under its old id. */
  'connections.restoreFromKeychain': call(
    connectionId.extend({ name: connectionName, baseUrl: z.string().max(2048) }).strict(),
    connectionProfileSchema,
  ),
  /** "Try the sandbox": start the local simulator with sample data and connect to it. */
  'sandbox.start': call(noInput, connectionProfileSchema),

  /** The cached list at once (may be empty); then `tokens.sync` refreshes it. */
  'tokens.cached': call(tokenListInput.extend(onConnection), tokenListSchema),
  'tokens.sync': call(tokenListInput.extend(onConnection), tokenListSchema),
  'tokens.get': call(tokenRef, tokenViewSchema),
  'tokens.enable': call(tokenRef, tokenViewSchema),
  'tokens.disable': call(tokenRef, tokenViewSchema),
  'tokens.update': call(tokenEditSchema.extend(onConnection), tokenViewSchema),
  'tokens.delete': call(tokenRef, z.object({ id: z.string(), valueRemoved: z.boolean() })),
  'tokens.bulk': call(
    z.object({ action: z.enum(['enable', 'disable', 'delete']), ids: z.array(tokenIdSchema).min(1).max(1000), ...onConnection }).strict(),
    bulkResultSchema,
  ),
  'tokens.modules': call(connectionOnly, modulesResultSchema),
  'tokens.create': call(tokenCreateSchema.extend(onConnection), createResultSchema),
  /** After a lost create answer: tokens with this name created in the last minutes. */
  'tokens.findRecent': call(z.object({ name: plainText(z.string().max(TOKEN_NAME_MAX + 50)), withinMinutes: z.number().int().min(1).max(60).default(10), ...onConnection }).strict(), z.object({ tokens: z.array(tokenViewSchema) })),

  /** A token's whole audit trail, newest first, paged through the offline cache; `refresh` asks the API for what is new. */
  'audit.token': call(
    z.object({ id: tokenIdSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50), refresh: z.boolean().default(false), ...onConnection }).strict(),
    tokenTrailSchema,
  ),
  /** The account's token log from the offline cache (no API call), newest first. */
  'audit.account': call(z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200_000).default(500), ...onConnection }).strict(), accountLogPageSchema),
  /** Refreshes the account log from the API (whole the first time, then only what is new); progress as `audit.progress`. */
  'audit.syncAccount': call(connectionOnly, accountSyncSchema),
  /** The cached account log's rows that match the filters, as CSV (never a secret). */
  'audit.exportCsv': call(z.object({ filters: auditFiltersSchema, ...onConnection }).strict(), auditCsvSchema),

  /**
   * Token values (keychain). Copy happens in main; reveal is an explicit "show". Both are written
   * to the access log with the source main decides from the calling window and the channel.
   */
  'values.copy': call(
    tokenRef,
    // `inFrontOnly`: the browser host, whose page may clear the clipboard only while its tab is in front.
    z.object({ clearsAt: z.string(), inFrontOnly: z.literal(true).optional() }),
  ),
  /** The wizard's summary closed: main drops a new value the keychain refused (kept in memory for Copy). */
  'values.forgetUnsaved': call(tokenRef, z.object({ ok: z.literal(true) })),
  'values.reveal': call(tokenRef, z.object({ value: z.string() })),

  /** Quick Access: every stored value across all connections, and a copy by connection + token. */
  'quick.list': call(noInput, quickListSchema),
  'quick.copy': call(
    z.object({ connectionId: z.string().min(1).max(100), id: tokenIdSchema }).strict(),
    z.object({ clearsAt: z.string(), message: z.string() }),
  ),
  /**
   * The desktop app's Quick Access window asks main to show a token's details in the main window
   * (switching connection there if needed). The browser host has no other window: its Quick
   * Access page opens the details itself.
   */
  'quick.open': call(z.object({ connectionId: z.string().min(1).max(100), id: tokenIdSchema }).strict(), z.object({ ok: z.literal(true) })),
  /** The local value access log (reveals and copies, never a value), newest first. */
  'accessLog.list': call(accessLogQuerySchema, z.object({ entries: z.array(accessEntrySchema) })),
  /** Desktop settings: shortcut, clear delay, notifications, start at login, close to tray. */
  'settings.get': call(noInput, settingsViewSchema),
  'settings.set': call(desktopSettingsSchema.partial().strict(), settingsViewSchema),
  'values.add': call(tokenRef.extend({ value: tokenValueInput }).strict(), tokenViewSchema),

  /**
   * Rotation plans (common/rotation.ts), carried out by main. `rotation.create` names the page's
   * connection; `rotation.act` chooses one (the Rotations view shows every connection's plans).
   */
  'rotation.create': call(rotationCreateSchema.extend(onConnection).strict(), rotationPlanSchema),
  /** Creates the replacement (same description and modules; the name may change), stores its value, makes the plan. */
  'rotation.rotate': call(
    z.object({ oldId: tokenIdSchema, name: tokenNameSchema.optional(), retire: retireChoiceSchema, action: retireActionSchema.default({ kind: 'disable' }), ...onConnection }).strict(),
    z.object({ token: tokenViewSchema, stored: z.boolean(), keychainError: z.string().optional(), plan: rotationPlanSchema }),
  ),
  'rotation.list': call(noInput, z.object({ plans: z.array(planViewSchema) })),
  'rotation.act': call(
    z
      .object({
        connectionId: z.string().min(1).max(100),
        planId: z.string().min(1).max(100),
        action: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('retireNow') }).strict(),
          z.object({ kind: z.literal('cancel') }).strict(),
          z.object({ kind: z.literal('extend'), byMs: z.number().int().min(60_000).max(PLAN_HORIZON_MS) }).strict(),
        ]),
      })
      .strict(),
    rotationPlanSchema,
  ),
  /** What plans did while the app was closed, each said once (taking them marks them said). */
  'rotation.reports': call(noInput, z.object({ messages: z.array(z.string()) })),

  /**
   * Check for leaked tokens (common/leaks.ts): every value in pasted text or in folders, whose it
   * is, and one-click answers. Findings carry fingerprints and masked forms only; main keeps the
   * values in memory for `verify` and `disable` until `forget`.
   */
  'leaks.check': call(z.object({ text: plainText(z.string().max(LEAK_TEXT_MAX, 'That text is too long to check at once: split it.'), true) }).strict(), leakCheckResultSchema),
  /** Runs until the scan ends or is cancelled; progress as `leaks.progress`. */
  'leaks.scan': call(leakScanInputSchema, leakScanResultSchema),
  'leaks.cancel': call(noInput, z.object({ ok: z.literal(true) })),
  /** The desktop app's native folder picker; the browser host has none (the page asks for a path). */
  'leaks.pickFolders': call(noInput, z.object({ folders: z.array(z.string()) })),
  /** One call with the found value to the token's own GET: live, disabled or unknown. */
  'leaks.verify': call(z.object({ fingerprint: fingerprintSchema }).strict(), leakFindingSchema),
  /** Disables the token in the connected account that holds it. */
  'leaks.disable': call(
    z.object({ fingerprint: fingerprintSchema }).strict(),
    z.object({ finding: leakFindingSchema, token: tokenViewSchema, connectionId: z.string() }),
  ),
  'leaks.report': call(leakReportInputSchema, leakReportSchema),
  'leaks.forget': call(noInput, z.object({ ok: z.literal(true) })),

  /**
   * The Overview's numbers (common/overview.ts) from the offline cache of one saved connection or
   * of all (`scope`); no API call, so it answers offline and says how old the data is.
   */
  'overview.get': call(overviewInputSchema, overviewSchema),

  /**
   * The printable report for audits (common/report.ts): the token inventory and the attention
   * list of one saved connection or all, from the offline cache; never a token value. `savePdf`
   * prints it to a PDF where the user chooses (the desktop app; the browser host prints the
   * report's view instead).
   */
  'report.get': call(reportInputSchema, reportSchema),
  'report.savePdf': call(reportInputSchema, savedReportSchema),
} as const;

export const events = {
  /** Progress of a long list load (tokens.sync). */
  'tokens.progress': z.object({ loaded: z.number().int(), total: z.number().int() }),
  /** Progress of the account log's first, whole sync (audit.syncAccount). */
  'audit.progress': z.object({ loaded: z.number().int(), total: z.number().int() }),
  /** Progress of a bulk action, one entry per finished token. */
  'tokens.bulkProgress': z.object({
    done: z.number().int(),
    total: z.number().int(),
    id: z.string(),
    ok: z.boolean(),
    outcome: bulkOutcomeSchema.optional(),
    message: z.string().optional(),
  }),
  /** Progress of a folder scan (leaks.scan): files and bytes read, values found. */
  'leaks.progress': scanCountsSchema,
  /** The application menu or the tray asked the page for something (desktop app only). */
  'app.command': z.union([
    z.object({ command: z.enum(APP_COMMANDS) }).strict(),
    z.object({ command: z.literal(OPEN_TOKEN_COMMAND), connectionId: z.string().min(1).max(100), tokenId: tokenIdSchema }).strict(),
  ]),
  /** A short message for the user (e.g. "Copied — clipboard clears in 30 s"). */
  'app.notice': z.object({
    level: z.enum(['info', 'success', 'warning', 'error']),
    message: z.string(),
  }),
  /** A rotation plan changed in main (a look, a retirement, another window's action). */
  'rotation.changed': z.object({ connectionId: z.string(), planId: z.string() }),
} as const;

export type CallInput<C extends Channel> = z.input<(typeof calls)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof calls)[C]['input']>;
export type CallOutput<C extends Channel> = z.output<(typeof calls)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The contract names exactly the calls and events of the table (common/channel-names.ts):
// either side gaining or losing a name fails the build here.
const callsMatchTable: Same<keyof typeof calls, Channel> = true;
const eventsMatchTable: Same<keyof typeof events, EventName> = true;
void callsMatchTable;
void eventsMatchTable;
// The calls that name their connection are exactly common/connection-calls.ts's list, plus
// `quick.copy`, `quick.open` and `rotation.act` (which pick a connection rather than naming the one the page shows).
type NamingConnection = { [C in Channel]: CallInput<C> extends { connectionId: string } ? C : never }[Channel];
const connectionCallsMatch: Same<Exclude<NamingConnection, 'quick.copy' | 'quick.open' | 'rotation.act'>, ConnectionCall> = true;
void connectionCallsMatch;
