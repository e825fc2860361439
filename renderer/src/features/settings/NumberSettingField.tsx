/**
 * A whole-number setting typed by the user: the text is checked with the setting's own parser
 * (in common/, where main checks it too) and saved on Enter or when the field is left; a bad entry
 * says what is wanted and saves nothing.
 */
import { useState, type ReactNode } from 'react';

export type NumberParse = { value: number } | { error: string };

export function NumberSettingField({
  id,
  label,
  hint,
  value,
  parse,
  onSave,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  value: number;
  parse(text: string): NumberParse;
  onSave(value: number): void;
}) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // What main answered is what is in force: the field follows it when it changes (after a save).
  // Adjusted while rendering, not in an effect: an effect run late after mount would put the
  // value back over what the user has begun to type.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }

  const commit = () => {
    const parsed = parse(text);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    if (parsed.value !== value) onSave(parsed.value);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="settings-number"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
