/**
 * The leak check: pasted text or folders in, findings out (common/leaks.ts), and the actions on
 * one finding — verify, disable — by its fingerprint. The found values stay in this object's
 * memory only, for those actions: never a file, a log or a reply; a new check, `forget` or
 * quitting drops them. A finding's token and holders are read fresh at each answer, so a
 * disable or a refresh shows at once.
 */
import type { LeakFinding, LeakScanResult } from '../../../common/leaks';
import { DeskError } from '../../../common/errors';
import type { TokenView } from '../../../common/contract';
import { toggleToken, type LifecycleServices } from '../tokens/lifecycle';
import { fingerprint, maskedValue, secretDigest } from './matcher';
import { identify, readStoredSecrets, type IdentifyServices, type StoredSecrets } from './identify';
import { leakCsv, leakMarkdown, reportFileName } from './report';
import { scanText, type BareSecrets } from './scan-text';
import type { ScanCounts } from './scan-tree';
import { startScan, type ScanHandle, type ScanHit } from './scanner';
import { verifyValue, type VerifyOutcome, type VerifyServices } from './verify';

export type LeakServices = IdentifyServices & VerifyServices & LifecycleServices & { desktopSettings: { get(): { leakScanMaxFileMb: number } } };

interface Place {
  /** The scanned folder it was found under; null for pasted text. */
  folder: string | null;
  path: string | null;
  line: number;
}

interface Held {
  tokenId: string | null;
  secret: string;
  digest: string;
  /** Every place had the secret alone (an older value), none the `idt:` form. */
  bare: boolean;
  places: Place[];
}

type Scope = 'text' | 'scan';

export const NOT_FOUND_MESSAGE = 'That finding is no longer in memory: check the text or scan the folder again.';

export class LeakChecker {
  private held: Record<Scope, Map<string, Held>> = { text: new Map(), scan: new Map() };
  private verified = new Map<string, VerifyOutcome>();
  private scanFolders: string[] = [];
  private running?: ScanHandle;

  constructor(
    private readonly services: LeakServices,
    private readonly workerPath: string,
  ) {}

  async check(text: string): Promise<{ findings: LeakFinding[] }> {
    const stored = await readStoredSecrets(this.services);
    const held = new Map<string, Held>();
    for (const hit of scanText(text, bareOf(stored))) this.add(held, stored, hit.tokenId, hit.secret, { folder: null, path: null, line: hit.line });
    this.held.text = held;
    return { findings: this.findings('text', stored) };
  }

  async scan(folders: string[], rescan: boolean, onProgress: (counts: ScanCounts) => void): Promise<LeakScanResult> {
    if (this.running) throw new DeskError({ code: 'conflict', message: 'A folder scan is already running. Cancel it or wait for it to finish.' });
    const stored = await readStoredSecrets(this.services);
    const bare = bareOf(stored);
    const maxFileBytes = this.services.desktopSettings.get().leakScanMaxFileMb * 1024 * 1024;
    const handle = startScan(this.workerPath, { folders, maxFileBytes, bareLengths: [...bare.lengths], bareDigests: [...bare.digests], progressMs: 100 }, onProgress);
    this.running = handle;
    let outcome;
    try {
      outcome = await handle.done;
    } finally {
      this.running = undefined;
    }
    const held = rescan ? this.withoutFolders(folders) : new Map<string, Held>();
    for (const hit of outcome.hits) this.addHit(held, stored, hit);
    this.held.scan = held;
    this.scanFolders = rescan ? [...new Set([...this.scanFolders, ...folders])] : folders;
    return { findings: this.findings('scan', stored), folders: this.scanFolders, counts: outcome.counts, cancelled: outcome.cancelled, folderErrors: outcome.folderErrors };
  }

  /** Stops a running scan at once; its result (so far) is still answered, marked cancelled. */
  cancel(): void {
    this.running?.cancel();
  }

  async verify(fp: string): Promise<LeakFinding> {
    const { scope, held } = this.lookup(fp);
    if (!held.tokenId) throw new DeskError({ code: 'validation', message: 'A value without its token id cannot be checked.' });
    const stored = await readStoredSecrets(this.services);
    const { holders } = identify(this.services, stored, held.tokenId, held.digest);
    const profile = this.services.connections.list().find((p) => p.id === holders[0]?.connectionId) ?? this.services.connections.active();
    this.verified.set(fp, await verifyValue(this.services, profile, held.tokenId, valueOf(held)));
    return this.findingOf(scope, fp, stored);
  }

  /** Disables the token in the account that holds it (the active connection's first). */
  async disable(fp: string): Promise<{ finding: LeakFinding; token: TokenView; connectionId: string }> {
    const { scope, held } = this.lookup(fp);
    const stored = await readStoredSecrets(this.services);
    const holder = held.tokenId ? identify(this.services, stored, held.tokenId, held.digest).holders[0] : undefined;
    const profile = holder && this.services.connections.list().find((p) => p.id === holder.connectionId);
    if (!held.tokenId || !profile) throw new DeskError({ code: 'validation', message: 'No connected account holds this token, so Token Desk cannot disable it. Disable it in the Marketplace portal of its account.' });
    const token = await toggleToken(this.services, held.tokenId, 'disable', { profile, client: await this.services.clientFor(profile) });
    // The value is known not to work any more; a later verify may say otherwise.
    this.verified.set(fp, 'disabled');
    return { finding: this.findingOf(scope, fp, stored), token, connectionId: profile.id };
  }

  async report(format: 'markdown' | 'csv', scope: Scope): Promise<{ text: string; fileName: string }> {
    const findings = this.findings(scope, await readStoredSecrets(this.services));
    return { text: format === 'csv' ? leakCsv(findings) : leakMarkdown(findings), fileName: reportFileName(format) };
  }

  /** Drops every found value from memory (the page left the check). */
  forget(): void {
    this.cancel();
    this.held = { text: new Map(), scan: new Map() };
    this.verified.clear();
    this.scanFolders = [];
  }

  private withoutFolders(folders: readonly string[]): Map<string, Held> {
    const kept = new Map<string, Held>();
    for (const [fp, h] of this.held.scan) {
      const places = h.places.filter((p) => !folders.includes(p.folder ?? ''));
      if (places.length > 0) kept.set(fp, { ...h, places });
    }
    return kept;
  }

  private addHit(held: Map<string, Held>, stored: StoredSecrets, hit: ScanHit): void {
    this.add(held, stored, hit.tokenId, hit.secret, { folder: hit.folder, path: hit.path, line: hit.line });
  }

  private add(held: Map<string, Held>, stored: StoredSecrets, tokenId: string | null, secret: string, place: Place): void {
    const digest = secretDigest(secret);
    // A bare secret counts only as a stored one, and takes that token's id.
    const id = tokenId ?? stored.byDigest.get(digest)?.tokenId ?? null;
    if (id === null) return;
    const fp = fingerprint(id, secret);
    const entry = held.get(fp) ?? { tokenId: id, secret, digest, bare: true, places: [] };
    entry.bare &&= tokenId === null;
    entry.places.push(place);
    held.set(fp, entry);
  }

  private lookup(fp: string): { scope: Scope; held: Held } {
    for (const scope of ['text', 'scan'] as const) {
      const held = this.held[scope].get(fp);
      if (held) return { scope, held };
    }
    throw new DeskError({ code: 'not_found', message: NOT_FOUND_MESSAGE });
  }

  private findings(scope: Scope, stored: StoredSecrets): LeakFinding[] {
    return [...this.held[scope].keys()].map((fp) => this.findingOf(scope, fp, stored));
  }

  private findingOf(scope: Scope, fp: string, stored: StoredSecrets): LeakFinding {
    const held = this.held[scope].get(fp)!;
    const { token, holders } = held.tokenId ? identify(this.services, stored, held.tokenId, held.digest) : { token: null, holders: [] };
    const verified = this.verified.get(fp);
    return {
      fingerprint: fp,
      tokenId: held.tokenId,
      masked: maskedValue(held.tokenId),
      bare: held.bare,
      places: held.places.map((p) => ({ path: p.path, line: p.line })),
      token,
      holders,
      ...(verified ? { verified } : {}),
      group: groupOf(token?.status, verified),
    };
  }
}

function valueOf(held: Held): string {
  return `idt:${held.tokenId}:${held.secret}`;
}

function bareOf(stored: StoredSecrets): BareSecrets {
  return { lengths: stored.lengths, digests: new Set(stored.byDigest.keys()) };
}

export function groupOf(status: string | undefined, verified: VerifyOutcome | undefined): LeakFinding['group'] {
  if (verified === 'live') return 'live';
  if (verified === 'disabled') return 'disabledOrDeleted';
  if (status === 'Active') return 'live';
  if (status === 'Disabled' || status === 'Deleted') return 'disabledOrDeleted';
  return 'unknown';
}
