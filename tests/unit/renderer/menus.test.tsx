// @vitest-environment jsdom
import { CONNECTION, fakeDesk, makeToken } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionSwitcher } from '../../../renderer/src/features/connections/ConnectionSwitcher';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { TokenActionsMenu } from '../../../renderer/src/features/tokens/TokenActionsMenu';
import { useRouter } from '../../../renderer/src/shell/router';
import { resetAll } from './render-page';

const OTHER = { ...CONNECTION, id: 'c2', name: 'Production', account: { ...CONNECTION.account, id: 'ACC-3333-4444', name: 'Wayne Enterprises' } };

beforeEach(() => {
  resetAll();
  useConnectionsStore.setState({ connections: [CONNECTION, OTHER], activeId: CONNECTION.id, phase: 'ready' });
  useRouter.getState().navigate('/tokens', { replace: true });
});
afterEach(resetAll);

/** Both menus of the app, opened from the keyboard: the same keys do the same things. */
const menus = [
  {
    name: 'the connection switcher',
    show: () => render(<ConnectionSwitcher />),
    button: () => screen.getByRole('button', { name: /Switch connection/ }),
    menuName: 'Connections',
    items: ['Sandbox', 'Production', 'Manage connections…'],
  },
  {
    name: 'a row’s ⋯ menu',
    show: () => render(<TokenActionsMenu token={makeToken({ name: 'Robot', status: 'Active' })} own={false} />),
    button: () => screen.getByRole('button', { name: 'Actions for Robot' }),
    menuName: 'Actions for Robot',
    items: ['Open details', 'Disable', 'Edit', 'Rotate', 'Delete'],
  },
];

describe.each(menus)('$name behaves as every menu', ({ show, button, menuName, items }) => {
  it('Enter opens on the first item; arrows, Home and End move; Tab closes with focus back on the button', async () => {
    const user = userEvent.setup();
    show();
    button().focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: menuName });
    const all = within(menu).getAllByRole('menuitem');
    expect(all.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual(expect.arrayContaining(items.map((i) => expect.stringContaining(i))));
    await waitFor(() => expect(document.activeElement).toBe(all[0]));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(all[all.length - 1]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(all[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(all[all.length - 1]);
    await user.keyboard('{Tab}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button()));
  });

  it('ArrowUp opens on the last item; Escape closes; a click elsewhere closes', async () => {
    const user = userEvent.setup();
    show();
    button().focus();
    await user.keyboard('{ArrowUp}');
    const menu = await screen.findByRole('menu', { name: menuName });
    const all = within(menu).getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(all[all.length - 1]));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(button());
    await user.click(button());
    await screen.findByRole('menu', { name: menuName });
    await user.click(document.body);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });
});

describe('the connection switcher', () => {
  it('switches to the chosen connection, marks the active one, and opens Manage connections', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['connections.switch'] = ({ id }: { id: string }) => (id === OTHER.id ? OTHER : CONNECTION);
    render(<ConnectionSwitcher />);
    await user.click(screen.getByRole('button', { name: /Switch connection/ }));
    const menu = await screen.findByRole('menu', { name: 'Connections' });
    const [sandbox, production] = within(menu).getAllByRole('menuitem');
    expect(sandbox!.getAttribute('aria-current')).toBe('true');
    expect(production!.getAttribute('aria-current')).toBeNull();
    await user.click(production!);
    await waitFor(() => expect(useConnectionsStore.getState().activeId).toBe(OTHER.id));
    expect(fakeDesk.calls.filter((c) => c.channel === 'connections.switch')).toEqual([{ channel: 'connections.switch', input: { id: OTHER.id } }]);
    await user.click(screen.getByRole('button', { name: /Switch connection/ }));
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Manage connections…' }));
    await waitFor(() => expect(useRouter.getState().match.name).toBe('connections'));
  });
});

describe('a row’s ⋯ menu when its row is reused for another token', () => {
  it('closes at once, acts on no other token, and does not open again when the first token comes back', async () => {
    const user = userEvent.setup();
    const first = makeToken({ name: 'Robot', status: 'Active' });
    const second = makeToken({ name: 'Pipeline', status: 'Active' });
    const { rerender } = render(<TokenActionsMenu token={first} own={false} />);
    await user.click(screen.getByRole('button', { name: 'Actions for Robot' }));
    expect(await screen.findByRole('menu', { name: 'Actions for Robot' })).toBeTruthy();
    rerender(<TokenActionsMenu token={second} own={false} />);
    // The same render: no menu of either token is shown.
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.queryByRole('menuitem', { name: 'Disable Pipeline' })).toBeNull();
    rerender(<TokenActionsMenu token={first} own={false} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions for Robot' })).toBeTruthy());
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
