// Property: generated invalid inputs — global IDs, cursors, dates, variables, operation names,
// whole request bodies — are the client's mistake. No answer is INTERNAL_SERVER_ERROR or an
// HTTP 5xx; every error carries a code; every error raised while executing carries the path
// of its field; and the fields that were fine still answer.
import { encodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';
import { propertySeed, runs, scaledTimeout } from '../support/property.ts';

const graph = useFixtureGraph();
let compiled: App;
let resolvers: App;
beforeAll(async () => {
  compiled = createTestApp(graph.database);
  resolvers = createTestApp(graph.database, { compiledReads: false });
  const lists = `{ articles(first: 2) { edges { cursor } } quotes(first: 2) { edges { cursor } } people(first: 2) { edges { cursor } }
    organizations(first: 2) { edges { cursor } } publishers(first: 2) { edges { cursor } }
    article(slug: "the-mayor-answers-questions") { quotes(first: 2) { edges { cursor } } } }`;
  const answer = await execute(resolvers, lists);
  JSON.stringify(answer.data, (key, value) => {
    if (key === 'cursor') realCursors.push(value);
    return value;
  });
});

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const TYPES = [
  'Article',
  'Quote',
  'Person',
  'Organization',
  'Affiliation',
  'RelatedLink',
  'Publisher',
  'Query',
  'Nope',
  '',
];

/** Strings that look like global IDs and are not canonical ones (or name nothing). */
const badId = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc
    .tuple(
      fc.constantFrom(...TYPES),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('0', '-1', '01', '0x1', '1.0', '1e3', ' 1', '2147483648', '99999999999999999999'),
      ),
    )
    .map(([t, k]) => base64(`${t}:${k}`)),
  fc
    .tuple(fc.constantFrom(...TYPES.slice(0, 7)), fc.integer({ min: 1, max: 5 }))
    .map(([t, k]) => encodeGlobalID(t, k).replace(/=+$/, '')),
  fc
    .tuple(
      fc.constantFrom(...TYPES.slice(0, 7)),
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom(' ', '\n', '=', '==', '-', '_'),
    )
    .map(([t, k, junk]) => `${encodeGlobalID(t, k)}${junk}`),
  fc.integer({ min: 1, max: 5 }).map((k) => encodeGlobalID('Article', k)),
);

/** Cursors from other lists, tuples of the wrong shape, values of the wrong type, noise. */
const chunk = fc.oneof(
  fc.integer().map((n) => `N:${n}`),
  fc.double().map((n) => `N:${n}`),
  fc.string({ maxLength: 8 }).map((s) => `S:${s}`),
  fc.integer().map((n) => `D:${n}`),
  fc.constantFrom('Z:', 'I:123456789012345678901', 'O:true', 'B:AAAA', 'M:1.5', 'J:[1]', 'X:1', 'D:99999999999999999'),
);
const badCursor = fc.oneof(
  fc.string({ maxLength: 24 }),
  chunk.map((c) => base64(`DC:${c}`)),
  fc.array(chunk, { maxLength: 5 }).map((parts) => base64(`DC:T:${JSON.stringify(parts)}`)),
  fc.array(fc.jsonValue(), { maxLength: 4 }).map((parts) => base64(`DC:T:${JSON.stringify(parts)}`)),
  fc.string({ maxLength: 12 }).map((s) => base64(`DC:${s}`)),
);

/** Dates outside 0001–9999, or not dates at all. */
const badDate = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+00:01',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01',
    '2026-01-01T25:00:00Z',
  ),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Any JSON a client might send as a variable value. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), badId, badCursor, badDate);

/** Each operation with the kind of value its variable takes. */
const OPERATIONS: [query: string, variable: string, kind: 'id' | 'ids' | 'cursor' | 'date' | 'any'][] = [
  ['query Q($id: ID!) { node(id: $id) { id } fine: __typename }', 'id', 'id'],
  ['query Q($ids: [ID!]!) { nodes(ids: $ids) { id } fine: __typename }', 'ids', 'ids'],
  [
    'query Q($id: ID) { article(id: $id) { title } fine: article(slug: "harbor-council-backs-tidal-pilot") { slug } }',
    'id',
    'id',
  ],
  ['query Q($id: ID) { person(id: $id) { name quotes(first: 2) { totalCount } } fine: __typename }', 'id', 'id'],
  ['query Q($id: ID) { quotes(filter: { speaker: $id }) { totalCount } }', 'id', 'id'],
  ['query Q($id: ID) { quotes(filter: { organization: $id, article: $id }) { totalCount } }', 'id', 'id'],
  ['query Q($id: ID) { articles(filter: { mentions: $id }) { totalCount nodes { id } } }', 'id', 'id'],
  ['query Q($c: String) { articles(after: $c, first: 2) { nodes { id } } }', 'c', 'cursor'],
  ['query Q($c: String) { articles(before: $c, last: 2, orderBy: OLDEST) { nodes { id } } }', 'c', 'cursor'],
  ['query Q($c: String) { quotes(before: $c, last: 2) { nodes { id } } }', 'c', 'cursor'],
  [
    'query Q($c: String) { people(after: $c) { nodes { id } } organizations(before: $c, last: 1) { nodes { id } } }',
    'c',
    'cursor',
  ],
  ['query Q($c: String) { publishers(after: $c) { nodes { id } } }', 'c', 'cursor'],
  [
    'query Q($c: String) { person(slug: "elena-marquez") { quotes(after: $c) { nodes { id } } articles(before: $c, last: 1) { nodes { id } } } }',
    'c',
    'cursor',
  ],
  [
    'query Q($c: String) { article(slug: "the-mayor-answers-questions") { quotes(after: $c, first: 3) { edges { cursor } } } }',
    'c',
    'cursor',
  ],
  ['query Q($d: DateTime) { articles(filter: { publishedAfter: $d }) { totalCount } }', 'd', 'date'],
  ['query Q($d: DateTime) { quotes(filter: { publishedBefore: $d }) { totalCount } }', 'd', 'date'],
  ['query Q($n: Int) { articles(first: $n) { totalCount } }', 'n', 'any'],
  [
    'query Q($s: String) { article(slug: $s) { id } person(name: $s) { id } organization(slug: $s) { id } }',
    's',
    'any',
  ],
  ['query Q($s: String!) { search(query: $s) { people { id } } }', 's', 'any'],
];

/** Cursors taken from real answers: right for their own list, foreign to every other. */
const realCursors: string[] = [];
const foreignCursor = fc.constant(null).chain(() => (realCursors.length ? fc.constantFrom(...realCursors) : badCursor));

const valueFor = (kind: (typeof OPERATIONS)[number][2]): fc.Arbitrary<unknown> => {
  switch (kind) {
    case 'id':
      return fc.oneof({ weight: 4, arbitrary: badId }, { weight: 1, arbitrary: anyValue });
    case 'ids':
      return fc.oneof({ weight: 4, arbitrary: fc.array(badId, { maxLength: 3 }) }, { weight: 1, arbitrary: anyValue });
    case 'cursor':
      return fc.oneof(
        { weight: 3, arbitrary: badCursor },
        { weight: 2, arbitrary: foreignCursor },
        { weight: 1, arbitrary: anyValue },
      );
    case 'date':
      return fc.oneof({ weight: 4, arbitrary: badDate }, { weight: 1, arbitrary: anyValue });
    case 'any':
      return anyValue;
  }
};

const wellFormed = fc.constantFrom(...OPERATIONS).chain(([query, variable, kind]) =>
  fc.record({
    query: fc.constant(query),
    variables: fc
      .tuple(valueFor(kind), fc.dictionary(fc.constantFrom('other', 'id', 'c'), anyValue, { maxKeys: 2 }))
      .map(([value, extra]) => ({ ...extra, [variable]: value })),
    operationName: fc.option(
      fc.oneof({ weight: 4, arbitrary: fc.constant('Q') }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
      { nil: undefined },
    ),
  }),
);

/** Literal forms: the bad value written into the document. */
const literalOperation = fc.oneof(
  badId.map(
    (id) =>
      `{ bad: node(id: ${JSON.stringify(id)}) { id } fine: article(slug: "harbor-council-backs-tidal-pilot") { slug } }`,
  ),
  badId.map(
    (id) =>
      `{ bad: article(id: ${JSON.stringify(id)}) { id } fine: article(slug: "harbor-council-backs-tidal-pilot") { slug } }`,
  ),
  badCursor.map((c) => `{ bad: articles(after: ${JSON.stringify(c)}) { totalCount nodes { id } } }`),
  badDate.map((d) => `{ bad: quotes(filter: { publishedAfter: ${JSON.stringify(d)} }) { totalCount } }`),
);

/** A whole request body: operation, variables of any shape, an operation name of any type. */
const body = fc.oneof(
  { weight: 5, arbitrary: wellFormed },
  { weight: 2, arbitrary: fc.record({ query: literalOperation }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        query: fc.oneof(
          fc.constantFrom(...OPERATIONS.map(([query]) => query)),
          fc.string(),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        variables: fc.jsonValue({ maxDepth: 3 }),
        operationName: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
);

export const counts = { requests: 0, errors: 0 };

async function post(app: App, payload: unknown) {
  const response = await app.fetch('http://quotegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, result: (await response.json()) as { data?: any; errors?: any[] } };
}

test(
  'generated invalid inputs are answered with codes and paths, never INTERNAL_SERVER_ERROR',
  async () => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        for (const app of [compiled, resolvers]) {
          const { status, result } = await post(app, payload);
          counts.requests += 1;
          const context = JSON.stringify({ payload, status, result });
          expect(status, context).toBeLessThan(500);
          for (const error of result.errors ?? []) {
            counts.errors += 1;
            expect(error.extensions?.code, context).toBeTypeOf('string');
            expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
            // Raised while executing (there is data): it says which field.
            if (result.data !== undefined && result.data !== null) expect(error.path, context).toBeDefined();
          }
          // A field with good arguments still answers beside a faulty one.
          if (
            result.data &&
            'fine' in result.data &&
            typeof payload.query === 'string' &&
            payload.query.includes('fine: article')
          ) {
            expect(result.data.fine, context).toEqual({ slug: 'harbor-council-backs-tidal-pilot' });
          }
        }
      }),
      { numRuns: runs(150) },
    );
    console.info(`invalid inputs (seed ${propertySeed}): ${counts.requests} requests, ${counts.errors} errors checked`);
  },
  scaledTimeout(60_000),
);
