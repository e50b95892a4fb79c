import { createRequire } from 'node:module';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// A new test file lands in the api project unless listed here.
const unitTests = [
  'tests/extract/!(linear-cost).test.ts',
  'tests/commands/config.test.ts',
  'tests/commands/engines.test.ts',
  'tests/graphql/error-codes.test.ts',
  'tests/graphql/schema.test.ts',
  'tests/graphql/raw-result.test.ts',
  'tests/document/**/*.test.ts',
  'tests/http/read-your-writes.test.ts',
];
const systemTests = [
  'tests/process/**/*.test.ts',
  'tests/browser/**/*.test.ts',
  'tests/http/{faults,hostile,origins,tracing}.test.ts',
  'tests/graphql/cache.test.ts',
  'tests/db/schema-drift.test.ts',
  // Starts its own PostgreSQL primary and streaming replica.
  'tests/replica/**/*.test.ts',
  // Megabyte inputs, bounded only by a timeout: too slow for the quick loop.
  'tests/extract/linear-cost.test.ts',
];
// Migrates one database per run, which each test file then copies (see the file).
const databaseSetup = ['tests/support/global-setup.ts'];

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so every dependency,
    // loads the CommonJS one; without this alias Vite would hand our code the ESM one and the
    // schema would hold two copies of graphql ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    setupFiles: ['tests/support/property.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker per core but one, which on a 2-core machine runs the files one
    // at a time; much of this suite waits on child processes, sockets and databases, so two
    // files at a time keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    hookTimeout: 60_000,
    // `npm test` runs all three; `npm run test:unit` (and :api, :system) one of them.
    projects: [
      // The extractor and other pure code: no database, no processes; the quick loop while editing.
      // Nothing in it mocks or holds state, so its files share one module graph per worker
      // (isolate: false): loading the extractor's lexicons once, not once per file.
      { extends: true, test: { name: 'unit', include: unitTests, isolate: false } },
      // GraphQL through app.fetch, the write path and the database, on PGlite or TEST_DATABASE_URL.
      // Each file in a fresh worker (the default). Sharing one module graph per worker (isolate:
      // false) halved this project's time, but a worker running file after file under Node 24
      // once exited unexpectedly in CI; until that is understood, each file starts clean.
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: [...unitTests, ...systemTests],
          globalSetup: databaseSetup,
        },
      },
      // Child processes, injected faults, real sockets, a private Redis, the browser.
      { extends: true, test: { name: 'system', include: systemTests, globalSetup: databaseSetup } },
    ],
  },
});
