// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Overview } from '../../../common/overview';

const opened = vi.fn();
vi.mock('../../../renderer/src/features/overview/open-from-overview', () => ({ openTokensFiltered: (...args: unknown[]) => opened(...args) }));
const { LastAccessChart } = await import('../../../renderer/src/features/overview/LastAccessChart');

afterEach(() => {
  cleanup();
  opened.mockReset();
});

const span = (bucket: Overview['lastAccess'][number]['bucket'], byConnection: Record<string, number>) => ({
  bucket,
  count: Object.values(byConnection).reduce((a, b) => a + b, 0),
  byConnection,
  filter: { status: 'all' as const, lastAccess: bucket },
});

function overview(connections: string[], lastAccess: Overview['lastAccess']): Overview {
  return { connections: connections.map((id) => ({ id, name: `Name of ${id}` })), lastAccess } as unknown as Overview;
}

describe('the Overview’s last-access chart', () => {
  it('one connection: a bar opens its table with the bar’s filter', async () => {
    render(<LastAccessChart overview={overview(['c1'], [span('never', { c1: 3 }), span('older', { c1: 0 })])} activeId="c1" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Never used: 3 tokens. Show them in the token table' }));
    expect(opened).toHaveBeenCalledWith('c1', { status: 'all', lastAccess: 'never' });
  });

  it('all connections: a bar held by several asks whose table, the active one first; held by one, it opens that one', async () => {
    const user = userEvent.setup();
    render(<LastAccessChart overview={overview(['c1', 'c2'], [span('never', { c1: 2, c2: 5 }), span('week', { c2: 1 })])} activeId="c1" />);
    await user.click(screen.getByRole('button', { name: 'Never used: 7 tokens in 2 connections. Choose whose to show' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Show the 2 tokens of Name of c1', 'Show the 5 tokens of Name of c2']);
    await user.click(items[1]!);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('c2', { status: 'all', lastAccess: 'never' }));
    opened.mockReset();
    await user.click(screen.getByRole('button', { name: 'Within 7 days: 1 token. Show them in the token table' }));
    expect(opened).toHaveBeenCalledWith('c2', { status: 'all', lastAccess: 'week' });
  });
});
