// Named regressions for values that came back wrong: dates before year 100, empty lookup keys,
// non-canonical global IDs, cursors from elsewhere, malformed ids in one of several fields.
// Each runs on the resolver path and the compiled path; the generated versions of these checks
// live in tests/properties.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, type GraphQLResponse } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();
const TOKEN = 'values-test-token-0123456789';
let compiled: App;
let ordinary: App;
beforeAll(() => {
  compiled = createTestApp(graph.database, { apiTokens: [TOKEN] });
  ordinary = createTestApp(graph.database, { compiledReads: false, apiTokens: [TOKEN] });
});

const write = (source: string, variables: Record<string, unknown> = {}) =>
  execute(compiled, source, variables, { authorization: `Bearer ${TOKEN}` });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

/** Both apps, same answer; returns it. */
async function bothPaths(source: string, variables: Record<string, unknown> = {}) {
  const a = await execute(compiled, source, variables);
  const b = await execute(ordinary, source, variables);
  expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data));
  expect(a.errors).toEqual(b.errors);
  return b;
}

describe('dates from year 1 to 9999', () => {
  test('an article published 0001-03-01 reads back as 0001-03-01 on both paths, in cursors and on its quotes', async () => {
    const created = await write(
      `mutation { createArticle(input: { title: "An ancient report", body: "Caesar said: \\"I came.\\" The end.", publishedAt: "0001-03-01T00:00:00.000Z" }) { article { id slug publishedAt } } }`,
    );
    expect(created.errors).toBeUndefined();
    const article = (created.data as any).createArticle.article;
    expect(article.publishedAt).toBe('0001-03-01T00:00:00.000Z');
    const quote = await write(
      `mutation($article: ID!) { createQuote(input: { article: $article, text: "I came.", kind: DIRECT, startOffset: 14, endOffset: 21 }) { quote { id } } }`,
      { article: article.id },
    );
    expect(quote.errors).toBeUndefined();

    const read = await bothPaths(
      `query($slug: String) { article(slug: $slug) { publishedAt quotes { nodes { article { publishedAt } } } } }`,
      { slug: article.slug },
    );
    expect((read.data as any).article.publishedAt).toBe('0001-03-01T00:00:00.000Z');
    // The quote sorts by its article's date: first of all, oldest first.
    const oldest = await bothPaths('{ quotes(orderBy: OLDEST, first: 1) { nodes { text article { publishedAt } } } }');
    expect((oldest.data as any).quotes.nodes[0]).toEqual({
      text: 'I came.',
      article: { publishedAt: '0001-03-01T00:00:00.000Z' },
    });

    // Paging oldest first from the ancient article's cursor reaches every other article once.
    const first = await execute(
      ordinary,
      '{ articles(orderBy: OLDEST, first: 1) { edges { cursor node { slug } } totalCount } }',
    );
    const { edges, totalCount } = (first.data as any).articles;
    expect(edges[0].node.slug).toBe(article.slug);
    const rest = await execute(
      ordinary,
      'query($after: String) { articles(orderBy: OLDEST, after: $after, first: 100) { nodes { slug } } }',
      {
        after: edges[0].cursor,
      },
    );
    expect((rest.data as any).articles.nodes).toHaveLength(totalCount - 1);
  });

  test('year 9999 is accepted and year 0000 or 10000 is a BAD_USER_INPUT, never a database error', async () => {
    const late = await write(
      `mutation { createArticle(input: { title: "The last day", body: "The very last day of the calendar.", publishedAt: "9999-12-31T23:59:59.999Z" }) { article { publishedAt } } }`,
    );
    expect((late.data as any).createArticle.article.publishedAt).toBe('9999-12-31T23:59:59.999Z');
    for (const moment of ['0000-03-01T00:00:00.000Z', '0001-01-01T00:30:00+01:00', '+010000-01-01T00:00:00.000Z']) {
      const literal = await write(
        `mutation { createArticle(input: { title: "Year zero ${moment}", body: "Nothing at all ${moment}", publishedAt: "${moment}" }) { article { id } } }`,
      );
      expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
      const variable = await write(
        `mutation($at: DateTime) { createArticle(input: { title: "Year zero", body: "Nothing at all", publishedAt: $at }) { article { id } } }`,
        { at: moment },
      );
      expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
      const filter = await bothPaths(
        'query($at: DateTime) { articles(filter: { publishedAfter: $at }) { totalCount } }',
        { at: moment },
      );
      expect(codes(filter)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('empty lookup keys', () => {
  test('article(slug: "") and article(url: "") are null on both paths', async () => {
    for (const source of [
      '{ article(slug: "") { id } }',
      '{ article(url: "") { id } }',
      '{ person(slug: "") { id } }',
      '{ organization(name: "") { id } }',
    ]) {
      const answer = await bothPaths(source);
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data as object)).toEqual([null]);
    }
  });
});

describe('global IDs', () => {
  const canonical = () => encodeGlobalID('Article', graph.ids.council.articleId);
  const variants = () => {
    const key = graph.ids.council.articleId;
    return [
      base64(`Article:0${key}`),
      base64(`Article:0x${key.toString(16)}`),
      base64(`Article: ${key}`),
      base64(`Article:${key}.0`),
      base64(`Article:+${key}`),
      base64(`Article:${key}e0`),
      `${canonical().replace(/=+$/, '')}==`,
      `${canonical()}\n`,
      canonical().replace(/\+/g, '-').replace(/\//g, '_') === canonical()
        ? ` ${canonical()}`
        : canonical().replace(/\+/g, '-'),
    ];
  };

  test('node(id: X).id is X for the canonical id', async () => {
    const answer = await bothPaths('query($id: ID!) { node(id: $id) { id } }', { id: canonical() });
    expect((answer.data as any).node.id).toBe(canonical());
  });

  test('a non-canonical spelling of an id is a BAD_USER_INPUT on the field, not another name for the object', async () => {
    for (const id of variants()) {
      for (const source of [
        'query($id: ID!) { node(id: $id) { id } }',
        'query($id: ID!) { article(id: $id) { id } }',
        'query($id: ID!) { nodes(ids: [$id]) { id } }',
        'query($id: ID!) { quotes(filter: { article: $id }) { totalCount } }',
      ]) {
        const answer = await bothPaths(source, { id });
        expect(codes(answer), `${source} with ${JSON.stringify(id)}`).toEqual(['BAD_USER_INPUT']);
        expect(answer.errors![0]!.path).toHaveLength(1);
      }
    }
  });

  test('a malformed id literal nulls only its own field', async () => {
    for (const id of ['zzz', base64('Article:02'), base64('Nope:1')]) {
      const answer = await bothPaths(
        `{ bad: article(id: "${id}") { id } good: article(slug: "harbor-council-backs-tidal-pilot") { slug } }`,
      );
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0]!.path).toEqual(['bad']);
      expect(answer.data).toEqual({ bad: null, good: { slug: 'harbor-council-backs-tidal-pilot' } });
    }
  });
});

describe('cursors', () => {
  const connections = [
    '{ articles(first: 2) { pageInfo { endCursor } } }',
    '{ quotes(first: 2) { pageInfo { endCursor } } }',
    '{ people(first: 2) { pageInfo { endCursor } } }',
    '{ organizations(first: 2) { pageInfo { endCursor } } }',
    '{ publishers(first: 1) { pageInfo { endCursor } } }',
  ];
  const pagedBy = (root: string, direction: 'after' | 'before') =>
    `query($c: String) { ${root}(${direction}: $c, ${direction === 'after' ? 'first' : 'last'}: 2) { totalCount nodes { id } } other: article(slug: "harbor-council-backs-tidal-pilot") { slug } }`;
  const nested = [
    [
      'article',
      'query($c: String) { article(slug: "the-mayor-answers-questions") { quotes(after: $c, first: 2) { nodes { id } } } }',
    ],
    [
      'person',
      'query($c: String) { person(slug: "elena-marquez") { quotes(after: $c, first: 2) { nodes { id } } articles(after: $c) { nodes { id } } } }',
    ],
  ] as const;

  test('a cursor from another connection, or a hand-made one, is a BAD_USER_INPUT naming the argument', async () => {
    const cursors: string[] = [
      'xyz',
      base64('DC:S:hello'),
      base64('DC:N:5'),
      base64('DC:N:99999999999'),
      base64('DC:D:1'),
      base64('DC:T:[]'),
      base64('DC:T:["D:nope","N:1"]'),
    ];
    for (const source of connections) {
      const answer = await execute(ordinary, source);
      cursors.push((Object.values(answer.data as any)[0] as any).pageInfo.endCursor);
    }
    for (const root of ['articles', 'quotes', 'people', 'organizations', 'publishers']) {
      for (const direction of ['after', 'before'] as const) {
        for (const cursor of cursors) {
          const answer = await execute(ordinary, pagedBy(root, direction), { c: cursor });
          for (const error of answer.errors ?? []) {
            expect(error.extensions?.code, `${root}(${direction}: ${cursor})`).toBe('BAD_USER_INPUT');
            expect(error.extensions?.field).toBe(direction);
            expect(error.path).toEqual([root]);
          }
          // (A root connection is non-null, so its error nulls `data` as GraphQL requires.)
          if (!answer.errors) expect((answer.data as any).other).toEqual({ slug: 'harbor-council-backs-tidal-pilot' });
        }
      }
    }
    for (const [, source] of nested) {
      for (const cursor of cursors) {
        const answer = await execute(ordinary, source, { c: cursor });
        // A nested connection's arguments are read while its parent's row is fetched: the error
        // is the parent's, and names the argument.
        for (const error of answer.errors ?? []) {
          expect(error.extensions?.code, `${source} (${cursor})`).toBe('BAD_USER_INPUT');
          expect(error.extensions?.field).toBe('after');
        }
      }
    }
  });
});
