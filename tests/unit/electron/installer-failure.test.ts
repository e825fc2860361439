/** The one-line reason `npm start` gives when Electron's installer fails (scripts/installer-failure.cjs). */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const { installerFailure } = createRequire(import.meta.url)('../../../scripts/installer-failure.cjs') as {
  installerFailure(output: string, nodeVersion?: string): string;
};

const stack = (head: string) => `${head}\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (file:///x/@electron/get/dist/index.js:154:12)\n`;

describe('installerFailure', () => {
  it('a download that reaches no server is the network, whatever the Node.js version', () => {
    for (const node of ['20.19.0', '22.12.0', '24.1.0']) {
      const reason = installerFailure(stack('TypeError: fetch failed'), node);
      expect(reason).toBe('the Electron runtime could not be downloaded: its download server did not answer (fetch failed; no network, or a proxy in the way)');
    }
    expect(installerFailure(stack('RequestError: getaddrinfo ENOTFOUND github.com'), '20.19.0')).toMatch(/\(ENOTFOUND github\.com; no network/);
  });

  it('names the Node.js version only when an older one could not load the installer', () => {
    const esm = stack("Error [ERR_REQUIRE_ESM]: require() of ES Module /x/@electron/get/dist/index.js not supported.");
    expect(installerFailure(esm, '20.11.1')).toBe('Electron’s installer needs Node.js 22.12 or newer; this is 20.11.1');
    expect(installerFailure(esm, '22.12.0')).toMatch(/^Electron’s installer failed: Error \[ERR_REQUIRE_ESM\]/);
    expect(installerFailure(stack('Error: EACCES: permission denied'), '20.11.1')).not.toMatch(/Node/);
  });

  it('anything else: the first line of its message, never a stack frame', () => {
    expect(installerFailure(stack('Error: Generated checksum for "electron.zip" did not match expected checksum.'))).toBe(
      'Electron’s installer failed: Error: Generated checksum for "electron.zip" did not match expected checksum.',
    );
    expect(installerFailure('\n    at somewhere (x.js:1:1)\n')).toBe('Electron’s installer failed: it gave no reason');
  });
});
