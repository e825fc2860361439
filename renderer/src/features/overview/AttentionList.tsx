/**
 * What needs attention, one group per finding the rules count (common/overview.ts), each item
 * with its one-click next step first (main says which steps the token's state allows) and the
 * others beside it. A group shows its first few items until asked for all.
 */
import { useState } from 'react';
import { FINDING_KINDS, FINDING_LABELS, type AttentionItem, type FindingKind, type NextStep, type Overview } from '../../../../common/overview';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { RelativeTime } from '../../ui/RelativeTime';
import { FINDING_WHY } from './model';
import { runStep } from './open-from-overview';

/** Items a group shows before "Show all". */
const FIRST_ITEMS = 3;

const number = new Intl.NumberFormat();

const STEP_LABEL: Readonly<Record<NextStep, string>> = {
  open: 'Open',
  disable: 'Disable…',
  rotate: 'Rotate…',
  delete: 'Delete…',
  openRotation: 'Open rotation',
};
const STEP_NAME: Readonly<Record<NextStep, string>> = {
  open: 'Open',
  disable: 'Disable',
  rotate: 'Rotate',
  delete: 'Delete',
  openRotation: 'Open the rotation of',
};

export function AttentionList({ overview }: { overview: Overview }) {
  const { attention } = overview;
  const names = new Map(overview.connections.map((c) => [c.id, c.name]));
  const several = overview.connections.length > 1;
  const kinds = FINDING_KINDS.filter((k) => (attention.counts[k] ?? 0) > 0);

  return (
    <section className="overview-panel attention" aria-labelledby="attention-title">
      <header className="attention-header">
        <h2 id="attention-title" className="overview-panel-title">
          Needs attention
        </h2>
        {attention.total > 0 && <Badge tone="warning">{number.format(attention.total)}</Badge>}
      </header>
      {kinds.length === 0 ? (
        <EmptyState level={3} title="Nothing needs attention">
          No token is unused, forgotten or holding more than it should, by the rules in Settings.
        </EmptyState>
      ) : (
        kinds.map((kind) => (
          <FindingGroup key={kind} kind={kind} count={attention.counts[kind] ?? 0} items={attention.items.filter((i) => i.kind === kind)} connectionName={several ? (id) => names.get(id) ?? id : undefined} />
        ))
      )}
    </section>
  );
}

function FindingGroup({ kind, count, items, connectionName }: { kind: FindingKind; count: number; items: AttentionItem[]; connectionName?: (id: string) => string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_ITEMS);
  const headingId = `finding-${kind}`;
  return (
    <section className="finding-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="finding-title">
        {FINDING_LABELS[kind]} <span className="finding-count">({number.format(count)})</span>
      </h3>
      <p className="finding-why">{FINDING_WHY[kind]}</p>
      <ul className="attention-items">
        {shown.map((item) => (
          <AttentionRow key={`${item.connectionId}:${item.tokenId}`} item={item} connectionName={connectionName} />
        ))}
      </ul>
      {items.length > FIRST_ITEMS && (
        <Button variant="quiet" size="small" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${number.format(items.length)}`}
        </Button>
      )}
      {all && count > items.length && <p className="muted small">The {number.format(items.length)} most urgent of {number.format(count)} are listed.</p>}
    </section>
  );
}

function fact(item: AttentionItem) {
  switch (item.kind) {
    case 'neverUsed':
      return (
        <>
          Never used · made <RelativeTime iso={item.since} never="at an unknown time" />
        </>
      );
    case 'disabledLong':
      return (
        <>
          Disabled · last changed <RelativeTime iso={item.since} never="at an unknown time" />
        </>
      );
    case 'rotationInUse':
      return (
        <>
          Old token last used <RelativeTime iso={item.lastAccessAt} never="never" />
        </>
      );
    default:
      return (
        <>
          Last used <RelativeTime iso={item.lastAccessAt} never="never" />
        </>
      );
  }
}

function AttentionRow({ item, connectionName }: { item: AttentionItem; connectionName?: (id: string) => string }) {
  const [first, ...rest] = item.steps;
  return (
    <li className="attention-item" data-token-id={item.tokenId}>
      <div className="attention-what">
        <span className="attention-name">{item.name}</span>
        <span className="attention-meta muted">
          <span className="attention-id">{item.tokenId}</span>
          {connectionName && <span> · {connectionName(item.connectionId)}</span>}
          <span> · {fact(item)}</span>
        </span>
      </div>
      <div className="attention-steps">
        {[first!, ...rest].map((step, i) => (
          <Button
            key={step}
            size="small"
            variant={i === 0 ? 'secondary' : 'quiet'}
            aria-label={`${STEP_NAME[step]} “${item.name}”`}
            onClick={() => void runStep(item, step)}
          >
            {STEP_LABEL[step]}
          </Button>
        ))}
      </div>
    </li>
  );
}
