// The ingestion queue on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL): a
// re-sent article is one job and one article, failing jobs are retried then kept with their error.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { planGraph } from '../../src/generate/index.ts';
import {
  type ArticleJobData,
  countJobs,
  enqueueArticle,
  findJob,
  listJobs,
  runIngestWorkers,
} from '../../src/queue/ingest-queue.ts';
import { propertySeed, runs, scaledTimeout } from '../support/property.ts';
import { eventually, openQueueTestDatabase, type QueueTestDatabase } from './queue-database.ts';

const plan = planGraph(propertySeed, 40);

/** Generated article `index` as `ingest --queue` would send it. */
function generatedJob(index: number): ArticleJobData {
  const article = plan.article(index);
  return {
    text: `${article.title}\n\n${article.body}`,
    url: `https://news.example/${propertySeed}/${index}`,
    publishedAt: article.publishedAt.toISOString(),
  };
}

let test_: QueueTestDatabase;
beforeEach(async () => {
  test_ = await openQueueTestDatabase();
});
afterEach(async () => {
  await test_.close();
});

async function articleCount(): Promise<number> {
  const rows = rowsOf<{ count: number }>(
    await test_.database.db.execute(sql`select count(*)::int as count from articles`),
  );
  return Number(rows[0]?.count);
}

describe('idempotence', () => {
  test(
    'articles sent any number of times, in any order, are one job and one article each',
    async () => {
      const queue = await test_.openQueue({ retryDelaySeconds: 0 });
      await runIngestWorkers(queue, test_.database.db, { concurrency: 2, pollingIntervalSeconds: 0.5 });
      const seenIds = new Set<string>();
      const seenIndexes = new Set<number>();
      await fc.assert(
        fc.asyncProperty(
          fc
            .array(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 4 })
            .chain((indexes) => fc.shuffledSubarray([...indexes, ...indexes], { minLength: indexes.length * 2 })),
          async (sends) => {
            for (const index of sends) {
              const { id, created } = await enqueueArticle(queue, generatedJob(index));
              expect(created).toBe(!seenIds.has(id));
              seenIds.add(id);
              seenIndexes.add(index);
            }
            const counts = await eventually(
              async () => {
                const now = await countJobs(queue);
                return now.completed === seenIds.size ? now : undefined;
              },
              20_000,
              'every job to complete',
            );
            expect(counts.failed + counts.retry).toBe(0);
            expect(seenIds.size).toBe(seenIndexes.size);
            expect(await articleCount()).toBe(seenIndexes.size);
          },
        ),
        { numRuns: runs(4) },
      );
    },
    scaledTimeout(120_000),
  );
});

describe('retries and failures', () => {
  test(
    'a job that fails twice is retried with backoff and then completes',
    async () => {
      const queue = await test_.openQueue({ retryDelaySeconds: 1, retryLimit: 3 });
      const tries = new Map<string, number>();
      const started: number[] = [];
      await runIngestWorkers(queue, test_.database.db, {
        concurrency: 1,
        pollingIntervalSeconds: 0.5,
        beforeIngest: (job) => {
          started.push(Date.now());
          const count = (tries.get(job.id) ?? 0) + 1;
          tries.set(job.id, count);
          if (count <= 2) throw new Error(`transient failure ${count}`);
        },
      });
      const { id } = await enqueueArticle(queue, generatedJob(0));
      const done = await eventually(
        async () => {
          const job = await findJob(queue, id);
          return job?.state === 'completed' ? job : undefined;
        },
        25_000,
        'the job to complete',
      );
      expect(tries.get(id)).toBe(3);
      expect(done.attempts).toBe(3);
      expect(done.articleId).toEqual(expect.any(Number));
      // Backoff: the second wait is no shorter than the first delay, and both are at least a second.
      expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(900);
      expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(900);
      expect(await articleCount()).toBe(1);
    },
    scaledTimeout(40_000),
  );

  test('a job that keeps failing is kept as failed, with its error, and listed', async () => {
    const queue = await test_.openQueue({ retryDelaySeconds: 0, retryLimit: 1 });
    await runIngestWorkers(queue, test_.database.db, {
      concurrency: 1,
      pollingIntervalSeconds: 0.5,
      beforeIngest: () => {
        throw new Error('the extractor ran out of patience');
      },
    });
    const { id } = await enqueueArticle(queue, generatedJob(1));
    const failed = await eventually(
      async () => {
        const job = await findJob(queue, id);
        return job?.state === 'failed' ? job : undefined;
      },
      20_000,
      'the job to fail',
    );
    expect(failed).toMatchObject({ attempts: 2, error: 'the extractor ran out of patience', articleId: null });
    const listed = await listJobs(queue, ['failed']);
    expect(listed.map((job) => [job.id, job.error])).toEqual([[id, 'the extractor ran out of patience']]);
    expect(await articleCount()).toBe(0);
  });

  test('an unknown or malformed job id is null', async () => {
    const queue = await test_.openQueue();
    expect(await findJob(queue, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await findJob(queue, 'not-a-uuid')).toBeNull();
  });
});
