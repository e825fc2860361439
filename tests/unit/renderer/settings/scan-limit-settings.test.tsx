// @vitest-environment jsdom
/** The leak scan's size limit on the Settings page: a whole number of MB saved; bad input says why and saves nothing. */
import { fakeDesk, serveSettings, settingsSets } from '../fake-desk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseLeakScanMaxFileMb } from '../../../../common/quick-access';
import { SettingsPage } from '../../../../renderer/src/features/settings/SettingsPage';

afterEach(() => {
  cleanup();
  fakeDesk.reset();
});


describe('the size limit of a leak scan', () => {
  it('parses whole MB from 1 to 1024 and nothing else', () => {
    expect(parseLeakScanMaxFileMb(' 12 ')).toEqual({ mb: 12 });
    expect(parseLeakScanMaxFileMb('1024')).toEqual({ mb: 1024 });
    for (const bad of ['', '0', '1025', '2.5', '-3', 'abc', '0x10', '1e3']) {
      expect(parseLeakScanMaxFileMb(bad)).toEqual({ error: 'Enter the size limit as a whole number of MB, from 1 to 1024.' });
    }
  });

  it('shows 5 MB by default and saves a new whole number on Enter', async () => {
    serveSettings();
    const user = userEvent.setup();
    render(<SettingsPage />);
    const field = (await screen.findByLabelText('Skip files larger than (MB)')) as HTMLInputElement;
    expect(field.value).toBe('5');
    await user.clear(field);
    await user.type(field, '20{Enter}');
    expect(await screen.findByText('Size limit saved.')).toBeTruthy();
    expect(settingsSets()).toEqual([{ leakScanMaxFileMb: 20 }]);
    expect(field.value).toBe('20');
  });

  it('bad input: a clear message, aria-invalid, and nothing is saved', async () => {
    serveSettings();
    const user = userEvent.setup();
    render(<SettingsPage />);
    const field = (await screen.findByLabelText('Skip files larger than (MB)')) as HTMLInputElement;
    await user.clear(field);
    await user.type(field, '2.5');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Enter the size limit as a whole number of MB, from 1 to 1024.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.clear(field);
    await user.type(field, '0{Enter}');
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(settingsSets()).toEqual([]);
    // Fixing it clears the message and saves.
    await user.clear(field);
    await user.type(field, '8{Enter}');
    expect(await screen.findByText('Size limit saved.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(settingsSets()).toEqual([{ leakScanMaxFileMb: 8 }]);
  });
});
