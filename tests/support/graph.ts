// The fixture graph behind a test app: one per test file, set up in beforeAll.
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp } from './app.ts';
import { openTestDatabase } from './database.ts';
import { loadFixtureGraph } from './fixtures.ts';

export interface FixtureGraph {
  database: DatabaseHandle;
  app: App;
  ids: Awaited<ReturnType<typeof loadFixtureGraph>>;
}

/** Registers hooks that build the fixture graph; read the returned object inside tests. */
export function useFixtureGraph(): FixtureGraph {
  const graph = {} as FixtureGraph;
  beforeAll(async () => {
    graph.database = await openTestDatabase();
    graph.ids = await loadFixtureGraph(graph.database);
    graph.app = createTestApp(graph.database);
  });
  afterAll(async () => {
    await graph.database?.close();
  });
  return graph;
}
