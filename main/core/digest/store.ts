/**
 * What the weekly digest remembers on disk (`digest.json` beside the cache, through the same
 * KeyValueStore as every other file: atomic writes, a damaged file moved aside by the stores'
 * one rule and listed in the start-up notices): when it last fired and since when it is on.
 * Both are needed so a restart neither fires again nor skips a week; a lost file only delays the
 * next digest by a week from the restart, never repeats one.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreRecovery } from '../store';

const KEY = 'digest';

const isoSchema = z.iso.datetime({ offset: true });
export const digestStateSchema = z
  .object({
    /** The last weekly digest shown (UTC instant). */
    lastFiredAt: isoSchema.optional(),
    /** When the digest was turned on (or found on with nothing remembered): the first week counts from here. */
    onSince: isoSchema.optional(),
  })
  .strict();
export type DigestState = z.infer<typeof digestStateSchema>;

export const DIGEST_FILE = 'digest';

/** Why a parseable digest file cannot be used, or undefined. */
export function digestFileProblem(data: Record<string, unknown>): string | undefined {
  const state = data[KEY];
  if (state === undefined) return undefined;
  return digestStateSchema.safeParse(state).success ? undefined : 'what it remembers about the weekly digest is not readable';
}

export type OpenDigestStore = (name: string, validate: (data: Record<string, unknown>) => string | undefined) => Promise<KeyValueStore>;

type MaybeRecoverable = KeyValueStore & { readonly recoveries?: readonly StoreRecovery[] };

export class DigestStore {
  private store: Promise<MaybeRecoverable> | undefined;
  private opened: MaybeRecoverable | undefined;

  constructor(private readonly open: OpenDigestStore) {}

  private file(): Promise<MaybeRecoverable> {
    this.store ??= this.open(DIGEST_FILE, digestFileProblem).then(
      (store) => (this.opened = store),
      (error: unknown) => {
        this.store = undefined;
        throw error;
      },
    );
    return this.store;
  }

  async load(): Promise<DigestState> {
    const raw = (await this.file()).get<unknown>(KEY);
    const parsed = digestStateSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : {};
  }

  async save(state: DigestState): Promise<void> {
    (await this.file()).set(KEY, digestStateSchema.parse(state));
  }

  /** The digest file moved aside since it was opened (for the start-up notice). */
  get recoveries(): readonly StoreRecovery[] {
    return this.opened?.recoveries ?? [];
  }
}
