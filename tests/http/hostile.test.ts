// Hostile requests: each gets a clean error with the right code (or a normal, empty answer),
// nothing leaks, and the server keeps answering an ordinary query afterwards. Through the app's
// `fetch`, except where the behaviour lives in the node:http handler (body size).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { storyExample } from '../../src/graphql/examples.ts';
import { createApp, listen, type App } from '../../src/server.ts';
import { createTestApp, testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';
import { freePort } from '../support/pg-cluster.ts';
import { errorCodes, fetchAnswer, httpRequest, type FetchAnswer } from '../support/service-process.ts';

const ENDPOINT = 'http://quotegraph.test/graphql';
const ARTICLES = 3;
// What must never reach a client outside development: SQL, driver or runtime detail.
const LEAK = /select |insert |from "|drizzle|pglite|postgres|failed query|ECONN|\bat .+\.(ts|js|mjs):\d+|"stack"/i;

let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  app = createTestApp(database);
});
afterAll(() => database?.close());

type Answer = FetchAnswer;

function send(target: App, init: RequestInit & { url?: string } = {}): Promise<Answer> {
  return fetchAnswer(target, init.url ?? ENDPOINT, init);
}

function post(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  target = app,
) {
  return send(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

const codes = errorCodes;

/** Refused with this code, nothing executed, nothing leaked. */
function expectRefused(answer: Answer, code: string) {
  expect(codes(answer), answer.text.slice(0, 500)).toContain(code);
  expect(answer.json?.data ?? null).toBeNull();
  expect(answer.text).not.toMatch(LEAK);
}

async function expectStillAnswers(target = app) {
  const answer = await post('{ articles(first: 1) { totalCount } }', {}, {}, target);
  expect(answer.json, answer.text).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
}

async function peopleCount(): Promise<number> {
  return (await post('{ people { totalCount } }')).json.data.people.totalCount;
}

/** `depth` levels of article → quotes → article → … below the root. */
function deepQuery(levels: number): string {
  return `{ articles(first: 1) { nodes { ${'quotes(first: 1) { nodes { article { '.repeat(levels)}title${' } } }'.repeat(levels)} } } }`;
}

describe('limits on every operation, checked before it runs', () => {
  test('deep nesting: QUERY_TOO_COMPLEX', async () => {
    expectRefused(await post(deepQuery(6)), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  test('deep nesting hidden in fragments: QUERY_TOO_COMPLEX', async () => {
    const fragments = Array.from(
      { length: 8 },
      (_, i) =>
        `fragment F${i} on Article { quotes(first: 1) { nodes { article { ${i < 7 ? `...F${i + 1}` : 'title'} } } } }`,
    ).join('\n');
    expectRefused(await post(`{ articles(first: 1) { nodes { ...F0 } } }\n${fragments}`), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  // (`__typename` aliases are not counted: they cost nothing, and the token limit bounds them.)
  test('an alias flood: QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ');
    expectRefused(await post(`{ ${aliases} }`), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  test('a directive flood: QUERY_TOO_COMPLEX', async () => {
    const spreads = '... @include(if: true) { __typename } '.repeat(50);
    expectRefused(await post(`{ ${spreads} }`), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  test('a field flood over the token limit: QUERY_TOO_COMPLEX', async () => {
    expectRefused(await post(`{ articles(first: 1) { nodes { ${'title '.repeat(5_000)}} } }`), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  test('a field flood under the token limit is refused at validation, not run', async () => {
    const answer = await post(`{ articles(first: 1) { nodes { ${'title dek '.repeat(900)}} } }`);
    expect(answer.json?.data ?? null).toBeNull();
    expect(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED']).toContain(codes(answer)[0]);
    await expectStillAnswers();
  });

  test('a huge document (100 000 tokens): QUERY_TOO_COMPLEX', async () => {
    expectRefused(await post(`{ ${'__typename '.repeat(100_000)}}`), 'QUERY_TOO_COMPLEX');
    await expectStillAnswers();
  });

  test('fragment cycles: GRAPHQL_VALIDATION_FAILED, no endless recursion', async () => {
    const cyclic = `{ articles(first: 1) { nodes { ...A } } }
      fragment A on Article { title quotes(first: 1) { nodes { article { ...B } } } }
      fragment B on Article { dek ...A }`;
    expectRefused(await post(cyclic), 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(
      await post('{ articles(first: 1) { nodes { ...A } } } fragment A on Article { ...A }'),
      'GRAPHQL_VALIDATION_FAILED',
    );
    await expectStillAnswers();
  });

  test('huge variables: a 1 MB string and 10 000 unused keys answer normally', async () => {
    const variables: Record<string, unknown> = { name: 'x'.repeat(1_000_000) };
    for (let i = 0; i < 10_000; i++) variables[`junk${i}`] = i;
    const answer = await post('query($name: String) { person(name: $name) { name } }', variables);
    expect(answer.json, answer.text.slice(0, 300)).toEqual({
      data: { person: null },
      extensions: expect.objectContaining({ cost: expect.any(Number) }),
    });
    await expectStillAnswers();
  });

  // Each id is a lookup: the list is capped like a page and costed by its length.
  test('a list of thousands of ids is refused or costed by its length', async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => Buffer.from(`Article:${i + 1}`).toString('base64'));
    const answer = await post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    const refused = ['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX'].includes(codes(answer)[0] ?? '');
    expect(refused || (answer.json?.extensions?.cost ?? 0) >= ids.length).toBe(true);
  });

  test('batched requests are off by default: refused, nothing executed', async () => {
    const before = await peopleCount();
    const batch = [
      { query: 'mutation { createPerson(input: { name: "Batched One" }) { person { name } } }' },
      { query: 'mutation { createPerson(input: { name: "Batched Two" }) { person { name } } }' },
    ];
    const answer = await send(app, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(batch),
    });
    expect(answer.status).toBe(400);
    expect(Array.isArray(answer.json)).toBe(false);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(await peopleCount()).toBe(before);
    await expectStillAnswers();
  });
});

describe('the request body size limit (node:http, on a real socket)', () => {
  test('an oversized body is refused with 413, declared or chunked; a chunked body within the limit is answered', async () => {
    const config = testConfig({ host: '127.0.0.1', port: 0, limits: { ...testConfig().limits, bodyBytes: 4_096 } });
    const running = await listen(createApp({ config, database }), config);
    try {
      const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
      const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(10_000) } });
      const tooLarge = await httpRequest(running.url, { method: 'POST', headers: json, body: big });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.json?.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');

      // Chunked, with no Content-Length to check in advance: counted as it streams.
      const chunked = await httpRequest(running.url, {
        method: 'POST',
        headers: { ...json, 'transfer-encoding': 'chunked' },
        body: big,
      });
      expect(chunked.status).toBe(413);
      expect(chunked.json?.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      const small = JSON.stringify({ query: '{ articles { totalCount } }' });
      const chunkedSmall = await httpRequest(running.url, {
        method: 'POST',
        headers: { ...json, 'transfer-encoding': 'chunked' },
        body: small,
      });
      expect(chunkedSmall.json).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });

      const normal = await httpRequest(running.url, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      expect(normal.json).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
    } finally {
      await running.close();
    }
  });

  test('small bodies are read by the front door, larger ones stream; both parse the same, UTF-8 included', async () => {
    const config = testConfig({ host: '127.0.0.1', port: 0, limits: { ...testConfig().limits, bodyBytes: 200_000 } });
    const running = await listen(createApp({ config, database }), config);
    try {
      const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
      const echo = 'query($pad: String!) { __typename articles { totalCount } article(slug: $pad) { title } }';
      for (const size of [10, 3_000, 16_000, 40_000, 150_000]) {
        const body = JSON.stringify({ query: echo, variables: { pad: 'é€'.repeat(size / 5) } });
        const answer = await httpRequest(running.url, { method: 'POST', headers: json, body });
        expect(answer.json, `${body.length} bytes`).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
      }
      const malformed = await httpRequest(running.url, { method: 'POST', headers: json, body: '{"query": ' });
      expect(malformed.status).toBe(400);
      expect(malformed.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    } finally {
      await running.close();
    }
  });
});

describe('the request body size limit without the front door (app.fetch)', () => {
  const limited = () => createTestApp(database, { limits: { ...testConfig().limits, bodyBytes: 4_096 } });
  const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(10_000) } });

  test('a declared length over the limit: 413; an invalid one: 400', async () => {
    const target = limited();
    const declared = await send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    const invalid = await send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '12, 40' },
      body: '{"query":"{ __typename }"}',
    });
    expect(invalid.status).toBe(400);
  });

  test('a streamed body of unknown length is counted and refused once past the limit', async () => {
    const chunks = [big.slice(0, 3_000), big.slice(3_000)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const answer = await send(limited(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
    const small = await send(limited(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"query":"{ articles { totalCount } }"}'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(small.json).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
  });
});

describe('HTTP: content types, JSON, GET, CSRF, CORS', () => {
  test('a content type that is not GraphQL: 415, not executed', async () => {
    for (const type of ['text/xml', 'application/octet-stream', 'image/png']) {
      const answer = await send(app, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '<query>{ __typename }</query>',
      });
      expect(answer.status, type).toBe(415);
    }
    await expectStillAnswers();
  });

  test('malformed JSON: 400 with a code, no stack', async () => {
    for (const body of [
      '{"query": "{ __typename }"',
      '{"query": }',
      '\u0000\u0001',
      '[[[[[[[[[[[[[[[[',
      'null',
      '"just a string"',
    ]) {
      const answer = await send(app, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(answer.status, body).toBe(400);
      expect(codes(answer), answer.text).toEqual(['BAD_REQUEST']);
      expect(answer.text).not.toMatch(LEAK);
      expect(answer.json?.data ?? null).toBeNull();
    }
    await expectStillAnswers();
  });

  test('GET never executes a mutation: 405, nothing written', async () => {
    const before = await peopleCount();
    const mutation = encodeURIComponent('mutation { createPerson(input: { name: "Got By GET" }) { person { name } } }');
    const withHeader = await send(app, {
      url: `${ENDPOINT}?query=${mutation}`,
      method: 'GET',
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(withHeader.status).toBe(405);
    expect(withHeader.headers.get('allow')).toMatch(/POST/);
    expect(codes(withHeader)).toEqual(['BAD_REQUEST']);
    // Without the header CSRF prevention refuses it first.
    expect([403, 405]).toContain((await send(app, { url: `${ENDPOINT}?query=${mutation}`, method: 'GET' })).status);
    expect(await peopleCount()).toBe(before);
  });

  test('GET queries need the CSRF header: 403 without, answered with', async () => {
    const url = `${ENDPOINT}?query=${encodeURIComponent('{ articles { totalCount } }')}`;
    const refused = await send(app, { url, method: 'GET' });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const answered = await send(app, { url, method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(answered.json).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
  });

  test('CSRF: simple cross-site POSTs (text/plain, forms) are refused and not executed', async () => {
    const before = await peopleCount();
    const mutation = 'mutation { createPerson(input: { name: "Cross Site" }) { person { name } } }';
    const attempts: [string, string][] = [
      ['text/plain', JSON.stringify({ query: mutation })],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--\r\n`,
      ],
    ];
    for (const [type, body] of attempts) {
      const answer = await send(app, { method: 'POST', headers: { 'content-type': type }, body });
      expect(answer.status, type).toBe(403);
      expect(codes(answer), type).toEqual(['FORBIDDEN']);
    }
    expect(await peopleCount()).toBe(before);
  });

  test('CORS is configurable: no origin by default, only the listed ones otherwise', async () => {
    const preflight = (origin: string, target: App) =>
      send(target, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const closed = await preflight('https://anywhere.example', app);
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = await preflight('https://anywhere.example', createTestApp(database, { corsOrigins: ['*'] }));
    expect(open.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/anywhere\.example)$/);

    const strict = createTestApp(database, { corsOrigins: ['https://news.example'] });
    expect((await preflight('https://news.example', strict)).headers.get('access-control-allow-origin')).toBe(
      'https://news.example',
    );
    expect((await preflight('https://evil.example', strict)).headers.get('access-control-allow-origin')).not.toBe(
      'https://evil.example',
    );
  });
});

describe('errors that help and leak nothing', () => {
  const typos: [string, string][] = [
    ['a field', '{ articls { totalCount } }'],
    ['an argument', '{ articles(frist: 1) { totalCount } }'],
    ['a type', 'query($f: ArticleFiltr) { articles(filter: $f) { totalCount } }'],
    ['an input field', '{ quotes(filter: { speakerNam: "x" }) { totalCount } }'],
  ];

  test('no "Did you mean" outside development, for fields, arguments, types and input fields', async () => {
    for (const [what, query] of typos) {
      const answer = await post(query);
      expect(codes(answer), what).toEqual(expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']));
      expect(answer.text, what).not.toMatch(/did you mean/i);
    }
  });

  // GraphQL Armor's filter only rewrites `Did you mean "x"?`; graphql-js words enum hints as
  // `Did you mean the enum value "X"?`, and variable coercion errors (raised at execution, not
  // validation) are not filtered at all, so these map the schema for a stranger.
  test('no "Did you mean" outside development for enum values and variables either', async () => {
    const leaks = [
      await post('{ articles(orderBy: NEWST) { totalCount } }'),
      await post('query($o: ArticleOrder) { articles(orderBy: $o) { totalCount } }', { o: 'NEWST' }),
      await post('query($f: QuoteFilter) { quotes(filter: $f) { totalCount } }', { f: { speakerNam: 'x' } }),
    ];
    for (const answer of leaks) {
      expect(answer.json?.errors?.length).toBeGreaterThan(0);
      expect(answer.text).not.toMatch(/did you mean/i);
    }
  });

  test('"Did you mean" is there in development', async () => {
    const development = createTestApp(database, { env: 'development' });
    // A typo no other test sends: validation results are cached across apps in one process.
    const answer = await post('{ articlez { totalCount } }', {}, {}, development);
    expect(answer.json.errors[0].message).toMatch(/Did you mean "article" or "articles"\?/);
  });

  test('an unexpected failure is masked: a code, a bland message, no SQL, stack or driver text', async () => {
    const doomed = await openTestDatabase();
    const broken = createTestApp(doomed);
    await doomed.close();
    const answer = await post('{ articles(first: 5) { totalCount nodes { title } } }', {}, {}, broken);
    expect(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']).toContain(codes(answer)[0]);
    expect(answer.text).not.toMatch(LEAK);
    expect(answer.json.errors[0].message).toMatch(
      /^(Unexpected error\.|The database is unavailable; try again shortly\.)$/,
    );
    expect(answer.json.errors[0].extensions).not.toHaveProperty('originalError');

    expect((await send(broken, { url: 'http://quotegraph.test/readyz' })).status).toBe(503);
    expect((await send(broken, { url: 'http://quotegraph.test/healthz' })).status).toBe(200);
    await expectStillAnswers();
  });

  test('introspection and GraphiQL are on by default and can be switched off', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect((await post(introspection)).json).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    const closed = createTestApp(database, { introspection: false, graphiql: false });
    expectRefused(await post(introspection, {}, {}, closed), 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(await post('{ __type(name: "Article") { name } }', {}, {}, closed), 'GRAPHQL_VALIDATION_FAILED');
    await expectStillAnswers(closed);

    const page = await send(app, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // GraphiQL sends the CSRF header, so its GETs and POSTs pass CSRF prevention.
    expect(page.text).toContain('x-graphql-yoga-csrf');
    const noPage = await send(closed, { method: 'GET', headers: { accept: 'text/html' } });
    expect(noPage.headers.get('content-type') ?? '').not.toMatch(/text\/html/);

    // What GraphiQL itself sends: POST, JSON, its accept list and the CSRF header.
    const graphiqlRequest = await post(
      introspection,
      {},
      {
        accept: 'application/graphql-response+json, application/json, multipart/mixed',
        'x-graphql-yoga-csrf': 'graphiql',
      },
    );
    expect(graphiqlRequest.json).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

const STRING_FIELDS = [
  'article(slug: $s) { id }',
  'article(url: $s) { id }',
  'organization(name: $s) { id }',
  'organization(slug: $s) { id }',
  'person(name: $s) { id }',
  'person(slug: $s) { id }',
  'articles(filter: { publisher: $s }) { totalCount nodes { id } }',
  'articles(filter: { search: $s }) { totalCount nodes { id } }',
  'quotes(filter: { speakerName: $s }) { totalCount nodes { id } }',
  'quotes(filter: { search: $s }) { totalCount nodes { id } }',
  'people(filter: { search: $s }) { totalCount nodes { id } }',
  'organizations(filter: { search: $s }) { totalCount nodes { id } }',
  'search(query: $s) { articles { id } quotes { id } people { id } organizations { id } }',
];

/** True when a field's answer holds nothing: null, zero counts, empty lists. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

async function askEveryStringField(value: string) {
  const results: { field: string; codes: string[]; empty: boolean; text: string }[] = [];
  for (const field of STRING_FIELDS) {
    const answer = await post(`query($s: String!) { result: ${field} }`, { s: value });
    results.push({
      field,
      codes: codes(answer),
      empty: isEmpty(answer.json?.data?.result ?? null),
      text: answer.text.slice(0, 300),
    });
    expect(answer.text).not.toMatch(LEAK);
  }
  return results;
}

describe('injection-looking strings in every string argument', () => {
  const strings = [
    "'; drop table articles; --",
    "' or '1'='1",
    "\\'; select pg_sleep(10); --",
    '{"$ne": null}',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    'x'.repeat(100_000),
  ];

  test.each(strings.map((value) => [value.slice(0, 40), value]))(
    '%s: a normal, empty answer',
    async (_label, value) => {
      const results = await askEveryStringField(value);
      expect(results.filter((result) => result.codes.length > 0 || !result.empty)).toEqual([]);
      await expectStillAnswers();
    },
  );

  // A search made only of LIKE wildcards or punctuation normalises to an empty key; it must find
  // nothing, not drop the filter and list everyone.
  test.each([['%'], ['_'], ['\\'], ['%_%']])('%s: matches nothing', async (value) => {
    const results = await askEveryStringField(value);
    expect(results.filter((result) => result.codes.length > 0 || !result.empty).map((result) => result.field)).toEqual(
      [],
    );
  });

  // PostgreSQL refuses NUL in text: the client must learn it sent a bad value, not that the
  // server failed.
  test('a NUL byte: BAD_USER_INPUT or an empty answer, never INTERNAL_SERVER_ERROR', async () => {
    const results = await askEveryStringField('a\u0000b');
    const failed = results.filter(
      (result) =>
        !(result.codes.every((code) => code === 'BAD_USER_INPUT') && (result.codes.length > 0 || result.empty)),
    );
    expect(failed.map((result) => `${result.field}: ${result.codes.join()}`)).toEqual([]);
  });
});

describe('absurd pagination', () => {
  const page =
    'query($first: Int, $last: Int, $after: String) { quotes(first: $first, last: $last, after: $after) { totalCount nodes { id } } }';

  test('negative, huge or out-of-range sizes: BAD_USER_INPUT, never a query', async () => {
    for (const variables of [
      { first: -1 },
      { first: 1_000_000_000 },
      { last: -5 },
      { last: 1_000 },
      { first: 2 ** 31 },
      { first: 1.5 },
      { first: '10' },
    ]) {
      const answer = await post(page, variables);
      expect(codes(answer), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(answer.json?.data?.quotes ?? null).toBeNull();
    }
    expectRefused(await post('{ quotes(first: 10000000000) { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED');
    const nested = await post('{ articles(first: 1) { nodes { quotes(first: -1) { totalCount } } } }');
    expect(codes(nested)).toContain('BAD_USER_INPUT');
    await expectStillAnswers();
  });

  test('last with after, first with last, garbage cursors: an answer or BAD_USER_INPUT, never a crash', async () => {
    const { endCursor } = (await post('{ quotes(first: 3) { pageInfo { endCursor } } }')).json.data.quotes.pageInfo;
    for (const variables of [
      { last: 5, after: endCursor },
      { first: 5, last: 5 },
      { first: 5, after: 'garbage' },
      { first: 5, after: 'x'.repeat(10_000) },
    ]) {
      const answer = await post(page, variables);
      const errors = codes(answer);
      expect(
        errors.every((code) => code === 'BAD_USER_INPUT'),
        `${JSON.stringify(variables).slice(0, 80)}: ${answer.text.slice(0, 200)}`,
      ).toBe(true);
      expect(answer.text).not.toMatch(LEAK);
    }
    await expectStillAnswers();
  });
});

describe('invalid global IDs', () => {
  const encode = (text: string) => Buffer.from(text).toString('base64');
  const ids = [
    'garbage',
    '',
    '%%%',
    encode('Article:'),
    encode('Nope:1'),
    encode('Article:-1'),
    encode('Article:0'),
    encode('Article:1.5'),
    encode("Article:' or 1=1 --"),
    encode('Article:99999999999999999999'),
    encode('Article:1\u0000'),
    encode('Person:1'),
  ];
  const lookups = [
    'article(id: $id) { id }',
    'person(id: $id) { id }',
    'organization(id: $id) { id }',
    'quotes(filter: { speaker: $id }) { totalCount }',
    'articles(filter: { mentions: $id }) { totalCount }',
  ];

  test('by-id lookups and filters: BAD_USER_INPUT or nothing found', async () => {
    for (const id of ids) {
      for (const lookup of lookups) {
        const answer = await post(`query($id: ID!) { result: ${lookup} }`, { id });
        expect(
          codes(answer).every((code) => code === 'BAD_USER_INPUT'),
          `${lookup} ${id}: ${answer.text.slice(0, 200)}`,
        ).toBe(true);
        expect(answer.text).not.toMatch(LEAK);
      }
    }
    await expectStillAnswers();
  });

  // `node(id:)` hands the decoded key to the database unchecked: a non-numeric or out-of-range
  // key fails the statement and comes back as INTERNAL_SERVER_ERROR (`article(id:)` checks it),
  // and an unknown type name comes back as "Nope has not been implemented" with no code at all.
  test('node and nodes: BAD_USER_INPUT or null, never INTERNAL_SERVER_ERROR', async () => {
    const failures: string[] = [];
    for (const id of ids) {
      for (const query of [
        'query($id: ID!) { node(id: $id) { id } }',
        'query($id: ID!) { nodes(ids: [$id]) { id } }',
      ]) {
        const answer = await post(query, { id });
        expect(answer.text).not.toMatch(LEAK);
        if (!codes(answer).every((code) => code === 'BAD_USER_INPUT'))
          failures.push(`${query.slice(18, 23)} ${id}: ${codes(answer).join()}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('rate limits', () => {
  const tokens = ['rate-test-token-aaaaaaaaaaaa', 'rate-test-token-bbbbbbbbbbbb'];
  let limited: App;
  beforeAll(() => {
    limited = createTestApp(database, {
      apiTokens: tokens,
      trustProxy: true,
      rateLimits: { writesPerMinute: 2, expensivePerMinute: 2, expensiveCost: 50 },
    });
  });

  const write = (token: string, name: string) =>
    post(
      'mutation($name: String!) { createPerson(input: { name: $name }) { person { name } } }',
      { name },
      { authorization: `Bearer ${token}` },
      limited,
    );

  test('mutations: RATE_LIMITED with retryAfter once a client has spent its budget; another client has its own', async () => {
    for (let i = 0; i < 2; i++) expect(codes(await write(tokens[0]!, `Rate A${i}`))).toEqual([]);
    const refused = await write(tokens[0]!, 'Rate A2');
    expectRefused(refused, 'RATE_LIMITED');
    const retryAfter = refused.json.errors[0].extensions.retryAfter;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
    expect(refused.json.errors[0].extensions.http).toBeUndefined();
    expect(codes(await write(tokens[1]!, 'Rate B0'))).toEqual([]);
    expect(
      (await post('{ people(filter: { search: "Rate A2" }) { totalCount } }', {}, {}, limited)).json.data.people
        .totalCount,
    ).toBe(0);
  });

  test('expensive queries: RATE_LIMITED per client address; cheap ones are not counted', async () => {
    const expensive = '{ articles(first: 60) { totalCount nodes { title } } }';
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 2; i++) expect(codes(await post(expensive, {}, from('203.0.113.7'), limited))).toEqual([]);
    const refused = await post(expensive, {}, from('203.0.113.7'), limited);
    expectRefused(refused, 'RATE_LIMITED');
    expect(refused.json.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(refused.json.errors[0].extensions.retryAfter);
    expect(refused.json.extensions.cost).toBeGreaterThanOrEqual(50);
    expect(codes(await post(expensive, {}, from('203.0.113.8'), limited))).toEqual([]);
    for (let i = 0; i < 5; i++)
      expect(codes(await post('{ articles(first: 1) { totalCount } }', {}, from('203.0.113.7'), limited))).toEqual([]);
  });
});

const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((candidate) =>
  fs.existsSync(candidate),
);

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Budgets shared by every instance through Redis, and what happens when Redis goes away.
describe.skipIf(!redisServer)('rate limits with REDIS_URL', () => {
  const token = 'redis-rate-token-cccccccccccc';
  let redis: ChildProcess;
  let redisUrl: string;
  const apps: App[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(redisServer!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    redisUrl = `redis://127.0.0.1:${port}`;
    for (let tries = 0; !(await listening(port)); tries++) {
      if (tries > 100) throw new Error('redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    for (const instance of apps) await instance.dispose();
    redis?.kill();
  });

  function instance(): App {
    const created = createTestApp(database, {
      apiTokens: [token],
      redisUrl,
      rateLimits: { writesPerMinute: 3, expensivePerMinute: 100, expensiveCost: 1_000 },
    });
    apps.push(created);
    return created;
  }
  const write = (target: App, name: string) =>
    post(
      'mutation($name: String!) { createPerson(input: { name: $name }) { person { name } } }',
      { name },
      { authorization: `Bearer ${token}` },
      target,
    );

  test('two instances spend one budget', async () => {
    const [first, second] = [instance(), instance()];
    await new Promise((resolve) => setTimeout(resolve, 300)); // their Redis connections open
    expect(codes(await write(first, 'Shared One'))).toEqual([]);
    expect(codes(await write(second, 'Shared Two'))).toEqual([]);
    expect(codes(await write(first, 'Shared Three'))).toEqual([]);
    expectRefused(await write(second, 'Shared Four'), 'RATE_LIMITED');
  });

  test('with Redis gone, an in-memory budget stands in and the server keeps answering', async () => {
    redis.kill();
    await new Promise((resolve) => redis.once('exit', resolve));
    const alone = instance();
    for (let i = 0; i < 3; i++) expect(codes(await write(alone, `Alone ${i}`))).toEqual([]);
    expectRefused(await write(alone, 'Alone 3'), 'RATE_LIMITED');
    await expectStillAnswers(alone);
  });
});

describe('the execution timeout', () => {
  test('an operation that runs too long gets TIMEOUT; the server answers again afterwards', async () => {
    const impatient = createTestApp(database, { limits: { ...testConfig().limits, executionTimeoutMs: 50 } });
    // Another transaction holds the quotes table, so the query has to wait for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table quotes in access exclusive mode`);
      locked();
      await held;
    });
    await isLocked;
    try {
      const answer = await post('{ quotes(first: 5) { totalCount nodes { text } } }', {}, {}, impatient);
      expectRefused(answer, 'TIMEOUT');
    } finally {
      release();
      await holder;
    }
    await expectStillAnswers(impatient);
  });
});

describe('extensions.cost', () => {
  const limit = testConfig().limits.cost;

  test('on a normal answer: the story costs something, and less than the limit', async () => {
    const answer = await post(storyExample, { slug: 'harbor-council-backs-tidal-pilot' });
    expect(codes(answer)).toEqual([]);
    expect(answer.json.data.article.title).toBe('Harbor council backs tidal pilot');
    expect(answer.json.extensions.cost).toBeGreaterThan(10);
    expect(answer.json.extensions.cost).toBeLessThan(limit);
  });

  test('lists multiply by first/last: first: 100 nested twice is over the limit, and says its cost', async () => {
    const answer = await post('{ articles(first: 100) { nodes { quotes(first: 100) { nodes { text } } } } }');
    expectRefused(answer, 'QUERY_TOO_COMPLEX');
    expect(answer.json.extensions.cost).toBeGreaterThan(limit);
    const small = await post('query($n: Int) { articles(first: $n) { nodes { title } } }', { n: 2 });
    const large = await post('query($n: Int) { articles(first: $n) { nodes { title } } }', { n: 100 });
    expect(large.json.extensions.cost).toBeGreaterThan(small.json.extensions.cost);
  });
});
