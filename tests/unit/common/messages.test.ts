/** The shared sentences and error rules of common/messages.ts, and the offline state's schema. */
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { isLostAnswer } from '../../../common/lost-answer';
import { offlineStateSchema } from '../../../common/error-data';
import { copiedNotice, INTERNAL_ERROR_DATA, INTERNAL_ERROR_MESSAGE, isUnreachable, NOT_CONNECTED_MESSAGE, notConnectedError, offlineStateOf, userMessage } from '../../../common/messages';

describe('isUnreachable', () => {
  it('counts offline and timeout, and nothing the API said', () => {
    expect(isUnreachable(new DeskError({ code: 'offline', message: 'x' }))).toBe(true);
    expect(isUnreachable(new DeskError({ code: 'timeout', message: 'x' }))).toBe(true);
    for (const code of ['unauthorized', 'forbidden', 'server', 'rate_limited', 'internal'] as const) {
      expect(isUnreachable(new DeskError({ code, message: 'x' })), code).toBe(false);
    }
  });

  it('only for a DeskError: a plain error that says "offline" is not one', () => {
    expect(isUnreachable(new Error('offline'))).toBe(false);
    expect(isUnreachable({ code: 'offline', message: 'x' })).toBe(false);
  });

  it('is the same rule the lost-answer test starts from', () => {
    expect(isLostAnswer({ code: 'timeout' })).toBe(true);
    expect(isLostAnswer({ code: 'offline' })).toBe(true);
    expect(isLostAnswer({ code: 'forbidden' })).toBe(false);
  });
});

describe('copiedNotice', () => {
  it('names the token and the delay in the words Settings uses', () => {
    expect(copiedNotice('Robot', 30_000)).toBe('Copied Robot — clipboard clears in 30 s');
    expect(copiedNotice('Robot', 120_000)).toBe('Copied Robot — clipboard clears in 2 min');
  });

  it('leaves out the name for an in-place copy, and the delay when the clipboard is not cleared', () => {
    expect(copiedNotice(null, 60_000)).toBe('Copied — clipboard clears in 1 min');
    expect(copiedNotice('Robot', 0)).toBe('Copied Robot');
    expect(copiedNotice(null, 0)).toBe('Copied');
  });
});

describe('not connected and internal errors', () => {
  it('one sentence for "not connected", with its code', () => {
    const error = notConnectedError();
    expect(error.code).toBe('not_connected');
    expect(error.message).toBe(NOT_CONNECTED_MESSAGE);
  });

  it('a DeskError keeps its message; anything else becomes the internal-error text', () => {
    expect(userMessage(new DeskError({ code: 'forbidden', message: 'No access.' }))).toBe('No access.');
    expect(userMessage(new Error('/home/me/secret path'))).toBe(INTERNAL_ERROR_MESSAGE);
    expect(INTERNAL_ERROR_DATA).toEqual({ code: 'internal', message: `${INTERNAL_ERROR_MESSAGE} Please try again.` });
  });
});

describe('offline state', () => {
  const now = new Date('2026-01-31T23:00:00.000Z');

  it('is data: when the Marketplace was found out of reach and why, no sentence', () => {
    expect(offlineStateOf({ code: 'offline' }, now)).toEqual({ since: '2026-01-31T23:00:00.000Z', reason: 'offline' });
    expect(offlineStateOf({ code: 'timeout' }, now)).toEqual({ since: '2026-01-31T23:00:00.000Z', reason: 'timeout' });
  });

  it('crosses the bridge only in that shape', () => {
    expect(offlineStateSchema.safeParse(offlineStateOf({ code: 'timeout' }, now)).success).toBe(true);
    expect(offlineStateSchema.safeParse({ message: 'Offline — showing data from 2026-01-31T23:00:00.000Z' }).success).toBe(false);
    expect(offlineStateSchema.safeParse({ since: 'yesterday', reason: 'offline' }).success).toBe(false);
    expect(offlineStateSchema.safeParse({ since: now.toISOString(), reason: 'forbidden' }).success).toBe(false);
  });
});
