// Live quotes over GraphQL over SSE: every write path (API, ingest as the CLI runs it, plain SQL)
// reaches subscribers through the database's notifications, on each instance, filtered exactly
// as `quotes(filter:)` filters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import { serveEmbeddedDatabase } from '../../src/db/embedded-socket.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, query } from '../support/app.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';
import { councilArticle, fishermenArticle } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';

const TOKEN = 'test-write-token-0123456789';
const ENDPOINT = 'http://quotegraph.test/graphql';

/** One subscription over real SSE: the response's body read event by event. */
class EventStream {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
  ) {}

  /** The next `next` event's payload, or null when the stream completed. */
  async next(): Promise<{ data?: any; errors?: any[] } | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (event === 'complete') return null;
        if (event === 'next' && data) return JSON.parse(data);
        continue; // keep-alive comments
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  async close() {
    await this.reader.cancel();
  }
}

async function subscribe(app: App, source: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await app.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: source, variables }),
  });
  return new EventStream(response, response.body!.getReader());
}

const QUOTE_ADDED = 'subscription ($filter: QuoteFilter) { quoteAdded(filter: $filter) { id text kind } }';

let database: DatabaseHandle;
let app: App;
let people: { id: number; name: string }[];
let articleIds: number[];
let position = 10_000;

async function personGlobalId(id: number) {
  return Buffer.from(`Person:${id}`).toString('base64');
}

/** Inserts quotes in one plain SQL statement, as psql or another program would. */
async function insertQuotes(db: DatabaseHandle, rows: { article: number; person: number | null; kind: string; text: string }[]) {
  const values = rows.map(
    (row) =>
      sql`(${row.article}, ${row.text}, ${row.kind}::quote_kind, ${row.person}::integer, 0, 0, ${position++}, (select sort_at from articles where id = ${row.article}))`,
  );
  const result = await db.db.execute(sql`insert into quotes (article_id, text, kind, speaker_person_id, start_offset, end_offset, position, article_sort_at)
    values ${sql.join(values, sql`, `)} returning id`);
  return rowsOf<{ id: number }>(result).map((row) => Number(row.id));
}

beforeAll(async () => {
  database = await openTestDatabase();
  await ingestArticle(database.db, councilArticle, { url: 'https://example.test/council' });
  await ingestArticle(database.db, fishermenArticle, { url: 'https://example.test/fishermen' });
  app = createTestApp(database, { apiTokens: [TOKEN] });
  people = rowsOf<{ id: number; name: string }>(await database.db.execute(sql`select id, name from people order by id limit 4`)).map((row) => ({
    id: Number(row.id),
    name: row.name,
  }));
  articleIds = rowsOf<{ id: number }>(await database.db.execute(sql`select id from articles order by id`)).map((row) => Number(row.id));
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe('quoteAdded over SSE', () => {
  test('a subscriber gets the quotes of an article ingested through the API, in order', async () => {
    const stream = await subscribe(app, QUOTE_ADDED);
    expect(stream.response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const result = await execute(
      app,
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { article { quotes(first: 100) { nodes { id text } } } } }',
      {
        input: {
          url: 'https://example.test/api-ingest',
          text: 'Pier reopens\n\n"The pier is open again," said Mayor Lena Ortiz. "We waited a long time," said Tom Reyes, a fisherman.',
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(result.errors).toBeUndefined();
    const stored = result.data!.ingestArticle.article.quotes.nodes as { id: string; text: string }[];
    expect(stored.length).toBeGreaterThan(0);
    const received = [];
    for (const _ of stored) received.push((await stream.next())!.data.quoteAdded);
    expect(received.map((quote) => quote.text).sort()).toEqual(stored.map((quote) => quote.text).sort());
    await stream.close();
  });

  test('a quote inserted by plain SQL reaches the subscriber', async () => {
    const stream = await subscribe(app, QUOTE_ADDED);
    const [id] = await insertQuotes(database, [{ article: articleIds[0]!, person: people[0]!.id, kind: 'direct', text: 'Written by psql.' }]);
    const event = await stream.next();
    expect(event?.data?.quoteAdded).toMatchObject({ text: 'Written by psql.', kind: 'DIRECT' });
    expect(event?.data?.quoteAdded.id).toBe(Buffer.from(`Quote:${id}`).toString('base64'));
    await stream.close();
  });

  test('a rolled-back write announces nothing', async () => {
    const stream = await subscribe(app, QUOTE_ADDED);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into quotes (article_id, text, kind, start_offset, end_offset, position, article_sort_at)
          values (${articleIds[0]!}, 'Never committed.', 'direct', 0, 0, ${position++}, now())`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await insertQuotes(database, [{ article: articleIds[0]!, person: null, kind: 'direct', text: 'Committed after.' }]);
    expect((await stream.next())?.data?.quoteAdded.text).toBe('Committed after.');
    await stream.close();
  });
});
