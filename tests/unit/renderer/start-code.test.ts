/**
 * The code a window runs before its first screen (main.tsx and the App it loads, with everything
 * they import statically) builds no schemas: zod and the contract's shapes cost the start a tenth
 * of a second or more on a two-core machine. Views and dialogs that need them load with their
 * route or when opened (lazy imports), and the page's rules come from schema-free modules.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const START = ['renderer/src/main.tsx', 'renderer/src/App.tsx'];

/** Every module the start imports statically, with the module that first brought it in. */
async function startGraph() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['renderer/src/main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'start-code-test',
    external: ['zod'],
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    jsx: 'automatic',
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const broughtBy = new Map<string, string | null>(START.map((f) => [f, null]));
  const queue = [...START];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import' || broughtBy.has(imp.path)) continue;
      broughtBy.set(imp.path, file);
      queue.push(imp.path);
    }
  }
  return { inputs, broughtBy };
}

function chainOf(file: string, broughtBy: Map<string, string | null>): string {
  const chain = [file];
  for (let by = broughtBy.get(file); by; by = broughtBy.get(by)) chain.push(by);
  return chain.join(' ← ');
}

describe('the code a window starts with', () => {
  let graph: Awaited<ReturnType<typeof startGraph>>;
  beforeAll(async () => {
    graph = await startGraph();
  }, 30_000);

  it('imports no schema library, directly or through common/', () => {
    const { inputs, broughtBy } = graph;
    expect(broughtBy.size).toBeGreaterThan(100); // the App's modules were followed
    const schemaUsers = [...broughtBy.keys()].filter((f) => inputs[f]?.imports.some((imp) => imp.path === 'zod' && imp.kind !== 'dynamic-import'));
    expect(schemaUsers.map((f) => chainOf(f, broughtBy))).toEqual([]);
  });

  it('still reaches the token list and its rules (the walk follows what the start needs)', () => {
    const { broughtBy } = graph;
    expect(broughtBy.has('renderer/src/features/tokens/TokenTable.tsx')).toBe(true);
    expect(broughtBy.has('common/rotation.ts')).toBe(true);
    expect(broughtBy.has('common/audit-log.ts')).toBe(true);
  });
});
