// @vitest-environment jsdom
import { CONNECTION, fakeDesk } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionSwitcher } from '../../../renderer/src/features/connections/ConnectionSwitcher';
import { ManageConnections } from '../../../renderer/src/features/connections/ManageConnections';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { useRouter } from '../../../renderer/src/shell/router';
import { resetAll } from './render-page';

/** The in-app sandbox as "Try the sandbox" names it: the account's name is already in the connection's. */
const SANDBOX = { ...CONNECTION, id: 'sb', name: 'Sandbox — Stark Industries', sandbox: true, secretsInMemory: true };
const OTHER = { ...CONNECTION, id: 'c2', name: 'Production', account: { ...CONNECTION.account, id: 'ACC-3333-4444', name: 'Wayne Enterprises' } };

beforeEach(() => {
  resetAll();
  useRouter.getState().navigate('/connections');
});
afterEach(resetAll);

describe('the header names the connection once', () => {
  it('leaves out the account name and the Sandbox badge where the name already says them', () => {
    useConnectionsStore.setState({ connections: [SANDBOX, OTHER], activeId: SANDBOX.id, phase: 'ready' });
    render(<ConnectionSwitcher />);
    const button = screen.getByRole('button', { name: /Switch connection/ });
    const text = button.textContent ?? '';
    expect(text.match(/Stark Industries/g)).toHaveLength(1);
    expect(text.match(/Sandbox/g)).toHaveLength(1);
    expect(within(button).getByText('Client')).toBeTruthy();
    expect(within(button).getByText('Kept in memory')).toBeTruthy();
    expect(button.getAttribute('aria-label')).toBe('Connection: Sandbox — Stark Industries (Client, sandbox, kept in memory). Switch connection');
  });

  it('shows the account beside a name that does not say it', () => {
    useConnectionsStore.setState({ connections: [SANDBOX, OTHER], activeId: OTHER.id, phase: 'ready' });
    render(<ConnectionSwitcher />);
    const button = screen.getByRole('button', { name: /Switch connection/ });
    expect(button.textContent).toContain('Production');
    expect(button.textContent).toContain('Wayne Enterprises');
  });

  it('checks the active connection in the menu, and only it', async () => {
    const user = userEvent.setup();
    useConnectionsStore.setState({ connections: [SANDBOX, OTHER], activeId: OTHER.id, phase: 'ready' });
    render(<ConnectionSwitcher />);
    await user.click(screen.getByRole('button', { name: /Switch connection/ }));
    const menu = await screen.findByRole('menu', { name: 'Connections' });
    const items = within(menu).getAllByRole('menuitem');
    const checked = items.filter((i) => i.querySelector('.menu-check svg'));
    expect(checked).toHaveLength(1);
    expect(checked[0]!.textContent).toContain('Production');
    expect(checked[0]!.getAttribute('aria-current')).toBe('true');
    // Every item keeps the check column, so the names line up.
    expect(items.every((i) => i.querySelector('.menu-check'))).toBe(true);
  });
});

describe('the Connections page', () => {
  it('with no connection: an empty state that offers the sandbox, which opens the token list', async () => {
    const user = userEvent.setup();
    useConnectionsStore.setState({ connections: [], activeId: null, phase: 'ready' });
    fakeDesk.handlers['sandbox.start'] = () => SANDBOX;
    render(<ManageConnections />);
    expect(screen.getByRole('heading', { level: 1, name: 'Connections' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'No connections yet' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Saved connections' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try the sandbox' }));
    await waitFor(() => expect(useConnectionsStore.getState().activeId).toBe(SANDBOX.id));
    expect(useRouter.getState().path).toBe('/tokens');
  });

  it('with no connection, "Add connection" opens the form, and Cancel closes it', async () => {
    const user = userEvent.setup();
    useConnectionsStore.setState({ connections: [], activeId: null, phase: 'ready' });
    render(<ManageConnections />);
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    expect(screen.getByRole('form', { name: 'Add a connection' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add a connection' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
  });

  it('lists the connections, the active one marked, with "Add connection" in the page header', () => {
    useConnectionsStore.setState({ connections: [SANDBOX, OTHER], activeId: SANDBOX.id, phase: 'ready' });
    render(<ManageConnections />);
    const list = screen.getByRole('list', { name: 'Saved connections' });
    const sandbox = within(list).getByRole('listitem', { name: SANDBOX.name });
    expect(within(sandbox).getByText('Active')).toBeTruthy();
    expect(within(sandbox).queryByRole('button', { name: 'Switch to' })).toBeNull();
    expect(within(within(list).getByRole('listitem', { name: 'Production' })).getByRole('button', { name: 'Switch to' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Connections' }).querySelector('.page-actions')?.textContent).toBe('Add connection');
    expect(screen.queryByText('No connections yet')).toBeNull();
  });
});
