/**
 * Rotation links: which token replaced which. The API has no rotation, so
 * Token Desk keeps these itself, per connection, in the settings store (ids only).
 */
import { rotationLinksKey as key } from './settings-keys';
import type { KeyValueStore } from './store';

export interface RotationLink {
  oldId: string;
  newId: string;
  at: string;
}

export class RotationLinks {
  constructor(private readonly store: KeyValueStore) {}

  all(connectionId: string): RotationLink[] {
    return this.store.get<RotationLink[]>(key(connectionId)) ?? [];
  }

  add(connectionId: string, oldId: string, newId: string, now = new Date()): void {
    const rest = this.all(connectionId).filter((l) => !(l.oldId === oldId && l.newId === newId));
    this.store.set(key(connectionId), [...rest, { oldId, newId, at: now.toISOString() }]);
  }

  /** replacedBy / replaces for each token id, for the token views. */
  index(connectionId: string): { replacedBy: Map<string, string>; replaces: Map<string, string> } {
    const replacedBy = new Map<string, string>();
    const replaces = new Map<string, string>();
    for (const link of this.all(connectionId)) {
      replacedBy.set(link.oldId, link.newId);
      replaces.set(link.newId, link.oldId);
    }
    return { replacedBy, replaces };
  }

  dropConnection(connectionId: string): void {
    this.store.delete(key(connectionId));
  }
}
