import { describe, expect, test } from 'vitest';
import { BRIEFING_QUOTES } from '../support/fixtures.ts';
import { execute, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();

const quotesQuery = `query($filter: QuoteFilter, $orderBy: QuoteOrder, $first: Int) {
  quotes(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    nodes { text kind speakerLabel speaker { __typename ... on Person { name } ... on Organization { name } } article { title } }
  }
}`;

async function quotesWith(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { data } = await query(graph.app, quotesQuery, { filter, first: 100, ...extra });
  return data.quotes as {
    totalCount: number;
    nodes: {
      text: string;
      kind: string;
      speakerLabel: string;
      speaker: { __typename: string; name: string } | null;
      article: { title: string };
    }[];
  };
}

describe('Query.quotes by speaker', () => {
  test('speakerName matches the canonical name, an alias, any case and no accents', async () => {
    const expected = 1 + 2 + BRIEFING_QUOTES;
    for (const name of ['Elena Márquez', 'elena marquez', 'MARQUEZ', 'Márquez', 'Mayor Elena Márquez']) {
      const quotes = await quotesWith({ speakerName: name });
      expect(quotes.totalCount, name).toBe(expected);
      expect(new Set(quotes.nodes.map((q) => q.speaker?.name))).toEqual(new Set(['Elena Márquez']));
    }
  });

  test('speakerName that matches nobody returns nothing', async () => {
    const quotes = await quotesWith({ speakerName: 'Nobody Atall' });
    expect(quotes).toEqual({ totalCount: 0, nodes: [] });
  });

  test('speaker takes the global id of a person or an organization', async () => {
    const person = await query(graph.app, '{ person(name: "Tomas Lindqvist") { id } }');
    const byPerson = await quotesWith({ speaker: person.data.person.id });
    expect(byPerson.nodes.map((q) => q.text)).toEqual(['a careful first step']);

    const organization = await query(graph.app, '{ organization(name: "Harbor Authority") { id } }');
    const byOrganization = await quotesWith({ speaker: organization.data.organization.id });
    expect(byOrganization.nodes).toEqual([
      {
        text: 'the pier would stay open to boats during the work',
        kind: 'INDIRECT',
        speakerLabel: 'A Harbor Authority spokeswoman',
        speaker: { __typename: 'Organization', name: 'Harbor Authority' },
        article: { title: 'Harbor council backs tidal pilot' },
      },
    ]);
  });

  test('organization includes what its affiliated people said', async () => {
    const organization = await query(graph.app, '{ organization(name: "Northfield University") { id } }');
    const quotes = await quotesWith({ organization: organization.data.organization.id });
    expect(quotes.nodes.map((q) => q.speaker?.name)).toEqual(['Tomas Lindqvist']);
  });
});

describe('Query.quotes filters', () => {
  test('full-text search over the quoted words', async () => {
    const quotes = await quotesWith({ search: 'survey steel' });
    expect(quotes.nodes.map((q) => q.text)).toEqual(['We want the survey before the steel goes in,']);
  });

  test('kind, article and dates narrow the list', async () => {
    expect((await quotesWith({ kind: 'INDIRECT' })).totalCount).toBe(2);
    const article = await query(graph.app, '{ article(url: "https://example.test/news/fishermen") { id } }');
    expect((await quotesWith({ article: article.data.article.id })).totalCount).toBe(3);
    const before = await quotesWith({ publishedBefore: '2026-02-01T12:00:00Z' });
    expect(new Set(before.nodes.map((q) => q.article.title))).toEqual(new Set(['Harbor council backs tidal pilot']));
    const after = await quotesWith({ publishedAfter: '2026-02-01T12:00:00Z', speakerName: 'marquez' });
    expect(after.totalCount).toBe(2 + BRIEFING_QUOTES);
  });

  test('filters combine: all must hold', async () => {
    const quotes = await quotesWith({ speakerName: 'marquez', kind: 'INDIRECT' });
    expect(quotes.nodes.map((q) => q.text)).toEqual(['the survey would be published in full']);
  });

  test('newest first by default, oldest first on request', async () => {
    const newest = await quotesWith({ speakerName: 'marquez' });
    expect(newest.nodes[0]?.article.title).toBe('The mayor answers questions');
    // Within one article, in reading order.
    expect(newest.nodes.slice(0, 3).map((q) => q.text)).toEqual([
      'Answer number 1 is on the record,',
      'Answer number 2 is on the record,',
      'Answer number 3 is on the record,',
    ]);
    const oldest = await quotesWith({ speakerName: 'marquez' }, { orderBy: 'OLDEST' });
    expect(oldest.nodes[0]?.article.title).toBe('Harbor council backs tidal pilot');
  });

  test('a malformed id is a BAD_USER_INPUT error naming the argument', async () => {
    const result = await execute(graph.app, '{ quotes(filter: { speaker: "not-an-id" }) { totalCount } }');
    expect(result.errors?.length).toBe(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.path).toEqual(['quotes']);
    expect(result.data).toBeNull();
  });
});

describe('Quote fields', () => {
  test('offsets point into the article body', async () => {
    const { data } = await query(
      graph.app,
      '{ quotes(first: 50) { nodes { text startOffset endOffset cue confidence position article { body } } } }',
    );
    expect(data.quotes.nodes.length).toBeGreaterThan(20);
    for (const quote of data.quotes.nodes) {
      expect(quote.article.body.slice(quote.startOffset, quote.endOffset)).toBe(quote.text);
      expect(quote.confidence).toBeGreaterThan(0);
      expect(quote.confidence).toBeLessThanOrEqual(1);
      expect(quote.cue).toBe('said');
    }
  });
});
