// A/B measurements of quotegraph variants in the same rounds: each variant is another checkout
// (a patched copy of src/) or other Node options, measured back to back with the baseline on
// one dataset of the bench cluster, order rotated per round, ratios taken within each round.
//
//   npx tsx bench/experiment.ts --scale 10000 --rounds 3 \
//     --variant base=/tmp/bench-clone --variant jit=/tmp/exp-jit \
//     --variant 'semi=/tmp/bench-clone::--max-semi-space-size=64'
//
// A variant is name=PATH[::NODE_ARGS[::ENV=VALUE,...]]. PATH is a checkout (its
// bench/servers/quotegraph.ts runs under tsx) or a compiled .js/.mjs server (plain node). The
// first variant is the baseline. --profile instead writes one CPU profile per variant and
// workload (bench/out/profiles-exp/) and summarises each. Answers of every variant are checked
// against the baseline's first. Stops any bench run using the same cluster directory: do not
// run it beside `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startCluster } from './cluster.ts';
import { preparePostgresDataset } from './dataset.ts';
import {
  cpuMs,
  loadOptions,
  postJson,
  stoppedOnExit,
  peakRssMb,
  resetPeakRss,
  runLoad,
  startServer,
  type ServerProcess,
} from './measure.ts';
import { summariseProfile } from './profile.ts';
import { median } from './report.ts';
import { parameterSequence, workloads, type WorkloadId } from '../tests/support/workloads.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'out');

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '10000' },
    ...loadOptions,
    workloads: { type: 'string', default: 'W1,W2,W3' },
    variant: { type: 'string', multiple: true, default: [] },
    'cluster-root': { type: 'string', default: path.join(outDir, 'cluster') },
    profile: { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
  },
});

interface Variant {
  name: string;
  entry: string;
  tsx: boolean;
  nodeArgs: string[];
  env: Record<string, string>;
}

function parseVariant(spec: string): Variant {
  const [head, nodeArgs = '', env = ''] = spec.split('::');
  const at = head!.indexOf('=');
  if (at < 1) throw new Error(`variant "${spec}": expected name=PATH[::NODE_ARGS[::ENV=VALUE,...]]`);
  const target = path.resolve(head!.slice(at + 1));
  const compiled = /\.(m?js)$/.test(target);
  return {
    name: head!.slice(0, at),
    entry: compiled ? target : path.join(target, 'bench', 'servers', 'quotegraph.ts'),
    tsx: !compiled,
    nodeArgs: nodeArgs.split(' ').filter(Boolean),
    env: Object.fromEntries(
      env
        .split(',')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ),
  };
}

const variants = args.variant.map(parseVariant);
if (variants.length === 0) throw new Error('give at least one --variant');
const scale = Number(args.scale);
const seed = Number(args.seed);
const rounds = Math.max(1, Number(args.rounds));
const warmup = Number(args.warmup);
const duration = Number(args.duration);
const connections = Number(args.connections);
const ids = args.workloads.split(',') as WorkloadId[];
const log = (line: string) => process.stderr.write(`[experiment] ${line}\n`);

const running = stoppedOnExit();
const { servers, cleanUp } = running;

const start = (variant: Variant, env: Record<string, string>, extraNodeArgs: string[] = []) =>
  startServer(
    variant.name,
    variant.entry,
    { ...env, ...variant.env },
    {
      path: '/graphql',
      nodeArgs: [...variant.nodeArgs, ...extraNodeArgs],
      tsx: variant.tsx,
    },
  );

interface Reading {
  round: number;
  variant: string;
  workload: WorkloadId;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  rss: number;
  failures: number;
}

async function main() {
  const cluster = running.cluster(await startCluster(args['cluster-root'], log));
  const { database, info } = await preparePostgresDataset(cluster.url, scale, seed, log);
  const env = { BENCH_DATABASE_URL: cluster.url(database), POOL_SIZE: args['pool-size'] };
  const bodies = new Map(
    ids.map((id) => {
      const workload = workloads.find((w) => w.id === id)!;
      return [id, parameterSequence(id, info, seed).map((p) => JSON.stringify(workload.body.quotegraph(p)))] as const;
    }),
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const lines: string[] = [
    `# Experiment ${args.label || stamp}`,
    '',
    `${scale} articles (${info.quotes} quotes); ${rounds} rounds of ${warmup} s warm-up + ${duration} s measured, ${connections} connections; variants in rotated order per round.`,
    '',
    ...variants.map(
      (v) =>
        `- ${v.name}: ${v.tsx ? 'tsx ' : 'node '}${v.entry}${v.nodeArgs.length ? ` ${v.nodeArgs.join(' ')}` : ''}${Object.keys(v.env).length ? ` env ${JSON.stringify(v.env)}` : ''}`,
    ),
    '',
  ];

  if (args.profile) {
    const profileRoot = path.join(outDir, 'profiles-exp');
    for (const variant of variants) {
      for (const id of ids) {
        const dir = path.join(profileRoot, `${variant.name}-${id}`);
        fs.rmSync(dir, { recursive: true, force: true });
        const spawned = performance.now();
        const server = await start(variant, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
        servers.push(server);
        const startupMs = performance.now() - spawned;
        const load = await runLoad(server.url, bodies.get(id)!, warmup + duration, connections);
        await Promise.all(servers.splice(0).map((s) => s.stop()));
        const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
        log(`${variant.name} ${id}: ${load.requests} requests profiled`);
        lines.push(
          `## ${variant.name}, ${id} (${load.requests} requests)`,
          '',
          file ? summariseProfile(path.join(dir, file), { skipMs: startupMs + 1000, top: 40 }) : 'no profile',
          '',
        );
      }
    }
  } else {
    const started = new Map<string, ServerProcess>();
    for (const variant of variants) {
      const server = await start(variant, env);
      servers.push(server);
      started.set(variant.name, server);
    }
    // Same answers as the baseline, or the variant's numbers mean nothing.
    const baseline = variants[0]!;
    for (const id of ids) {
      const workload = workloads.find((w) => w.id === id)!;
      const sample = bodies.get(id)!.slice(0, 10);
      const expected = await Promise.all(
        sample.map(async (body) =>
          workload.normalise.quotegraph(await postJson(started.get(baseline.name)!.url, body)),
        ),
      );
      for (const variant of variants.slice(1)) {
        for (let i = 0; i < sample.length; i++) {
          const actual = workload.normalise.quotegraph(await postJson(started.get(variant.name)!.url, sample[i]!));
          if (!isDeepStrictEqual(actual, expected[i])) {
            log(
              `!!! ${variant.name} ${id} answers differently from ${baseline.name}: ${JSON.stringify(actual).slice(0, 300)}`,
            );
            lines.push(`**${variant.name} ${id} answers differently from ${baseline.name}.**`, '');
            break;
          }
        }
      }
    }
    const readings: Reading[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const id of ids) {
        const order = variants.map((_, i) => variants[(i + round - 1) % variants.length]!);
        for (const variant of order) {
          const server = started.get(variant.name)!;
          if (warmup > 0) await runLoad(server.url, bodies.get(id)!, warmup, connections);
          resetPeakRss(server.pid);
          const before = cpuMs(server.pid);
          const load = await runLoad(server.url, bodies.get(id)!, duration, connections);
          const cpu = (cpuMs(server.pid) - before) / Math.max(1, load.requests);
          const reading: Reading = {
            round,
            variant: variant.name,
            workload: id,
            rps: load.requestsPerSecond,
            p50: load.p50,
            p99: load.p99,
            cpu,
            rss: peakRssMb(server.pid),
            failures: load.errors + load.non2xx + load.graphqlErrors,
          };
          readings.push(reading);
          log(
            `r${round} ${id} ${variant.name.padEnd(16)} ${reading.rps.toFixed(0).padStart(5)} req/s  CPU ${cpu.toFixed(2)} ms/req  p50 ${load.p50}  RSS ${reading.rss.toFixed(0)} MB${reading.failures ? `  FAILED ${reading.failures}` : ''}`,
          );
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
    fs.writeFileSync(path.join(outDir, `experiment-${args.label || stamp}.json`), JSON.stringify(readings, null, 2));
    lines.push(
      '| workload | variant | req/s (median) | range | CPU ms/req | p50 ms | p99 ms | peak RSS MB | × base req/s (median of rounds) | × base CPU/req | failed |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const id of ids) {
      for (const variant of variants) {
        const mine = readings.filter((r) => r.workload === id && r.variant === variant.name);
        const base = (round: number) =>
          readings.find((r) => r.workload === id && r.variant === baseline.name && r.round === round)!;
        const rps = mine.map((r) => r.rps);
        lines.push(
          `| ${id} | ${variant.name} | ${median(rps).toFixed(0)} | ${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)} | ${median(mine.map((r) => r.cpu)).toFixed(2)} | ${median(
            mine.map((r) => r.p50),
          ).toFixed(
            0,
          )} | ${median(mine.map((r) => r.p99)).toFixed(0)} | ${median(mine.map((r) => r.rss)).toFixed(0)} | ${median(
            mine.map((r) => r.rps / base(r.round).rps),
          ).toFixed(
            2,
          )} | ${median(mine.map((r) => r.cpu / base(r.round).cpu)).toFixed(2)} | ${mine.reduce((a, r) => a + r.failures, 0)} |`,
        );
      }
    }
    lines.push('');
  }
  const markdown = lines.join('\n');
  fs.writeFileSync(path.join(outDir, `experiment-${args.label || stamp}.md`), `${markdown}\n`);
  process.stdout.write(`${markdown}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`experiment failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
