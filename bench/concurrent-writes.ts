// Concurrent writes on PostgreSQL: of N writes sent at once, how many succeed and how many are
// stored, and how long the batch takes compared with the same N writes sent one after another.
// Runs the real app in process (Yoga's fetch, no sockets) on a throwaway database of the
// PostgreSQL server at --url, with a pool of N connections.
//
//   npm run bench:writes -- [--url postgres://postgres@127.0.0.1:5432/postgres] [--writes 8] [--rounds 5]
//
// Scenarios (the cases of issue 11, item 5):
//   shared-url     N ingests of one URL, each a different text      → 1 article, N answers
//   same-text      N ingests of one text without URL                 → 1 article
//   new-person     N articles (own URLs) naming one new person, two spellings → N articles, 1 person
//   create-person  N createPerson with one name                      → N people
//   merge-race     a mergePeople among N-1 ingests naming the removed person → N-1 quotes on the kept one
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadConfig } from '../src/config.ts';
import { openDatabase, rowsOf, type DatabaseHandle } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createApp, type App } from '../src/server.ts';
import { sql } from 'drizzle-orm';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    writes: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
  },
});
const writes = Number(options.writes);
const rounds = Number(options.rounds);
const TOKEN = 'bench-write-token-0123456789abcdef';

const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }';
const CREATE_PERSON = 'mutation($name: String!) { createPerson(input: { name: $name }) { person { id } } }';
const MERGE =
  'mutation($keep: ID!, $remove: ID!) { mergePeople(input: { keep: $keep, remove: $remove }) { movedQuotes } }';

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function send(app: App, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await app.fetch('http://bench.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const text = (headline: string, speaker: string, said: string) =>
  `${headline}\n\n"${said}," said ${speaker}, who spoke on Monday.\n\nThe work starts next month.`;

interface Scenario {
  name: string;
  /** Writes to send; `tag` makes the names and URLs of one run its own. */
  prepare(
    app: App,
    tag: string,
  ): Promise<{ requests: (() => Promise<Answer>)[]; stored: () => Promise<number>; expected: number }>;
}

async function count(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await handle.db.execute(query))[0]?.n ?? 0);
}

function scenarios(handle: DatabaseHandle): Scenario[] {
  return [
    {
      name: 'shared-url',
      prepare: async (app, tag) => ({
        requests: Array.from(
          { length: writes },
          (_, n) => () =>
            send(app, INGEST, {
              input: {
                url: `https://bench.test/${tag}`,
                text: text(`Shared ${tag}`, 'Ilse Varga', `We counted ${n} boats`),
              },
            }),
        ),
        // Stored: the article exists once, with its quote.
        stored: () =>
          count(
            handle,
            sql`select count(*)::int as n from quotes q join articles a on a.id = q.article_id where a.url = ${`https://bench.test/${tag}`}`,
          ),
        expected: 1,
      }),
    },
    {
      name: 'same-text',
      prepare: async (app, tag) => ({
        requests: Array.from(
          { length: writes },
          () => () =>
            send(app, INGEST, { input: { text: text(`Same ${tag}`, 'Oskar Lind', 'The ferry runs all winter') } }),
        ),
        stored: () => count(handle, sql`select count(*)::int as n from articles where title = ${`Same ${tag}`}`),
        expected: 1,
      }),
    },
    {
      name: 'new-person',
      prepare: async (app, tag) => {
        const surname = `Holm${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
        return {
          requests: Array.from(
            { length: writes },
            (_, n) => () =>
              send(app, INGEST, {
                input: {
                  url: `https://bench.test/${tag}/${n}`,
                  text: text(
                    `Voice ${tag} ${n}`,
                    n % 2 ? `Petra K. ${surname}` : `Petra ${surname}`,
                    `Nets are down ${n}`,
                  ),
                },
              }),
          ),
          // Stored: quotes on the one person of that name (a second person would not count).
          stored: () =>
            count(
              handle,
              sql`
              select count(*)::int as n from quotes where speaker_person_id =
                (select min(id) from people where lookup_keys @> array[${`petra ${surname.toLowerCase()}`}]::text[])
                and (select count(*) from people where lookup_keys @> array[${`petra ${surname.toLowerCase()}`}]::text[]) = 1`,
            ),
          expected: writes,
        };
      },
    },
    {
      name: 'create-person',
      prepare: async (app, tag) => ({
        requests: Array.from({ length: writes }, () => () => send(app, CREATE_PERSON, { name: `Rune ${tag}` })),
        stored: () => count(handle, sql`select count(*)::int as n from people where name = ${`Rune ${tag}`}`),
        expected: writes,
      }),
    },
    {
      name: 'merge-race',
      prepare: async (app, tag) => {
        const surname = `Dobre${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
        const keep = (await send(app, CREATE_PERSON, { name: `Mirela ${surname}` })).data?.createPerson.person.id;
        const remove = (await send(app, CREATE_PERSON, { name: `Mirella ${surname}` })).data?.createPerson.person.id;
        const ingests = Array.from(
          { length: writes - 1 },
          (_, n) => () =>
            send(app, INGEST, {
              input: {
                url: `https://bench.test/${tag}/${n}`,
                text: text(`Race ${tag} ${n}`, `Mirella ${surname}`, `The dock opens in ${n} weeks`),
              },
            }),
        );
        const half = Math.floor(ingests.length / 2);
        return {
          requests: [...ingests.slice(0, half), () => send(app, MERGE, { keep, remove }), ...ingests.slice(half)],
          stored: () =>
            count(
              handle,
              sql`
              select count(*)::int as n from quotes q join articles a on a.id = q.article_id
              join people p on p.id = q.speaker_person_id
              where a.url like ${`https://bench.test/${tag}/%`} and p.name = ${`Mirela ${surname}`}`,
            ),
          expected: writes - 1,
        };
      },
    },
  ];
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

async function main() {
  const database = `quotegraph_bench_writes_${process.pid}`;
  const admin = postgres(options.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  const url = new URL(options.url);
  url.pathname = `/${database}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: writes });
  try {
    await migrateDatabase(handle);
    const config = {
      ...loadConfig({ NODE_ENV: 'production', QUOTEGRAPH_CACHE: 'false', QUOTEGRAPH_RATE_LIMIT_WRITES: '1000000' }),
      apiTokens: [TOKEN],
    };
    const app = createApp({ config, database: handle });
    // One ingest first, so the extractor is loaded before anything is timed.
    await send(app, INGEST, { input: { text: text('Warm-up', 'Ada Quill', 'Nothing to see') } });
    console.log(
      `# Concurrent writes: ${writes} at once vs one after another (PostgreSQL, pool ${writes}, median of ${rounds} rounds)\n`,
    );
    console.log(
      '| scenario | succeeded | stored / expected | errors | concurrent ms | serial ms | concurrent / serial |',
    );
    console.log('|---|---|---|---|---|---|---|');
    let run = 0;
    for (const scenario of scenarios(handle)) {
      const succeeded: number[] = [];
      const stored: number[] = [];
      const concurrentMs: number[] = [];
      const serialMs: number[] = [];
      const codes = new Map<string, number>();
      let expected = 0;
      for (let round = 0; round < rounds; round++) {
        const concurrent = await scenario.prepare(app, `c${++run}x${process.pid}`);
        let started = performance.now();
        const answers = await Promise.all(concurrent.requests.map((request) => request()));
        concurrentMs.push(performance.now() - started);
        succeeded.push(answers.filter((answer) => !answer.errors?.length).length);
        for (const answer of answers) {
          for (const error of answer.errors ?? [])
            codes.set(error.extensions?.code ?? '?', (codes.get(error.extensions?.code ?? '?') ?? 0) + 1);
        }
        stored.push(Math.min(await concurrent.stored(), concurrent.expected));
        const serial = await scenario.prepare(app, `s${++run}x${process.pid}`);
        started = performance.now();
        for (const request of serial.requests) await request();
        serialMs.push(performance.now() - started);
        expected = concurrent.expected;
      }
      const errors = [...codes].map(([code, n]) => `${code} ×${n}`).join(', ') || '—';
      console.log(
        `| ${scenario.name} | ${median(succeeded)} of ${writes} | ${median(stored)} / ${expected} | ${errors} | ${median(concurrentMs).toFixed(0)} | ${median(serialMs).toFixed(0)} | ${(median(concurrentMs) / median(serialMs)).toFixed(2)} |`,
      );
    }
    console.log(
      `\nsucceeded and stored: medians over rounds; errors: all rounds together (${rounds} × ${writes} writes per scenario).`,
    );
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

await main();
