/**
 * The Overview's rules (common/overview.ts): how many days without use make a token stale (and a
 * Disabled one left), and which findings the attention list, its counts and the digest include.
 * The days are checked with the rule's own schema and saved on Enter or when the field is left; a
 * bad entry says what is wanted and saves nothing. Each finding saves as it is ticked.
 */
import { useEffect, useState } from 'react';
import { FINDING_KINDS, FINDING_LABELS, overviewRulesSchema, type OverviewRules } from '../../../../common/overview';
import { DEFAULT_STALE_DAYS } from '../../../../common/last-access';

export function OverviewRulesFields({ value, onSave }: { value: OverviewRules; onSave(rules: OverviewRules): void }) {
  const [text, setText] = useState(String(value.staleDays));
  const [error, setError] = useState<string | null>(null);
  // What main answered is what is in force: the field follows it after each save.
  useEffect(() => setText(String(value.staleDays)), [value.staleDays]);

  const commit = () => {
    const parsed = overviewRulesSchema.shape.staleDays.safeParse(text.trim() === '' ? NaN : Number(text));
    if (!parsed.success) return setError(`${parsed.error.issues[0]?.message ?? 'Not a number of days.'} Enter whole days.`);
    setError(null);
    if (parsed.data !== value.staleDays) onSave({ ...value, staleDays: parsed.data });
  };

  const toggle = (kind: (typeof FINDING_KINDS)[number], on: boolean) => {
    // Kept in the list's own order, so the saved rules read the same however they were ticked.
    const findings = FINDING_KINDS.filter((k) => (k === kind ? on : value.findings.includes(k)));
    onSave({ ...value, findings });
  };

  return (
    <>
      <div className="field">
        <label htmlFor="stale-days">A token is stale after (days without use)</label>
        <input
          id="stale-days"
          className="settings-number"
          inputMode="numeric"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby="stale-days-hint"
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
        <p id="stale-days-hint" className="field-hint">
          Active tokens unused this long, and Disabled tokens left unchanged this long, need attention. {DEFAULT_STALE_DAYS} days by default.
        </p>
      </div>
      <div role="group" aria-labelledby="findings-label">
        <p id="findings-label" className="field-label">
          What needs attention on the Overview
        </p>
        {FINDING_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={value.findings.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
            {FINDING_LABELS[kind]}
          </label>
        ))}
      </div>
    </>
  );
}
