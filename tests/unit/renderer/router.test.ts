// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { go, startRouter, useRouter } from '../../../renderer/src/shell/router';

describe('router', () => {
  let stop: () => void;
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    stop = startRouter();
  });
  afterEach(() => stop());

  it('writes the first address in its one spelling without a new entry', () => {
    expect(window.location.pathname).toBe('/tokens');
    expect(useRouter.getState().match.name).toBe('tokens');
  });

  it('pushes an entry per navigation and follows Back and Forward', async () => {
    const length = window.history.length;
    go('token', { id: 'TKN-1111-2222' });
    expect(window.location.pathname).toBe('/tokens/TKN-1111-2222');
    expect(useRouter.getState().match).toEqual({ name: 'token', params: { id: 'TKN-1111-2222' } });
    go('token', { id: 'TKN-1111-2222' }); // the same address again adds nothing
    expect(window.history.length).toBe(length + 1);

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    expect(useRouter.getState().match.name).toBe('tokens');
  });

  it('replaces the current entry when asked', () => {
    const length = window.history.length;
    useRouter.getState().navigate('/settings', { replace: true });
    expect(window.history.length).toBe(length);
    expect(useRouter.getState().match.name).toBe('settings');
  });
});
