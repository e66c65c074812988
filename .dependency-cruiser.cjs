/**
 * Module boundaries, checked by `npm run lint:boundaries` (dependency-cruiser) in CI.
 *
 * Dependencies point downward only:
 *   common ← web (never server) · common ← server:
 *   db, lib  ←  org  ←  catalogue, people, documents, accounts…  ←  registry  ←  the areas standing on
 *   it (evaluation, monitoring, reporting, inspections, honours, review-report, registry-excel,
 *   notifications)  ←  the compositions above all areas (timeline, dashboards, succession)  ←  app.ts, cli, seed.
 * Docgen renders data it is given: it never touches the database.
 *
 * Tests and test support (server/test, *.test.ts, test-helpers.ts) build whole worlds through the app, so the
 * layering rules judge production code only; the cycle rule judges everything.
 */

/** Test code: exempt from the layering rules (a test may start the whole app). */
const TEST_CODE = [
  '\\.test\\.ts$',
  '\\.spec\\.ts$',
  '(^|/)test-helpers\\.ts$',
  '(^|/)fixtures\\.ts$',
  '-test-world\\.ts$',
  '^server/test/',
];

/** Areas that stand on the registry (they read its entries); the registry must know none of them. */
const ABOVE_REGISTRY = [
  'evaluation',
  'monitoring',
  'reporting',
  'inspections',
  'honours',
  'review-report',
  'registry-excel',
  'notifications',
  'timeline',
  'dashboards',
  'succession',
];

/** What assembles or drives the whole application. */
const TOP = ['^server/app\\.ts$', '^server/main\\.ts$', '^server/cli/', '^server/seed/', '^server/fuzz/'];

const under = (dirs) => dirs.map((d) => `^server/${d}/`);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles. Type-only imports are left out: they vanish at compile time, so they cannot ' +
        'create an initialisation-order cycle, and a module may name the types of the module that uses it.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'common-is-shared',
      severity: 'error',
      comment: 'common/ is shared by server and web: it imports neither.',
      from: { path: '^common/' },
      to: { path: ['^server/', '^web/'] },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only; shared code lives in common/.',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'db-and-lib-know-no-area',
      severity: 'error',
      comment: 'server/db and server/lib are the foundation: they import only each other, config.ts and common/.',
      from: { path: ['^server/db/', '^server/lib/'], pathNot: TEST_CODE },
      to: { path: '^server/', pathNot: ['^server/db/', '^server/lib/', '^server/config\\.ts$'] },
    },
    {
      name: 'org-knows-no-area-above',
      severity: 'error',
      comment:
        'The organisation tree is below every area: it imports only db, lib, config.ts, common/ and the ' +
        "renderers' layout types (docgen, which imports nothing of the server).",
      from: { path: '^server/org/', pathNot: TEST_CODE },
      to: {
        path: '^server/',
        pathNot: ['^server/org/', '^server/db/', '^server/lib/', '^server/docgen/', '^server/config\\.ts$'],
      },
    },
    {
      name: 'registry-knows-no-area-above',
      severity: 'error',
      comment:
        'The registry is what the later areas stand on: it never imports them (an entry timeline or a ' +
        'dashboard combining areas lives in server/timeline or server/dashboards, above them).',
      from: { path: '^server/registry/', pathNot: TEST_CODE },
      to: { path: [...under(ABOVE_REGISTRY), ...TOP] },
    },
    {
      name: 'docgen-never-queries',
      severity: 'error',
      comment: 'Renderers take data and return documents: no database access, no query builder.',
      from: { path: '^server/docgen/', pathNot: TEST_CODE },
      to: { path: ['^server/db/', '^node_modules/(kysely|pg|@electric-sql/pglite)/'] },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      comment: 'Production code never imports test code.',
      from: { path: ['^server/', '^common/', '^web/src/'], pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^web/dist/', '^node_modules/\\.vite'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.boundaries.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
