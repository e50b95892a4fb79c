// Every paged list of quotes is one QuoteConnection, so one client fragment fits each of them,
// on the compiled read path and through the resolvers alike.
import { describe, expect, test } from 'vitest';
import { BRIEFING_QUOTES } from '../support/fixtures.ts';
import { createTestApp, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();
const MARQUEZ_QUOTES = 3 + BRIEFING_QUOTES;

const fragment = `fragment QuotePage on QuoteConnection {
  __typename
  totalCount
  pageInfo { hasNextPage }
  edges { __typename node { text } }
}`;

const everyList = `query($slug: String!) {
  quotes(filter: { speakerName: "marquez" }, first: 3) { ...QuotePage }
  person(name: "marquez") { quotes(first: 3) { ...QuotePage } }
  organization(name: "harbor authority") { quotes(first: 3) { ...QuotePage } }
  article(slug: $slug) { quotes(first: 3) { ...QuotePage } }
}
${fragment}`;

interface QuotePage {
  __typename: string;
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  edges: { __typename: string; node: { text: string } }[];
}

describe('one QuoteConnection', () => {
  for (const compiledReads of [true, false]) {
    test(`one fragment reads every list of quotes (${compiledReads ? 'compiled' : 'resolvers'})`, async () => {
      const app = createTestApp(graph.database, { compiledReads });
      const slug = (await query(graph.app, '{ articles(first: 1, orderBy: OLDEST) { nodes { slug } } }')).data.articles
        .nodes[0].slug;
      const { data } = await query(app, everyList, { slug });
      const pages: QuotePage[] = [data.quotes, data.person.quotes, data.organization.quotes, data.article.quotes];
      for (const page of pages) {
        expect(page.__typename).toBe('QuoteConnection');
        expect(page.edges.length).toBeGreaterThan(0);
        for (const edge of page.edges) expect(edge.__typename).toBe('QuoteEdge');
      }
      // What a person said is the same list, however it is reached.
      expect(data.person.quotes).toEqual(data.quotes);
      expect(data.quotes.totalCount).toBe(MARQUEZ_QUOTES);
      expect(data.organization.quotes.totalCount).toBe(1);
      expect(data.article.quotes.totalCount).toBeGreaterThan(data.article.quotes.edges.length - 1);
    });
  }

  test('totalCount alone is counted on every list', async () => {
    const { data } = await query(
      graph.app,
      `{ quotes(filter: { speakerName: "marquez" }) { totalCount }
         person(name: "marquez") { quotes { totalCount } }
         organization(name: "harbor authority") { quotes { totalCount } } }`,
    );
    expect([data.quotes.totalCount, data.person.quotes.totalCount, data.organization.quotes.totalCount]).toEqual([
      MARQUEZ_QUOTES,
      MARQUEZ_QUOTES,
      1,
    ]);
  });
});
