import type { TokenView } from '../../../../../common/contract';
import { useConnectionsStore } from '../../connections/connections-store';
import { CopyButton } from '../../../ui/CopyButton';
import { NoValue, ValueField } from './ValueField';

/** The token's REST address on the active connection. */
export function apiEndpoint(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/public/v1/accounts/api-tokens/${id}`;
}

/** Description, the token's API URL and its value card (or how to add the value). */
export function GeneralTab({ token }: { token: TokenView }) {
  const connection = useConnectionsStore((s) => s.active());
  const endpoint = connection ? apiEndpoint(connection.baseUrl, token.id) : null;
  return (
    <div className="tab-general">
      <h2 className="section-title">Description</h2>
      <p>{token.description ? token.description : <span className="muted">No description.</span>}</p>
      <h2 className="section-title">API URL</h2>
      {endpoint ? (
        <p className="endpoint">
          <code>{endpoint}</code>
          <CopyButton text={endpoint} label="Copy API URL">
            Copy API URL
          </CopyButton>
        </p>
      ) : (
        <p className="muted">The API URL is shown once the connection is known.</p>
      )}
      <section className="value-card" aria-labelledby="value-card-title">
        <h2 className="section-title" id="value-card-title">
          Token value
        </h2>
        {token.hasValue ? <ValueField token={token} /> : <NoValue token={token} />}
      </section>
    </div>
  );
}
