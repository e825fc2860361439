/**
 * Connections, by job: input.ts (the form's checks), verify.ts (proving an admin token),
 * profiles.ts (where profiles are kept), service.ts (add, switch, rename, re-enter, remove),
 * restore.ts (the last connection on launch) and sandbox.ts ("Try the sandbox").
 */
export { ConnectionService, type AddConnectionInput, type ConnectionServiceDeps } from './service';
export { checkBaseUrl, checkName, checkToken } from './input';
export { connectionProfileSchema, type ConnectionProfile } from '../../../common/contract';
export type { WhoAmI } from '../../../common/domain';
