// The local default (embedded database on loopback, no tokens) is safe to leave running: a write
// without a token is accepted only when addressed to a loopback name at the served port (no DNS
// rebinding) and, if it carries an Origin, sent by a page of that same address. CORS answers no
// origin unless configured. Over real sockets, so that Host and Origin are what a browser sends.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { writePolicy } from '../../src/http/plugins/write-access.ts';
import { createApp, listen, type RunningServer } from '../../src/server.ts';
import { testConfig } from '../support/app.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';
import { freePort } from '../support/pg-cluster.ts';
import { runs } from '../support/property.ts';
import { errorCodes, httpRequest, type HttpResult } from '../support/service-process.ts';

let database: DatabaseHandle;
let running: RunningServer;
let port: number;
let openLocal: boolean;

beforeAll(async () => {
  database = await openTestDatabase();
  port = await freePort();
  const config = testConfig({
    host: '127.0.0.1',
    port,
    cache: { enabled: false, ttlMs: 1, maxEntries: 1, maxBytes: 1_024 },
  });
  // On PostgreSQL the same server refuses every tokenless write ('closed'): the test checks that too.
  openLocal = writePolicy(config, database.driver === 'pglite') === 'open-local';
  expect(openLocal).toBe(testDriver === 'pglite');
  running = await listen(createApp({ config, database }), config);
});
afterAll(async () => {
  await running?.close();
  await database?.close();
});

type Reply = HttpResult;

/** A raw request to the running server, with exactly the headers given (Host included). */
function request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return httpRequest(`http://127.0.0.1:${port}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

let written = 0;
async function peopleNamed(name: string): Promise<number> {
  const reply = await request(
    'POST',
    '/graphql',
    { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
    JSON.stringify({ query: 'query($name: String!) { person(name: $name) { id } }', variables: { name } }),
  );
  return reply.json.data.person ? 1 : 0;
}

const codes = errorCodes;

const sameOrigins = () => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
  `http://[::1]:${port}`,
  `HTTP://LOCALHOST:${port}`,
];
const goodHosts = () => [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LocalHost:${port}`];

describe('writes without a token on the local default', () => {
  test('generated Origin × Host × method × content type: written only from this address, else refused and nothing written', async () => {
    const origin = fc.oneof(
      fc.constant(null),
      fc.constantFrom(...sameOrigins()),
      fc.constantFrom(
        'null',
        'https://evil.example',
        'http://evil.example',
        `http://evil.example:${port}`,
        `http://localhost.evil.example:${port}`,
        `http://localhost:${port}.evil.example`,
        `https://localhost:${port}`,
        'http://localhost',
        `http://localhost:${port + 1}`,
        `http://127.0.0.2:${port}`,
        `http://user@localhost:${port}`,
        `http://0.0.0.0:${port}`,
        'file://',
        `chrome-extension://abcdef`,
      ),
      fc.domain().map((domain) => `https://${domain}`),
    );
    const host = fc.oneof(
      fc.constantFrom(...goodHosts()),
      fc.constantFrom(
        'localhost',
        `localhost:${port + 1}`,
        `attacker.example:${port}`,
        `localhost.attacker.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        `0.0.0.0:${port}`,
        `127.1:${port}`,
        `localhost:${port}@evil.example`,
      ),
      fc.domain().map((domain) => `${domain}:${port}`),
    );
    const method = fc.constantFrom('POST', 'GET');
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/graphql-response+json',
      'text/plain',
      'application/x-www-form-urlencoded',
    );
    await fc.assert(
      fc.asyncProperty(
        origin,
        host,
        method,
        contentType,
        fc.boolean(),
        async (origin, host, method, contentType, csrfHeader) => {
          const name = `Origin Probe ${++written}`;
          const query = `mutation { createPerson(input: { name: ${JSON.stringify(name)} }) { person { name } } }`;
          const headers: Record<string, string> = { host, accept: 'application/graphql-response+json' };
          if (origin !== null) headers.origin = origin;
          if (csrfHeader) headers['x-graphql-yoga-csrf'] = '1';
          const reply =
            method === 'GET'
              ? await request('GET', `/graphql?query=${encodeURIComponent(query)}`, headers)
              : await request(
                  'POST',
                  '/graphql',
                  { ...headers, 'content-type': contentType },
                  contentType.startsWith('application/x-www')
                    ? `query=${encodeURIComponent(query)}`
                    : JSON.stringify({ query }),
                );
          const lower = host.toLowerCase();
          const hostOk = goodHosts()
            .map((h) => h.toLowerCase())
            .includes(lower);
          const originOk =
            origin === null ||
            sameOrigins()
              .map((o) => o.toLowerCase())
              .includes(origin.toLowerCase());
          const jsonBody = method === 'POST' && contentType.startsWith('application/json');
          // Safety: nothing is written unless the address and the origin are this server's own.
          const mayWrite = openLocal && hostOk && originOk;
          // And the local default stays usable: a JSON POST from there writes.
          const mustWrite = mayWrite && jsonBody;
          const context = `${method} ${contentType} host=${host} origin=${origin} → ${reply.status} ${reply.text.slice(0, 300)}`;
          expect(codes(reply), context).not.toContain('INTERNAL_SERVER_ERROR');
          const wasWritten = (await peopleNamed(name)) === 1;
          if (mustWrite) expect(reply.json?.data?.createPerson?.person?.name, context).toBe(name);
          if (!mayWrite) {
            expect(wasWritten, context).toBe(false);
            expect(reply.json?.data?.createPerson ?? null, context).toBeNull();
            if (jsonBody && reply.status === 200) {
              expect(codes(reply), context).toEqual(['FORBIDDEN']);
              expect(reply.json.errors[0].path, context).toEqual(['createPerson']);
            }
          }
          expect(wasWritten, context).toBe(reply.json?.data?.createPerson?.person?.name === name);
        },
      ),
      { numRuns: runs(80) },
    );
  }, 60_000);

  test('the refusal says why and what to do', async () => {
    if (!openLocal) return;
    const mutation = JSON.stringify({
      query: 'mutation { createPerson(input: { name: "Cross Site" }) { person { name } } }',
    });
    const crossSite = await request(
      'POST',
      '/graphql',
      { host: `localhost:${port}`, origin: 'https://evil.example', 'content-type': 'application/json' },
      mutation,
    );
    expect(codes(crossSite)).toEqual(['FORBIDDEN']);
    expect(crossSite.json.errors[0].message).toMatch(/https:\/\/evil\.example.*QUOTEGRAPH_API_TOKENS/);
    const rebound = await request(
      'POST',
      '/graphql',
      { host: `attacker.example:${port}`, 'content-type': 'application/json' },
      mutation,
    );
    expect(codes(rebound)).toEqual(['FORBIDDEN']);
    expect(rebound.json.errors[0].message).toMatch(/attacker\.example.*QUOTEGRAPH_API_TOKENS/);
  });

  test('a cross-origin delete is refused; GraphiQL on the same origin still writes', async () => {
    if (!openLocal) return;
    const created = await request(
      'POST',
      '/graphql',
      {
        host: `localhost:${port}`,
        origin: `http://localhost:${port}`,
        'content-type': 'application/json',
        'x-graphql-yoga-csrf': 'graphiql',
      },
      JSON.stringify({ query: 'mutation { createPerson(input: { name: "Kept Person" }) { person { id } } }' }),
    );
    const id = created.json.data.createPerson.person.id;
    const page = await request('GET', '/graphql', { host: `localhost:${port}`, accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('graphiql');
    const deletion = JSON.stringify({ query: `mutation { deletePerson(input: { id: "${id}" }) { deletedId } }` });
    const foreign = await request(
      'POST',
      '/graphql',
      { host: `localhost:${port}`, origin: 'https://evil.example', 'content-type': 'application/json' },
      deletion,
    );
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    expect(await peopleNamed('Kept Person')).toBe(1);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    request('OPTIONS', '/graphql', {
      host: `localhost:${port}`,
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });

  test('by default no origin is allowed: no Access-Control-Allow-Origin for any generated origin, preflight or request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.domain().map((domain) => `https://${domain}`),
          fc.constantFrom('null', `http://localhost:${port + 1}`),
        ),
        async (origin) => {
          expect((await preflight(origin)).headers['access-control-allow-origin']).toBeUndefined();
          const read = await request(
            'POST',
            '/graphql',
            { host: `localhost:${port}`, origin, 'content-type': 'application/json' },
            JSON.stringify({ query: '{ __typename }' }),
          );
          expect(read.headers['access-control-allow-origin']).toBeUndefined();
        },
      ),
      { numRuns: runs(20) },
    );
  });
});
