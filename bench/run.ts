// npm run bench — quotegraph against PostGraphile v5 and a hand-written SQL endpoint (the
// practical limit), on a PostgreSQL 15 cluster of its own, at several dataset sizes; plus
// quotegraph on embedded PGlite. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { startCluster } from './cluster.ts';
import { preparePgliteDataset, preparePostgresDataset, type DatasetInfo } from './dataset.ts';
import { explainWorkloads } from './explain.ts';
import {
  cpuMs,
  loadOptions,
  postJson,
  stoppedOnExit,
  peakRssMb,
  resetPeakRss,
  resetStatements,
  runLoad,
  waitForQuiet,
  startServer,
  statementCalls,
  statementListing,
  type ServerProcess,
} from './measure.ts';
import { summariseProfile } from './profile.ts';
import { CACHED, renderReport, type CheckResult, type Measurement, type RunReport } from './report.ts';
import {
  parameterSequence,
  workloads,
  type Params,
  type SystemId,
  type WorkloadId,
} from '../tests/support/workloads.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'out');

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '10000,100000' },
    ...loadOptions,
    workloads: { type: 'string', default: 'W1,W2,W3,W4,W5' },
    systems: { type: 'string', default: 'limit,quotegraph,postgraphile' },
    'pglite-scale': { type: 'string', default: '10000' },
    'skip-pglite': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    'no-cached': { type: 'boolean', default: false },
    'check-samples': { type: 'string', default: '25' },
    fresh: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(fs.readFileSync(path.join(here, 'README.md'), 'utf8'));
  process.exit(0);
}

const scales = args.scales
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')))
  .filter((n) => n > 0);
const seed = Number(args.seed);
const warmup = Number(args.warmup);
const duration = Number(args.duration);
const rounds = Math.max(1, Number(args.rounds));
const connections = Number(args.connections);
const poolSize = args['pool-size'];
const selectedWorkloads = workloads.filter((w) => args.workloads.split(',').includes(w.id));
const systems = args.systems.split(',') as SystemId[];
const checkSamples = Number(args['check-samples']);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const running = stoppedOnExit();
const { servers, cleanUp } = running;

/** Sends each body once, a few at a time. */
async function askEach(url: string, bodies: string[], concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function firstDifference(a: unknown, b: unknown, where = ''): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${where}.${key}`,
      );
      if (d) return d;
    }
  }
  return `${where || '(root)'}: ${JSON.stringify(a)?.slice(0, 160)} ≠ limit ${JSON.stringify(b)?.slice(0, 160)}`;
}

/** Asks each system the same sampled questions and compares with the limit's answers. */
async function checkAnswers(
  scale: number,
  urls: Partial<Record<string, string>>,
  info: DatasetInfo,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const workload of selectedWorkloads) {
    const params = parameterSequence(workload.id, info, seed + 7, checkSamples);
    const expected = await Promise.all(
      params.map(async (p) => workload.normalise.limit(await postJson(urls.limit!, workload.body.limit(p)))),
    );
    for (const [name, url] of Object.entries(urls)) {
      if (name === 'limit' || !url) continue;
      const system = (name.startsWith('quotegraph') ? 'quotegraph' : name) as SystemId;
      let mismatches = 0;
      let firstMismatch: string | undefined;
      for (let i = 0; i < params.length; i++) {
        const actual = workload.normalise[system](await postJson(url, workload.body[system](params[i]!)));
        if (!isDeepStrictEqual(actual, expected[i])) {
          mismatches++;
          firstMismatch ??= `${JSON.stringify(params[i])} ${firstDifference(actual, expected[i])}`;
        }
      }
      if (mismatches)
        log(`!!! MISMATCH ${name} ${workload.id}@${scale}: ${mismatches}/${params.length}; first: ${firstMismatch}`);
      results.push({
        scale,
        workload: workload.id,
        system: name,
        samples: params.length,
        mismatches,
        ...(firstMismatch ? { firstMismatch } : {}),
      });
    }
  }
  return results;
}

async function measure(
  server: ServerProcess,
  system: Measurement['system'],
  workloadId: WorkloadId,
  bodies: string[],
  info: DatasetInfo,
  statements: { admin: postgres.Sql; database: string } | null,
  round: number,
): Promise<Measurement> {
  // Statements per request, exactly: sequential requests, so none is in flight at the reading.
  // They do not change between rounds, so only the first round counts them.
  let perRequest: { all: number; data: number } | null = null;
  if (statements && round === 1) {
    await waitForQuiet(statements.admin, statements.database);
    await resetStatements(statements.admin);
    const sequential = Math.min(100, bodies.length);
    for (let i = 0; i < sequential; i++) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[i],
      });
      await response.arrayBuffer();
    }
    const counted = await statementCalls(statements.admin, statements.database);
    perRequest = { all: counted.all / sequential, data: counted.data / sequential };
    fs.writeFileSync(
      path.join(outDir, `statements-${info.scale}-${workloadId}-${system}.txt`),
      `${sequential} sequential requests\n\n${await statementListing(statements.admin, statements.database)}`,
    );
  }
  if (warmup > 0) await runLoad(server.url, bodies, warmup, connections);
  resetPeakRss(server.pid);
  const cpuBefore = cpuMs(server.pid);
  const load = await runLoad(server.url, bodies, duration, connections);
  const cpu = cpuMs(server.pid) - cpuBefore;
  if (statements) await waitForQuiet(statements.admin, statements.database);
  else await new Promise((resolve) => setTimeout(resolve, 3000));

  const measurement: Measurement = {
    round,
    scale: info.scale,
    quotes: info.quotes,
    workload: workloadId,
    system,
    requestsPerSecond: load.requestsPerSecond,
    p50: load.p50,
    p99: load.p99,
    requests: load.requests,
    failures: load.errors + load.non2xx + load.graphqlErrors,
    statementsPerRequest: perRequest,
    cpuMsPerRequest: load.requests ? cpu / load.requests : NaN,
    peakRssMb: peakRssMb(server.pid),
  };
  log(
    `r${round} ${workloadId} ${system.padEnd(20)} ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50} ms  p99 ${load.p99} ms  ` +
      `SQL/req ${measurement.statementsPerRequest?.data.toFixed(2) ?? 'n/a'}  CPU ${measurement.cpuMsPerRequest.toFixed(2)} ms/req  RSS ${measurement.peakRssMb.toFixed(0)} MB` +
      (measurement.failures ? `  FAILED ${measurement.failures}` : ''),
  );
  return measurement;
}

const bodiesFor = (workloadId: WorkloadId, system: SystemId, params: Params[]) => {
  const workload = workloads.find((w) => w.id === workloadId)!;
  return params.map((p) => JSON.stringify(workload.body[system](p)));
};

// quotegraph on PostgreSQL is measured as `serve` runs it there: each worker process's V8 heap held to
// QUOTEGRAPH_WORKER_HEAP_MB (src/commands/serve-workers.ts), which keeps its RSS under load known.
const workerHeapMb = loadConfig({ QUOTEGRAPH_WORKER_HEAP_MB: process.env.QUOTEGRAPH_WORKER_HEAP_MB }).workerHeapMb;
const workerNodeArgs = workerHeapMb > 0 ? [`--max-old-space-size=${workerHeapMb}`] : [];

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const clusterRoot = path.join(outDir, 'cluster');
  if (args.fresh) fs.rmSync(clusterRoot, { recursive: true, force: true });
  const cluster = running.cluster(await startCluster(clusterRoot, log));
  const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
  const report: RunReport = {
    date: new Date().toISOString(),
    machine: [
      `CPU: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores; ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory; ${os.type()} ${os.release()}`,
      `quotegraph at ${gitState()}`,
      `Node ${process.version}; ${cluster.version}; PGlite ${readVersion('@electric-sql/pglite')}; PostGraphile ${readVersion('postgraphile')}; autocannon ${readVersion('autocannon')}`,
    ],
    settings: [
      `autocannon: ${connections} connections, ${warmup} s warm-up then ${duration} s measured, per system and workload; the systems run back to back per workload (last, quotegraph again with its in-memory response cache on: every request of the parameter sequence sent once before the first round, entries kept for the whole run); ${rounds} rounds per scale (each round all workloads × systems), tables show medians over the rounds and ratios are medians of the per-round ratios`,
      `each server a separate Node process with a pool of ${poolSize} connections; CPU = utime+stime from /proc/<pid>/stat over the measured period ÷ requests; peak RSS = VmHWM (reset before the measured period)`,
      `quotegraph on PostgreSQL runs as each \`serve --workers\` process does, with V8's heap held to QUOTEGRAPH_WORKER_HEAP_MB (${workerHeapMb} MB by default); on PGlite, as the one embedded process, with V8's default`,
      'PostgreSQL 15 cluster of the bench\'s own: shared_buffers 2GB, fsync/synchronous_commit/full_page_writes off, jit off, pg_stat_statements (track=top, reset before each measured period); SQL/req "data" excludes BEGIN/COMMIT/SET/set_config',
      `data: \`quotegraph generate\` graphs, seed ${seed}; request parameters rotate over a seeded sequence of 5000 (W2/W5 speakers drawn with the data's popularity law); W3 has no parameters`,
      'PostGraphile: Amber preset, schemas public + pgl; W4/W5 through two inlinable SQL functions in bench/sql/postgraphile.sql (setof quotes, orderable); W2 reads the stored people.quote_count as quotegraph does; quotes ordered (article_sort_at desc, article_id desc, position asc) as quotegraph',
    ],
    workloads: selectedWorkloads.map((w) => `${w.id}: ${w.title}`),
    generation: [],
    measurements: [],
    checks: [],
    plans: {},
    profile: null,
  };
  const config = loadConfig({ QUOTEGRAPH_DEBUG: 'false', NODE_ENV: 'production', QUOTEGRAPH_CACHE: 'false' });
  const pgInfos = new Map<number, { database: string; info: DatasetInfo }>();

  for (const scale of scales) {
    const dataset = await preparePostgresDataset(cluster.url, scale, seed, log);
    pgInfos.set(scale, dataset);
    const { database, info } = dataset;
    if (dataset.generatedSeconds !== null) {
      report.generation.push(
        `PostgreSQL (bench cluster): ${scale} articles → ${info.quotes} quotes in ${dataset.generatedSeconds.toFixed(1)} s`,
      );
    }
    const env = { BENCH_DATABASE_URL: cluster.url(database), POOL_SIZE: poolSize };
    const started: Partial<Record<SystemId, ServerProcess>> = {};
    for (const system of ['limit', ...systems.filter((s) => s !== 'limit')] as SystemId[]) {
      const server = await startServer(system, `${system}.ts`, env, {
        path: system === 'limit' ? '/query' : '/graphql',
        ...(system === 'quotegraph' ? { nodeArgs: workerNodeArgs } : {}),
      });
      servers.push(server);
      started[system] = server;
    }
    // The same server with its response cache on: what repeated reads cost once answers are cached.
    const cachedServer =
      systems.includes('quotegraph') && !args['no-cached']
        ? await startServer(
            'quotegraph-cached',
            'quotegraph.ts',
            { ...env, BENCH_CACHE: '1', QUOTEGRAPH_CACHE_TTL_MS: '86400000', QUOTEGRAPH_CACHE_MAX_ENTRIES: '100000' },
            { path: '/graphql', nodeArgs: workerNodeArgs },
          )
        : null;
    if (cachedServer) servers.push(cachedServer);
    log(`${scale}: checking answers`);
    const urls: Record<string, string> = Object.fromEntries(Object.entries(started).map(([k, s]) => [k, s!.url]));
    if (cachedServer) urls[CACHED] = cachedServer.url;
    report.checks.push(...(await checkAnswers(scale, urls, info)));
    for (let round = 1; round <= rounds; round++) {
      for (const workload of selectedWorkloads) {
        const params = parameterSequence(workload.id, info, seed);
        for (const system of ['limit', ...systems.filter((s) => s !== 'limit')] as SystemId[]) {
          report.measurements.push(
            await measure(
              started[system]!,
              system,
              workload.id,
              bodiesFor(workload.id, system, params),
              info,
              { admin, database },
              round,
            ),
          );
        }
        if (cachedServer) {
          // Every question asked once first, so the measured period sees the warm cache (the
          // entries outlive the run). No statement count: those requests would meet a cold cache.
          if (round === 1) await askEach(cachedServer.url, bodiesFor(workload.id, 'quotegraph', params));
          report.measurements.push(
            await measure(
              cachedServer,
              CACHED,
              workload.id,
              bodiesFor(workload.id, 'quotegraph', params),
              info,
              null,
              round,
            ),
          );
        }
      }
    }
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    log(`${scale}: EXPLAIN ANALYZE of quotegraph's SQL`);
    report.plans[scale] = await explainWorkloads(cluster.url(database), config, info, outDir, [
      'W1',
      'W2',
      'W3',
      'W4',
      'W5',
    ]);
  }

  if (!args['skip-pglite'] && systems.includes('quotegraph')) {
    const scale = Number(args['pglite-scale']);
    const pglite = await preparePgliteDataset(outDir, scale, seed, log);
    if (pglite.generatedSeconds !== null) {
      report.generation.push(`PGlite (embedded): ${scale} articles in ${pglite.generatedSeconds.toFixed(1)} s`);
    }
    const info = await describePglite(pglite.dataDir, scale);
    const limitDataset = pgInfos.get(scale);
    const server = await startServer('quotegraph-pglite', 'quotegraph.ts', {
      BENCH_DATA_DIR: pglite.dataDir,
      POOL_SIZE: poolSize,
    });
    servers.push(server);
    let limit: ServerProcess | null = null;
    if (limitDataset) {
      limit = await startServer(
        'limit',
        'limit.ts',
        { BENCH_DATABASE_URL: cluster.url(limitDataset.database), POOL_SIZE: poolSize },
        { path: '/query' },
      );
      servers.push(limit);
      log(`PGlite ${scale}: checking answers against the PostgreSQL limit`);
      report.checks.push(...(await checkAnswers(scale, { limit: limit.url, 'quotegraph (PGlite)': server.url }, info)));
    }
    for (let round = 1; round <= rounds; round++) {
      for (const workload of selectedWorkloads) {
        const params = parameterSequence(workload.id, info, seed);
        report.measurements.push(
          await measure(
            server,
            'quotegraph (PGlite)',
            workload.id,
            bodiesFor(workload.id, 'quotegraph', params),
            info,
            null,
            round,
          ),
        );
      }
    }
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  }

  if (!args['no-profile'] && systems.includes('quotegraph')) {
    const scale = scales[scales.length - 1]!;
    const { database, info } = pgInfos.get(scale)!;
    const profileDir = path.join(outDir, 'profiles');
    fs.rmSync(profileDir, { recursive: true, force: true });
    log(`profiling quotegraph under W1–W3 at ${scale} articles`);
    const spawned = performance.now();
    const server = await startServer(
      'quotegraph-profiled',
      'quotegraph.ts',
      { BENCH_DATABASE_URL: cluster.url(database), POOL_SIZE: poolSize },
      {
        path: '/graphql',
        nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
      },
    );
    servers.push(server);
    const startupMs = performance.now() - spawned;
    for (const id of ['W1', 'W2', 'W3'] as const) {
      await runLoad(server.url, bodiesFor(id, 'quotegraph', parameterSequence(id, info, seed)), duration, connections);
    }
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    const file = fs.existsSync(profileDir)
      ? fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
      : undefined;
    report.profile = file
      ? summariseProfile(path.join(profileDir, file), { skipMs: startupMs + 1000 })
      : 'No profile was written.';
  }

  await admin.end();
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(report, null, 2));
  const markdown = renderReport(report);
  fs.writeFileSync(path.join(here, 'RESULTS.md'), `${markdown}\n`);
  process.stdout.write(`${markdown}\n`);
  const mismatched = report.checks.filter((c) => c.mismatches > 0);
  if (mismatched.length)
    log(`!!! ${mismatched.length} workload/system pairs gave answers different from the limit; see RESULTS.md`);
}

/** The commit measured, and whether the work tree had uncommitted changes to src/. */
function gitState(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '../src'], {
      cwd: here,
      encoding: 'utf8',
    }).trim();
    return `commit ${commit}${dirty ? ` with uncommitted changes to ${dirty.split('\n').length} files under src/` : ''}`;
  } catch {
    return 'an unknown commit';
  }
}

function readVersion(name: string): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.resolve(here, '../node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

async function describePglite(dataDir: string, scale: number): Promise<DatasetInfo> {
  const { planGraph } = await import('../src/generate/index.ts');
  const handle = await openDatabase({ driver: 'pglite', dataDir });
  try {
    const rows = async <Row>(text: string) => {
      const { sql } = await import('drizzle-orm');
      const result: unknown = await handle.db.execute(sql.raw(text));
      return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
    };
    const [counts] = await rows<{ articles: number; quotes: number; min: number; max: number }>(
      'select (select count(*)::int from articles) as articles, (select count(*)::int from quotes) as quotes, (select min(id) from articles) as min, (select max(id) from articles) as max',
    );
    const ids = new Map(
      (await rows<{ id: number; name: string }>('select id, name from people')).map((row) => [row.name, row.id]),
    );
    return {
      scale,
      seed,
      articles: counts!.articles,
      quotes: counts!.quotes,
      articleIds: { min: counts!.min, max: counts!.max },
      people: planGraph(seed, scale).entities.people.map((p) => ({
        id: ids.get(p.name) ?? -1,
        name: p.name,
        surname: p.surname,
      })),
    };
  } finally {
    await handle.close();
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
