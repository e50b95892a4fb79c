// The compiled read path (src/graphql/compiled) must answer exactly as ordinary execution does:
// the same JSON, key order included, the same errors. Every operation here runs through an app
// with the compiled path and one without, on the same database; `extensions.sql.compiled` says
// which path answered. Then the same on a generated graph, over many ids.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { getNamedType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { planGraph } from '../../src/generate/index.ts';
import { storeGraph } from '../../src/generate/store.ts';
import { compiledOperation, rootStatement } from '../../src/graphql/compiled/compile.ts';
import { exampleOperations } from '../../src/graphql/examples.ts';
import { schema } from '../../src/graphql/schema.ts';
import type { App } from '../../src/server.ts';
import { parameterSequence, workloads } from '../support/workloads.ts';
import { rowsOf } from '../../src/db/client.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { useFixtureGraph } from '../support/graph.ts';
import { storeGeneratedGraph, treeGraphPlan, type StoredGraph } from '../support/generated-graph.ts';
import { readOperation } from '../support/operations.ts';
import { runs, scaledTimeout } from '../support/property.ts';

const graph = useFixtureGraph();
let ordinary: App;
beforeAll(() => {
  ordinary = createTestApp(graph.database, { compiledReads: false });
});

const id = (typename: string, key: number | string) => encodeGlobalID(typename, key);

/** Runs the operation both ways; returns the compiled app's answer after comparing. */
async function bothWays(compiledApp: App, ordinaryApp: App, source: string, variables: Record<string, unknown> = {}) {
  const compiled = await execute(compiledApp, source, variables);
  const plain = await execute(ordinaryApp, source, variables);
  // (Operations refused before execution carry no `extensions.sql` at all.)
  expect(plain.extensions?.sql?.compiled ?? false).toBe(false);
  expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(plain.data));
  expect(compiled.errors).toEqual(plain.errors);
  return compiled;
}

const articleFields = 'id __typename slug url title dek imageCaption body language publishedAt createdAt updatedAt';
const quoteFields = 'id __typename text kind speakerLabel cue startOffset endOffset position confidence';
const personFields = 'id __typename slug name aliases description';
const organizationFields = 'id __typename slug name kind aliases description';

/** Operations the compiled path answers, with variables computed from the fixture ids. */
const compiledOperations: [name: string, source: string, variables?: () => Record<string, unknown>][] = [
  [
    'the nested story, every field',
    `query Story($id: ID!) { article(id: $id) { ${articleFields}
      publisher { id __typename slug name url }
      quotes(first: 10) { __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage }
        edges { __typename node { id } }
        nodes { ${quoteFields} article { title }
          speaker { __typename
            ... on Person { ${personFields} affiliations { id __typename role person { name } organization { ${organizationFields} } } }
            ... on Organization { ${organizationFields} parent { name } children { name } affiliations { role } } } } }
      relatedLinks { id __typename title url kind position article { slug } } } }`,
    () => ({ id: id('Article', graph.ids.council.articleId) }),
  ],
  [
    'a story by slug, with fragments, aliases and a Node fragment',
    `query { story: article(slug: "harbor-council-backs-tidal-pilot") { ...Head quotes(first: 2, kind: DIRECT) { n: totalCount nodes { ...Said } } } }
     fragment Head on Article { headline: title title ... on Node { id } }
     fragment Said on Quote { text speaker { ... on Node { id } ... on Person { name } } }`,
  ],
  [
    'a story by url',
    '{ article(url: "https://example.test/news/fishermen") { title quotes { totalCount nodes { text } } } }',
  ],
  ['no such article', '{ article(slug: "nothing-here") { title } }'],
  [
    'quotes by speaker, with the page and total',
    `query($speaker: ID!) { quotes(filter: { speaker: $speaker }, first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage }
      nodes { text article { title publishedAt publisher { name } } speaker { ... on Person { name } } } } }`,
    () => ({ speaker: id('Person', 1) }),
  ],
  [
    'quotes by speaker name, oldest first',
    '{ quotes(filter: { speakerName: "MARQUEZ" }, orderBy: OLDEST, first: 3) { totalCount nodes { text } } }',
  ],
  [
    'quotes by name and id together',
    `{ quotes(filter: { speakerName: "marquez", speaker: "${id('Person', 1)}" }) { totalCount } }`,
  ],
  ['quote search', '{ quotes(filter: { search: "survey" }) { totalCount nodes { speakerLabel article { title } } } }'],
  [
    'quotes by organization, article, kind and dates',
    `{ a: quotes(filter: { organization: "${id('Organization', 1)}" }) { totalCount nodes { text } }
       b: quotes(filter: { kind: INDIRECT, publishedAfter: "2026-01-01T00:00:00Z", publishedBefore: "2026-02-15T00:00:00Z" }) { totalCount nodes { text } }
       c: quotes(filter: { article: "${id('Article', 2)}" }, first: 0) { totalCount pageInfo { hasNextPage } nodes { text } } }`,
  ],
  ['the whole quote list', '{ quotes(first: 100) { totalCount edges { node { text position } } } }'],
  [
    'the front page',
    `{ articles(first: 20) { totalCount nodes { title publishedAt quotes(first: 3) { totalCount nodes { text speaker { ... on Person { name } ... on Organization { name } } } } } } }`,
  ],
  [
    'articles filtered, oldest first',
    `{ a: articles(orderBy: OLDEST, first: 2) { pageInfo { hasNextPage } nodes { title } }
       b: articles(filter: { search: "turbine" }) { totalCount nodes { title } }
       c: articles(filter: { publisher: "test-gazette", publishedBefore: "2026-02-01T00:00:00Z" }) { totalCount nodes { title } }
       d: articles(filter: { mentions: "${id('Person', 1)}" }) { totalCount nodes { slug } } }`,
  ],
  [
    'people and organizations by id, slug and name',
    `{ a: person(name: "elena marquez") { ${personFields} quotes(first: 3) { totalCount nodes { text } } }
       b: person(id: "${id('Person', 2)}") { name affiliations { role organization { name } } }
       c: organization(name: "northfield university") { ${organizationFields} affiliations { role person { name } } }
       d: organization(slug: "harbor-authority") { name quotes { totalCount nodes { text speakerLabel } } }
       e: person(slug: "nobody") { name } __typename }`,
  ],
  ['a query of nothing but __typename', '{ __typename }'],
  [
    'cursors: edges, start and end of a page, nested and at the root',
    `{ quotes(first: 3) { pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { text } } }
       articles(orderBy: OLDEST, first: 2) { pageInfo { endCursor } nodes { title quotes(first: 1) { pageInfo { startCursor endCursor } edges { cursor } } } } }`,
  ],
  [
    'backward pages: the last rows, at the root and nested, cursors and pageInfo',
    `{ articles(last: 1) { nodes { title } }
       quotes(last: 3) { totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { text } } }
       page: articles(orderBy: OLDEST, last: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
         nodes { title quotes(last: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { text } } } } } }`,
  ],
];

/** Operations left to ordinary execution: same answers, errors included. */
const ordinaryOperations: [name: string, source: string][] = [
  ['paging after a cursor of another list', '{ quotes(first: 2, after: "REM6WzFd") { nodes { text } } }'],
  ['paging before a cursor of another list', '{ articles(first: 1, before: "REM6WzFd") { nodes { title } } }'],
  ['first and last together', '{ articles(first: 1, last: 1) { nodes { title } } }'],
  ['a directive', '{ articles(first: 1) { nodes { title @include(if: true) } } }'],
  ['a field the compiler does not know', '{ article(slug: "harbor-council-backs-tidal-pilot") { people { name } } }'],
  ['node(id:)', `{ node(id: "${id('Article', 1)}") { id } }`],
  ['a malformed id', '{ article(id: "not an id") { title } }'],
  ['an id of the wrong type', `{ article(id: "${id('Person', 1)}") { title } }`],
  ['an out-of-range id', `{ article(id: "${id('Article', 0)}") { title } }`],
  ['two lookup keys', '{ person(name: "a", slug: "b") { name } }'],
  ['a page too large', '{ quotes(first: 101) { totalCount } }'],
  ['a negative page', '{ articles(first: -1) { totalCount } }'],
  ['a mutation', 'mutation { deleteArticle(id: "QXJ0aWNsZTo5OTk=") { id } }'],
];

describe('the compiled read path answers exactly as ordinary execution', () => {
  for (const [name, source, variables] of compiledOperations) {
    test(name, async () => {
      const answer = await bothWays(graph.app, ordinary, source, variables?.() ?? {});
      expect(answer.errors).toBeUndefined();
      expect(answer.extensions?.sql).toMatchObject({ compiled: true });
      // One statement per root field that reads the database.
      const rootFields = Object.keys(answer.data ?? {}).filter((key) => key !== '__typename').length;
      expect(answer.extensions?.sql?.statements).toBe(rootFields);
    });
  }

  test('the example operations shown in GraphiQL that read are compiled', async () => {
    let compiled = 0;
    for (const source of exampleOperations) {
      if (/^\s*mutation/.test(source)) continue;
      const answer = await bothWays(graph.app, ordinary, source, {
        slug: 'harbor-council-backs-tidal-pilot',
        name: 'marquez',
      });
      if (answer.extensions?.sql?.compiled) compiled += 1;
    }
    expect(compiled).toBeGreaterThan(0);
  });

  for (const [name, source] of ordinaryOperations) {
    test(`not compiled: ${name}`, async () => {
      const answer = await bothWays(graph.app, ordinary, source);
      expect(answer.extensions?.sql?.compiled ?? false).toBe(false);
      if (answer.extensions?.sql) expect(answer.extensions.sql.fallback).toMatch(/\w/);
    });
  }

  test('a fallback says why: a relation through a junction table, a directive, a root field it does not know', async () => {
    const reason = async (source: string) => (await execute(graph.app, source)).extensions?.sql?.fallback;
    expect(await reason('{ article(slug: "harbor-council-backs-tidal-pilot") { people { name } } }')).toBe(
      'articles.people runs through a junction table',
    );
    expect(await reason('{ articles(first: 1) { nodes { title @include(if: true) } } }')).toBe('a directive');
    expect(await reason(`{ node(id: "${id('Article', 1)}") { id } }`)).toBe('root field node');
    expect(await reason('{ quotes(first: 1) { nodes { text } } }')).toBeUndefined();
  });

  test('lookups by key are prepared once; full-text search and date ranges are planned per value', () => {
    const prepared = (source: string) =>
      (rootStatement(compiledOperation(schema, parse(source), undefined)!.rootFields[0]!, {}) as { prepare: boolean })
        .prepare;
    expect(prepared(`{ quotes(filter: { speaker: "${id('Person', 1)}" }) { totalCount } }`)).toBe(true);
    expect(prepared('{ quotes(filter: { speakerName: "marquez", kind: DIRECT }) { totalCount } }')).toBe(true);
    expect(prepared('{ article(slug: "x") { title quotes(first: 3) { nodes { text } } } }')).toBe(true);
    expect(prepared('{ articles { nodes { title } } }')).toBe(true);
    expect(prepared('{ quotes(filter: { search: "harbor" }) { totalCount } }')).toBe(false);
    expect(prepared('{ quotes(filter: { publishedAfter: "2026-01-01T00:00:00Z" }) { totalCount } }')).toBe(false);
    expect(prepared('{ articles(filter: { search: "harbor" }) { totalCount } }')).toBe(false);
  });

  test('a speaker named in the filter is looked up once per statement, for the page and the total alike', () => {
    const source = 'query($n: String!) { quotes(filter: { speakerName: $n }, first: 5) { totalCount nodes { text } } }';
    const statement = rootStatement(compiledOperation(schema, parse(source), undefined)!.rootFields[0]!, {
      n: 'Márquez',
    }) as { sql: string; params: unknown[] };
    // One lookup among people, one among organizations: each a condition and an order on the folded name.
    expect(statement.sql.match(/lookup_keys" @>/g)).toHaveLength(2);
    expect(statement.params).toEqual(['marquez', 'marquez', 'marquez', 'marquez']);
  });

  test('one plan answers every value and shape of its variables as the resolvers do, in any order', async () => {
    // One document, so one plan: its statements are rendered once per shape of the variables
    // (null or a value, a person or an organization, a page size) and reused for other values.
    const source = `query($filter: QuoteFilter, $first: Int, $order: QuoteOrder, $articles: ArticleFilter, $slug: String = "nothing-here", $name: String = "nobody") {
      quotes(filter: $filter, first: $first, orderBy: $order) { totalCount pageInfo { hasNextPage } nodes { text speakerLabel } }
      articles(filter: $articles, first: $first) { totalCount nodes { slug } }
      person(name: $name) { name }
      article(slug: $slug) { title } }`;
    const speakers = [id('Person', 1), id('Person', 2), id('Organization', 1), id('Organization', 2)];
    const variableSets: Record<string, unknown>[] = [
      {},
      { filter: null, first: 2, name: 'marquez', slug: 'harbor-council-backs-tidal-pilot' },
      ...speakers.map((speaker, index) => ({ filter: { speaker }, first: index + 1, name: 'lindqvist' })),
      ...speakers.map((speaker) => ({ filter: { speaker, kind: 'DIRECT' }, order: 'OLDEST' })),
      { filter: { speakerName: 'marquez' }, articles: { search: 'tidal' } },
      { filter: { speakerName: 'MARQUEZ', speaker: speakers[0] } },
      { filter: { speakerName: 'harbor authority' }, articles: { search: '   ' } },
      { filter: { search: 'survey' }, articles: { mentions: speakers[0] } },
      { filter: { search: '' }, articles: { mentions: speakers[2] }, first: 0 },
      { filter: { organization: speakers[2], publishedAfter: '2026-01-01T00:00:00Z' } },
      { filter: { article: id('Article', 2), kind: null }, articles: { publisher: 'test-gazette' } },
      { filter: { speaker: null, speakerName: null }, slug: 'nothing-here', name: 'nobody' },
    ];
    // Forwards and backwards, so a shape is met both first and after another.
    for (const variables of [...variableSets, ...variableSets.toReversed()]) {
      const answer = await bothWays(graph.app, ordinary, source, variables);
      expect(answer.extensions?.sql, JSON.stringify(variables)).toMatchObject({ compiled: true });
    }
  });

  test('variables that do not coerce get the ordinary error', async () => {
    const answer = await bothWays(graph.app, ordinary, 'query($n: Int) { articles(first: $n) { totalCount } }', {
      n: 'ten',
    });
    expect(answer.errors?.[0]?.extensions?.code).toBeDefined();
  });

  test('every field of every type the compiler knows is covered above', () => {
    const covered = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    for (const [, source] of compiledOperations) {
      visit(
        parse(source),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (parent && field) covered.add(`${parent.name}.${field.name}`);
          },
        }),
      );
    }
    // Known to take the ordinary path (tested above or by their own tests).
    const ordinaryOnly = new Set([
      'Article.people',
      'Article.organizations',
      'Person.articles',
      'Organization.articles',
      'Publisher.articles',
    ]);
    const missing: string[] = [];
    const tableTypes = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && type.extensions?.pothosDrizzleModel,
    );
    expect(tableTypes.length).toBeGreaterThanOrEqual(7);
    for (const type of tableTypes) {
      if (!isObjectType(type)) continue;
      const typename = type.name;
      for (const field of Object.values(type.getFields())) {
        const key = `${typename}.${field.name}`;
        if (!covered.has(key) && !ordinaryOnly.has(key)) missing.push(`${key}: ${getNamedType(field.type).name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('on a generated graph, over many ids', () => {
  let database: DatabaseHandle;
  let compiledApp: App;
  let ordinaryApp: App;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeGraph(database.db, planGraph(7, 40), { batchSize: 20 });
    compiledApp = createTestApp(database);
    ordinaryApp = createTestApp(database, { compiledReads: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  test('stories, speakers and the front page', async () => {
    const story = `query($id: ID!) { article(id: $id) { title dek quotes(first: 10) { nodes { text kind speaker { __typename
      ... on Person { name affiliations { role organization { name parent { name } } } } ... on Organization { name } } } }
      relatedLinks { title url kind } } }`;
    const bySpeaker = `query($speaker: ID!) { quotes(filter: { speaker: $speaker }, first: 20) { totalCount nodes { text article { title publishedAt } } } }`;
    for (let key = 1; key <= 40; key += 1) {
      const answer = await bothWays(compiledApp, ordinaryApp, story, { id: id('Article', key) });
      expect(answer.extensions?.sql?.compiled).toBe(true);
      await bothWays(compiledApp, ordinaryApp, bySpeaker, { speaker: id(key % 3 ? 'Person' : 'Organization', key) });
    }
    const front = await bothWays(
      compiledApp,
      ordinaryApp,
      '{ articles(first: 20) { nodes { title publishedAt quotes(first: 3) { nodes { text speaker { ... on Person { name } ... on Organization { name } } } } } } }',
    );
    expect(front.data?.articles.nodes).toHaveLength(20);
  });

  test('the benchmark workloads W1–W5 are answered by the compiled path, as the resolvers answer them', async () => {
    const people = rowsOf<{ id: number; name: string }>(
      await database.db.execute(sql`select id, name from people order by quote_count desc, id`),
    ).map((person) => ({ ...person, surname: person.name.split(' ').at(-1)! }));
    const bounds = rowsOf<{ min: number; max: number }>(
      await database.db.execute(sql`select min(id) as min, max(id) as max from articles`),
    )[0]!;
    const info = {
      scale: 40,
      seed: 7,
      articles: 40,
      quotes: 0,
      articleIds: { min: Number(bounds.min), max: Number(bounds.max) },
      people,
    };
    for (const workload of workloads) {
      for (const params of parameterSequence(workload.id, info, 1, 12)) {
        const { query, variables } = workload.body.quotegraph(params) as {
          query: string;
          variables: Record<string, unknown>;
        };
        const answer = await bothWays(compiledApp, ordinaryApp, query, variables);
        expect(answer.extensions?.sql?.compiled, `${workload.id} ${JSON.stringify(params)}`).toBe(true);
      }
    }
  });
});

describe('on organisation trees, people of several roles, and ties on every sort key', () => {
  const TOKEN = 'compiled-reads-token-0123456789';
  let database: DatabaseHandle;
  let compiledApp: App;
  let ordinaryApp: App;
  let stored: StoredGraph;
  beforeAll(async () => {
    database = await openTestDatabase();
    compiledApp = createTestApp(database, { apiTokens: [TOKEN] });
    ordinaryApp = createTestApp(database, { compiledReads: false });
    stored = await storeGeneratedGraph(database, compiledApp, TOKEN, treeGraphPlan());
  }, 60000);
  afterAll(async () => {
    await database?.close();
  });

  test('every organisation: its tree both ways, its people and what it said', async () => {
    const source = `query($id: ID!) { organization(id: $id) { id name
      parent { id name parent { id name } }
      children { id name kind children { id name children { name } } parent { name } }
      affiliations { id role person { name affiliations { id role organization { id name parent { name } } } } }
      quotes(first: 3) { totalCount pageInfo { hasNextPage } nodes { id text position article { id publishedAt } } } } }`;
    let children = 0;
    for (const organization of stored.ids.Organization) {
      const answer = await bothWays(compiledApp, ordinaryApp, source, { id: organization });
      expect(answer.extensions?.sql?.compiled).toBe(true);
      children += answer.data?.organization.children.length ?? 0;
    }
    expect(children).toBeGreaterThan(4);
  });

  test('every person: their roles, their quotes newest first through tied dates', async () => {
    const source = `query($id: ID!) { person(id: $id) { name affiliations { id role organization { id name children { id name } } }
      quotes(first: 20) { totalCount nodes { id position article { id publishedAt updatedAt quotes(first: 2, kind: DIRECT) { nodes { id } } } } } } }`;
    for (const person of stored.ids.Person) {
      const answer = await bothWays(compiledApp, ordinaryApp, source, { id: person });
      expect(answer.extensions?.sql?.compiled).toBe(true);
    }
    for (const order of ['NEWEST', 'OLDEST']) {
      await bothWays(
        compiledApp,
        ordinaryApp,
        `{ quotes(orderBy: ${order}, first: 100) { nodes { id } } articles(orderBy: ${order}) { nodes { id publishedAt } } }`,
      );
    }
  });

  test('paging forward with after, to the last page, at the root and nested, cursors included', async () => {
    const pages = [
      // The README's speaker page.
      `query($after: String) { page: quotes(filter: { speakerName: "lima" }, first: 2, after: $after) { totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { text kind article { title publishedAt } } } }`,
      `query($after: String) { page: articles(orderBy: OLDEST, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id publishedAt } } } }`,
      `query($after: String) { page: quotes(first: 3, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`,
      // The plan's people come last; those at odd places speak.
      ...[-5, -3, -1]
        .map((at) => stored.ids.Person.at(at)!)
        .map(
          (person) =>
            `query($after: String) { person(id: "${person}") { page: quotes(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`,
        ),
    ];
    const walkedPages: number[] = [];
    for (const source of pages) {
      let after: string | null = null;
      let walked = 0;
      for (;;) {
        const answer = await bothWays(compiledApp, ordinaryApp, source, { after });
        expect(answer.extensions?.sql?.compiled, source).toBe(true);
        const page = answer.data?.page ?? answer.data?.person.page;
        walked += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      walkedPages.push(walked);
    }
    // Every root list, and at least one person's quotes, runs to more than one page.
    expect(walkedPages.slice(0, 3).every((walked) => walked > 1)).toBe(true);
    expect(Math.max(...walkedPages.slice(3))).toBeGreaterThan(1);
  });

  test('paging backward with last and before, to the first page, at the root and nested, cursors included', async () => {
    const selection =
      'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
    const pages = [
      `query($before: String) { page: quotes(filter: { speakerName: "lima" }, last: 2, before: $before) { ${selection} } }`,
      `query($before: String) { page: articles(orderBy: OLDEST, last: 2, before: $before) { ${selection} } }`,
      `query($before: String) { page: quotes(last: 3, before: $before) { ${selection} } }`,
      ...[-5, -3, -1]
        .map((at) => stored.ids.Person.at(at)!)
        .map(
          (person) =>
            `query($before: String) { person(id: "${person}") { page: quotes(last: 2, before: $before) { ${selection} } } }`,
        ),
    ];
    const walkedPages: number[] = [];
    for (const source of pages) {
      let before: string | null = null;
      let walked = 0;
      for (;;) {
        const answer = await bothWays(compiledApp, ordinaryApp, source, { before });
        expect(answer.extensions?.sql?.compiled, source).toBe(true);
        const page = answer.data?.page ?? answer.data?.person.page;
        walked += 1;
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      walkedPages.push(walked);
    }
    expect(walkedPages.slice(0, 3).every((walked) => walked > 1)).toBe(true);
    expect(Math.max(...walkedPages.slice(3))).toBeGreaterThan(1);
  });

  test(
    'generated selections get the same answer from both paths',
    async () => {
      let compiled = 0;
      await fc.assert(
        fc.asyncProperty(readOperation(stored, true), async (operation) => {
          const answer = await bothWays(compiledApp, ordinaryApp, operation.query, operation.variables);
          if (answer.extensions?.sql?.compiled) compiled += 1;
        }),
        { numRuns: runs(150) },
      );
      expect(compiled).toBeGreaterThan(runs(150) / 2);
    },
    scaledTimeout(120000),
  );
});
