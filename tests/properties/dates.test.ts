// Property: any instant from 0001-01-01 to 9999-12-31 (millisecond precision) written through
// the API reads back unchanged on the resolver path and the compiled path, finds its article
// through publishedAfter/publishedBefore, and gives its quotes the same sort date; and the
// parser of PostgreSQL's timestamptz text agrees with PostgreSQL for every such instant.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { parseTimestamptz } from '../../src/db/instants.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';
import { runs, scaledTimeout } from '../support/property.ts';

const graph = useFixtureGraph();
const TOKEN = 'dates-property-token-0123456789';
let compiled: App;
let resolvers: App;
beforeAll(() => {
  compiled = createTestApp(graph.database, { apiTokens: [TOKEN] });
  resolvers = createTestApp(graph.database, { compiledReads: false, apiTokens: [TOKEN] });
});

const instant = fc.date({
  min: new Date('0001-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

test('PostgreSQL prints every instant of years 1 to 9999 in a form parseTimestamptz reads back exactly', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(instant, { minLength: 1, maxLength: 50 }),
      fc.constantFrom('UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham'),
      async (instants, zone) => {
        const printed = await graph.database.db.transaction(async (tx) => {
          await tx.execute(sql.raw(`set local time zone '${zone}'`));
          const values = sql.join(
            instants.map((d) => sql`(${d.toISOString()}::timestamptz)::text`),
            sql`, `,
          );
          return rowsOf<Record<string, string>>(await tx.execute(sql`select array[${values}] as printed`))[0]!.printed;
        });
        const texts = Array.isArray(printed)
          ? printed
          : String(printed)
              .replace(/^\{|\}$/g, '')
              .split(',')
              .map((t) => t.replace(/^"|"$/g, ''));
        expect(texts.map((text) => parseTimestamptz(text).toISOString())).toEqual(instants.map((d) => d.toISOString()));
      },
    ),
    { numRuns: runs(20) },
  );
});

test(
  'an article published at any instant of years 1 to 9999 reads back, filters and sorts its quotes by that instant',
  async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(instant, async (at) => {
        counter += 1;
        const iso = at.toISOString();
        const body = `Dated text number ${counter}. "It was said," she said.`;
        const created = await execute(
          compiled,
          `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id publishedAt } } }`,
          { input: { title: `Dated ${counter}`, body, publishedAt: iso } },
          { authorization: `Bearer ${TOKEN}` },
        );
        expect(created.errors).toBeUndefined();
        const article = (created.data as any).createArticle.article;
        expect(article.publishedAt).toBe(iso);
        const start = body.indexOf('It was said,');
        const quoted = await execute(
          compiled,
          `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }`,
          {
            input: {
              article: article.id,
              text: 'It was said,',
              kind: 'DIRECT',
              startOffset: start,
              endOffset: start + 12,
            },
          },
          { authorization: `Bearer ${TOKEN}` },
        );
        expect(quoted.errors).toBeUndefined();
        const next = new Date(at.getTime() + 1).toISOString();
        const read = `query($id: ID!, $at: DateTime, $next: DateTime) {
        article(id: $id) { publishedAt quotes { nodes { article { publishedAt } } } }
        articles(filter: { publishedAfter: $at, publishedBefore: $next }, first: 100) { nodes { id publishedAt } }
        quotes(filter: { publishedAfter: $at, publishedBefore: $next }, first: 100) { nodes { id article { id } } } }`;
        const variables = { id: article.id, at: iso, next };
        for (const app of [compiled, resolvers]) {
          const answer = await execute(app, read, variables);
          expect(answer.errors).toBeUndefined();
          const data = answer.data as any;
          expect(data.article.publishedAt).toBe(iso);
          expect(data.article.quotes.nodes).toEqual([{ article: { publishedAt: iso } }]);
          expect(data.articles.nodes.map((node: any) => node.id)).toContain(article.id);
          expect(data.quotes.nodes.map((node: any) => node.article.id)).toContain(article.id);
        }
      }),
      { numRuns: runs(25) },
    );
  },
  scaledTimeout(30_000),
);
