// How much hostile traffic hurts everyone else, and how fast the service comes back after a
// PostgreSQL restart. Runs its own throwaway PostgreSQL cluster and the real service as a
// child process (`quotegraph serve`, demo graph seeded), then:
//   1. normal traffic alone (the story, quotes-by-speaker and front-page examples, autocannon);
//   2. the same with a hostile client hammering it from another process (deep, costly,
//      alias-flood, token-flood, oversized and maximal-but-allowed requests, tight loops);
//   3. several PostgreSQL restarts under a steady stream of queries: time until answers are
//      correct again; and, with PostgreSQL stopped, how long a request takes to fail.
// Prints a markdown table.
//
//   npx tsx bench/hostile.ts [--duration 15] [--connections 8] [--hostile-loops 4] [--restarts 5] [--cache]
//                            [--hostile-kinds deep,costly,aliases,tokens,oversized,maximal]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { frontPageExample, quotesBySpeakerExample, storyExample } from '../src/graphql/examples.ts';
import { createCluster, type PgCluster } from '../tests/support/pg-cluster.ts';
import { runLoad, type LoadResult } from './measure.ts';
import { httpRequest, postGraphQL, startService, type ServiceProcess } from '../tests/support/service-process.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN;
};

// ---------------------------------------------------------------------------------------------
// The hostile client. Runs in its own process (this file with --hostile-loop) so that its work
// does not share an event loop with autocannon's latency measurements.

function hostileRequests(): { name: string; body: string }[] {
  const deep = `{ articles(first: 1) { nodes { ${'quotes(first: 1) { nodes { article { '.repeat(8)}title${' } } }'.repeat(8)} } } }`;
  const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ');
  return [
    { name: 'deep', body: JSON.stringify({ query: deep }) },
    {
      name: 'costly',
      body: JSON.stringify({ query: '{ articles(first: 100) { nodes { quotes(first: 100) { nodes { text } } } } }' }),
    },
    { name: 'aliases', body: JSON.stringify({ query: `{ ${aliases} }` }) },
    { name: 'tokens', body: JSON.stringify({ query: `{ ${'__typename '.repeat(20_000)}}` }) },
    // Just over the default body limit (twice the 1 MB article limit plus 64 KiB).
    { name: 'oversized', body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2_200_000) } }) },
    // The most a client may ask for in one request: under the cost limit, over the "expensive" mark.
    // (Cost 4401 of 5000; rate-limited once the client's expensive budget is spent.)
    {
      name: 'maximal',
      body: JSON.stringify({
        query:
          '{ articles(first: 100) { nodes { title body quotes(first: 10) { nodes { text speaker { ... on Person { name } } } } } } }',
      }),
    },
  ];
}

async function runHostileLoop(url: string, loops: number, seconds: number, kinds: string) {
  const requests = hostileRequests().filter((request) => kinds === 'all' || kinds.split(',').includes(request.name));
  if (requests.length === 0) throw new Error(`no hostile requests of kinds ${kinds}`);
  const outcomes: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  let sent = 0;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const request = requests[i % requests.length]!;
      let outcome: string;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: request.body,
        });
        const text = await response.text();
        const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
        outcome = `${response.status} ${code ?? 'ok'}`;
      } catch (error) {
        outcome = `failed ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}`;
        await sleep(10);
      }
      sent++;
      const key = `${request.name}: ${outcome}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
  process.stdout.write(`${JSON.stringify({ sent, perSecond: sent / seconds, outcomes })}\n`);
}

function startHostileProcess(url: string, loops: number, seconds: number, kinds: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--hostile-loop', url, String(loops), String(seconds), kinds],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ sent: number; perSecond: number; outcomes: Record<string, number> }>((resolve, reject) => {
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(output.trim().split('\n').at(-1) ?? ''));
      } catch {
        reject(new Error(`the hostile client exited with ${code}: ${output}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Normal traffic.

/** The three example operations in turn, through the bench's own load runner. */
function normalTraffic(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const bodies = [storyExample, quotesBySpeakerExample, frontPageExample].map((query) => JSON.stringify({ query }));
  return runLoad(url, bodies, seconds, connections);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL restarts.

const probe = `query Probe { quotes(filter: { speakerName: "marquez" }, first: 5) { totalCount nodes { text } } }`;

async function probeOnce(url: string, expectedTotal: number) {
  const started = performance.now();
  try {
    const result = await postGraphQL(url, probe, {}, { timeoutMs: 30_000 });
    const correct =
      result.status === 200 && !result.json?.errors && result.json?.data?.quotes?.totalCount === expectedTotal;
    const code: string = result.json?.errors?.[0]?.extensions?.code ?? (correct ? 'ok' : 'wrong');
    return { started, finished: performance.now(), correct, code };
  } catch {
    return { started, finished: performance.now(), correct: false, code: 'connection' };
  }
}

/** Restarts PostgreSQL under 4 probing clients; ms from "accepting connections" to a correct answer. */
async function measureRestart(cluster: PgCluster, url: string, expectedTotal: number) {
  const samples: Awaited<ReturnType<typeof probeOnce>>[] = [];
  let running = true;
  const loops = Array.from({ length: 4 }, async () => {
    while (running) samples.push(await probeOnce(url, expectedTotal));
  });
  await sleep(500);
  const began = performance.now();
  await cluster.restart();
  const back = performance.now();
  const deadline = back + 30_000;
  while (performance.now() < deadline && !samples.some((sample) => sample.started >= back && sample.correct))
    await sleep(20);
  running = false;
  await Promise.all(loops);
  const first = samples.find((sample) => sample.started >= back && sample.correct);
  return {
    restartMs: back - began,
    recoveryMs: first ? first.finished - back : Number.POSITIVE_INFINITY,
    failed: samples.filter((sample) => !sample.correct && sample.started >= began - 1000).length,
  };
}

/** PostgreSQL stopped: 4 clients for `seconds`; how long each request took to fail. */
async function measureDown(cluster: PgCluster, url: string, expectedTotal: number, seconds: number) {
  await cluster.stop('fast');
  const samples: Awaited<ReturnType<typeof probeOnce>>[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < deadline) samples.push(await probeOnce(url, expectedTotal));
    }),
  );
  const ready = await httpRequest(url.replace(/\/graphql$/, '/readyz'), { timeoutMs: 30_000 }).catch(() => null);
  const began = performance.now();
  await cluster.start();
  const back = performance.now();
  let recovered = Number.POSITIVE_INFINITY;
  while (performance.now() - back < 30_000) {
    if ((await probeOnce(url, expectedTotal)).correct) {
      recovered = performance.now() - back;
      break;
    }
    await sleep(20);
  }
  const timings = samples.map((sample) => sample.finished - sample.started);
  const codes: Record<string, number> = {};
  for (const sample of samples) codes[sample.code] = (codes[sample.code] ?? 0) + 1;
  return { timings, codes, readyStatus: ready?.status ?? 0, startMs: back - began, recoveryMs: recovered };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '8' },
      'hostile-loops': { type: 'string', default: '4' },
      restarts: { type: 'string', default: '5' },
      cache: { type: 'boolean', default: false },
      'hostile-kinds': { type: 'string', default: 'all' },
    },
  });
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const hostileLoops = Number(values['hostile-loops']);
  const restarts = Number(values.restarts);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('starting a throwaway PostgreSQL cluster');
  const cluster = await createCluster({ settings: { max_connections: 200 } });
  let service: ServiceProcess | null = null;
  const stopEverything = () => cluster.destroy();
  process.once('SIGINT', () => {
    stopEverything();
    process.exit(130);
  });
  try {
    const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    await admin`create database quotegraph`;
    await admin.end();
    log('starting quotegraph serve (migrations, demo articles)');
    service = await startService({
      env: {
        DATABASE_URL: cluster.url('quotegraph'),
        QUOTEGRAPH_SEED_DEMO: 'true',
        QUOTEGRAPH_CACHE: values.cache ? 'true' : 'false',
        // As in production: one line per operation.
        LOG_LEVEL: 'info',
      },
      startTimeoutMs: 120_000,
      retainLogs: false,
    });

    for (const query of [storyExample, quotesBySpeakerExample, frontPageExample]) {
      const check = await postGraphQL(service.url, query);
      if (check.json?.errors || !check.json?.data) throw new Error(`an example fails: ${check.text.slice(0, 300)}`);
    }
    const expectedTotal: number = (await postGraphQL(service.url, probe)).json.data.quotes.totalCount;

    log('warming up (3 s)');
    await normalTraffic(service.url, 3, connections);
    log(`normal traffic alone (${seconds} s)`);
    const alone = await normalTraffic(service.url, seconds, connections);
    log(`normal traffic with the hostile client (${seconds} s)`);
    const hostile = startHostileProcess(service.url, hostileLoops, seconds + 1, values['hostile-kinds']);
    await sleep(500);
    const attacked = await normalTraffic(service.url, seconds, connections);
    const attack = await hostile;
    if (!service.running())
      throw new Error(`the service died under the hostile client:\n${service.output().slice(-3000)}`);

    const recoveries: Awaited<ReturnType<typeof measureRestart>>[] = [];
    for (let run = 1; run <= restarts; run++) {
      log(`PostgreSQL restart ${run} of ${restarts}`);
      recoveries.push(await measureRestart(cluster, service.url, expectedTotal));
      await sleep(1_000);
    }
    log('PostgreSQL stopped for 5 s under traffic');
    const down = await measureDown(cluster, service.url, expectedTotal, 5);
    if (!service.running()) throw new Error(`the service died with the database:\n${service.output().slice(-3000)}`);

    const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'never');
    const row = (name: string, load: LoadResult) =>
      `| ${name} | ${Math.round(load.requestsPerSecond)} | ${load.p50} ms | ${load.p99} ms | ${load.non2xx + load.errors + load.graphqlErrors} |`;
    const lines = [
      '',
      `## quotegraph under hostile traffic (${connections} connections, ${seconds} s per phase, response cache ${values.cache ? 'on' : 'off'})`,
      '',
      '| normal traffic | req/s | p50 | p99 | failed |',
      '|---|---|---|---|---|',
      row('alone', alone),
      row('with the hostile client', attacked),
      `| ratio (with / alone) | ${(attacked.requestsPerSecond / alone.requestsPerSecond).toFixed(2)} | ${(attacked.p50 / alone.p50).toFixed(2)} | ${(attacked.p99 / alone.p99).toFixed(2)} | |`,
      '',
      `Hostile client: ${hostileLoops} loops, ${Math.round(attack.perSecond)} requests/s (kinds: ${values['hostile-kinds']}). Outcomes:`,
      '',
      '| request: status code | count |',
      '|---|---|',
      ...Object.entries(attack.outcomes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => `| ${outcome} | ${count} |`),
      '',
      '## PostgreSQL faults (4 clients probing)',
      '',
      '| measurement | median | runs / samples |',
      '|---|---|---|',
      `| restart: pg_ctl restart took | ${ms(median(recoveries.map((r) => r.restartMs)))} | ${recoveries.length} |`,
      `| restart: correct answers again, after PostgreSQL accepts connections | ${ms(median(recoveries.map((r) => r.recoveryMs)))} (max ${ms(Math.max(...recoveries.map((r) => r.recoveryMs)))}) | ${recoveries.length} |`,
      `| restart: requests that failed | ${median(recoveries.map((r) => r.failed))} | ${recoveries.length} |`,
      `| down: time to error | ${ms(median(down.timings))} (max ${ms(Math.max(...down.timings))}) | ${down.timings.length} |`,
      `| down: answers | ${Object.entries(down.codes)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ')} | ${down.timings.length} |`,
      `| down: /readyz status | ${down.readyStatus} | 1 |`,
      `| start after 5 s down: correct answers again | ${ms(down.recoveryMs)} | 1 |`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await service?.stop(10_000);
    stopEverything();
  }
}

if (process.argv[2] === '--hostile-loop') {
  const [, , , url, loops, seconds, kinds] = process.argv;
  await runHostileLoop(url!, Number(loops), Number(seconds), kinds ?? 'all');
} else {
  await main();
}
