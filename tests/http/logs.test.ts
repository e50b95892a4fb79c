// The operation log, read as an operator reads it: one JSON line per operation with its request
// id, name, duration, cost, SQL statement count and outcome, and never a token or an article
// body. (tests/http/faults.test.ts reads the same lines from the real process.)
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createApp, type App } from '../../src/server.ts';
import { testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';

const TOKEN = 'log-test-token-0123456789abcdef';
const BODY = 'Every lantern on the breakwater was counted twice before the storm arrived.';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
});
afterAll(() => database?.close());

/** An app whose log lines land in `lines`, parsed. */
function loggedApp(overrides: Partial<Config> = {}, level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const app = createApp({
    config: testConfig({ apiTokens: [TOKEN], ...overrides }),
    database,
    logger: pino({ level }, sink),
  });
  return { app, lines, raw, operations: () => lines.filter((line) => line.msg === 'graphql operation') };
}

function post(app: App, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return app.fetch('http://quotegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

describe('one line per operation', () => {
  test('with its request id, operation, type, duration, cost, statement count and outcome', async () => {
    const { app, operations } = loggedApp();
    const response = await post(
      app,
      'query FrontPage { articles(first: 2) { nodes { title } } }',
      {},
      { 'x-request-id': 'log-line-1' },
    );
    expect(response.headers.get('x-request-id')).toBe('log-line-1');
    expect(operations()).toEqual([
      expect.objectContaining({
        requestId: 'log-line-1',
        operation: 'FrontPage',
        type: 'query',
        ms: expect.any(Number),
        cost: expect.any(Number),
        statements: expect.any(Number),
        compiled: true,
        outcome: 'ok',
      }),
    ]);
    expect(operations()[0]!.statements).toBeGreaterThan(0);
  });

  test('an operation the compiled path does not take is logged with the reason', async () => {
    const { app, operations } = loggedApp();
    await post(app, 'query Plain { articles(first: 1) { nodes { title @include(if: true) } } }');
    await post(app, 'query Compiled { articles(first: 1) { nodes { title } } }');
    expect(operations()).toEqual([
      expect.objectContaining({ operation: 'Plain', compiled: false, fallback: 'a directive' }),
      expect.objectContaining({ operation: 'Compiled', compiled: true, fallback: null }),
    ]);
  });

  test('a refused operation is logged with its code; a request id that is not sane is replaced', async () => {
    const { app, operations } = loggedApp();
    const response = await post(
      app,
      'query Big { articles(first: 100) { nodes { quotes(first: 100) { nodes { text } } } } }',
      {},
      { 'x-request-id': 'bad id with spaces\n{"level":60}' },
    );
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[\w.:-]+$/);
    expect(operations()).toEqual([
      expect.objectContaining({ requestId: id, operation: 'Big', outcome: 'QUERY_TOO_COMPLEX' }),
    ]);
  });

  // The response cache answers repeated reads before execution, and the log line is written
  // when execution ends: with the cache on (the default) a cached answer leaves no line at all.
  test('cached answers are logged too', async () => {
    const { app, operations } = loggedApp({
      cache: { enabled: true, ttlMs: 60_000, maxEntries: 100, maxBytes: 1 << 24 },
    });
    for (let i = 0; i < 3; i++) {
      const response = await post(
        app,
        'query Cached { articles { totalCount } }',
        {},
        { 'x-request-id': `cached-${i}` },
      );
      expect(response.status).toBe(200);
    }
    expect(operations().map((line) => line.requestId)).toEqual(['cached-0', 'cached-1', 'cached-2']);
  });
});

describe('never a token, never an article body', () => {
  test('not even at trace level, for a write that carries both', async () => {
    const { app, raw, operations } = loggedApp({}, 'trace');
    const response = await post(
      app,
      'mutation AddArticle($body: String!) { createArticle(input: { title: "Lanterns", body: $body }) { article { title } } }',
      { body: BODY },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect((await response.json()).errors).toBeUndefined();
    expect(operations()).toEqual([
      expect.objectContaining({ operation: 'AddArticle', type: 'mutation', outcome: 'ok' }),
    ]);
    const everything = raw.join('');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(BODY);
    expect(everything).not.toContain('breakwater');
  });
});
