/**
 * The counts at the top: tokens by status and what needs attention, then — when more than one
 * connection is counted — the same per connection, each with how old its saved list is.
 */
import type { Overview } from '../../../../common/overview';
import { formatDateTime } from '../../ui/format';

const number = new Intl.NumberFormat();

export function StatusCounts({ overview }: { overview: Overview }) {
  const tiles = [
    { key: 'tokens', label: 'Tokens', value: overview.tokens },
    { key: 'active', label: 'Active', value: overview.byStatus.Active },
    { key: 'disabled', label: 'Disabled', value: overview.byStatus.Disabled },
    ...(overview.byStatus.Deleted > 0 ? [{ key: 'deleted', label: 'Deleted', value: overview.byStatus.Deleted }] : []),
    { key: 'attention', label: 'Need attention', value: overview.attention.total },
  ];
  return (
    <section className="overview-counts" aria-labelledby="overview-counts-title">
      <h2 id="overview-counts-title" className="visually-hidden">
        Counts
      </h2>
      <dl className="count-tiles">
        {tiles.map((t) => (
          <div key={t.key} className={`count-tile count-${t.key}`} data-testid={`count-${t.key}`}>
            <dt>{t.label}</dt>
            <dd>{number.format(t.value)}</dd>
          </div>
        ))}
      </dl>
      {overview.connections.length > 1 && (
        <div className="overview-panel">
          <h2 className="overview-panel-title">By connection</h2>
          <table className="chart-table by-connection">
            <thead>
              <tr>
                <th scope="col">Connection</th>
                <th scope="col" className="num">
                  Tokens
                </th>
                <th scope="col" className="num">
                  Active
                </th>
                <th scope="col" className="num">
                  Disabled
                </th>
                <th scope="col" className="num">
                  Need attention
                </th>
                <th scope="col">List saved</th>
              </tr>
            </thead>
            <tbody>
              {overview.connections.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{number.format(c.tokens)}</td>
                  <td className="num">{number.format(c.byStatus.Active)}</td>
                  <td className="num">{number.format(c.byStatus.Disabled)}</td>
                  <td className="num">{number.format(c.attention)}</td>
                  <td>{c.fetchedAt ? formatDateTime(c.fetchedAt) : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
