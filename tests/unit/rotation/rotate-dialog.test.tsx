// @vitest-environment jsdom
/**
 * The rotation flow in the page: it says what will happen, sends each token's rotation to main
 * with the chosen plan (a date as a UTC instant), asks again after a failure, and lists the
 * outcome. Main's side is faked at the bridge.
 */
import { fakeDesk, FakeDeskError, makeToken } from '../renderer/fake-desk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RotateDialog } from '../../../renderer/src/features/rotation/RotateDialog';
import { useRotationStore } from '../../../renderer/src/features/rotation/rotation-store';
import { planInput } from '../../../renderer/src/features/rotation/plan-input';
import { DEFAULT_DRAFT } from '../../../renderer/src/features/rotation/PlanChoices';
import { showConnection } from '../../../renderer/src/desk';
import { DEADLINE_AFTER_QUIET } from '../../../common/rotation';
import { retireChoiceSchema } from '../../../common/rotation-schemas';

showConnection('conn-1');

afterEach(() => {
  cleanup();
  fakeDesk.reset();
  useRotationStore.setState({ rotating: null, plans: [] });
});

const replacement = (oldId: string, n: number) => ({
  token: { ...makeToken({ name: 'new' }), id: `TKN-9999-000${n}`, hasValue: true, replaces: oldId },
  stored: true,
  plan: {},
});

describe('RotateDialog', () => {
  it('one token: editable name, the quiet plan by default, sent to main', async () => {
    const user = userEvent.setup();
    const old = makeToken({ name: 'CI robot' });
    fakeDesk.handlers['rotation.rotate'] = (input: { oldId: string }) => replacement(input.oldId, 1);
    fakeDesk.handlers['rotation.list'] = () => ({ plans: [] });
    useRotationStore.getState().openRotate([old]);
    render(<RotateDialog />);
    expect(screen.getByRole('dialog', { name: 'Rotate CI robot' })).toBeTruthy();
    expect(screen.getByText(/keeps working until it has not been used for 6 h/)).toBeTruthy();
    const name = screen.getByLabelText('Name of the new token');
    await user.clear(name);
    await user.type(name, 'CI robot 2');
    await user.selectOptions(screen.getByLabelText('Quiet for'), '60000');
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    await screen.findByText(/1 of 1 rotated/);
    const sent = fakeDesk.calls.find((c) => c.channel === 'rotation.rotate')?.input;
    expect(sent).toMatchObject({ oldId: old.id, name: 'CI robot 2', retire: { kind: 'quiet', quietMs: 60_000, deadlineMs: 7 * 86_400_000, regardless: false }, action: { kind: 'disable' } });
    expect(screen.getByText(/replaced by/)).toBeTruthy();
  });

  it('several tokens: each rotated once, a failed one asked again, names kept', async () => {
    const user = userEvent.setup();
    const olds = [makeToken(), makeToken(), makeToken()];
    let failures = 1;
    fakeDesk.handlers['rotation.rotate'] = (input: { oldId: string }) => {
      if (input.oldId === olds[1]!.id && failures-- > 0) throw new FakeDeskError({ code: 'server', message: 'Service unavailable.' });
      return replacement(input.oldId, olds.findIndex((o) => o.id === input.oldId));
    };
    fakeDesk.handlers['rotation.list'] = () => ({ plans: [] });
    useRotationStore.getState().openRotate(olds);
    render(<RotateDialog />);
    expect(screen.queryByLabelText('Name of the new token')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Rotate 3 tokens' }));
    await screen.findByText(/3 of 3 rotated/);
    const sent = fakeDesk.calls.filter((c) => c.channel === 'rotation.rotate').map((c) => c.input as { oldId: string; name?: string });
    expect(sent).toHaveLength(4);
    expect(sent.every((s) => s.name === undefined)).toBe(true);
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Close' }).every((b) => !(b as HTMLButtonElement).disabled)).toBe(true));
  });

  it('"quiet for 1 minute, deadline in 10 minutes" is offered; a deadline within the quiet time is never shown or sent', async () => {
    const user = userEvent.setup();
    const old = makeToken({ name: 'CI robot' });
    fakeDesk.handlers['rotation.rotate'] = (input: { oldId: string }) => replacement(input.oldId, 1);
    fakeDesk.handlers['rotation.list'] = () => ({ plans: [] });
    useRotationStore.getState().openRotate([old]);
    render(<RotateDialog />);
    const deadline = screen.getByLabelText('Deadline') as HTMLSelectElement;
    const offered = () => [...deadline.options].map((o) => o.textContent);
    // The default quiet time is 6 hours: no deadline as short as that or shorter.
    expect(offered()).toEqual(['24 hours', '3 days', '7 days']);
    await user.selectOptions(screen.getByLabelText('Quiet for'), '60000');
    expect(offered()).toEqual(['10 minutes', '1 hour', '6 hours', '24 hours', '3 days', '7 days']);
    await user.selectOptions(deadline, '600000');
    expect(screen.getByText(/not been used for 1 min, then it is disabled; in 10 min at the latest/)).toBeTruthy();
    // A longer quiet time carries the deadline past it.
    await user.selectOptions(screen.getByLabelText('Quiet for'), String(3_600_000));
    expect(deadline.value).toBe(String(6 * 3_600_000));
    await user.selectOptions(screen.getByLabelText('Quiet for'), '60000');
    await user.selectOptions(deadline, '600000');
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    await screen.findByText(/1 of 1 rotated/);
    const sent = fakeDesk.calls.find((c) => c.channel === 'rotation.rotate')?.input;
    expect(sent).toMatchObject({ retire: { kind: 'quiet', quietMs: 60_000, deadlineMs: 600_000 } });
  });

  it('main refuses a deadline within the quiet time, with the sentence', () => {
    const bad = retireChoiceSchema.safeParse({ kind: 'quiet', quietMs: 3_600_000, deadlineMs: 600_000 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['deadlineMs'], message: DEADLINE_AFTER_QUIET });
    expect(retireChoiceSchema.safeParse({ kind: 'quiet', quietMs: 60_000, deadlineMs: 600_000 }).success).toBe(true);
  });

  it('a date is the local time sent as UTC; a past or missing date is refused before anything is sent', () => {
    const now = Date.parse('2026-03-07T12:00:00Z');
    expect(planInput({ ...DEFAULT_DRAFT, when: 'date', date: '' }, now)).toEqual({ dateError: 'Choose the date and time to retire the old token.' });
    expect(planInput({ ...DEFAULT_DRAFT, when: 'date', date: '2020-01-01T10:00' }, now)).toEqual({ dateError: 'Choose a moment in the future.' });
    const ok = planInput({ ...DEFAULT_DRAFT, when: 'date', date: '2026-03-09T10:00' }, now);
    expect(ok).toMatchObject({ retire: { kind: 'date', at: new Date('2026-03-09T10:00').toISOString() } });
  });
});
