/** Findings grouped the way an administrator acts on them: live first, then leftovers, then unknown. */
import type { LeakFinding } from '../../../../common/leaks';
import { FindingCard, type FindingActions } from './FindingCard';

const GROUPS: { key: LeakFinding['group']; title: string }[] = [
  { key: 'live', title: 'Live' },
  { key: 'disabledOrDeleted', title: 'Disabled or deleted' },
  { key: 'unknown', title: 'Unknown' },
];

export function FindingGroups({ findings, actions }: { findings: LeakFinding[]; actions: FindingActions }) {
  return (
    <>
      {GROUPS.map(({ key, title }) => {
        const inGroup = findings.filter((f) => f.group === key);
        if (inGroup.length === 0) return null;
        return (
          <section key={key} className="leak-group" aria-label={title}>
            <h3>
              {title} ({inGroup.length})
            </h3>
            <ul className="leak-findings">
              {inGroup.map((f) => (
                <FindingCard key={f.fingerprint} finding={f} actions={actions} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
