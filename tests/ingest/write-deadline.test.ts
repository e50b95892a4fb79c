// A write must not commit after its client was told TIMEOUT (src/graphql/execution-timeout.ts
// and the deadline check in src/store/transaction.ts).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, testConfig } from '../support/app.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';

const TOKEN = 'test-write-token-deadline-012345';
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, { apiTokens: [TOKEN] });
});
afterAll(() => database.close());

async function write(source: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data as Record<string, any>;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}

// Both write paths: ingestion, and the typed mutations that write through the store.
const timedWrites = [
  {
    name: 'ingestArticle',
    source: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }',
    input: (url: string) => ({ url, text: 'Late news\n\n"We waited too long," said Kari Nord, who spoke on Monday.' }),
  },
  {
    name: 'createArticle',
    source: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }',
    input: (url: string) => ({ url, title: 'Late by hand', body: 'Entered by hand, and too late.' }),
  },
];

describe('a write that times out', () => {
  // The write is held up by another transaction until after its deadline: on PostgreSQL by a
  // table lock its insert must wait for, on PGlite by the single connection. Nothing is timed:
  // the blocker is released only once the client has its TIMEOUT, and the check waits until the
  // abandoned write has ended.
  test.each(timedWrites)(
    '$name answers TIMEOUT and stores nothing, even when the database lets it go on afterwards',
    async ({ name, source, input }) => {
      const impatient = createTestApp(database, {
        apiTokens: [TOKEN],
        limits: { ...testConfig().limits, executionTimeoutMs: 1_000 },
        rateLimits: { ...testConfig().rateLimits, writesPerMinute: 1_000_000 },
      });
      // Loads the extractor (and the schema's resolvers), so the write below reaches the database well within its second.
      await write('mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }', {
        input: { text: 'Warm-up\n\n"Ready," said Kari Nord.' },
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const blocker = database.db.transaction(async (tx) => {
        await tx.execute(sql`lock table articles in share mode`);
        holding();
        await released;
      });
      await held;
      const url = `https://example.test/timed-out/${name}`;
      const answer = await execute(impatient, source, { input: input(url) }, { authorization: `Bearer ${TOKEN}` });
      expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      const others = sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' and backend_type = 'client backend'`;
      if (testDriver === 'postgres') {
        // The abandoned write is there, waiting behind the blocker.
        const waiting = sql`select count(*)::int as n from pg_locks where not granted and relation = 'articles'::regclass`;
        for (let i = 0; i < 200 && (await rows<{ n: number }>(waiting))[0]!.n === 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        expect((await rows<{ n: number }>(waiting))[0]!.n).toBe(1);
      }
      release();
      await blocker;
      if (testDriver === 'postgres') {
        // Until the abandoned write has committed or rolled back.
        for (let i = 0; i < 400 && (await rows<{ n: number }>(others))[0]!.n > 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 25));
      } else {
        // PGlite runs transactions one at a time, in turn: ours runs after the queued write.
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
        });
      }
      expect(await rows(sql`select id from articles where url = ${url}`)).toEqual([]);
    },
  );
});

describe('a long extraction', () => {
  // Extraction runs on a worker thread: while a large article is read, the server goes on
  // answering. Reads are sent one after another while the ingest is in flight; all of them are
  // answered before it. (On the main thread the extraction would hold every one of them up.)
  test('does not hold up reads sent while it runs', async () => {
    const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }';
    await write(INGEST, { input: { text: 'Warm-up two\n\n"Ready again," said Kari Nord.' } });
    const paragraph = (i: number) =>
      `The harbour council met again on day ${i} to discuss the tidal scheme. "We will decide before winter, and the boats will keep their moorings," said Maria Okafor, the harbour master. Tomas Lindqvist of Northfield University said the survey needed another month.`;
    const text = ['A long article', ...Array.from({ length: 900 }, (_, i) => paragraph(i))].join('\n\n');
    let ingestAnswered = false;
    const ingest = write(INGEST, { input: { text, url: 'https://example.test/long-extraction' } }).then((data) => {
      ingestAnswered = true;
      return data;
    });
    const answeredDuringIngest: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await execute(app, '{ articles(first: 1) { totalCount } }');
      expect(result.errors).toBeUndefined();
      answeredDuringIngest.push(!ingestAnswered);
    }
    expect(answeredDuringIngest).toEqual([true, true, true, true, true]);
    expect((await ingest).ingestArticle.created).toBe(true);
  });
});
