// /metrics serves Prometheus figures an operator can alert on: operations by outcome code, cache
// hits, SQL statements, GraphQL phase and HTTP durations, process figures. Labels come from known
// sets only: names clients choose (operation names, URLs, error paths) never become series.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
});
afterAll(() => database.close());

const cached = {
  apiTokens: ['metrics-test-token-0123456789'],
  cache: { enabled: true, ttlMs: 60_000, maxEntries: 1_000, maxBytes: 1 << 24 },
};

async function scrape(app: App): Promise<{ status: number; type: string | null; text: string }> {
  const response = await app.fetch('http://quotegraph.test/metrics');
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one series, e.g. value(text, 'quotegraph_response_cache_total{result="hit"}'). */
function value(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/metrics', () => {
  test('counts operations by outcome, cache hits and misses, and SQL statements', async () => {
    const app = createTestApp(database, cached);
    const story = '{ articles(first: 2) { nodes { title quotes { nodes { text } } } } }';
    expect((await execute(app, story)).errors).toBeUndefined();
    expect((await execute(app, story)).errors).toBeUndefined();
    expect((await execute(app, '{ nosuchfield }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = await execute(
      app,
      'mutation { createPerson(input: { name: "Nobody Atall" }) { person { id } } }',
      {},
      { authorization: 'Bearer wrong-token-000000000000' },
    );
    const refusedCode = refused.errors?.[0]?.extensions?.code as string;
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(refusedCode);

    const { status, type, text } = await scrape(app);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(value(text, 'quotegraph_response_cache_total{result="miss"}')).toBe(1);
    expect(value(text, 'quotegraph_response_cache_total{result="hit"}')).toBe(1);
    expect(value(text, 'quotegraph_operations_total{type="query",outcome="ok"}')).toBe(2);
    expect(value(text, `quotegraph_operations_total{type="mutation",outcome="${refusedCode}"}`)).toBe(1);
    expect(text).toMatch(/quotegraph_operations_total\{type="[a-z]+",outcome="GRAPHQL_VALIDATION_FAILED"\} 1/);
    expect(value(text, 'quotegraph_sql_statements_total')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('graphql_envelop_phase_execute_bucket');
    expect(text).toContain('graphql_yoga_http_duration_bucket');
    // Off: each costs CPU on every request, and quotegraph_operations_total counts the same.
    expect(text).not.toContain('graphql_envelop_request_time_summary');
    expect(text).not.toContain('graphql_envelop_phase_parse');
    expect(text).toContain('quotegraph_process_resident_memory_bytes');
    expect(text).toContain('# TYPE quotegraph_write_retries_total counter');
  });

  test('operation names and URLs chosen by clients never become labels', async () => {
    const app = createTestApp(database);
    await execute(app, '{ __typename }');
    const baseline = (await scrape(app)).text.split('\n').filter((line) => !line.startsWith('#')).length;
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/), async (name) => {
        await app.fetch(
          `http://quotegraph.test/graphql?query=${encodeURIComponent(`query ${name} { __typename }`)}&x=${encodeURIComponent(name)}`,
          {
            headers: { accept: 'application/graphql-response+json' },
          },
        );
        await execute(app, `query ${name} { nosuch_${name} }`);
      }),
      { numRuns: runs(30) },
    );
    const text = (await scrape(app)).text;
    const series = text.split('\n').filter((line) => !line.startsWith('#'));
    // Histograms gain a few series for the new outcomes and phases seen, never one per name.
    expect(series.length).toBeLessThan(baseline + 60);
    expect(text).not.toMatch(/operationName=|url=|path=/);
  });

  test('QUOTEGRAPH_METRICS=false turns the endpoint off', async () => {
    const app = createTestApp(database, { metrics: false });
    expect((await scrape(app)).status).toBe(404);
  });
});
