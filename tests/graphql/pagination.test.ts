import { describe, expect, test } from 'vitest';
import { BRIEFING_QUOTES } from '../support/fixtures.ts';
import { execute, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();
const TOTAL = 3 + BRIEFING_QUOTES;

const page = `query($first: Int, $after: String, $last: Int, $before: String) {
  quotes(filter: { speakerName: "marquez" }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { text } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { text: string } }[];
}

async function fetchPage(variables: Record<string, unknown>): Promise<Page> {
  return (await query(graph.app, page, variables)).data.quotes as Page;
}

describe('cursor pagination', () => {
  test('forward pages visit every quote once, in order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const current: Page = await fetchPage({ first: 10, after });
      expect(current.totalCount).toBe(TOTAL);
      seen.push(...current.edges.map((edge) => edge.node.text));
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor ?? null);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    const all = await fetchPage({ first: 100 });
    expect(all.edges.map((edge) => edge.node.text)).toEqual(seen);
  });

  test('backward pages from the end return the same quotes in the same order', async () => {
    const all = (await fetchPage({ first: 100 })).edges.map((edge) => edge.node.text);
    const last = await fetchPage({ last: 10 });
    expect(last.edges.map((edge) => edge.node.text)).toEqual(all.slice(-10));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const before = await fetchPage({ last: 10, before: last.pageInfo.startCursor });
    expect(before.edges.map((edge) => edge.node.text)).toEqual(all.slice(-20, -10));
  });

  test('after the last cursor: an empty page that still knows the total', async () => {
    const all = await fetchPage({ first: 100 });
    const beyond = await fetchPage({ first: 5, after: all.pageInfo.endCursor });
    expect(beyond.edges).toEqual([]);
    expect(beyond.totalCount).toBe(TOTAL);
    expect(beyond.pageInfo.hasNextPage).toBe(false);
  });

  test('first: 0 returns no items but the total', async () => {
    const none = await fetchPage({ first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.totalCount).toBe(TOTAL);
  });

  test('defaults to 20 items', async () => {
    const page = await fetchPage({});
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  test('a page size over 100 or below 0 is refused, never an unbounded query', async () => {
    for (const variables of [{ first: 101 }, { first: -1 }, { last: 1000 }]) {
      const result = await execute(graph.app, page, variables);
      expect(result.errors?.length, JSON.stringify(variables)).toBe(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.data?.quotes ?? null).toBeNull();
    }
  });

  test('a garbled cursor is refused', async () => {
    const result = await execute(graph.app, page, { first: 5, after: 'garbage' });
    expect(result.errors?.length).toBe(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('nested connections page too', async () => {
    const first = await query(
      graph.app,
      '{ article(slug: "the-mayor-answers-questions") { quotes(first: 10) { totalCount pageInfo { endCursor hasNextPage } nodes { position } } } }',
    );
    const quotes = first.data.article.quotes;
    expect(quotes.totalCount).toBe(BRIEFING_QUOTES);
    expect(quotes.nodes.map((q: { position: number }) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const second = await query(
      graph.app,
      'query($after: String) { article(slug: "the-mayor-answers-questions") { quotes(first: 10, after: $after) { nodes { position } } } }',
      { after: quotes.pageInfo.endCursor },
    );
    expect(second.data.article.quotes.nodes.map((q: { position: number }) => q.position)).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });
});
