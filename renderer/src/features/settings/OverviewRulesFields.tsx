/**
 * The Overview's rules (common/overview.ts): how many days without use make a token stale (and a
 * Disabled one left), and which findings the attention list, its counts and the digest include.
 * The days are checked with the rule's own parser; each finding saves as it is ticked.
 */
import { FINDING_KINDS, FINDING_LABELS, parseStaleDays, type OverviewRules } from '../../../../common/overview';
import { DEFAULT_STALE_DAYS } from '../../../../common/last-access';
import { NumberSettingField } from './NumberSettingField';

export function OverviewRulesFields({ value, onSave }: { value: OverviewRules; onSave(rules: OverviewRules): void }) {
  const toggle = (kind: (typeof FINDING_KINDS)[number], on: boolean) => {
    // Kept in the list's own order, so the saved rules read the same however they were ticked.
    const findings = FINDING_KINDS.filter((k) => (k === kind ? on : value.findings.includes(k)));
    onSave({ ...value, findings });
  };

  return (
    <>
      <NumberSettingField
        id="stale-days"
        label="A token is stale after (days without use)"
        hint={`Active tokens unused this long, and Disabled tokens left unchanged this long, need attention. ${DEFAULT_STALE_DAYS} days by default.`}
        value={value.staleDays}
        parse={parseStaleDays}
        onSave={(staleDays) => onSave({ ...value, staleDays })}
      />
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
