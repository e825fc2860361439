/** Serves the built renderer with the browser host's CSP and the WebSocket bridge script injected. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../security';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const BRIDGE_SCRIPT_PATH = '/desk-bridge.js';

export function securityHeaders(origin: string): Record<string, string> {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': contentSecurityPolicy(wsOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** The bridge must run before the app bundle so `window.desk` exists when React starts. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  return html.includes('</title>') ? html.replace('</title>', `</title>\n    ${tag}`) : `${tag}\n${html}`;
}

/** The decoded path, or undefined for a bad percent-escape or a NUL (answered 400, never thrown). */
export function decodePath(urlPath: string): string | undefined {
  try {
    const decoded = decodeURIComponent(urlPath);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/**
 * The file a (decoded) request path is answered with: an extensionless path (`/tokens/TKN-…`,
 * `/quick`, or a mistyped one) is an address of the app, answered by its page, which shows the
 * view or its own "not found"; so a deep link or a reload lands in the app rather than on a bare
 * 404. A path naming a file, or stepping up with `..`, keeps its name (missing or outside: 404).
 */
export function fileForPath(decodedPath: string): string {
  const segments = decodedPath.split('/');
  const names = segments.at(-1)!.includes('.') || segments.some((s) => s === '..' || s === '.');
  return names ? decodedPath : '/index.html';
}

/** A build output named by its content hash (Vite: assets/<name>-<hash>.<ext>). */
export function isHashedAsset(urlPath: string): boolean {
  return /^\/assets\/[\w.-]+-[\w-]{8,}\.(js|css|png|svg|woff2)$/.test(urlPath);
}

/** Never rejects: every failure becomes a response, so `void serveStatic(...)` cannot end the process. */
export async function serveStatic(
  res: ServerResponse,
  urlPath: string,
  dirs: { renderer: string; bridgeScript: string },
  origin: string,
): Promise<void> {
  const headers = securityHeaders(origin);
  let file: string;
  if (urlPath === BRIDGE_SCRIPT_PATH) {
    file = dirs.bridgeScript;
  } else {
    const decoded = decodePath(urlPath);
    if (decoded === undefined) {
      res.writeHead(400, headers).end('Bad request');
      return;
    }
    const relative = fileForPath(decoded);
    const root = path.resolve(dirs.renderer);
    file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
  }
  let body: Buffer | string;
  try {
    body = await fs.readFile(file);
  } catch {
    if (!res.headersSent) res.writeHead(404, headers).end('Not found');
    return;
  }
  if (file.endsWith('index.html')) body = injectBridge(body.toString('utf8'));
  if (res.destroyed) return; // the client went away while the file was read
  // Vite names every file in assets/ by its content hash, so a cached copy can never be stale: the
  // browser keeps them (and Chromium its compiled code), which makes opening /quick again fast.
  // index.html (it carries the bridge) and the bridge script stay no-store.
  if (isHashedAsset(urlPath)) headers['Cache-Control'] = 'private, max-age=31536000, immutable';
  res.writeHead(200, { ...headers, 'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream' });
  res.end(body);
}
