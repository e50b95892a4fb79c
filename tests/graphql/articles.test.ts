import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, test } from 'vitest';
import { execute, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();

describe('Query.article', () => {
  test('finds an article by slug, url or global id, with its fields', async () => {
    const id = encodeGlobalID('Article', graph.ids.council.articleId);
    for (const args of [
      { slug: 'harbor-council-backs-tidal-pilot' },
      { url: 'https://example.test/news/council' },
      { id },
    ]) {
      const { data } = await query(
        graph.app,
        `query($id: ID, $slug: String, $url: String) {
          article(id: $id, slug: $slug, url: $url) {
            id slug url title dek imageCaption language publishedAt
            publisher { name slug }
            people { name }
            organizations { name kind }
          }
        }`,
        args,
      );
      expect(data.article).toEqual({
        id,
        slug: 'harbor-council-backs-tidal-pilot',
        url: 'https://example.test/news/council',
        title: 'Harbor council backs tidal pilot',
        dek: 'A vote on Tuesday clears the way for turbines off the north pier.',
        imageCaption: 'The north pier at dawn',
        language: 'en',
        publishedAt: '2026-01-10T09:00:00.000Z',
        publisher: { name: 'Test Gazette', slug: 'test-gazette' },
        people: [{ name: 'Elena Márquez' }, { name: 'Tomas Lindqvist' }],
        organizations: [
          { name: 'Harbor Authority', kind: 'AGENCY' },
          { name: 'Northfield University', kind: 'UNIVERSITY' },
        ],
      });
    }
  });

  test('returns null for an unknown slug', async () => {
    const { data } = await query(graph.app, '{ article(slug: "no-such-article") { title } }');
    expect(data.article).toBeNull();
  });

  test('needs exactly one of id, slug or url', async () => {
    for (const source of ['{ article { title } }', '{ article(slug: "a", url: "b") { title } }']) {
      const result = await execute(graph.app, source);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0]?.path).toEqual(['article']);
    }
  });

  test('rejects an id of another type', async () => {
    const result = await execute(graph.app, `{ article(id: "${encodeGlobalID('Person', 1)}") { title } }`);
    expect(result.errors?.length).toBe(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data?.article ?? null).toBeNull();
  });

  test('quotes come in reading order with totalCount, and can be narrowed by kind', async () => {
    const { data } = await query(
      graph.app,
      `{ article(slug: "harbor-council-backs-tidal-pilot") {
          all: quotes { totalCount nodes { position kind text startOffset endOffset } }
          partial: quotes(kind: PARTIAL) { totalCount nodes { text } }
          body
        } }`,
    );
    expect(data.article.all.totalCount).toBe(3);
    expect(data.article.all.nodes.map((q: { position: number }) => q.position)).toEqual([0, 1, 2]);
    expect(data.article.all.nodes.map((q: { kind: string }) => q.kind)).toEqual(['DIRECT', 'PARTIAL', 'INDIRECT']);
    for (const quote of data.article.all.nodes) {
      expect(data.article.body.slice(quote.startOffset, quote.endOffset)).toBe(quote.text);
    }
    expect(data.article.partial).toEqual({ totalCount: 1, nodes: [{ text: 'a careful first step' }] });
  });

  test('related links keep their page order and kind', async () => {
    const { data } = await query(
      graph.app,
      '{ article(slug: "harbor-council-backs-tidal-pilot") { relatedLinks { position title url kind } } }',
    );
    expect(data.article.relatedLinks).toEqual([
      { position: 0, title: 'PHOTOS: The north pier through the years', url: null, kind: 'PHOTOS' },
      { position: 1, title: 'What a tidal turbine looks like', url: 'https://example.test/turbines', kind: 'ARTICLE' },
    ]);
  });
});

describe('Query.articles', () => {
  const titles = (data: { articles: { nodes: { title: string }[] } }) => data.articles.nodes.map((a) => a.title);

  test('lists newest first by default and oldest first on request', async () => {
    const newest = await query(graph.app, '{ articles { totalCount nodes { title } } }');
    expect(newest.data.articles.totalCount).toBe(3);
    expect(titles(newest.data as never)).toEqual([
      'The mayor answers questions',
      'Fishermen question turbine plan',
      'Harbor council backs tidal pilot',
    ]);
    const oldest = await query(graph.app, '{ articles(orderBy: OLDEST) { nodes { title } } }');
    expect(titles(oldest.data as never)).toEqual([...titles(newest.data as never)].reverse());
  });

  test('filters by full-text search over title and body', async () => {
    const { data } = await query(
      graph.app,
      '{ articles(filter: { search: "fishermen library" }) { totalCount nodes { title } } }',
    );
    expect(data.articles.totalCount).toBe(1);
    expect(titles(data as never)).toEqual(['Fishermen question turbine plan']);
  });

  test('filters by publisher slug and by publication dates', async () => {
    const byPublisher = await query(
      graph.app,
      '{ articles(filter: { publisher: "coast-courier" }) { nodes { title } } }',
    );
    expect(titles(byPublisher.data as never)).toEqual(['Fishermen question turbine plan']);
    const byDate = await query(
      graph.app,
      '{ articles(filter: { publishedAfter: "2026-01-15T00:00:00Z", publishedBefore: "2026-03-01T08:00:00Z" }) { totalCount nodes { title } } }',
    );
    expect(byDate.data.articles.totalCount).toBe(1);
    expect(titles(byDate.data as never)).toEqual(['Fishermen question turbine plan']);
  });

  test('filters by the people and organizations an article mentions', async () => {
    const person = await query(graph.app, '{ person(name: "Joe Brennan") { id } }');
    const byPerson = await query(
      graph.app,
      'query($id: ID!) { articles(filter: { mentions: $id }) { nodes { title } } }',
      {
        id: person.data.person.id,
      },
    );
    expect(titles(byPerson.data as never)).toEqual(['Fishermen question turbine plan']);
    const organization = await query(graph.app, '{ organization(name: "Northfield University") { id } }');
    const byOrganization = await query(
      graph.app,
      'query($id: ID!) { articles(filter: { mentions: $id }) { nodes { title } } }',
      { id: organization.data.organization.id },
    );
    expect(titles(byOrganization.data as never)).toEqual(['Harbor council backs tidal pilot']);
  });

  test('an empty filter result has totalCount 0 and no pages', async () => {
    const { data } = await query(
      graph.app,
      '{ articles(filter: { search: "volcano" }) { totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
    );
    expect(data.articles).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});
