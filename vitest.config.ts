import { createRequire } from 'node:module';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so every dependency,
    // loads the CommonJS one; without this alias Vite would hand our code the ESM one and the
    // schema would hold two copies of graphql ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/property.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker per core but one, which on a 2-core machine runs the files one
    // at a time; much of this suite waits on child processes, sockets and databases, so two
    // files at a time keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    hookTimeout: 60_000,
  },
});
