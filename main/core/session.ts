/**
 * The service a module needs when it calls the Marketplace for the active connection. Modules
 * depend on this interface, not on the composition root (services.ts), which implements it.
 */
import type { ConnectionProfile } from '../../common/contract';
import type { MarketplaceClient } from './api';

export interface ActiveSession {
  profile: ConnectionProfile;
  client: MarketplaceClient;
}

export interface Sessions {
  /** The active connection and an API client for it; `not_connected` when there is none. */
  session(): Promise<ActiveSession>;
}
