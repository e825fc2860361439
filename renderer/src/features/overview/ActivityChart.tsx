/**
 * The audit log over the last days (common/overview.ts AUDIT_DAYS): events per day by type,
 * from the saved logs, and the busiest actors. A day opens the audit log filtered to it; the
 * audit log is one connection's, so counting all connections it opens the active one's.
 */
import type { Overview } from '../../../../common/overview';
import { DayChart } from '../../ui/DayChart';
import { formatDateTime } from '../../ui/format';
import { dayText } from './model';
import { openAuditDay } from './open-from-overview';

const number = new Intl.NumberFormat();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ActivityChart({ overview, activeId, activeName }: { overview: Overview; activeId: string; activeName: string }) {
  const { audit } = overview;
  const series = audit.actions.map((a) => ({ key: a, label: capital(a) }));
  const days = audit.days.map((d) => ({ day: d.day, counts: audit.actions.map((a) => d.byAction[a] ?? 0) }));
  const byDay = new Map(audit.days.map((d) => [d.day, d]));
  const several = overview.connections.length > 1;
  const note = `${number.format(audit.total)} ${audit.total === 1 ? 'event' : 'events'} in the last ${audit.days.length} days${
    audit.asOf ? `, from the audit log saved ${formatDateTime(audit.asOf)}` : ''
  }. A day opens ${several ? `the audit log of ${activeName}` : 'the audit log'} for that day.`;

  const actors = (
    <div className="busiest-actors">
      <h3 className="overview-panel-title">Busiest actors</h3>
      {audit.actors.length === 0 ? (
        <p className="muted">Nobody changed a token in these days.</p>
      ) : (
        <ol className="actor-list">
          {audit.actors.map((a) => (
            <li key={a.id}>
              <span className="actor-name">{a.name}</span>
              <span className="muted actor-id">{a.id}</span>
              <span className="actor-count">
                {number.format(a.count)} {a.count === 1 ? 'event' : 'events'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );

  return (
    <DayChart
      title="Audit activity"
      note={note}
      series={series}
      days={days}
      unit="events"
      dayText={dayText}
      actionName={(day) => `Open the audit log${several ? ` of ${activeName}` : ''} for ${dayText(day)}`}
      onSelect={(day) => {
        const d = byDay.get(day);
        if (d) openAuditDay(activeId, d.from, d.to);
      }}
      footer={actors}
    />
  );
}
