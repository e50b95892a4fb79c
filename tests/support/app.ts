// Runs GraphQL operations through the real Yoga app with its `fetch`: the whole HTTP stack,
// no sockets.
import type { ExecutionResult } from 'graphql';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AnswerStore } from '../../src/cache/response-cache.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createApp, type App } from '../../src/server.ts';

export interface GraphQLResponse<Data = Record<string, any>> extends ExecutionResult<Data> {
  extensions?: { sql?: { statements: number; compiled?: boolean; fallback?: string }; [key: string]: unknown };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // The response cache is off unless a test turns it on: most tests write straight to the
  // database and read back through the API.
  return { ...loadConfig({ QUOTEGRAPH_DEBUG: '1', NODE_ENV: 'test', QUOTEGRAPH_CACHE: 'false' }), ...overrides };
}

export function createTestApp(database: DatabaseHandle, overrides: Partial<Config> = {}, cache?: AnswerStore): App {
  return createApp({ config: testConfig(overrides), database, ...(cache ? { cache } : {}) });
}

export async function execute<Data = Record<string, any>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await app.fetch('http://quotegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/** Executes and fails the test on any GraphQL error, returning data and the SQL statement count. */
export async function query<Data = Record<string, any>>(
  app: App,
  source: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: Data; statements: number }> {
  const result = await execute<Data>(app, source, variables);
  if (result.errors?.length) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return { data: result.data as Data, statements: result.extensions?.sql?.statements ?? -1 };
}
