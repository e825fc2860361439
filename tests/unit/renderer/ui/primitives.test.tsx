// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Badge } from '../../../../renderer/src/ui/Badge';
import { Button } from '../../../../renderer/src/ui/Button';
import { EmptyState } from '../../../../renderer/src/ui/EmptyState';
import { IconButton } from '../../../../renderer/src/ui/IconButton';
import { CopyIcon } from '../../../../renderer/src/ui/icons';
import { Page } from '../../../../renderer/src/ui/Page';
import { PageHeader } from '../../../../renderer/src/ui/PageHeader';

afterEach(cleanup);

describe('Button', () => {
  it.each([
    ['primary', 'btn-primary'],
    ['secondary', 'btn-secondary'],
    ['quiet', 'btn-quiet'],
    ['danger', 'btn-danger'],
    ['ghost', 'btn-quiet'],
  ] as const)('variant %s draws as %s', (variant, cls) => {
    render(<Button variant={variant}>Go</Button>);
    const button = screen.getByRole('button', { name: 'Go' });
    expect(button.classList).toContain('btn');
    expect(button.classList).toContain(cls);
  });

  it('is secondary and type=button unless told otherwise, so it never submits a form by accident', () => {
    const onSubmit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => onSubmit(e.nativeEvent)}>
        <Button>Plain</Button>
        <Button type="submit" size="small">
          Send
        </Button>
      </form>,
    );
    const plain = screen.getByRole('button', { name: 'Plain' });
    expect(plain.getAttribute('type')).toBe('button');
    expect(plain.classList).toContain('btn-secondary');
    plain.click();
    expect(onSubmit).not.toHaveBeenCalled();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send.classList).toContain('btn-small');
    send.click();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('IconButton', () => {
  it('is named by its label, not by its icon', () => {
    render(<IconButton label="Copy value of Robot" icon={<CopyIcon />} />);
    const button = screen.getByRole('button', { name: 'Copy value of Robot' });
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(button.textContent).toBe('');
  });

  it('refuses to render without a name', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<IconButton label="  " icon={<CopyIcon />} />)).toThrow(/needs a label/);
    vi.restoreAllMocks();
  });

  it('shows its tooltip on keyboard focus and hides it on Escape', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Before</button>
        <IconButton label="Copy value of Robot" tooltip="Copy value" icon={<CopyIcon />} />
      </>,
    );
    expect(screen.queryByRole('tooltip')).toBeNull();
    screen.getByRole('button', { name: 'Before' }).focus();
    await user.tab();
    const button = screen.getByRole('button', { name: 'Copy value of Robot' });
    expect(document.activeElement).toBe(button);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toBe('Copy value');
    // The accessible name stays the full label while the tooltip shows.
    expect(screen.getByRole('button', { name: 'Copy value of Robot' })).toBe(button);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });

  it('uses its label as the tooltip when no other is given, and runs its action on click', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(<IconButton label="Refresh" icon={<CopyIcon />} onClick={onClick} />);
    await user.tab();
    expect((await screen.findByRole('tooltip')).textContent).toBe('Refresh');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('puts its tooltip inside an open dialog, above which nothing portalled to <body> would show', async () => {
    const user = userEvent.setup();
    render(
      <dialog open>
        <IconButton label="Copy ID" icon={<CopyIcon />} />
      </dialog>,
    );
    await user.tab();
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.closest('dialog')).not.toBeNull();
  });
});

describe('Badge', () => {
  it.each(['neutral', 'info', 'success', 'warning', 'danger'] as const)('tone %s has its class and keeps its text', (tone) => {
    render(<Badge tone={tone}>Signs in this connection</Badge>);
    const badge = screen.getByText('Signs in this connection');
    expect(badge.className).toBe(`badge badge-${tone}`);
  });

  it('is neutral by default', () => {
    render(<Badge>Plain</Badge>);
    expect(screen.getByText('Plain').classList).toContain('badge-neutral');
  });
});

describe('PageHeader and Page', () => {
  it('names the page by its title, with the subtitle and actions in the header', () => {
    render(
      <Page title="Settings" subtitle="How Token Desk behaves on this computer." actions={<Button>Reset</Button>}>
        <p>Body</p>
      </Page>,
    );
    const page = screen.getByRole('region', { name: 'Settings' });
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(page.textContent).toContain('How Token Desk behaves on this computer.');
    expect(page.querySelector('.page-actions')?.textContent).toBe('Reset');
  });

  it('leaves out the subtitle and actions when not given; a heading ref makes the title focusable', () => {
    const ref = { current: null as HTMLHeadingElement | null };
    const { container } = render(<PageHeader title="Robot" id="t" headingRef={ref} />);
    expect(container.querySelector('.page-subtitle')).toBeNull();
    expect(container.querySelector('.page-actions')).toBeNull();
    expect(ref.current?.id).toBe('t');
    expect(ref.current?.tabIndex).toBe(-1);
  });
});

describe('EmptyState', () => {
  it('says what is missing, why, and offers the next step', async () => {
    const user = userEvent.setup();
    const next = vi.fn();
    render(
      <EmptyState
        title="No connections yet"
        action={
          <Button variant="primary" onClick={next}>
            Try the sandbox
          </Button>
        }
      >
        A connection is one Marketplace account.
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'No connections yet' })).toBeTruthy();
    expect(screen.getByText('A connection is one Marketplace account.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try the sandbox' }));
    expect(next).toHaveBeenCalled();
  });
});
