// OpenTelemetry traces reach an OTLP/HTTP collector — here a local HTTP server that records what
// it is sent — when OTEL_EXPORTER_OTLP_ENDPOINT is set, with the operation's name and type and
// never its variables; with no endpoint nothing is sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';

interface Received {
  path: string;
  body: string;
}

let database: DatabaseHandle;
let collector: Server;
let endpoint: string;
const received: Received[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => collector.close(resolve));
  await database.close();
});

function spansIn(bodies: Received[]): { name: string; attributes: Record<string, unknown> }[] {
  return bodies.flatMap((entry) =>
    (JSON.parse(entry.body).resourceSpans ?? []).flatMap((resource: any) =>
      resource.scopeSpans.flatMap((scope: any) =>
        scope.spans.map((span: any) => ({
          name: span.name as string,
          attributes: Object.fromEntries(
            span.attributes.map((attribute: any) => [attribute.key, Object.values(attribute.value)[0]]),
          ),
        })),
      ),
    ),
  );
}

describe('tracing', () => {
  test('operations become spans at the configured OTLP endpoint, without their variables', async () => {
    const tracing = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: `${endpoint}/`,
      OTEL_SERVICE_NAME: 'quotegraph-test',
    }).tracing;
    expect(tracing).toEqual({ tracesUrl: `${endpoint}/v1/traces`, serviceName: 'quotegraph-test' });
    const app = createTestApp(database, { tracing });
    const secret = 'a variable value that must not be traced';
    const answer = await execute(app, 'query TracedStory($slug: String!) { article(slug: $slug) { title } }', {
      slug: secret,
    });
    expect(answer.errors).toBeUndefined();
    await app.dispose();

    const traces = received.filter((entry) => entry.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    expect(traces.map((entry) => entry.body).join('')).not.toContain(secret);
    expect(traces.map((entry) => entry.body).join('')).toContain('quotegraph-test');
    const spans = spansIn(traces);
    const operation = spans.find((span) => span.attributes['graphql.execute.operationName'] === 'TracedStory');
    expect(operation, JSON.stringify(spans.map((span) => span.name))).toBeDefined();
    expect(operation!.attributes['graphql.execute.operationType']).toBe('query');
  });

  test('no endpoint, no tracing; a malformed endpoint is a configuration error naming the variable', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'nonsense' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/,
    );
  });
});
