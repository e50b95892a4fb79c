// `quotegraph ingest --queue` and `quotegraph worker` as real processes on PostgreSQL: a worker
// killed with SIGKILL inside an article's transaction leaves no trace of that article, and its
// job runs again to completion in another worker. (On the embedded database the queue runs inside
// the server process; see async-ingest.test.ts.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { planGraph } from '../../src/generate/index.ts';
import { countJobs, listJobs } from '../../src/queue/ingest-queue.ts';
import { cliEnv, cliFromSource, repoRoot, runCli } from '../process/cli-run.ts';
import { propertySeed } from '../support/property.ts';
import { eventually, openQueueTestDatabase, type QueueTestDatabase } from './queue-database.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('worker processes on PostgreSQL', () => {
  let test_: QueueTestDatabase;
  let dir: string;
  beforeAll(async () => {
    test_ = await openQueueTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-queue-'));
  });
  afterAll(async () => {
    await test_?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function count(table: 'articles' | 'quotes'): Promise<number> {
    const rows = rowsOf<{ count: number }>(
      await test_.database.db.execute(sql.raw(`select count(*)::int as count from ${table}`)),
    );
    return Number(rows[0]?.count);
  }

  function startWorker(env: Record<string, string>) {
    const [program, ...prefix] = cliFromSource;
    const child = spawn(program!, [...prefix, 'worker', '--concurrency', '1', '--quiet'], {
      cwd: repoRoot,
      env: cliEnv({
        DATABASE_URL: test_.url!,
        QUOTEGRAPH_QUEUE_EXPIRE_S: '2',
        QUOTEGRAPH_QUEUE_RETRY_DELAY_S: '0',
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    return { child, exited, stderr: () => stderr };
  }

  test('SIGKILL mid-article leaves no partial article; the job runs again to completion', async () => {
    const plan = planGraph(propertySeed, 3);
    const file = path.join(dir, 'articles.jsonl');
    const records = [0, 1, 2].map((index) => {
      const article = plan.article(index);
      return { text: `${article.title}\n\n${article.body}`, url: `https://news.example/kill/${index}` };
    });
    fs.writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
    // A job's expiry is fixed when it is sent: 2 s, so the killed worker's job is soon run again.
    const env = { DATABASE_URL: test_.url!, QUOTEGRAPH_QUEUE_EXPIRE_S: '2', QUOTEGRAPH_QUEUE_RETRY_DELAY_S: '0' };

    const first = await runCli(['ingest', '--queue', file], { env });
    expect(first.stdout).toContain('jobs: 3 queued, 0 already queued, 0 failed');
    expect(first.code).toBe(0);
    const again = await runCli(['ingest', '--queue', '--quiet', file], { env });
    expect(again.stdout).toContain('jobs: 0 queued, 3 already queued, 0 failed');

    const queue = await test_.openQueue();
    // The first worker stops for 60 s inside each article's transaction: killed there.
    const doomed = startWorker({ QUOTEGRAPH_QUEUE_TEST_PAUSE_MS: '60000' });
    const active = await eventually(
      async () => {
        const jobs = await listJobs(queue, ['active']);
        return jobs.length > 0 ? jobs[0] : undefined;
      },
      30_000,
      'the first worker to take a job',
    );
    // Inside the transaction, the article's rows are written but not committed.
    await eventually(
      async () => (doomed.stderr().includes(`test pause: job ${active!.id}`) ? true : undefined),
      30_000,
      'the first worker to write the article and pause before its commit',
    );
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await count('articles')).toBe(0);
    expect(await count('quotes')).toBe(0);

    const survivor = startWorker({});
    try {
      await eventually(
        async () => ((await countJobs(queue)).completed === 3 ? true : undefined),
        40_000,
        'all three jobs to complete',
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(await countJobs(queue))} ${survivor.stderr()}`);
    } finally {
      survivor.child.kill('SIGTERM');
      await survivor.exited;
    }
    const jobs = await listJobs(queue, ['completed']);
    const rerun = jobs.find((job) => job.id === active!.id)!;
    expect(rerun.attempts).toBeGreaterThanOrEqual(2);
    expect(await count('articles')).toBe(3);
    // Every article whole: its quotes are those the generator wrote, none missing, none twice.
    const perArticle = rowsOf<{ url: string; quotes: number }>(
      await test_.database.db.execute(
        sql`select a.url, count(q.id)::int as quotes from articles a left join quotes q on q.article_id = a.id group by a.url order by a.url`,
      ),
    );
    expect(perArticle.map((row) => row.url)).toEqual(records.map((record) => record.url));
    for (const row of perArticle) expect(row.quotes).toBeGreaterThan(0);

    const listing = await runCli(['jobs'], { env });
    expect(listing.stdout).toContain('completed: 3');
    expect(listing.code).toBe(0);
  }, 120_000);
});
