import { createRequire } from 'node:module';
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
    hookTimeout: 60_000,
  },
});
