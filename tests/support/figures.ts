/**
 * Measured figures of the reliability tests (faults injected, creates attempted vs tokens
 * created, secrets found), written as JSON for `npm run check:security` to print. They live in
 * `.tmp/figures/` (gitignored, and outside Playwright's test-results/, which Playwright empties
 * at the start of every run); TOKEN_DESK_FIGURES_DIR moves them.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export function figuresDir(): string {
  return path.resolve(root, process.env.TOKEN_DESK_FIGURES_DIR ?? '.tmp/figures');
}

/** Merges `section` into `<file>.json` under `key` (other sections, e.g. from another test, stay). */
export function writeFigures(file: string, key: string, section: unknown): string {
  const target = path.join(figuresDir(), `${file}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(fs.readFileSync(target, 'utf8')) as Record<string, unknown>;
  } catch {
    // First writer, or an unreadable old file: start afresh.
  }
  current[key] = section;
  fs.writeFileSync(target, `${JSON.stringify(current, null, 2)}\n`);
  return target;
}
