// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Toasts } from '../../../renderer/src/ui/Toasts';
import { TOAST_DURATION, TOAST_MAX, toast, useToastStore } from '../../../renderer/src/ui/toast-store';

beforeEach(() => {
  vi.useFakeTimers();
  useToastStore.setState({ toasts: [] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('toast store', () => {
  it('keeps the newest few, each with the time its kind needs', () => {
    for (let i = 0; i < TOAST_MAX + 2; i++) toast({ level: 'info', message: `m${i}` });
    const { toasts } = useToastStore.getState();
    expect(toasts.map((t) => t.message)).toEqual(['m2', 'm3', 'm4', 'm5']);
    toast({ level: 'success', message: 'undoable', action: { label: 'Undo', run: () => undefined } });
    toast({ level: 'error', message: 'failed' });
    const last = useToastStore.getState().toasts.slice(-2);
    expect(last.map((t) => t.duration)).toEqual([TOAST_DURATION.withAction, TOAST_DURATION.error]);
    expect(useToastStore.getState().toasts[0]!.duration).toBe(TOAST_DURATION.plain);
  });
});

describe('Toasts', () => {
  it('announces in one polite region, then leaves after its time', () => {
    render(<Toasts />);
    const region = screen.getByRole('status', { name: 'Notifications' });
    expect(region.getAttribute('aria-live')).toBe('polite');
    act(() => void toast({ level: 'success', message: 'Saved “Billing”.' }));
    expect(region.textContent).toContain('Saved “Billing”.');
    act(() => vi.advanceTimersByTime(TOAST_DURATION.plain - 1));
    expect(region.textContent).toContain('Saved');
    act(() => vi.advanceTimersByTime(2));
    expect(region.textContent).not.toContain('Saved');
  });

  it('waits while hovered or focused, and its action runs once and closes it', () => {
    const undo = vi.fn();
    render(<Toasts />);
    const region = screen.getByRole('status', { name: 'Notifications' });
    act(() => void toast({ level: 'success', message: 'Disabled Billing', action: { label: 'Undo', name: 'Undo disabling Billing', run: undo } }));
    fireEvent.mouseEnter(region);
    act(() => vi.advanceTimersByTime(TOAST_DURATION.withAction * 3));
    const button = screen.getByRole('button', { name: 'Undo disabling Billing' });
    fireEvent.mouseLeave(region);
    fireEvent.focus(button);
    act(() => vi.advanceTimersByTime(TOAST_DURATION.withAction * 3));
    expect(screen.getByRole('button', { name: 'Undo disabling Billing' })).toBeTruthy();
    fireEvent.click(button);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(region.textContent).not.toContain('Disabled Billing');
  });

  it('F8 brings the keyboard to the newest toast; Escape there dismisses it', () => {
    render(<Toasts />);
    act(() => {
      toast({ level: 'info', message: 'first' });
      toast({ level: 'info', message: 'second' });
    });
    fireEvent.keyDown(window, { key: 'F8' });
    const focused = document.activeElement as HTMLElement;
    expect(focused.textContent).toContain('second');
    fireEvent.keyDown(focused, { key: 'Escape' });
    expect(useToastStore.getState().toasts.map((t) => t.message)).toEqual(['first']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(useToastStore.getState().toasts).toEqual([]);
  });
});
