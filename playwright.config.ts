import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './tests/e2e/support/chromium';
import type { HostKind } from './tests/e2e/support/host';


/**
 * The journeys written once for both hosts: every spec that takes its `test` from
 * tests/e2e/support/host.ts (switching a spec over is that import; see the file). They run in
 * the browser host like every other spec, and again in the desktop app (the electron project).
 */
const e2eDir = path.join(__dirname, 'tests', 'e2e');
const journeySpecs = fs
  .readdirSync(e2eDir)
  .filter((f) => f.endsWith('.spec.ts') && /from '\.\/support\/host'/.test(fs.readFileSync(path.join(e2eDir, f), 'utf8')))
  .map((f) => `**/tests/e2e/${f}`);

const browserLaunch = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig<object, { hostKind: HostKind }>({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // The secret scan over every spec's data folders, host output and page storage (secrets-scan.ts).
  globalSetup: './tests/e2e/support/secrets-scan-setup.ts',
  globalTeardown: './tests/e2e/support/secrets-scan-teardown.ts',
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      testIgnore: [/electron\//, /visual\//],
      use: { hostKind: 'browser' satisfies HostKind, browserName: 'chromium', launchOptions: browserLaunch },
    },
    {
      // The screenshot suite (tests/e2e/visual): the browser host again, its Chromium limited to
      // the fonts of fonts.conf so the committed pictures match on any Linux machine.
      name: 'visual',
      testMatch: /visual\/.*\.spec\.ts/,
      // One picture per screen and theme, named by the spec; Linux only (visual-support.ts).
      snapshotPathTemplate: '{testDir}/{testFileDir}/screenshots/{arg}{ext}',
      use: {
        hostKind: 'browser' satisfies HostKind,
        browserName: 'chromium',
        launchOptions: { ...browserLaunch, env: { ...process.env, FONTCONFIG_FILE: path.join(e2eDir, 'visual', 'fonts.conf') } },
      },
    },
    {
      // Skips every test with the reason where the Electron runtime is not installed.
      name: 'electron',
      testMatch: [/electron\/.*\.spec\.ts/, ...journeySpecs],
      use: { hostKind: 'electron' satisfies HostKind },
    },
  ],
});
