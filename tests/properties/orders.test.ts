// Property: every list is in a total order, on both paths. On generated graphs (articles that
// share a date, people and organizations that share a name, several children per organization),
// each list must follow its declared keys and, where those tie, the id — in the direction the
// declaration gives (src/graphql/orders.ts). A list that drops its tie-breaker on either path
// fails here whatever order the database happens to return ties in.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { clearGraph, graphPlan, storeGeneratedGraph } from '../support/generated-graph.ts';
import { propertySeed, runs, scaledTimeout } from '../support/property.ts';

const TOKEN = 'property-token-0123456789abcdef';
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const key = (id: string) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);

/** Checks that rows tied on `sortKey` come in id order (`direction`), and that the keys themselves are monotone when `compareKeys` is given. */
function expectTotalOrder(
  name: string,
  rows: { id: string }[],
  sortKey: (row: any) => string,
  direction: 'asc' | 'desc',
  compareKeys?: (a: string, b: string) => number,
) {
  for (let i = 1; i < rows.length; i += 1) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const sign = direction === 'asc' ? 1 : -1;
    if (compareKeys)
      expect(sign * compareKeys(sortKey(a), sortKey(b)), `${name}: keys out of order`).toBeLessThanOrEqual(0);
    if (sortKey(a) === sortKey(b))
      expect(sign * (key(a.id) - key(b.id)), `${name}: ties not in id order at ${i}`).toBeLessThan(0);
  }
}

const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const sortAt = (row: any) => row.publishedAt ?? row.createdAt;

export const counts = { graphs: 0, lists: 0 };

test(
  'every list follows its declared keys and breaks ties by id, on the compiled path and the resolvers',
  async () => {
    await fc.assert(
      fc.asyncProperty(graphPlan, async (plan) => {
        await clearGraph(database);
        const compiled = createTestApp(database, { apiTokens: [TOKEN] });
        const resolvers = createTestApp(database, { compiledReads: false });
        await storeGeneratedGraph(database, compiled, TOKEN, plan);
        counts.graphs += 1;
        const article = 'id publishedAt createdAt';
        // Separate operations: one with every list would exceed the cost limit.
        const sources = [
          `{ newest: articles(first: 100) { nodes { ${article} } } oldest: articles(first: 100, orderBy: OLDEST) { nodes { ${article} } } }`,
          `{ mentions: articles(first: 20) { nodes { id people { id name } organizations { id name } } } }`,
          `{ quotes(first: 100) { nodes { id position article { ${article} } } } }`,
          `{ people(first: 100) { nodes { id name } } }`,
          `{ organizations(first: 20) { nodes { id name children { id name } } } }`,
        ];
        for (const app of [compiled, resolvers]) {
          const data: any = {};
          for (const source of sources) {
            const answer = await execute(app, source);
            expect(answer.errors, source).toBeUndefined();
            Object.assign(data, answer.data);
          }
          expectTotalOrder('articles NEWEST', data.newest.nodes, sortAt, 'desc', byInstant);
          expectTotalOrder('articles OLDEST', data.oldest.nodes, sortAt, 'asc', byInstant);
          expectTotalOrder('people by name', data.people.nodes, (row) => row.name, 'asc');
          expectTotalOrder('organizations by name', data.organizations.nodes, (row) => row.name, 'asc');
          for (const organization of data.organizations.nodes) {
            expectTotalOrder('Organization.children', organization.children, (row) => row.name, 'asc');
          }
          for (const node of data.mentions.nodes) {
            expectTotalOrder('Article.people', node.people, (row) => row.name, 'asc');
            expectTotalOrder('Article.organizations', node.organizations, (row) => row.name, 'asc');
          }
          // Quotes: newest article first (ties by article id, descending), then reading order.
          data.quotes.nodes.forEach((quote: any, i: number) => {
            if (i === 0) return;
            const previous = data.quotes.nodes[i - 1];
            const order =
              byInstant(sortAt(quote.article), sortAt(previous.article)) ||
              key(quote.article.id) - key(previous.article.id);
            expect(order, `quotes NEWEST at ${i}`).toBeLessThanOrEqual(0);
            if (quote.article.id === previous.article.id)
              expect(quote.position, `quotes in reading order at ${i}`).toBeGreaterThan(previous.position);
          });
          counts.lists += 5 + data.organizations.nodes.length + 2 * data.mentions.nodes.length;
        }
        // The compiled path (articles, children) against the resolvers, for the same lists.
        const both = `{ articles(first: 100) { nodes { id } } organizations: quotes(first: 1) { totalCount } }`;
        const [a, b] = [await execute(compiled, both), await execute(resolvers, both)];
        expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data));
      }),
      { numRuns: runs(3) },
    );
    console.info(`orders (seed ${propertySeed}): ${counts.graphs} graphs, ${counts.lists} lists checked`);
  },
  scaledTimeout(60_000),
);
