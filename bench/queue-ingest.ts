// Bulk ingestion through the queue on PostgreSQL: N generated articles enqueued with
// `quotegraph ingest --queue`, then run by 1 and by 2 `quotegraph worker` processes (each
// --concurrency 1) on a fresh database each time; articles/s for each and their ratio. A third
// run with 2 workers kills one with SIGKILL twice (at a third and two thirds of the way) and
// replaces it; afterwards every article must be there once, each with its quotes. (The kill run's
// rate is not the ratio's: each kill leaves its job waiting for the 10 s expiry.)
//
//   npm run bench:queue -- [--articles 20000] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { planGraph } from '../src/generate/index.ts';
import { cliEnv, cliFromSource, repoRoot, runCli } from '../tests/process/cli-run.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.articles);
const serverUrl = values['database-url']!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-bench-queue-'));
const file = path.join(dir, 'articles.jsonl');

const plan = planGraph(Number(values.seed), count);
const out = fs.createWriteStream(file);
for (let index = 0; index < count; index++) {
  const article = plan.article(index);
  out.write(
    `${JSON.stringify({ text: `${article.title}\n\n${article.body}`, url: `https://bench.example/${index}`, publishedAt: article.publishedAt.toISOString() })}\n`,
  );
}
await new Promise((resolve) => out.end(resolve));

async function freshDatabase(name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startWorker(env: Record<string, string>) {
  const [program, ...prefix] = cliFromSource;
  const child = spawn(program!, [...prefix, 'worker', '--concurrency', '1', '--quiet'], {
    cwd: repoRoot,
    env: cliEnv(env),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function run(workers: number, kills: number) {
  const url = await freshDatabase(`qg_bench_queue_${workers}`);
  const env = {
    DATABASE_URL: url,
    QUOTEGRAPH_QUEUE_EXPIRE_S: '10',
    QUOTEGRAPH_QUEUE_RETRY_DELAY_S: '1',
    LOG_LEVEL: 'error',
  };
  const enqueueStarted = performance.now();
  const enqueued = await runCli(['ingest', '--queue', '--quiet', file], { env, timeoutMs: 3_600_000 });
  if (enqueued.code !== 0) throw new Error(`ingest --queue failed: ${enqueued.stderr}${enqueued.stdout}`);
  const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const running = Array.from({ length: workers }, () => startWorker(env));
  const started = performance.now();
  let killed = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [row] = await sql<{ done: number; failed: number }[]>`
      select count(*) filter (where state = 'completed')::int as done, count(*) filter (where state = 'failed')::int as failed
      from quotegraph_queue.job where name = 'ingest-article'`;
    if (killed < kills && row!.done >= ((killed + 1) * count) / (kills + 1)) {
      const victim = running.shift()!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      running.push(startWorker(env));
      killed += 1;
    }
    if (row!.done + row!.failed >= count) break;
  }
  const seconds = (performance.now() - started) / 1000;
  for (const worker of running) worker.child.kill('SIGTERM');
  await Promise.all(running.map((worker) => worker.exited));
  const [check] = await sql<{ articles: number; urls: number; without_quotes: number; failed: number }[]>`
    select (select count(*)::int from articles) as articles,
           (select count(distinct url)::int from articles) as urls,
           (select count(*)::int from articles a where not exists (select 1 from quotes q where q.article_id = a.id)) as without_quotes,
           (select count(*)::int from quotegraph_queue.job where state = 'failed') as failed`;
  await sql.end();
  return { workers, kills: killed, enqueueSeconds, seconds, rate: count / seconds, ...check! };
}

const one = await run(1, 0);
console.log(JSON.stringify(one));
const two = await run(2, 0);
console.log(JSON.stringify(two));
const killed = await run(2, 2);
console.log(JSON.stringify(killed));
console.log(
  `| ${count} | ${one.enqueueSeconds.toFixed(1)} s | ${one.rate.toFixed(1)} | ${two.rate.toFixed(1)} | ${(two.rate / one.rate).toFixed(2)}× | ${killed.rate.toFixed(1)} | ${killed.kills} | ${killed.articles}/${killed.urls} | ${killed.without_quotes} | ${killed.failed} |`,
);
fs.rmSync(dir, { recursive: true, force: true });
