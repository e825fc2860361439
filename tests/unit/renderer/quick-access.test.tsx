// @vitest-environment jsdom
import { fakeDesk } from './fake-desk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../common/quick-access';
import { QuickAccess } from '../../../renderer/src/features/quick/QuickAccess';

afterEach(() => {
  cleanup();
  fakeDesk.reset();
});

function serve(browser: boolean) {
  let answer!: () => void;
  const listed = new Promise<void>((resolve) => (answer = resolve));
  fakeDesk.handlers['quick.list'] = async () => {
    await listed;
    return { groups: [], recent: [] };
  };
  fakeDesk.handlers['settings.get'] = () => ({ settings: DEFAULT_DESKTOP_SETTINGS, shortcut: browser ? null : { registered: true }, secretClipboard: !browser });
  return answer;
}

describe('Quick Access', () => {
  it('has its search box focused the moment it opens, before the list arrives, and again when it comes back to the front', async () => {
    serve(false);
    render(<QuickAccess />);
    const search = screen.getByRole('combobox', { name: 'Find a token' });
    expect(document.activeElement).toBe(search);
    search.blur();
    window.dispatchEvent(new Event('focus'));
    expect(document.activeElement).toBe(search);
  });

  it.each([
    [false, '↑ ↓ choose · Enter copy · Shift+Enter details · Esc clear, then close'],
    [true, '↑ ↓ choose · Enter copy · Shift+Enter details · Esc clear'],
  ])('browser host %s: one hint, shown once the host is known', async (browser, hint) => {
    const answer = serve(browser);
    render(<QuickAccess />);
    expect(screen.queryByText(/Enter copy/)).toBeNull();
    answer();
    expect((await screen.findByText(/Enter copy/)).textContent).toBe(hint);
  });
});
