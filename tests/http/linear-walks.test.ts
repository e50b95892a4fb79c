// Every walk of a request before execution is linear in its size: fragment chains that would
// expand exponentially, variables with thousands of unknown keys or thousands of levels, alias,
// directive and list floods. Each is answered or refused with a code (never
// INTERNAL_SERVER_ERROR), the answer's size stays proportional to the request's, and a bystander
// sent at the same moment is answered. No timed assertions: a walk that hangs fails by the file's
// timeout, and a quadratic one by the size of what it writes back.
import fc from 'fast-check';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { fieldNamesOf, fragmentsOf } from '../../src/document/selections.ts';
import type { App } from '../../src/server.ts';
import { createTestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';
import { errorCodes, fetchAnswer, type FetchAnswer } from '../support/service-process.ts';

const ENDPOINT = 'http://quotegraph.test/graphql';
const ARTICLES = 3;

let database: DatabaseHandle;
/** As deployed: response cache and compiled reads on. */
let cached: App;
/** The resolver path alone. */
let resolvers: App;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  cached = createTestApp(database, {
    cache: { enabled: true, ttlMs: 300_000, maxEntries: 1_000, maxBytes: 16 * 1024 * 1024 },
  });
  resolvers = createTestApp(database, { compiledReads: false });
});
afterAll(() => database?.close());

interface Answer extends FetchAnswer {
  sent: number;
}

async function send(app: App, body: string, path = '/graphql'): Promise<Answer> {
  const answer = await fetchAnswer(app, new URL(path, ENDPOINT), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  return { ...answer, sent: body.length };
}

const codes = errorCodes;

/** Answered with data or refused with codes; never an internal error; an answer no larger than a few times the request. */
function expectHandled(answer: Answer) {
  expect([200, 400, 413], answer.text.slice(0, 300)).toContain(answer.status);
  expect(answer.json, answer.text.slice(0, 300)).toBeTypeOf('object');
  for (const code of codes(answer)) {
    expect(code, answer.text.slice(0, 300)).not.toBe('undefined');
    expect(code, answer.text.slice(0, 300)).not.toBe('INTERNAL_SERVER_ERROR');
  }
  expect(answer.text.length, 'the answer grows with the request, not with its square').toBeLessThan(
    4 * answer.sent + 20_000,
  );
}

/** Sends the hostile body and, at the same moment, an ordinary query and a health check; both bystanders are answered. */
async function withBystander(app: App, body: string): Promise<Answer> {
  const [answer, bystander, health] = await Promise.all([
    send(app, body),
    send(app, JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' })),
    app.fetch(new URL('/healthz', ENDPOINT)),
  ]);
  expect(bystander.json, bystander.text.slice(0, 300)).toMatchObject({ data: { articles: { totalCount: ARTICLES } } });
  expect(health.status).toBe(200);
  return answer;
}

/** `count` fragments on `type`, each spreading the next `fanOut` times; the last selects `leaf`. */
function fragmentChain(count: number, type: string, leaf: string, fanOut = 2): string {
  return Array.from({ length: count }, (_, i) =>
    i < count - 1
      ? `fragment F${i} on ${type} { ${`...F${i + 1} `.repeat(fanOut)}}`
      : `fragment F${i} on ${type} { ${leaf} }`,
  ).join('\n');
}

/** Fragment chains in every place a selection can hold one (2^39 paths when expanded). */
const chains = [
  `{ ...F0 }\n${fragmentChain(40, 'Query', '__typename')}`,
  `{ articles(first: 1) { totalCount ...F0 } }\n${fragmentChain(40, 'QueryArticlesConnection', '__typename')}`,
  `{ articles(first: 1) { nodes { ...F0 } } }\n${fragmentChain(40, 'Article', 'title')}`,
  `{ articles(first: 1) { nodes { ...F0 } } }\n${fragmentChain(40, 'Node', 'id')}`,
];

/** A variables object of `depth` levels, as raw JSON (JSON.stringify itself would overflow). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('fragment chains are walked once per fragment', () => {
  test.each(chains.map((query, index) => [index, query]))(
    'chain %i: answered or refused with a code, bystanders answered',
    async (_, query) => {
      expect(query.length).toBeLessThan(3_000);
      for (const app of [cached, resolvers]) expectHandled(await withBystander(app, JSON.stringify({ query })));
    },
  );

  test('fieldNamesOf reads each fragment once, however often it is spread', () => {
    const document = parse(
      `query { articles { ...F0 } }\n${fragmentChain(40, 'QueryArticlesConnection', 'totalCount')}`,
    );
    const fragments = fragmentsOf(document);
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )!;
    const articles = operation.selectionSet.selections[0]!;
    let lookups = 0;
    const lookup = (name: string): FragmentDefinitionNode | undefined => {
      lookups += 1;
      // Beyond this the walk is exponential: stop it rather than hang the test.
      if (lookups > 10_000) throw new Error('fragments looked up more than 10 000 times');
      return fragments.get(name);
    };
    expect(fieldNamesOf(articles.kind === Kind.FIELD ? articles.selectionSet : undefined, lookup)).toEqual(
      new Set(['totalCount']),
    );
    expect(lookups).toBeLessThanOrEqual(40);
  });
});

describe('variables and extensions are bounded before they are coerced', () => {
  const filtered = 'query Q($f: ArticleFilter) { articles(first: 1, filter: $f) { totalCount } }';

  test('6 000 unknown keys in an input object: BAD_USER_INPUT with a few errors, not one per key', async () => {
    const filter = Object.fromEntries(Array.from({ length: 6_000 }, (_, i) => [`k${i}`, i]));
    for (const app of [cached, resolvers]) {
      const answer = await withBystander(app, JSON.stringify({ query: filtered, variables: { f: filter } }));
      expectHandled(answer);
      expect(codes(answer)).toContain('BAD_USER_INPUT');
      expect(answer.json.errors.length).toBeLessThanOrEqual(50);
      expect(answer.json.errors[0].extensions.field).toBe('f');
      expect(answer.json.errors[0].message).toMatch(/6000 fields, but ArticleFilter has only \d+/);
    }
  });

  test('variables nested 5 000 deep: 400 with a code, as unused keys and as extensions too', async () => {
    const bodies = [
      `{"query":${JSON.stringify(filtered)},"variables":{"f":${deepJson(5_000)}}}`,
      `{"query":${JSON.stringify(filtered)},"variables":{"unused":${deepJson(5_000)}}}`,
      `{"query":${JSON.stringify(filtered)},"extensions":{"x":${deepJson(5_000)}}}`,
      `{"query":${JSON.stringify(filtered)},"variables":{"f":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`,
    ];
    for (const app of [cached, resolvers]) {
      for (const body of bodies) {
        const answer = await withBystander(app, body);
        expectHandled(answer);
        expect(answer.status, answer.text.slice(0, 300)).toBe(400);
        expect(codes(answer)).toEqual(['BAD_REQUEST']);
        expect(answer.json.errors[0].message).toMatch(/nested/);
      }
    }
  });

  test('operationName, variables and extensions of the wrong JSON type: 400 BAD_REQUEST naming the parameter', async () => {
    const wrong: [string, string][] = [
      ['operationName', '{"a":1}'],
      ['operationName', '[1]'],
      ['operationName', '12'],
      ['operationName', 'true'],
      ['variables', '[1]'],
      ['variables', '"x"'],
      ['variables', '7'],
      ['extensions', '"x"'],
      ['extensions', '[]'],
    ];
    for (const [parameter, value] of wrong) {
      const answer = await send(cached, `{"query":"query A { __typename }",${JSON.stringify(parameter)}:${value}}`);
      expect(answer.status, `${parameter}: ${value} → ${answer.text}`).toBe(400);
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect(answer.json.errors[0].message).toContain(parameter);
    }
  });
});

/** One hostile request of a generated kind and size (sizes drawn evenly, not biased towards small ones). */
const hostileRequest = fc.oneof(
  fc
    .record({
      count: fc.noBias(fc.integer({ min: 2, max: 60 })),
      fanOut: fc.integer({ min: 1, max: 3 }),
      at: fc.integer({ min: 0, max: chains.length - 1 }),
    })
    .map(({ count, fanOut, at }) => {
      const [type, leaf, operation] = [
        ['Query', '__typename', '{ ...F0 }'],
        ['QueryArticlesConnection', '__typename', '{ articles(first: 1) { totalCount ...F0 } }'],
        ['Article', 'title', '{ articles(first: 1) { nodes { ...F0 } } }'],
        ['Node', 'id', '{ articles(first: 1) { nodes { ...F0 } } }'],
      ][at]!;
      return JSON.stringify({ query: `${operation}\n${fragmentChain(count, type!, leaf!, fanOut)}` });
    }),
  fc.noBias(fc.integer({ min: 1, max: 8_000 })).map((keys) =>
    JSON.stringify({
      query: 'query Q($f: ArticleFilter) { articles(first: 1, filter: $f) { totalCount } }',
      variables: { f: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 'x'.repeat(8)])) },
    }),
  ),
  fc.noBias(fc.integer({ min: 1, max: 30_000 })).map((keys) =>
    JSON.stringify({
      query: '{ __typename }',
      variables: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`v${i}`, i])),
    }),
  ),
  fc
    .record({ depth: fc.noBias(fc.integer({ min: 1, max: 6_000 })), where: fc.constantFrom('variables', 'extensions') })
    .map(
      ({ depth, where }) =>
        `{"query":"query Q($f: ArticleFilter) { articles(first: 1, filter: $f) { totalCount } }","${where}":{"f":${deepJson(depth)}}}`,
    ),
  fc.noBias(fc.integer({ min: 1, max: 400 })).map((count) =>
    JSON.stringify({
      query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`,
    }),
  ),
  fc
    .noBias(fc.integer({ min: 1, max: 400 }))
    .map((count) => JSON.stringify({ query: `{ ${'... @include(if: true) { __typename } '.repeat(count)}}` })),
  fc.record({ length: fc.noBias(fc.integer({ min: 1, max: 20_000 })), valid: fc.boolean() }).map(({ length, valid }) =>
    JSON.stringify({
      query: 'query L($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: {
        ids: Array.from({ length }, (_, i) => (valid ? Buffer.from(`Article:${i + 1}`).toString('base64') : { i })),
      },
    }),
  ),
);

describe('generated hostile requests', () => {
  test('each is answered or refused with a code, its answer proportional to it, bystanders answered', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest, fc.boolean(), async (body, useCache) => {
        expectHandled(await withBystander(useCache ? cached : resolvers, body));
      }),
      { numRuns: runs(40) },
    );
  }, 120_000);
});
