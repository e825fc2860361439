/** The one wording of the offline state (renderer/src/offline-text.ts): one "Offline", one date, in the user's locale. */
import { describe, expect, it } from 'vitest';
import type { OfflineState } from '../../../common/messages';
import { offlineText } from '../../../renderer/src/offline-text';

const human = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const savedAt = '2026-11-26T07:47:05.634Z';
const offline: OfflineState = { since: '2026-11-26T09:12:00.000Z', reason: 'offline' };
const timeout: OfflineState = { since: '2026-11-26T09:12:00.000Z', reason: 'timeout' };

describe('offlineText', () => {
  it('with saved data: its time for people, and why', () => {
    expect(offlineText(offline, savedAt)).toBe(`Offline — showing data from ${human(savedAt)} because the Marketplace could not be reached.`);
    expect(offlineText(timeout, savedAt)).toBe(`Offline — showing data from ${human(savedAt)} because the Marketplace did not answer in time.`);
  });

  it('one "Offline", one date, never a machine (ISO) date', () => {
    for (const text of [offlineText(offline, savedAt), offlineText(timeout, null)]) {
      expect(text.match(/offline/gi), text).toHaveLength(1);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    expect(offlineText(offline, savedAt)).not.toContain(human(offline.since));
  });

  it('data shown without a saved time: what is saved, claiming no date or session', () => {
    expect(offlineText(timeout, null, true)).toBe('Offline — showing what is saved on this computer because the Marketplace did not answer in time.');
    expect(offlineText(timeout, null, true)).not.toMatch(/session/);
  });

  it('nothing saved: says so once, with when the Marketplace was found out of reach', () => {
    expect(offlineText(offline, null)).toBe(`Offline — at ${human(offline.since)} the Marketplace could not be reached, and nothing is saved on this computer yet.`);
    expect(offlineText(timeout, null)).toBe(`Offline — at ${human(timeout.since)} the Marketplace did not answer in time, and nothing is saved on this computer yet.`);
  });
});
