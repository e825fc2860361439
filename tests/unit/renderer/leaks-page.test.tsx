// @vitest-environment jsdom
/** The leak check page over the fake bridge: paste → findings grouped, verify, Disable now with its confirmation, Cancel. */
import { fakeDesk, makeToken } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeakFinding } from '../../../common/leaks';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../common/quick-access';
import { LeaksPage } from '../../../renderer/src/features/leaks/LeaksPage';
import { RotateDialog } from '../../../renderer/src/features/rotation/RotateDialog';
import { useRotationStore } from '../../../renderer/src/features/rotation/rotation-store';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';

const finding = (extra: Partial<LeakFinding> = {}): LeakFinding => ({
  fingerprint: 'TKN-1234-5678/sha256:0123456789ab',
  tokenId: 'TKN-1234-5678',
  masked: 'idt:TKN-1234-5678:••••••••',
  bare: false,
  places: [{ path: null, line: 3 }],
  token: { name: 'CI pipeline', status: 'Active', lastAccessAt: null, modules: [{ id: 'MOD-1756', name: 'Access Management', accessManagement: true }] },
  holders: [{ connectionId: 'c1', connectionName: 'Prod', accountId: 'ACC-1111-2222', accountName: 'Stark', active: true, kept: true }],
  group: 'live',
  ...extra,
});

beforeEach(() => {
  fakeDesk.reset();
  fakeDesk.handlers['app.info'] = () => ({ name: 'Token Desk', version: '0', platform: 'linux', arch: 'x64', hostKind: 'browser', runtime: { node: '' } });
  fakeDesk.handlers['leaks.forget'] = () => ({ ok: true });
  fakeDesk.handlers['settings.get'] = () => ({ shortcut: null, secretClipboard: false, settings: { ...DEFAULT_DESKTOP_SETTINGS, leakScanMaxFileMb: 12 } });
});
afterEach(() => {
  cleanup();
  useRotationStore.setState({ rotating: null, initialRetire: null });
});

describe('LeaksPage', () => {
  it('checks pasted text, shows the token and whose it is, verifies and disables after a confirmation naming token and account', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['leaks.check'] = () => ({ findings: [finding()] });
    fakeDesk.handlers['leaks.verify'] = () => finding({ verified: 'live' });
    fakeDesk.handlers['leaks.disable'] = () => ({ finding: finding({ token: { ...finding().token!, status: 'Disabled' }, group: 'disabledOrDeleted', verified: 'disabled' }), token: { id: 'TKN-1234-5678', name: 'CI pipeline', status: 'Disabled' }, connectionId: 'other' });
    render(<LeaksPage />);
    await user.type(screen.getByLabelText(/Text to check/), 'log line');
    await user.click(screen.getByRole('button', { name: 'Check text' }));
    const live = await screen.findByRole('region', { name: 'Live' });
    expect(within(live).getByText('CI pipeline')).toBeTruthy();
    expect(within(live).getByText('Access Management', { selector: '.badge, span' })).toBeTruthy();
    expect(within(live).getByText(/Stark \(ACC-1111-2222\)/)).toBeTruthy();
    expect(within(live).getByText('pasted text:3')).toBeTruthy();
    await user.click(within(live).getByRole('button', { name: 'Does this value still work?' }));
    expect(await screen.findByText('This value still works')).toBeTruthy();
    await user.click(within(live).getByRole('button', { name: 'Disable now' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('CI pipeline (TKN-1234-5678) in the account Stark');
    await user.click(within(dialog).getByRole('button', { name: 'Disable now' }));
    expect(await screen.findByRole('region', { name: 'Disabled or deleted' })).toBeTruthy();
    expect(fakeDesk.calls.map((c) => c.channel)).toContain('leaks.disable');
  });

  it('scans a typed folder with progress, and Cancel asks main to stop', async () => {
    const user = userEvent.setup();
    let finish!: (v: unknown) => void;
    fakeDesk.handlers['leaks.scan'] = () => new Promise((r) => (finish = r));
    fakeDesk.handlers['leaks.cancel'] = () => {
      finish({ findings: [], folders: ['/tmp/x'], counts: { files: 5, bytes: 10, found: 0, skipped: { unreadable: 0, outside: 0, special: 0, tooLarge: 0, binary: 0 } }, cancelled: true, folderErrors: [] });
      return { ok: true };
    };
    render(<LeaksPage />);
    await user.type(screen.getByLabelText(/Folder paths/), '/tmp/x');
    await user.click(screen.getByRole('button', { name: 'Scan' }));
    expect(await screen.findByRole('progressbar', { name: 'Scanning' })).toBeTruthy();
    expect(screen.getByText('Starting…')).toBeTruthy();
    act(() => fakeDesk.emit('leaks.progress', { files: 3, bytes: 3 * 1024 * 1024, found: 1, skipped: { unreadable: 0, outside: 0, special: 0, tooLarge: 0, binary: 0 } }));
    expect(screen.getByText('3 files, 3.0 MB read, 1 found')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Scan cancelled/)).toBeTruthy();
  });

  it('states the size limit in force, as the setting says', async () => {
    render(<LeaksPage />);
    expect(await screen.findByText(/files over 12 MB/)).toBeTruthy();
  });

  it('Rotate opens the rotation flow for the token with "retire now" chosen', async () => {
    const user = userEvent.setup();
    useConnectionsStore.setState({ activeId: 'c1' });
    const token = makeToken({ id: 'TKN-1234-5678', name: 'CI pipeline' });
    fakeDesk.handlers['leaks.check'] = () => ({ findings: [finding()] });
    fakeDesk.handlers['tokens.get'] = () => token;
    render(
      <>
        <LeaksPage />
        <RotateDialog />
      </>,
    );
    await user.type(screen.getByLabelText(/Text to check/), 'log line');
    await user.click(screen.getByRole('button', { name: 'Check text' }));
    await user.click(await screen.findByRole('button', { name: 'Rotate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate CI pipeline' });
    expect((within(dialog).getByRole('radio', { name: /^Now/ }) as HTMLInputElement).checked).toBe(true);
    expect(dialog.textContent).toContain('The old token is disabled at once.');
    expect(fakeDesk.calls.some((c) => c.channel === 'connections.switch')).toBe(false);
  });

  it('Rotate for a token of another connection switches to it first', async () => {
    const user = userEvent.setup();
    useConnectionsStore.setState({ activeId: 'c1', connections: [] });
    const other = finding({ holders: [{ ...finding().holders[0]!, connectionId: 'c2', connectionName: 'Staging', active: false }] });
    fakeDesk.handlers['leaks.check'] = () => ({ findings: [other] });
    fakeDesk.handlers['connections.switch'] = ({ id }: { id: string }) => ({ id, name: 'Staging' });
    fakeDesk.handlers['tokens.get'] = () => makeToken({ id: 'TKN-1234-5678', name: 'CI pipeline' });
    render(<LeaksPage />);
    await user.type(screen.getByLabelText(/Text to check/), 'log line');
    await user.click(screen.getByRole('button', { name: 'Check text' }));
    await user.click(await screen.findByRole('button', { name: 'Rotate' }));
    await waitFor(() => expect(useRotationStore.getState().rotating?.map((t) => t.id)).toEqual(['TKN-1234-5678']));
    const channels = fakeDesk.calls.map((c) => c.channel);
    expect(channels.indexOf('connections.switch')).toBeLessThan(channels.indexOf('tokens.get'));
    expect(useConnectionsStore.getState().activeId).toBe('c2');
    expect(useRotationStore.getState().initialRetire).toBe('now');
  });

  it('no Rotate for a token no connected account holds', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['leaks.check'] = () => ({ findings: [finding({ holders: [], token: null, group: 'unknown' })] });
    render(<LeaksPage />);
    await user.type(screen.getByLabelText(/Text to check/), 'log line');
    await user.click(screen.getByRole('button', { name: 'Check text' }));
    await screen.findByRole('region', { name: 'Unknown' });
    expect(screen.queryByRole('button', { name: 'Rotate' })).toBeNull();
  });
});
