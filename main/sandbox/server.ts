/**
 * The HTTP front of the sandbox (node:http, no framework): body reading, fault injection,
 * routing, authentication and serialisation. Route handlers never touch sockets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate } from './auth';
import { FaultInjector } from './faults';
import { hostileListResponse, sendHostileBody } from './hostile';
import type { HandlerContext, SandboxRequest, SandboxResponse } from './http';
import { ApiProblem, problemBody } from './problem';
import type { Router } from './router';
import type { SandboxStore } from './store';

/** Bodies above this are refused before parsing (icons are ≤ 1 MB; JSON bodies are tiny). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface ServerDeps {
  store: SandboxStore;
  router: Router;
  faults: FaultInjector;
  settings: HandlerContext['settings'];
  stats: { requests: number; creates: number };
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch(() => {
      // Last resort: a bug in the sandbox must not leave the client hanging.
      if (!res.headersSent) sendJson(res, 500, problemBody(500, 'Unexpected sandbox error.'), 'application/problem+json');
      else res.destroy();
    });
  });
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  deps.stats.requests++;
  const method = (req.method ?? 'GET').toUpperCase();
  const fault = deps.faults.decide(method);
  const latency = deps.faults.latencyMs;
  if (latency > 0) await sleep(latency);
  if (fault.kind === 'drop-before') {
    req.socket.destroy();
    return;
  }

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof ApiProblem) return sendProblem(res, error);
    throw error;
  }

  if (fault.kind === 'error') return sendProblem(res, new ApiProblem(fault.status, 'Injected server fault (sandbox). The request was not processed.'));
  if (fault.kind === 'rate-limit') {
    const seconds = fault.retryAfterSeconds;
    return sendProblem(res, new ApiProblem(429, `Rate limit exceeded (sandbox). Retry after ${seconds} s.`, undefined, undefined, { 'Retry-After': String(seconds) }));
  }
  if (fault.kind === 'malformed') {
    // Valid status and content type, unusable body: the classic half-written proxy answer.
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end('{"$meta":{"pagination":{"offset":0,"limit":10,"total":');
    return;
  }

  const hostile = deps.faults.hostile;
  // Endless pages: every page is read from the start of the list, so none is ever short.
  const askedOffset = hostile === 'endless-pages' && method === 'GET' ? restartList(req) : undefined;
  const response = await process(deps, req, method, body);
  if (fault.kind === 'drop-after') {
    // The request was processed (a create really happened), but the answer is lost.
    req.socket.destroy();
    return;
  }
  if (hostile && method === 'GET' && response.status === 200) {
    if (hostile === 'huge-body' || hostile === 'slow-drip') return sendHostileBody(hostile, res);
    return send(res, hostileListResponse(hostile, response, askedOffset));
  }
  send(res, response);
}

async function process(deps: ServerDeps, req: IncomingMessage, method: string, body: Buffer): Promise<SandboxResponse> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const now = () => new Date().toISOString();
  try {
    const { route, params } = matchRoute(deps, method, pathname, req);
    const sandboxReq: SandboxRequest = { method, pathname, rawQuery, headers: req.headers, body, params };
    const base = { req: sandboxReq, store: deps.store, now, settings: deps.settings, onCreate: () => void deps.stats.creates++ };
    if ('publicHandler' in route) return await route.publicHandler(base);
    const caller = authenticate(deps.store, req.headers, now());
    return await route.handler({ ...base, caller });
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error);
    const detail = error instanceof Error ? error.message : String(error);
    return problemResponse(new ApiProblem(500, `Unexpected sandbox error: ${detail}`));
  }
}

/**
 * A request to an unknown path still reached the API with a valid token: like a gateway that
 * authenticates before routing, it counts as that token's access (Last access must not miss a
 * caller probing a wrong URL). The answer stays the 404/405, whatever the credential.
 */
function matchRoute(deps: ServerDeps, method: string, pathname: string, req: IncomingMessage): ReturnType<Router['match']> {
  try {
    return deps.router.match(method, pathname);
  } catch (error) {
    if (req.headers.authorization) {
      try {
        authenticate(deps.store, req.headers, new Date().toISOString());
      } catch {
        // A bad credential does not change which error the unknown path gets.
      }
    }
    throw error;
  }
}

/** Rewrites the request's `offset=` to 0; returns the offset asked for. */
function restartList(req: IncomingMessage): number {
  const url = req.url ?? '/';
  const asked = /[?&]offset=(\d+)/.exec(url);
  req.url = url.replace(/([?&])offset=\d+/, '$1offset=0');
  return asked ? Number(asked[1]) : 0;
}

function problemResponse(problem: ApiProblem): SandboxResponse {
  return { status: problem.status, json: problem.toBody(), headers: { ...problem.headers, 'Content-Type': 'application/problem+json; charset=utf-8' } };
}

function sendProblem(res: ServerResponse, problem: ApiProblem): void {
  send(res, problemResponse(problem));
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (response.raw) {
    res.writeHead(response.status, { ...headers, 'Content-Type': response.raw.contentType, 'Content-Length': String(response.raw.data.length) });
    res.end(response.raw.data);
    return;
  }
  if (response.json === undefined && response.jsonBytes === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const contentType = headers['Content-Type'] ?? 'application/json; charset=utf-8';
  delete headers['Content-Type'];
  sendText(res, response.status, response.jsonBytes ?? JSON.stringify(response.json), contentType, headers);
}

function sendJson(res: ServerResponse, status: number, json: unknown, contentType: string, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(json), contentType, headers);
}

function sendText(res: ServerResponse, status: number, text: string | Buffer, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true; // keep draining so the 413 can be written
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new ApiProblem(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
