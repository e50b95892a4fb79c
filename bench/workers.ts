// `serve --workers N` against `serve --workers 1` on the same PostgreSQL database: the same
// read (W1, one article with its quotes, speakers, affiliations and links) at a fixed number of
// connections, the response cache off so every request reaches the database. Reports requests
// per second and latency for each, and the ratio to one worker.
//
//   DATABASE_URL=postgres://… npm run bench:workers -- [--workers 1,2] [--seconds 15] [--connections 32] [--rounds 3]
//
// Each round measures every worker count, in alternating order, so that a neighbour's load on a
// shared machine falls on both sides; the report gives each count's median and the median ratio.
// The database needs articles first: `quotegraph generate --articles 2000`.
import { parseArgs } from 'node:util';
import { encodeGlobalID } from '@pothos/plugin-relay';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { startService } from '../tests/support/service-process.ts';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '1,2' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('set DATABASE_URL to a PostgreSQL database holding a generated graph');

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const ids = (await sql<{ id: number }[]>`select id from articles order by id limit 200`).map((row) => row.id);
await sql.end();
if (ids.length === 0) throw new Error('the database has no articles: run `quotegraph generate --articles 2000` first');

const query = `query W1($id: ID!) { article(id: $id) { title dek
  quotes(first: 10) { nodes { text kind speaker { __typename
    ... on Person { name affiliations { role organization { name } } }
    ... on Organization { name } } } }
  relatedLinks { title url kind } } }`;
const requests = ids.map((id) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables: { id: encodeGlobalID('Article', id) } }),
}));

async function measure(workers: number) {
  const service = await startService({
    // Warnings only: no log line per request in what is measured.
    env: { DATABASE_URL: databaseUrl!, LOG_LEVEL: 'warn', QUOTEGRAPH_CACHE: 'false' },
    workers,
    readyWhen: 'readyz',
    retainLogs: false,
    startTimeoutMs: 120_000,
  });
  const url = service.origin;
  // Every worker answers before measuring (the primary announces only once all listen).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const run = (duration: number) => autocannon({ url, connections: Number(values.connections), duration, requests });
  await run(5);
  const result = await run(Number(values.seconds));
  await service.stop();
  return {
    workers,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const counts = values.workers.split(',').map(Number);
const rounds: Array<Map<number, Awaited<ReturnType<typeof measure>>>> = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  const measured = new Map<number, Awaited<ReturnType<typeof measure>>>();
  for (const workers of round % 2 === 0 ? counts : [...counts].reverse()) {
    const result = await measure(workers);
    measured.set(workers, result);
    console.log(
      `round ${round + 1}, workers ${workers}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`,
    );
  }
  rounds.push(measured);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const base = counts[0]!;
for (const workers of counts) {
  const rates = rounds.map((round) => round.get(workers)!.requestsPerSecond);
  const ratios = rounds.map((round) => round.get(workers)!.requestsPerSecond / round.get(base)!.requestsPerSecond);
  console.log(
    `workers ${workers}: median ${median(rates).toFixed(0)} req/s; median ratio to ${base} worker(s) in the same round ×${median(ratios).toFixed(2)}`,
  );
}
