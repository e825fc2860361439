/**
 * Bearer authentication with the sandbox's own API tokens. The value is hashed (SHA-256) and
 * looked up; the plaintext is never stored. Every failure is the same 401 so callers cannot
 * probe which tokens exist (the exact real body is INFERRED; §8 says it may even be empty).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiProblem } from './problem';
import { sha256 } from './sample-data';
import type { Caller, SandboxStore } from './store';

const VALUE = /^idt:TKN-\d{4}-\d{4}:[A-Za-z0-9]+$/;

export function authenticate(store: SandboxStore, headers: IncomingHttpHeaders, now: string): Caller {
  const header = headers.authorization;
  if (!header) throw unauthorized('The Authorization header is missing.');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthorized('The Authorization header must be "Bearer <API token>".');
  const value = m[1] as string;
  if (!VALUE.test(value)) throw unauthorized('The API token is malformed.');
  const token = store.findByHash(sha256(value));
  if (!token) throw unauthorized('The API token is invalid.');
  if (token.status !== 'Active') throw unauthorized(`The API token is ${token.status.toLowerCase()}.`);
  const account = store.accounts.get(token.accountId);
  if (!account) throw unauthorized('The API token is invalid.');
  store.touch(token, now);
  return { token, account };
}

function unauthorized(detail: string): ApiProblem {
  return new ApiProblem(401, detail, undefined, undefined, { 'WWW-Authenticate': 'Bearer' });
}
