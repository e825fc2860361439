/**
 * The leak scan's size limit: files larger than this are skipped (and counted as skipped). The
 * typed text is checked here with the setting's own rule (common/quick-access.ts) and saved on
 * Enter or when the field is left; a bad entry says what is wanted and saves nothing.
 */
import { useEffect, useState } from 'react';
import { LEAK_SCAN_MAX_FILE_MB, parseLeakScanMaxFileMb } from '../../../../common/quick-access';

export function ScanLimitField({ value, onSave }: { value: number; onSave(mb: number): void }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // What main answered is what is in force: the field follows it after each save.
  useEffect(() => setText(String(value)), [value]);

  const commit = () => {
    const parsed = parseLeakScanMaxFileMb(text);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    if (parsed.mb !== value) onSave(parsed.mb);
  };

  return (
    <div className="field">
      <label htmlFor="leak-scan-max">Skip files larger than (MB)</label>
      <input
        id="leak-scan-max"
        className="settings-number"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby="leak-scan-max-hint"
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
      <p id="leak-scan-max-hint" className="field-hint">
        A folder scan on the Leak check page skips larger files (logs and dumps that size are rarely configuration). {LEAK_SCAN_MAX_FILE_MB.default} MB by default.
      </p>
    </div>
  );
}
