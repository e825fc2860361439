/**
 * A rotation runner on a fake clock (vitest's fake timers), an in-memory plan store and a fake
 * Marketplace that holds the old tokens, counts every call and can fail or lose answers on cue.
 */
import { vi } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import type { MarketplaceClient } from '../../../main/core/api';
import { PlanStore } from '../../../main/core/rotation/plan-store';
import { RotationRunner, systemClock } from '../../../main/core/rotation/runner';
import type { PlanNotice } from '../../../main/core/rotation/plan';
import { MemoryStore, testProfile } from '../core/fakes';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export interface FakeToken {
  id: string;
  status: 'Active' | 'Disabled' | 'Deleted';
  lastAccessAt: string | null;
  revision: number;
}

export class FakeApi {
  tokens = new Map<string, FakeToken>();
  calls: string[] = [];
  /** Fails the next N calls of a kind with this error. */
  failNext: { kind: 'get' | 'disable' | 'delete'; count: number; error: DeskError; afterEffect?: boolean } | undefined;

  add(id: string, extra: Partial<FakeToken> = {}): FakeToken {
    const token: FakeToken = { id, status: 'Active', lastAccessAt: null, revision: 1, ...extra };
    this.tokens.set(id, token);
    return token;
  }
  /** The old value is used by some integration "now". */
  use(id: string): void {
    const t = this.tokens.get(id);
    if (t) t.lastAccessAt = new Date().toISOString();
  }
  private view(t: FakeToken): ApiToken {
    return { id: t.id, name: `Token ${t.id}`, status: t.status, lastAccessAt: t.lastAccessAt, revision: t.revision } as ApiToken;
  }
  private fault(kind: 'get' | 'disable' | 'delete', effect: () => void): void {
    const f = this.failNext;
    if (f && f.kind === kind && f.count > 0) {
      f.count -= 1;
      if (f.afterEffect) effect();
      throw f.error;
    }
    effect();
  }
  client(): MarketplaceClient {
    const find = (id: string) => {
      const t = this.tokens.get(id);
      if (!t || t.status === 'Deleted') throw new DeskError({ code: 'not_found', message: 'No such token.', status: 404 });
      return t;
    };
    const tokens = {
      get: async (id: string) => {
        this.calls.push(`get ${id}`);
        let out: ApiToken | undefined;
        this.fault('get', () => (out = this.view(find(id))));
        return out as ApiToken;
      },
      disable: async (id: string) => {
        this.calls.push(`disable ${id}`);
        let out: ApiToken | undefined;
        this.fault('disable', () => {
          const t = find(id);
          if (t.status !== 'Active') throw new DeskError({ code: 'validation', message: 'Token is not Active.', status: 400 });
          t.status = 'Disabled';
          t.revision += 1;
          out = this.view(t);
        });
        return out as ApiToken;
      },
      delete: async (id: string) => {
        this.calls.push(`delete ${id}`);
        this.fault('delete', () => {
          find(id).status = 'Deleted';
        });
      },
    };
    return { tokens } as unknown as MarketplaceClient;
  }
}

export function makeRunner(options: { api?: FakeApi; disk?: MemoryStore } = {}) {
  const api = options.api ?? new FakeApi();
  const disk = options.disk ?? new MemoryStore();
  const store = new PlanStore(async () => disk);
  const notices: PlanNotice[] = [];
  const changes: string[] = [];
  const profile = testProfile();
  const runner = new RotationRunner({
    store,
    connections: () => [profile],
    clientFor: async () => api.client(),
    clock: systemClock,
    notify: (n) => notices.push(n),
    changed: (p) => changes.push(p.stage),
    newId: (() => {
      let n = 0;
      return () => `plan-${++n}`;
    })(),
  });
  return { api, disk, store, runner, notices, changes, profile };
}

/** Lets the fake clock run for `ms`, firing timers and the async work they start. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}
