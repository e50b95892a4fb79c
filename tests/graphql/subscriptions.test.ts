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
import { createTestApp, execute, query, testConfig } from '../support/app.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';
import { councilArticle, fishermenArticle } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';
import { ENDPOINT, EventStream, subscribe } from '../support/event-stream.ts';

const TOKEN = 'test-write-token-0123456789';
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
async function insertQuotes(
  db: DatabaseHandle,
  rows: { article: number; person: number | null; kind: string; text: string }[],
) {
  const values = rows.map(
    (row) =>
      sql`(${row.article}, ${row.text}, ${row.kind}::quote_kind, ${row.person}::integer, 0, 0, ${position++}, (select sort_at from articles where id = ${row.article}))`,
  );
  const result =
    await db.db.execute(sql`insert into quotes (article_id, text, kind, speaker_person_id, start_offset, end_offset, position, article_sort_at)
    values ${sql.join(values, sql`, `)} returning id`);
  return rowsOf<{ id: number }>(result).map((row) => Number(row.id));
}

beforeAll(async () => {
  database = await openTestDatabase();
  await ingestArticle(database.db, councilArticle, { url: 'https://example.test/council' });
  await ingestArticle(database.db, fishermenArticle, { url: 'https://example.test/fishermen' });
  app = createTestApp(database, { apiTokens: [TOKEN] });
  people = rowsOf<{ id: number; name: string }>(
    await database.db.execute(sql`select id, name from people order by id limit 4`),
  ).map((row) => ({
    id: Number(row.id),
    name: row.name,
  }));
  articleIds = rowsOf<{ id: number }>(await database.db.execute(sql`select id from articles order by id`)).map((row) =>
    Number(row.id),
  );
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
    const [id] = await insertQuotes(database, [
      { article: articleIds[0]!, person: people[0]!.id, kind: 'direct', text: 'Written by psql.' },
    ]);
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

const WORDS = ['harbor', 'turbine', 'council', 'tide', 'nets'] as const;
const KINDS = ['direct', 'partial', 'indirect'] as const;

function decodeGlobal(id: string): number {
  return Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);
}

describe('quoteAdded(filter:) means what quotes(filter:) means', () => {
  test('for generated writes and filters, a subscriber gets exactly the new quotes the query finds, in order', async () => {
    const write = fc.record({
      article: fc.nat({ max: 1 }),
      person: fc.option(fc.nat({ max: 3 }), { nil: null }),
      kind: fc.constantFrom(...KINDS),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    });
    const filter = fc.record(
      {
        speaker: fc.oneof(
          fc.constant(null),
          fc.nat({ max: 3 }).map((index) => ({ speaker: index })),
          fc.nat({ max: 3 }).map((index) => ({ speakerName: index })),
        ),
        article: fc.nat({ max: 1 }),
        kind: fc.constantFrom(...KINDS),
        search: fc.constantFrom(...WORDS),
      },
      { requiredKeys: ['speaker'] },
    );
    // Writes in one or two statements: a statement's quotes arrive as one batch.
    const statements = fc.array(fc.array(write, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(filter, statements, async (chosen, batches) => {
        const person = (index: number) => people[index % people.length]!;
        const graphqlFilter: Record<string, unknown> = {};
        let sentinelPerson: number | null = null;
        if (chosen.speaker && 'speaker' in chosen.speaker) {
          sentinelPerson = person(chosen.speaker.speaker).id;
          graphqlFilter.speaker = await personGlobalId(sentinelPerson);
        } else if (chosen.speaker) {
          const name = person(chosen.speaker.speakerName).name;
          graphqlFilter.speakerName = name;
          const found = await query(app, 'query ($name: String!) { person(name: $name) { id } }', { name });
          sentinelPerson = decodeGlobal(found.data.person.id);
        }
        if (chosen.article !== undefined)
          graphqlFilter.article = Buffer.from(`Article:${articleIds[chosen.article]}`).toString('base64');
        if (chosen.kind !== undefined) graphqlFilter.kind = chosen.kind.toUpperCase();
        if (chosen.search !== undefined) graphqlFilter.search = chosen.search;

        const stream = await subscribe(app, QUOTE_ADDED, { filter: graphqlFilter });
        const written: number[] = [];
        for (const batch of batches) {
          written.push(
            ...(await insertQuotes(
              database,
              batch.map((row) => ({
                article: articleIds[row.article]!,
                person: row.person === null ? null : person(row.person).id,
                kind: row.kind,
                text: row.words.join(' '),
              })),
            )),
          );
        }
        // A last quote that meets the filter marks the end of what this subscriber can get.
        const [sentinel] = await insertQuotes(database, [
          {
            article: articleIds[chosen.article ?? 0]!,
            person: sentinelPerson,
            kind: chosen.kind ?? 'direct',
            text: `sentinel ${chosen.search ?? ''}`,
          },
        ]);
        const received: number[] = [];
        for (;;) {
          const event = await stream.next();
          expect(event?.errors).toBeUndefined();
          const id = decodeGlobal(event!.data!.quoteAdded.id);
          if (id === sentinel) break;
          received.push(id);
        }
        await stream.close();

        const found = await query(
          app,
          'query ($filter: QuoteFilter) { quotes(filter: $filter, first: 100) { nodes { id } } }',
          { filter: graphqlFilter },
        );
        const expected = (found.data.quotes.nodes as { id: string }[])
          .map((node) => decodeGlobal(node.id))
          .filter((id) => written.includes(id))
          .sort((a, b) => a - b);
        expect(received).toEqual(expected);
      }),
      { numRuns: runs(12) },
    );
  }, 120_000);

  test('a subscriber for one speaker gets nothing for another', async () => {
    const [x, y] = [people[0]!, people[1]!];
    const stream = await subscribe(app, QUOTE_ADDED, { filter: { speaker: await personGlobalId(x.id) } });
    await insertQuotes(database, [{ article: articleIds[0]!, person: y.id, kind: 'direct', text: 'Said by Y.' }]);
    await insertQuotes(database, [{ article: articleIds[0]!, person: x.id, kind: 'direct', text: 'Said by X.' }]);
    expect((await stream.next())?.data?.quoteAdded.text).toBe('Said by X.');
    await stream.close();
  });
});

/** A second connection to the same database, as another process would open it. */
async function openSecondHandle(): Promise<DatabaseHandle> {
  const name = rowsOf<{ name: string }>(await database.db.execute(sql`select current_database() as name`))[0]!.name;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 2 });
}

describe('every write path, every instance', () => {
  test('the ingest the CLI runs reaches the subscriber (PGlite: through the server socket; PostgreSQL: another connection)', async () => {
    const stream = await subscribe(app, QUOTE_ADDED);
    let writer: DatabaseHandle;
    let socketDir: string | null = null;
    let stopSocket: (() => Promise<void>) | null = null;
    if (testDriver === 'pglite') {
      socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-live-'));
      const socket = await serveEmbeddedDatabase(database.pglite!, socketDir);
      stopSocket = () => socket.close();
      writer = await openDatabase({ driver: 'embedded-socket', socketPath: socket.path });
    } else {
      writer = await openSecondHandle();
    }
    try {
      const result = await ingestArticle(writer.db, fishermenArticle, { url: 'https://example.test/cli-ingest' });
      const received: string[] = [];
      for (const _ of result.quoteIds) received.push((await stream.next())!.data!.quoteAdded.id);
      expect(received.map(decodeGlobal)).toEqual([...result.quoteIds].sort((a, b) => a - b));
    } finally {
      await stream.close();
      await writer.close();
      await stopSocket?.();
      if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
    }
  });

  test('two instances on one database each deliver a write to their subscriber', async () => {
    // On PostgreSQL the second instance has connections of its own; one embedded database is
    // opened by one process, so on PGlite the two instances share it.
    const second = testDriver === 'postgres' ? await openSecondHandle() : database;
    const otherApp = createTestApp(second);
    try {
      const [onFirst, onSecond] = [await subscribe(app, QUOTE_ADDED), await subscribe(otherApp, QUOTE_ADDED)];
      const [id] = await insertQuotes(database, [
        { article: articleIds[1]!, person: people[2]!.id, kind: 'indirect', text: 'Heard everywhere.' },
      ]);
      for (const stream of [onFirst, onSecond]) {
        const event = await stream.next();
        expect(decodeGlobal(event!.data!.quoteAdded.id)).toBe(id);
        await stream.close();
      }
    } finally {
      await otherApp.dispose();
      if (second !== database) await second.close();
    }
  });
});

describe('articleChanged', () => {
  test('announces quotes added, updates and the deletion of one article, and nothing of others', async () => {
    const [watched, other] = [articleIds[0]!, articleIds[1]!];
    const stream = await subscribe(
      app,
      'subscription ($id: ID!) { articleChanged(id: $id) { change article { id title } } }',
      { id: Buffer.from(`Article:${watched}`).toString('base64') },
    );
    await database.db.execute(sql`update articles set title = 'Other, retitled' where id = ${other}`);
    await insertQuotes(database, [
      { article: watched, person: null, kind: 'direct', text: 'Added to the watched one.' },
    ]);
    expect((await stream.next())?.data?.articleChanged).toMatchObject({
      change: 'QUOTES_ADDED',
      article: { title: councilArticle.title },
    });
    await database.db.execute(sql`update articles set title = 'Watched, retitled' where id = ${watched}`);
    expect((await stream.next())?.data?.articleChanged).toMatchObject({
      change: 'UPDATED',
      article: { title: 'Watched, retitled' },
    });
    await database.db.execute(sql`delete from articles where id = ${watched}`);
    // The cascade deletes its quotes too; the article itself is gone.
    expect((await stream.next())?.data?.articleChanged).toEqual({ change: 'DELETED', article: null });
    await stream.close();
    articleIds = [other, ...articleIds.slice(2)];
  });
});

describe('limits and clean-up', () => {
  test('the N+1th open subscription of a client is refused with RATE_LIMITED; other clients still subscribe', async () => {
    const limited = createTestApp(database, { trustProxy: true, subscriptions: { perClient: 2, total: 100 } });
    const as = (client: string) => ({ 'x-forwarded-for': client });
    const open = [
      await subscribe(limited, QUOTE_ADDED, {}, as('203.0.113.1')),
      await subscribe(limited, QUOTE_ADDED, {}, as('203.0.113.1')),
    ];
    const refused = await subscribe(limited, QUOTE_ADDED, {}, as('203.0.113.1'));
    const answer = await refused.next();
    expect(answer?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(answer?.errors?.[0]?.path).toEqual(['quoteAdded']);
    const otherClient = await subscribe(limited, QUOTE_ADDED, {}, as('203.0.113.2'));
    const [id] = await insertQuotes(database, [
      { article: articleIds[0]!, person: null, kind: 'direct', text: 'Limit check.' },
    ]);
    expect(decodeGlobal((await otherClient.next())!.data!.quoteAdded.id)).toBe(id);
    for (const stream of [...open, otherClient]) await stream.close();
    await limited.dispose();
  });

  test('a client that disconnects frees its place: its listener is gone', async () => {
    const limited = createTestApp(database, { subscriptions: { perClient: 1, total: 1 } });
    for (let round = 0; round < 3; round += 1) {
      const stream = await subscribe(limited, QUOTE_ADDED);
      const [id] = await insertQuotes(database, [
        { article: articleIds[0]!, person: null, kind: 'direct', text: `Round ${round}.` },
      ]);
      expect(decodeGlobal((await stream.next())!.data!.quoteAdded.id)).toBe(id);
      // Without clean-up the next round's subscription would be refused (limit 1).
      await stream.close();
      // Yoga learns of the cancelled body asynchronously; the next subscribe waits for it.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await limited.dispose();
  });

  test('the cost limit applies to a subscription document', async () => {
    const strict = createTestApp(database, { limits: { ...testConfig().limits, cost: 3 } });
    const stream = await subscribe(strict, 'subscription { quoteAdded { id text kind article { title } } }');
    const answer = await stream.next();
    expect(answer?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await strict.dispose();
  });

  test('EventSource-style GET (no CSRF header) subscribes; a GET query still needs the header', async () => {
    const url = `${ENDPOINT}?query=${encodeURIComponent('subscription { quoteAdded { text } }')}`;
    const response = await app.fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const stream = new EventStream(response, response.body!.getReader());
    await insertQuotes(database, [{ article: articleIds[0]!, person: null, kind: 'partial', text: 'Over GET.' }]);
    expect((await stream.next())?.data).toEqual({ quoteAdded: { text: 'Over GET.' } });
    await stream.close();
    const queryOverGet = await app.fetch(`${ENDPOINT}?query=${encodeURIComponent('{ articles { totalCount } }')}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(queryOverGet.status).toBe(403);
  });
});

describe('bursts', () => {
  test('one statement adding 50 quotes is one notification, and the subscriber gets all 50 in order', async () => {
    const payloads: string[] = [];
    const stopListening = await database.listen!('quotegraph_events', (payload) => payloads.push(payload));
    const stream = await subscribe(app, 'subscription { quoteAdded { id } }');
    try {
      const ids = await insertQuotes(
        database,
        Array.from({ length: 50 }, (_, index) => ({
          article: articleIds[0]!,
          person: null,
          kind: 'direct',
          text: `Burst ${index}.`,
        })),
      );
      const received: number[] = [];
      for (const _ of ids) received.push(decodeGlobal((await stream.next())!.data!.quoteAdded.id));
      expect(received).toEqual([...ids].sort((a, b) => a - b));
      expect(payloads.map((payload) => JSON.parse(payload))).toEqual([
        { quotes: [...ids].sort((a, b) => a - b), articles: [articleIds[0]] },
      ]);
    } finally {
      await stream.close();
      await stopListening();
    }
  });
});
