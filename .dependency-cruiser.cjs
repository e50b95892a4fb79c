// Layers run one way. Each layer may import the layers below it, never one above; `npm run lint`
// fails on an up-arrow or an import cycle.
//
//   app       src/cli.ts, src/commands/           the command line, which starts everything
//   http      src/http/, src/server.ts            the HTTP front door, its wiring and its plugins;
//                                                 only server.ts (its entry) and the app import it
//   cache     src/cache/                          the response cache
//   graphql   src/graphql/                        the schema, its resolvers, its execution plugins
//   writes    src/ingest/, src/generate/, src/demo/, src/queue/    writing articles (real, generated, demo, queued)
//   store     src/store/                          every SQL write, one module per aggregate
//   extract   src/extract/                        pure: text in, ExtractedArticle out
//   db        src/db/                             schema, client, migrations
//   ground    src/config.ts, src/logger.ts, src/errors.ts, src/document/
//
// Known exceptions, each listed exactly in .dependency-cruiser-known-violations.json (any other
// violation fails): the schema types that name each other (Article and Quote with the quote
// filter; DeleteEntityInput in mutation-support naming Person and Organization). Once untangled,
// rewrite the list with `npx depcruise-baseline src tests bench scripts`: it should be empty.

const layers = [
  { name: 'ground', path: '^src/(config|logger|errors)\\.ts$|^src/document/' },
  { name: 'db', path: '^src/db/' },
  { name: 'extract', path: '^src/extract/' },
  { name: 'store', path: '^src/store/' },
  { name: 'writes', path: '^src/(ingest|generate|demo|queue)/' },
  { name: 'graphql', path: '^src/graphql/' },
  { name: 'cache', path: '^src/cache/' },
  { name: 'http', path: '^src/(server\\.ts$|http/)' },
  { name: 'app', path: '^src/(cli\\.ts$|commands/)' },
];

const upArrows = layers.slice(0, -1).map((layer, index) => ({
  name: `${layer.name}-not-up`,
  comment: `${layer.name} must not import a layer above it (${layers
    .slice(index + 1)
    .map((above) => above.name)
    .join(', ')})`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: layers.slice(index + 1).map((above) => `(${above.path})`) },
}));

module.exports = {
  forbidden: [
    ...upArrows,
    {
      name: 'http-behind-its-entry',
      comment: 'the product reaches the front door through src/server.ts only, so src/http/ can be rearranged freely',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server\\.ts$|http/)' },
      to: { path: '^src/http/' },
    },
    {
      name: 'ingest-writes-through-the-store',
      comment:
        'ingestion decides what to write and has src/store read and write it: no SQL, tables or query builder in src/ingest/',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: ['^src/db/schema\\.ts$', '(^|/)node_modules/drizzle-orm/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'extract-is-pure',
      comment: 'the extractor does no I/O and knows nothing of the database: text in, ExtractedArticle out',
      severity: 'error',
      from: { path: '^src/extract/' },
      to: {
        path: ['^src/db/', '^node_modules/(drizzle-orm|postgres|@electric-sql)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'extract-no-io',
      comment: 'the extractor reads no files, sockets or processes',
      severity: 'error',
      from: { path: '^src/extract/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|net|http|https|child_process|worker_threads|dgram)(/|$)' },
    },
    {
      name: 'extract-language-through-pack',
      comment:
        'stages read English through the LanguagePack they are handed; only src/extract/language/ (the packs and chooseLanguagePack) imports language/en',
      severity: 'error',
      from: { path: '^src/extract/', pathNot: '^src/extract/language/' },
      to: { path: '^src/extract/language/en/' },
    },
    {
      name: 'no-cycles',
      comment: 'a cycle closed by a dynamic import() is not one: that module loads on demand, after both are loaded',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'src-stands-alone',
      comment: 'the product does not import its tests, benchmarks or scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'tests-not-bench',
      comment:
        'tests import src and tests/support; what a test shares with a benchmark lives in tests/support or src/generate',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^(bench|scripts)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (not followed) so that rules naming a package can fire.
    exclude: { path: '^(dist|\\.data)/' },
    // Type-only imports count: an up-arrow in a type is still an up-arrow.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
