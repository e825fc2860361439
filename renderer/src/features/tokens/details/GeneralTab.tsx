import type { TokenView } from '../../../../../common/contract';
import { useConnectionsStore } from '../../connections/connections-store';
import { CopyButton } from '../../../ui/CopyButton';
import { NoValue, ValueField } from './ValueField';

/** The token's REST address on the active connection. */
export function apiEndpoint(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/public/v1/accounts/api-tokens/${id}`;
}

/** Description, API endpoint and the stored value (or how to add it). */
export function GeneralTab({ token }: { token: TokenView }) {
  const connection = useConnectionsStore((s) => s.active());
  const endpoint = connection ? apiEndpoint(connection.baseUrl, token.id) : null;
  return (
    <div className="tab-general">
      <h2 className="section-title">Description</h2>
      <p>{token.description ? token.description : <span className="muted">No description.</span>}</p>
      <h2 className="section-title">API endpoint</h2>
      {endpoint ? (
        <p className="endpoint">
          <code>{endpoint}</code> <CopyButton text={endpoint} label="Copy API endpoint" />
        </p>
      ) : (
        <p className="muted">The endpoint is shown once the connection is known.</p>
      )}
      <h2 className="section-title">Token value</h2>
      {token.hasValue ? <ValueField token={token} /> : <NoValue token={token} />}
    </div>
  );
}
