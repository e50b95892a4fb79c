// `quotegraph ingest --queue` and `quotegraph worker` as real processes on PostgreSQL: a worker
// killed with SIGKILL inside an article's transaction leaves no trace of that article, and its
// job runs again to completion in another worker; a worker stopped with SIGTERM inside one
// finishes that article, takes no other job and exits 0. (On the embedded database the queue runs
// inside the server process; see async-ingest.test.ts.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { planGraph } from '../../src/generate/index.ts';
import { countJobs, listJobs } from '../../src/queue/ingest-queue.ts';
import { cliEnv, cliFromSource, repoRoot, runCli } from '../process/cli-run.ts';
import { propertySeed } from '../support/property.ts';
import { eventually, openQueueTestDatabase, type QueueTestDatabase } from './queue-database.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('worker processes on PostgreSQL', () => {
  let test_: QueueTestDatabase;
  let dir: string;
  beforeEach(async () => {
    test_ = await openQueueTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-queue-'));
  });
  afterEach(async () => {
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
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // 'close', not 'exit': the output is read whole by then.
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('close', (code, signal) => resolve(signal ?? code)),
    );
    return { child, exited, stdout: () => stdout, stderr: () => stderr };
  }

  /** Generated articles in a JSON-lines file for `ingest --queue`. */
  function writeArticles(name: string, count: number): { file: string; records: { text: string; url: string }[] } {
    const plan = planGraph(propertySeed, count);
    const records = Array.from({ length: count }, (_, index) => {
      const article = plan.article(index);
      return { text: `${article.title}\n\n${article.body}`, url: `https://news.example/${name}/${index}` };
    });
    const file = path.join(dir, `${name}.jsonl`);
    fs.writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
    return { file, records };
  }

  /** Each stored article's URL and quote count, by URL. */
  async function storedArticles(): Promise<{ url: string; quotes: number }[]> {
    return rowsOf<{ url: string; quotes: number }>(
      await test_.database.db.execute(
        sql`select a.url, count(q.id)::int as quotes from articles a left join quotes q on q.article_id = a.id group by a.url order by a.url`,
      ),
    );
  }

  test('SIGKILL mid-article leaves no partial article; the job runs again to completion', async () => {
    const { file, records } = writeArticles('kill', 3);
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
    const perArticle = await storedArticles();
    expect(perArticle.map((row) => row.url)).toEqual(records.map((record) => record.url));
    for (const row of perArticle) expect(row.quotes).toBeGreaterThan(0);

    const listing = await runCli(['jobs'], { env });
    expect(listing.stdout).toContain('completed: 3');
    expect(listing.code).toBe(0);
  }, 120_000);

  test('SIGTERM mid-article, sent twice: the worker finishes that article, takes no other job and exits 0', async () => {
    const { file, records } = writeArticles('term', 2);
    // Expiry far beyond the test: the job must complete because the worker drained it, not because
    // it expired and ran again.
    const env = { DATABASE_URL: test_.url!, QUOTEGRAPH_QUEUE_EXPIRE_S: '600', QUOTEGRAPH_QUEUE_RETRY_DELAY_S: '0' };
    expect((await runCli(['ingest', '--queue', '--quiet', file], { env })).code).toBe(0);

    const queue = await test_.openQueue();
    // Each article waits 3 s inside its transaction: long enough to be stopped there.
    const stopping = startWorker({ QUOTEGRAPH_QUEUE_TEST_PAUSE_MS: '3000', QUOTEGRAPH_QUEUE_EXPIRE_S: '600' });
    const held = await eventually(
      async () => /test pause: job (\S+)/.exec(stopping.stderr())?.[1],
      30_000,
      'the worker to write an article and pause before its commit',
    );
    stopping.child.kill('SIGTERM');
    // A second signal while it drains (as one Ctrl-C under npm arrives twice) changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopping.child.kill('SIGTERM');
    const status = await Promise.race([
      stopping.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running 30 s after SIGTERM'), 30_000)),
    ]);
    if (status !== 0) stopping.child.kill('SIGKILL');
    expect(status, stopping.stderr()).toBe(0);
    expect(stopping.stdout()).toContain('worker: 1 articles ingested');

    // The held job completed on its first run; the other was not started.
    const jobs = await listJobs(queue, ['created', 'retry', 'active', 'completed', 'failed']);
    expect(jobs.map((job) => [job.id === held ? 'held' : 'other', job.state, job.attempts]).sort()).toEqual([
      ['held', 'completed', 1],
      ['other', 'created', 0],
    ]);
    // Its article stored once and whole: every quote the reader finds in it.
    const heldJob = jobs.find((job) => job.id === held)!;
    const heldRecord = records.find((record) => record.url === heldJob.url)!;
    expect(await storedArticles()).toEqual([{ url: heldRecord.url, quotes: extractArticle(heldRecord).quotes.length }]);

    // The next worker runs the job that was left.
    const next = startWorker({});
    try {
      await eventually(
        async () => ((await countJobs(queue)).completed === 2 ? true : undefined),
        40_000,
        'both jobs to complete',
      );
    } finally {
      next.child.kill('SIGTERM');
    }
    expect(await next.exited).toBe(0);
    expect(await storedArticles()).toEqual(
      records
        .map((record) => ({ url: record.url, quotes: extractArticle(record).quotes.length }))
        .sort((a, b) => a.url.localeCompare(b.url)),
    );
  }, 120_000);
});
