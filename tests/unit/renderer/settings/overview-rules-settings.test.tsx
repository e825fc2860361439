// @vitest-environment jsdom
/** The Overview's rules on the Settings page: whole days saved, bad days refused with a reason, findings ticked on and off. */
import { fakeDesk, serveSettings, settingsSets } from '../fake-desk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FINDING_KINDS } from '../../../../common/overview';
import { SettingsPage } from '../../../../renderer/src/features/settings/SettingsPage';

afterEach(() => {
  cleanup();
  fakeDesk.reset();
});

const DAYS = 'A token is stale after (days without use)';

describe('the Overview rules in Settings', () => {
  it('shows 90 days by default and saves new whole days on Enter', async () => {
    serveSettings();
    const user = userEvent.setup();
    render(<SettingsPage />);
    const field = (await screen.findByLabelText(DAYS)) as HTMLInputElement;
    expect(field.value).toBe('90');
    await user.clear(field);
    await user.type(field, '60{Enter}');
    expect(await screen.findByText('Overview rules saved.')).toBeTruthy();
    expect(settingsSets()).toEqual([{ overviewRules: { staleDays: 60, findings: [...FINDING_KINDS] } }]);
  });

  it('refuses days out of range or not whole, saying why, and saves nothing', async () => {
    serveSettings();
    const user = userEvent.setup();
    render(<SettingsPage />);
    const field = (await screen.findByLabelText(DAYS)) as HTMLInputElement;
    for (const bad of ['3', '2.5', 'soon', '9999']) {
      await user.clear(field);
      await user.type(field, `${bad}{Enter}`);
      expect((await screen.findByRole('alert')).textContent).toBe('Enter whole days, from 7 to 730.');
      expect(field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(settingsSets()).toEqual([]);
  });

  it('saves the findings that count as they are ticked, in the list’s order', async () => {
    serveSettings();
    const user = userEvent.setup();
    render(<SettingsPage />);
    const box = await screen.findByRole('checkbox', { name: 'Holds every module' });
    expect((box as HTMLInputElement).checked).toBe(true);
    await user.click(box);
    await user.click(await screen.findByRole('checkbox', { name: 'Holds every module' }));
    expect(settingsSets()).toEqual([
      { overviewRules: { staleDays: 90, findings: FINDING_KINDS.filter((k) => k !== 'allModules') } },
      { overviewRules: { staleDays: 90, findings: [...FINDING_KINDS] } },
    ]);
  });
});
