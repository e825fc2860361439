/**
 * Serves the built renderer from `app://token-desk/` instead of file://, as the
 * Electron security guide recommends: a real origin for the sender check, and
 * response headers for the CSP (file:// responses cannot carry headers).
 */
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './security';
import { decodePath, fileForPath } from './web/static';

export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    // An extensionless path is an address of the app (a reload on /tokens/TKN-…): its page answers.
    const decoded = decodePath(url.pathname);
    if (decoded === undefined) return new Response('Bad request', { status: 400 });
    const relative = fileForPath(decoded);
    const file = path.resolve(root, `.${relative}`);
    // Refuse path traversal out of the renderer folder.
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy("'none'"));
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
