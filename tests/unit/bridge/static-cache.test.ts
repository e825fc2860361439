/** The browser host's caching: content-hashed build files may be kept, the page and the bridge never. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { isHashedAsset, serveStatic } from '../../../main/web/static';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-static-'));
fs.mkdirSync(path.join(dir, 'assets'));
fs.writeFileSync(path.join(dir, 'index.html'), '<title>x</title>');
fs.writeFileSync(path.join(dir, 'assets', 'index-Cx0CWtcM.js'), 'x');
fs.writeFileSync(path.join(dir, 'assets', 'notes.js'), 'x');
const bridge = path.join(dir, 'bridge.js');
fs.writeFileSync(bridge, 'x');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cacheHeaderOf(urlPath: string): Promise<[number, string | undefined]> {
  let got: [number, string | undefined] = [0, undefined];
  const res = {
    headersSent: false,
    destroyed: false,
    writeHead(status: number, headers: Record<string, string>) {
      got = [status, headers['Cache-Control']];
      return { end: () => undefined };
    },
    end: () => undefined,
  } as unknown as ServerResponse;
  await serveStatic(res, urlPath, { renderer: dir, bridgeScript: bridge }, 'http://127.0.0.1:1');
  return got;
}

describe('serveStatic caching', () => {
  it('keeps content-hashed assets, never the page, the bridge or an unhashed file', async () => {
    expect(await cacheHeaderOf('/assets/index-Cx0CWtcM.js')).toEqual([200, 'private, max-age=31536000, immutable']);
    expect(await cacheHeaderOf('/')).toEqual([200, 'no-store']);
    expect(await cacheHeaderOf('/desk-bridge.js')).toEqual([200, 'no-store']);
    expect(await cacheHeaderOf('/assets/notes.js')).toEqual([200, 'no-store']);
    expect(await cacheHeaderOf('/assets/missing-Cx0CWtcM.js')).toEqual([404, 'no-store']);
  });

  it('isHashedAsset: only assets/<name>-<hash>.<ext>', () => {
    expect(isHashedAsset('/assets/App-4aG7Z-GH.css')).toBe(true);
    expect(isHashedAsset('/assets/../index-Cx0CWtcM.js')).toBe(false);
    expect(isHashedAsset('/index-Cx0CWtcM.js')).toBe(false);
    expect(isHashedAsset('/assets/index-Cx0CWtcM.js?x=1')).toBe(false);
  });
});
