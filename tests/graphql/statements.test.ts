// The contract for client apps: one SQL statement per root field, whatever the nesting,
// totalCount included. Counted by the server itself (extensions.sql.statements).
import { describe, expect, test } from 'vitest';
import { frontPageExample, quotesBySpeakerExample, storyExample } from '../../src/graphql/examples.ts';
import { query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();

const story = `query($slug: String!) {
  article(slug: $slug) {
    title dek publishedAt publisher { name }
    quotes(first: 10) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        text kind speakerLabel
        speaker {
          ... on Person { name aliases affiliations { role organization { name kind parent { name } } } }
          ... on Organization { name kind }
        }
      }
    }
    relatedLinks { title url kind }
    people { name }
    organizations { name }
  }
}`;

describe('one SQL statement per root field', () => {
  test('the nested story', async () => {
    const { data, statements } = await query(graph.app, story, { slug: 'harbor-council-backs-tidal-pilot' });
    expect(data.article.quotes.nodes).toHaveLength(3);
    expect(data.article.quotes.nodes[1].speaker.affiliations[0].organization.name).toBe('Northfield University');
    expect(statements).toBe(1);
  });

  test('quotes by speaker with their articles and totalCount', async () => {
    const { data, statements } = await query(
      graph.app,
      `{ quotes(filter: { speakerName: "marquez" }, first: 20) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { text article { title publishedAt publisher { name } } speaker { ... on Person { name } } }
        } }`,
    );
    expect(data.quotes.nodes).toHaveLength(20);
    expect(data.quotes.totalCount).toBeGreaterThan(20);
    expect(statements).toBe(1);
  });

  test('the front page', async () => {
    const { data, statements } = await query(
      graph.app,
      `{ articles(first: 20) {
          totalCount
          nodes { title publishedAt quotes(first: 3) { totalCount nodes { text speaker { ... on Person { name } ... on Organization { name } } } } }
        } }`,
    );
    expect(data.articles.nodes).toHaveLength(3);
    expect(statements).toBe(1);
  });

  test('a person page with quotes, articles and counts', async () => {
    const { statements } = await query(
      graph.app,
      `{ person(name: "Elena Márquez") {
          name affiliations { role organization { name } }
          quotes(first: 5) { totalCount nodes { text article { title } } }
          articles(first: 5) { totalCount nodes { title } }
        } }`,
    );
    expect(statements).toBe(1);
  });

  test('several root fields: one statement each', async () => {
    const { statements } = await query(
      graph.app,
      '{ a: articles(first: 2) { totalCount nodes { title } } q: quotes(first: 2) { totalCount nodes { text } } p: people { totalCount nodes { name } } }',
    );
    expect(statements).toBe(3);
  });

  test('the GraphiQL examples for the three main uses', async () => {
    for (const example of [storyExample, quotesBySpeakerExample, frontPageExample]) {
      const { statements } = await query(graph.app, example);
      expect(statements, example.split('\n')[0]).toBe(1);
    }
  });
});
