// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ICON_MAX_BYTES } from '../../../common/limits';
import { button, dialog, nameInput, PNG_BYTES, setup, teardown } from './harness';

afterEach(teardown);

const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('Add API token wizard: step 1, General', () => {
  it('opens labelled "Add API token", focuses the name, says nothing before the user works on it, then the reason at the field', async () => {
    const t = await setup();
    await t.open();
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Add API token' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(nameInput()));

    // Untouched: no "Enter a name." anywhere, Next enabled.
    expect(screen.queryByText('Enter a name.')).toBeNull();
    expect(button('Next').disabled).toBe(false);
    // Leaving the empty field shows it, at the field and as Next's reason.
    await t.user.tab();
    expect(describedText(nameInput())).toContain('Enter a name.');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(button('Next').disabled).toBe(true);
    expect(describedText(button('Next'))).toContain('Enter a name.');

    await t.user.type(nameInput(), '   ');
    expect(button('Next').disabled).toBe(true);

    await t.user.type(nameInput(), 'CI robot');
    expect(button('Next').disabled).toBe(false);
    expect(describedText(nameInput())).not.toContain('Enter a name.');
  });

  it('enforces the name and description limits with a counter, and Enter moves on only when valid', async () => {
    const t = await setup();
    await t.open();
    fireEvent.change(nameInput(), { target: { value: 'x'.repeat(101) } });
    expect(button('Next').disabled).toBe(true);
    expect(describedText(nameInput())).toMatch(/at most 100 characters/);
    expect(describedText(nameInput())).toContain('101 / 100');

    fireEvent.change(nameInput(), { target: { value: `  ${'x'.repeat(100)}  ` } }); // trimmed: 100 is fine
    expect(button('Next').disabled).toBe(false);

    const description = screen.getByLabelText(/^Description/) as HTMLTextAreaElement;
    fireEvent.change(description, { target: { value: 'd'.repeat(1001) } });
    expect(button('Next').disabled).toBe(true);
    expect(describedText(description)).toMatch(/at most 1000 characters/);
    fireEvent.change(description, { target: { value: 'd'.repeat(1000) } });
    expect(button('Next').disabled).toBe(false);

    nameInput().focus();
    await t.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { name: '2. Modules' })).toBeTruthy());
  });

  it('refuses a logo of another type or over 1 MB with the reason; previews and removes a good one', async () => {
    const t = await setup();
    await t.open();
    const picker = screen.getByLabelText('Logo file') as HTMLInputElement;

    await t.user.upload(picker, new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    expect(await screen.findByText(/“logo\.gif” is an image\/gif file\. The logo must be a PNG, JPEG or WebP image\./)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();

    const big = new Uint8Array(ICON_MAX_BYTES + 1);
    big.set(PNG_BYTES.subarray(0, 8));
    await t.user.upload(picker, new File([big], 'huge.png', { type: 'image/png' }));
    expect(await screen.findByText(/“huge\.png” is 1 MB\. The logo must be 1 MB or smaller\./)).toBeTruthy();

    await t.user.upload(picker, new File(['GIF89a pretending'], 'fake.png', { type: 'image/png' }));
    expect(await screen.findByText(/“fake\.png” is not a valid PNG, JPEG or WebP image/)).toBeTruthy();

    // A good PNG, dropped on the area: previewed, the refusal gone.
    fireEvent.drop(screen.getByTestId('logo-drop'), { dataTransfer: { files: [new File([PNG_BYTES], 'good.png', { type: 'image/png' })] } });
    const img = (await screen.findByRole('img', { name: 'Logo preview: good.png' })) as HTMLImageElement;
    expect(img.src.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    expect(screen.queryByText(/must be/)).toBeNull();

    await t.user.click(button('Remove logo'));
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('step 2, Modules', () => {
  async function toModules(responders = {}) {
    const t = await setup(responders);
    await t.open();
    await t.user.type(nameInput(), 'CI robot');
    await t.user.click(button('Next'));
    await screen.findByRole('heading', { name: '2. Modules' });
    await screen.findByLabelText('Access Management');
    return t;
  }

  it('lists names and descriptions; needs at least one; select all (shown) follows the search', async () => {
    const t = await toModules();
    const access = screen.getByLabelText('Access Management') as HTMLInputElement;
    expect(describedText(access)).toContain('Manage the access to your account');
    // Nothing said before the user works on the step; Next shows what is missing.
    expect(screen.queryByText('Choose at least one module.')).toBeNull();
    await t.user.click(button('Next'));
    expect(screen.getByRole('heading', { name: '2. Modules' })).toBeTruthy();
    expect(button('Next').disabled).toBe(true);
    expect(screen.getAllByText('Choose at least one module.').length).toBeGreaterThan(0);

    await t.user.click(screen.getByLabelText('Select all (3)'));
    expect(screen.getByText('3 selected')).toBeTruthy();
    expect(button('Next').disabled).toBe(false);

    await t.user.type(screen.getByLabelText('Search modules'), 'bill');
    expect(screen.queryByLabelText('Access Management')).toBeNull();
    const shownAll = screen.getByLabelText('Select all shown (1)') as HTMLInputElement;
    expect(shownAll.checked).toBe(true);
    await t.user.click(shownAll); // deselects only the shown (Billing)
    expect(screen.getByText('2 selected')).toBeTruthy();
    await t.user.clear(screen.getByLabelText('Search modules'));
    expect((screen.getByLabelText('Billing') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Marketplace') as HTMLInputElement).checked).toBe(true);

    await t.user.click(screen.getByLabelText('Access Management'));
    await t.user.click(screen.getByLabelText('Marketplace'));
    expect(button('Next').disabled).toBe(true);
  });

  it('says the list may be partial when it is derived', async () => {
    await toModules({ 'tokens.modules': () => ({ modules: [{ id: 'MOD-1756', name: 'Access Management' }], source: 'derived', partial: true }) });
    expect(screen.getByText(/This list may be partial: your account cannot read the full module catalogue/)).toBeTruthy();
  });

  it('the partial note is absent for the full catalogue', async () => {
    await toModules();
    expect(screen.queryByText(/This list may be partial/)).toBeNull();
  });
});

describe('step 3, Overview', () => {
  it('shows everything, and each Edit link goes back to its step with the input kept', async () => {
    const t = await setup();
    await t.open();
    await t.user.type(nameInput(), 'CI robot');
    await t.user.type(screen.getByLabelText(/^Description/), 'for the pipeline');
    await t.user.click(button('Next'));
    await t.user.click(await screen.findByLabelText('Marketplace'));
    await t.user.click(button('Next'));
    await screen.findByRole('heading', { name: '3. Overview' });
    const overview = within(dialog());
    expect(overview.getByText('CI robot')).toBeTruthy();
    expect(overview.getByText('for the pipeline')).toBeTruthy();
    expect(overview.getByText('Marketplace')).toBeTruthy();

    await t.user.click(button('Edit modules'));
    const modulesHeading = await screen.findByRole('heading', { name: '2. Modules' });
    await waitFor(() => expect(document.activeElement).toBe(modulesHeading));
    expect((screen.getByLabelText('Marketplace') as HTMLInputElement).checked).toBe(true);

    await t.user.click(button('Next'));
    await t.user.click(await screen.findByRole('button', { name: 'Edit general details' }));
    await screen.findByRole('heading', { name: '1. General' });
    expect(nameInput().value).toBe('CI robot');
  });
});
