/**
 * The Quick Access shortcut, recorded by pressing it: focus the field, press the keys, and the
 * shortcut shows in the platform's notation (Ctrl+Shift+Space, ⌘⇧Space) and is saved as Electron's
 * accelerator (common/shortcut.ts does both). Tab still moves on, Escape drops a half-pressed
 * combination, Backspace or Delete remove the shortcut.
 */
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { DEFAULT_QUICK_SHORTCUT } from '../../../../common/quick-access';
import { formatAccelerator, recordShortcut } from '../../../../common/shortcut';
import type { KeyPlatform } from '../../../../common/shortcut';
import { Button } from '../../ui/Button';

export interface ShortcutRecorderProps {
  /** The stored accelerator; '' is no shortcut. */
  value: string;
  platform: KeyPlatform;
  onChange(accelerator: string): void;
  /** Ids of what else describes the field (its status). */
  describedBy?: string;
  disabled?: boolean;
}

export function ShortcutRecorder({ value, platform, onChange, describedBy, disabled }: ShortcutRecorderProps) {
  const id = useId();
  const [pending, setPending] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const bare = !event.ctrlKey && !event.metaKey && !event.altKey;
    // The field must not trap the keyboard: Tab and Shift+Tab move on as anywhere else.
    if (bare && event.key === 'Tab') return;
    event.preventDefault();
    if (bare && !event.shiftKey && event.key === 'Escape') {
      setPending('');
      setProblem(null);
      return;
    }
    if (bare && !event.shiftKey && (event.key === 'Backspace' || event.key === 'Delete')) {
      setPending('');
      setProblem(null);
      if (value) onChange('');
      return;
    }
    const recorded = recordShortcut(event, platform);
    if (recorded.kind === 'pending') {
      setPending(recorded.shown);
      return;
    }
    setPending('');
    if (recorded.kind === 'done') {
      setProblem(null);
      if (recorded.accelerator !== value) onChange(recorded.accelerator);
    } else setProblem(recorded.message);
  };

  const shown = pending || formatAccelerator(value, platform);
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <div className="field shortcut-recorder">
      <label htmlFor={id}>Global shortcut</label>
      <div className="field-row">
        <input
          id={id}
          className="shortcut-input"
          readOnly
          disabled={disabled}
          value={shown}
          placeholder="None: press keys to set one"
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            // Every modifier let go before a key: nothing was recorded.
            if (pending && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) setPending('');
          }}
          onBlur={() => setPending('')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[problem ? problemId : '', hintId, describedBy ?? ''].filter(Boolean).join(' ')}
          spellCheck={false}
          autoComplete="off"
        />
        {value !== DEFAULT_QUICK_SHORTCUT && (
          <Button variant="quiet" disabled={disabled} onClick={() => onChange(DEFAULT_QUICK_SHORTCUT)}>
            Use {formatAccelerator(DEFAULT_QUICK_SHORTCUT, platform)}
          </Button>
        )}
        {value !== '' && (
          <Button variant="quiet" disabled={disabled} onClick={() => onChange('')}>
            No shortcut
          </Button>
        )}
      </div>
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p id={hintId} className="field-hint">
        Focus the field and press the keys you want, e.g. {formatAccelerator(DEFAULT_QUICK_SHORTCUT, platform)}. Backspace removes the shortcut.
      </p>
    </div>
  );
}
