// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, deferred, dialog, nameInput, Refusal, setup, teardown, tokenView, VALUE } from './harness';
import type { Responder } from './harness';

afterEach(teardown);

/** Walk to the overview with a name and one module. */
async function toOverview(responders: Record<string, Responder>) {
  const t = await setup(responders);
  await t.open();
  await t.user.type(nameInput(), 'CI robot');
  await t.user.click(button('Next'));
  await t.user.click(await screen.findByLabelText('Access Management'));
  await t.user.click(button('Next'));
  await screen.findByRole('heading', { name: '3. Overview' });
  return t;
}

const created = (over: Partial<{ stored: boolean; keychainError: string }> = {}) => ({
  token: tokenView({ hasValue: over.stored ?? true }),
  value: VALUE,
  stored: true,
  ...over,
});

describe('Add: in flight, API field errors', () => {
  it('sends the create once, with Add disabled while it is in flight, then shows the summary', async () => {
    const answer = deferred<unknown>();
    const t = await toOverview({ 'tokens.create': () => answer.promise });
    await t.user.click(button('Add'));
    expect(button('Adding…').disabled).toBe(true);
    expect(button('Cancel').disabled).toBe(true);
    fireEvent.submit(button('Adding…').closest('form')!);
    await t.user.keyboard('{Escape}');
    expect(t.countCalls('tokens.create')).toBe(1);
    expect(t.calls.find((c) => c.channel === 'tokens.create')!.input).toEqual({ name: 'CI robot', description: '', moduleIds: ['MOD-1756'], connectionId: 'c1' });
    expect(t.bridge.getState().open).toBe(true);

    await act(async () => answer.resolve(created()));
    expect(await screen.findByRole('heading', { name: '4. Summary' })).toBeTruthy();
    expect((screen.getByLabelText('Token value') as HTMLTextAreaElement).value).toBe(VALUE);
    expect(screen.getByText("Stored in this computer's keychain — you can copy it again later from the token list.")).toBeTruthy();
    // The token table learns about the new token at once.
    expect(t.tokensStore.getState().tokens.map((x) => x.id)).toContain('TKN-1111-2222');
  });

  it('an API field error on modules takes the user back to the Modules step, at the field', async () => {
    const t = await toOverview({
      'tokens.create': () => {
        throw new Refusal({ code: 'validation', status: 400, message: 'One or more validation errors occurred.', fields: { modules: ['Module MOD-1756 is not available for Client accounts.'] } });
      },
    });
    await t.user.click(button('Add'));
    await screen.findByRole('heading', { name: '2. Modules' });
    // Shown at the field (and as the reason next to Next).
    const error = screen.getAllByText('Module MOD-1756 is not available for Client accounts.').find((el) => el.id)!;
    expect(error.className).toBe('field-error');
    const first = screen.getByLabelText('Access Management') as HTMLInputElement;
    expect(first.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(button('Next').disabled).toBe(true);
    // Changing the selection clears the API's complaint.
    await t.user.click(screen.getByLabelText('Marketplace'));
    expect(screen.queryByText('Module MOD-1756 is not available for Client accounts.')).toBeNull();
    expect(button('Next').disabled).toBe(false);
  });

  it('an API field error on the name takes the user back to General, name focused and marked invalid', async () => {
    const t = await toOverview({
      'tokens.create': () => {
        throw new Refusal({ code: 'validation', status: 400, message: 'Bad', fields: { Name: ['The name is already used by a token of this account.'] } });
      },
    });
    await t.user.click(button('Add'));
    await screen.findByRole('heading', { name: '1. General' });
    await waitFor(() => expect(document.activeElement).toBe(nameInput()));
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    const describedBy = nameInput().getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain('The name is already used');
  });

  it('any other error stays on the overview with its message and Add enabled again', async () => {
    const t = await toOverview({
      'tokens.create': () => {
        throw new Refusal({ code: 'forbidden', status: 403, message: 'This API token is not allowed to do that.' });
      },
    });
    await t.user.click(button('Add'));
    expect(await screen.findByText('This API token is not allowed to do that.')).toBeTruthy();
    expect(button('Add').disabled).toBe(false);
  });
});

describe('a lost answer: look before trying again', () => {
  it('looks for the token by name, shows what it found, and only then enables Try again', async () => {
    const search = deferred<unknown>();
    const found = tokenView({ id: 'TKN-5555-6666', name: 'CI robot', hasValue: false, audit: { created: { at: new Date(2026, 10, 24, 21, 7).toISOString() } } });
    const t = await toOverview({
      'tokens.create': () => {
        throw new Refusal({ code: 'offline', message: 'The answer to the create request was lost.' });
      },
      'tokens.findRecent': () => search.promise,
    });
    await t.user.click(button('Add'));
    expect(await screen.findByText(/The answer was lost/)).toBeTruthy();
    expect(button('Try again').disabled).toBe(true);
    expect(t.calls.find((c) => c.channel === 'tokens.findRecent')!.input).toEqual({ name: 'CI robot', withinMinutes: 15, connectionId: 'c1' });

    await act(async () => search.resolve({ tokens: [found] }));
    expect(await screen.findByText(/A token named “CI robot” was created at 21:07 \(TKN-5555-6666\)/)).toBeTruthy();
    expect(screen.getByText(/Its value cannot be recovered/)).toBeTruthy();
    expect(button('Try again').disabled).toBe(false);
    expect(t.countCalls('tokens.create')).toBe(1);

    await t.user.click(button('View TKN-5555-6666'));
    expect(t.bridge.getState().open).toBe(false);
    expect(window.location.pathname).toBe('/tokens/TKN-5555-6666');
  });

  it('says it is safe to try again when nothing was found; Try again sends a second create', async () => {
    let n = 0;
    const t = await toOverview({
      'tokens.create': () => {
        if (n++ === 0) throw new Refusal({ code: 'timeout', message: 'lost' });
        return created();
      },
      'tokens.findRecent': () => ({ tokens: [] }),
    });
    await t.user.click(button('Add'));
    expect(await screen.findByText(/No token named “CI robot” was created in the last 15 minutes/)).toBeTruthy();
    await t.user.click(button('Try again'));
    expect(await screen.findByRole('heading', { name: '4. Summary' })).toBeTruthy();
    expect(t.countCalls('tokens.create')).toBe(2);
  });
});

describe('closing', () => {
  it('with input, Escape / × / Cancel ask "Discard this new token?" first', async () => {
    const t = await setup();
    await t.open();
    await t.user.type(nameInput(), 'half done');
    await t.user.keyboard('{Escape}');
    const confirm = screen.getByRole('alertdialog', { name: 'Discard this new token?' });
    expect(confirm).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(button('Keep editing')));
    await t.user.click(button('Keep editing'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(nameInput().value).toBe('half done');

    await t.user.click(button('Close the wizard'));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await t.user.keyboard('{Escape}'); // Escape on the question keeps editing
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(t.bridge.getState().open).toBe(true);

    await t.user.click(button('Cancel'));
    await t.user.click(button('Discard'));
    expect(t.bridge.getState().open).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('without input, Escape closes at once', async () => {
    const t = await setup();
    await t.open();
    await t.user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(t.bridge.getState().open).toBe(false);
  });

  it('keeps Tab inside the dialog', async () => {
    const t = await setup();
    await t.open();
    await t.user.type(nameInput(), 'x');
    const next = button('Next');
    next.focus();
    await t.user.tab();
    expect(dialog().contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(button('Close the wizard'));
    await t.user.tab({ shift: true });
    expect(document.activeElement).toBe(next);
  });
});

describe('summary', () => {
  it('when the keychain could not store the value: a loud alert, the value kept, Close locked until "I have copied the value"', async () => {
    const t = await toOverview({ 'tokens.create': () => created({ stored: false, keychainError: 'The keychain is locked.' }) });
    await t.user.click(button('Add'));
    await screen.findByRole('heading', { name: '4. Summary' });
    const alert = screen.getAllByRole('alert').find((a) => /could NOT be stored/.test(a.textContent ?? ''));
    expect(alert?.textContent).toContain('The keychain is locked.');
    expect((screen.getByLabelText('Token value') as HTMLTextAreaElement).value).toBe(VALUE);
    expect(screen.queryByText(/Stored in this computer's keychain/)).toBeNull();
    expect(button('Close').disabled).toBe(true);
    expect(button('View details').disabled).toBe(true);
    await t.user.keyboard('{Escape}');
    await t.user.click(button('Close the wizard'));
    expect(t.bridge.getState().open).toBe(true);
    expect((screen.getByLabelText('Token value') as HTMLTextAreaElement).value).toBe(VALUE);

    await t.user.click(screen.getByLabelText('I have copied the value'));
    expect(button('Close').disabled).toBe(false);
    await t.user.click(button('Close'));
    expect(t.bridge.getState().open).toBe(false);
    // Main kept the value in memory for Copy: closing the summary tells it to forget it.
    expect(t.calls.filter((c) => c.channel === 'values.forgetUnsaved').map((c) => c.input)).toEqual([{ id: 'TKN-1111-2222', connectionId: 'c1' }]);
  });

  it('Copy goes through main (values.copy) when the value is stored', async () => {
    const t = await toOverview({ 'tokens.create': () => created(), 'values.copy': () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() }) });
    await t.user.click(button('Add'));
    await screen.findByRole('heading', { name: '4. Summary' });
    await t.user.click(button('Copy'));
    expect(await screen.findByText(/Copied — clipboard clears in \d+ s/)).toBeTruthy();
    expect(t.calls.find((c) => c.channel === 'values.copy')!.input).toEqual({ id: 'TKN-1111-2222', connectionId: 'c1' });
    // A stored value is the keychain's: nothing in main's memory to forget.
    await t.user.click(button('Close'));
    expect(t.bridge.getState().open).toBe(false);
    expect(t.countCalls('values.forgetUnsaved')).toBe(0);
  });

  it('Copy of a value the keychain could not store also goes through main; the page never writes the clipboard', async () => {
    const t = await toOverview({
      'tokens.create': () => created({ stored: false, keychainError: 'The keychain is locked.' }),
      'values.copy': () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() }),
    });
    // user-event has put its clipboard stub on navigator by now: watch that one.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await t.user.click(button('Add'));
    await screen.findByRole('heading', { name: '4. Summary' });
    await t.user.click(button('Copy'));
    expect(await screen.findByText(/Copied — clipboard clears in \d+ s/)).toBeTruthy();
    expect(t.calls.filter((c) => c.channel === 'values.copy').map((c) => c.input)).toEqual([{ id: 'TKN-1111-2222', connectionId: 'c1' }]);
    expect(writeText).not.toHaveBeenCalled();
  });
});

describe('modal behaviour', () => {
  it('makes the app behind (#root) inert while open, and returns focus to the opener when closed', async () => {
    const app = document.createElement('div');
    app.id = 'root';
    app.innerHTML = '<button type="button">Add</button>';
    document.body.prepend(app);
    try {
      const t = await setup();
      const opener = app.querySelector('button')!;
      opener.focus();
      await t.open();
      expect(app.hasAttribute('inert')).toBe(true);
      expect(app.contains(dialog())).toBe(false);
      await t.user.keyboard('{Escape}');
      expect(t.bridge.getState().open).toBe(false);
      expect(app.hasAttribute('inert')).toBe(false);
      expect(document.activeElement).toBe(opener);
    } finally {
      app.remove();
    }
  });
});
