// Folder rules for src/, checked by `npm run lint:deps` (dependency-cruiser). Only imports made from src/ are
// judged: tests and bench may import anything. Type-only imports count like any other.
const DOMAIN = '(phone|email|batches|uploads|webhooks|accounts|items|limits|net|db|lib|queue|worker)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycle of files anywhere in src/, inside one folder or across folders.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'No cycle between folders of src/, even when no single file is in a cycle ' +
        '(src/a/x -> src/b/y and src/b/z -> src/a/w). A folder includes its subfolders (src/http/routes is in ' +
        'src/http). The files directly in src/ (config.ts, context.ts) belong to src/ itself, which holds ' +
        'everything, so cycles through them are seen only by no-circular, file by file.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'http-only-from-main',
      severity: 'error',
      comment: 'The HTTP layer sits on top: only the entry points in src/main build the app from it.',
      from: { path: '^src/', pathNot: '^src/(http|main)/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'main-is-an-entry-point',
      severity: 'error',
      comment: 'src/main holds the entry points: nothing else in src/ imports them.',
      from: { path: '^src/', pathNot: `^src/(main|${DOMAIN})/` },
      to: { path: '^src/main/' },
    },
    {
      name: 'domain-not-to-main',
      severity: 'error',
      comment: 'Domain folders never depend on the entry points (the rule above covers the rest of src/).',
      from: { path: `^src/${DOMAIN}/` },
      to: { path: '^src/main/' },
    },
    {
      name: 'lib-is-a-leaf',
      severity: 'error',
      comment: 'src/lib (ids, errors, logger, the work loop) imports nothing else from src/.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'db-on-lib-only',
      severity: 'error',
      comment: 'src/db (the store) imports nothing from src/ but src/lib.',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|lib)/' },
    },
    {
      name: 'context-is-composition',
      severity: 'error',
      comment: 'src/context.ts builds the process from the domain modules: none of them imports it.',
      from: { path: `^src/${DOMAIN}/` },
      to: { path: '^src/context\\.ts$' },
    },
    {
      name: 'sdk-stands-alone',
      severity: 'error',
      comment: 'src/sdk (the API client) imports nothing else from src/: it runs in the CLI and in browsers.',
      from: { path: '^src/sdk/' },
      to: { path: '^src/', pathNot: '^src/sdk/' },
    },
    {
      name: 'cli-is-a-client',
      severity: 'error',
      comment: 'src/cli talks to a running Sieve through the SDK: it imports the SDK, the settings and src/lib only.',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli|sdk|lib|config)/|^src/config\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import from src/ resolves: an import the tool could not follow would escape the rules above.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
