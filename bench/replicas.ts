// Queries through a streaming read replica against queries on the primary, on one machine: the
// same read (W1, one article with its quotes, speakers, affiliations and links) at a fixed number
// of connections, the response cache off so every request reaches a database, one server process.
// The bench starts its own primary and replica (tests/support/pg-cluster.ts: initdb, then
// pg_basebackup -R), generates the graph on the primary, and checks that the replica did the
// reading (its transaction count per request).
//
//   npm run bench:replicas -- [--articles 2000] [--seconds 10] [--connections 32] [--rounds 3]
//
// Both PostgreSQL servers share the machine's cores with the server and the load generator: this
// shows the cost of the routing and that reads move, not what a replica on its own host adds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeGlobalID } from '@pothos/plugin-relay';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createCluster, type PgCluster } from '../tests/support/pg-cluster.ts';
import { startService } from '../tests/support/service-process.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});

const settings = { shared_buffers: '256MB', max_wal_senders: 4 };

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`quotegraph ${args.join(' ')}: ${code}`))));
  });
}

/** Committed transactions in the quotegraph database; PostgreSQL publishes them within a second. */
async function transactions(cluster: PgCluster): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const sql = postgres(cluster.url('quotegraph'), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { n: string }[]
    >`select xact_commit::text as n from pg_stat_database where datname = 'quotegraph'`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end();
  }
}

const query = `query W1($id: ID!) { article(id: $id) { title dek
  quotes(first: 10) { nodes { text kind speaker { __typename
    ... on Person { name affiliations { role organization { name } } }
    ... on Organization { name } } } }
  relatedLinks { title url kind } } }`;

async function measure(label: string, env: Record<string, string>, requests: autocannon.Request[], replica: PgCluster) {
  const service = await startService({
    // Warnings only: no log line per request in what is measured.
    env: { ...env, LOG_LEVEL: 'warn', QUOTEGRAPH_CACHE: 'false' },
    readyWhen: 'readyz',
    retainLogs: false,
    startTimeoutMs: 120_000,
  });
  try {
    const url = service.origin;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const load = (duration: number) => autocannon({ url, connections: Number(values.connections), duration, requests });
    await load(3);
    const before = await transactions(replica);
    const result = await load(Number(values.seconds));
    const onReplica = (await transactions(replica)) - before;
    return {
      label,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
      replicaTransactionsPerRequest: onReplica / Math.max(result.requests.total, 1),
    };
  } finally {
    await service.stop();
  }
}

let primary: PgCluster | undefined;
let replica: PgCluster | undefined;
try {
  const started = performance.now();
  primary = await createCluster({ settings });
  const admin = postgres(primary.url(), { max: 1, onnotice: () => {} });
  await admin`create database quotegraph`;
  await admin.end();
  await run(['generate', '--articles', values.articles], { DATABASE_URL: primary.url('quotegraph') });
  replica = await createCluster({ settings, replicaOf: primary });
  console.log(
    `primary and replica of ${values.articles} articles ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const sql = postgres(primary.url('quotegraph'), { max: 1, onnotice: () => {} });
  const ids = (await sql<{ id: number }[]>`select id from articles order by id limit 200`).map((row) => row.id);
  await sql.end();
  const requests = ids.map((id) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { id: encodeGlobalID('Article', id) } }),
  }));

  const setups: [string, Record<string, string>][] = [
    ['primary', { DATABASE_URL: primary.url('quotegraph') }],
    ['replica', { DATABASE_URL: primary.url('quotegraph'), DATABASE_READ_URL: replica.url('quotegraph') }],
  ];
  const rounds: Map<string, Awaited<ReturnType<typeof measure>>>[] = [];
  for (let round = 0; round < Number(values.rounds); round += 1) {
    const measured = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const [label, env] of round % 2 === 0 ? setups : [...setups].reverse()) {
      const result = await measure(label, env, requests, replica);
      measured.set(label, result);
      console.log(
        `round ${round + 1}, ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, replica transactions/request ${result.replicaTransactionsPerRequest.toFixed(2)}`,
      );
    }
    rounds.push(measured);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  for (const [label] of setups) {
    const rates = rounds.map((round) => round.get(label)!.requestsPerSecond);
    const ratios = rounds.map((round) => round.get(label)!.requestsPerSecond / round.get('primary')!.requestsPerSecond);
    console.log(
      `${label}: median ${median(rates).toFixed(0)} req/s; median ratio to the primary in the same round ×${median(ratios).toFixed(2)}`,
    );
  }
} finally {
  replica?.destroy();
  primary?.destroy();
}
