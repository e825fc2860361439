/**
 * The layer rules of ARCHITECTURE.md, enforced on every `npm test`:
 *   renderer -> common only; preload -> common + electron; main/core -> common + node,
 *   never electron; nothing in production code imports tests; nobody imports renderer;
 *   inside the renderer no import ring, and stores never import components.
 */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-common',
      comment: 'The renderer is a pure UI: it may import common/ and npm packages, never main/ or preload/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|preload|tests|scripts)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer has no Node APIs (sandboxed, contextIsolation).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-electron-outside-glue',
      comment: 'main/core, common, renderer and the sandbox must run under plain Node / a browser: no electron import.',
      severity: 'error',
      from: { path: '^(main/core|main/web|main/sandbox|common|renderer)/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'core-not-to-glue',
      comment: 'main/core is imported by the glue, never the other way round.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: '^main/[^/]+\\.ts$' },
    },
    {
      name: 'preload-only-common',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^(main|renderer|tests)/' },
    },
    {
      name: 'preload-names-not-schemas',
      comment: 'The preloads check names against common/channel-names.ts; the contract would bring every zod schema into the page.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^common/contract\\.ts$' },
    },
    {
      name: 'common-is-a-leaf',
      comment: 'common/ is shared by every layer, so it imports none of them.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(main|preload|renderer|tests)/' },
    },
    {
      name: 'renderer-no-cycles',
      comment:
        'A store and the feature that reads it must not import each other (nor any other renderer modules in a ring): ' +
        'state flows from a store to its components, and a ring makes load order and tests depend on who is imported first.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^renderer/', circular: true },
    },
    {
      name: 'stores-not-to-components',
      comment: 'A store holds state and the calls that change it; it never imports a component, so any screen can use it.',
      severity: 'error',
      from: { path: '^renderer/src/.*(-store|/store/[^/]+)\\.ts$' },
      to: { path: '\\.tsx$' },
    },
    {
      name: 'nobody-imports-renderer',
      severity: 'error',
      from: { pathNot: '^renderer/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'production-not-to-tests',
      severity: 'error',
      from: { path: '^(main|preload|renderer|common)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
