// A worker's fetch must not read and sort the whole backlog for every job: the queue adds an index
// in pg-boss's fetch order (priority desc, created_on, id) over waiting jobs, once, even when
// several processes open the queue at the same moment, and the fetch's plan reads it.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { INGEST_QUEUE, QUEUE_SCHEMA } from '../../src/queue/ingest-queue.ts';
import { openQueueTestDatabase, type QueueTestDatabase } from './queue-database.ts';

let test_: QueueTestDatabase;
beforeEach(async () => {
  test_ = await openQueueTestDatabase();
});
afterEach(async () => {
  await test_.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await test_.database.db.execute(query));
}

test('queues opened side by side (PostgreSQL) or one after another (PGlite) add one fetch-order index, and a fetch over a backlog reads it', async () => {
  // Side by side on PostgreSQL, as worker processes start; PGlite has one connection, on which
  // pg-boss's start-up transactions cannot interleave, and one server opening one queue.
  const [queue] = test_.url
    ? await Promise.all([test_.openQueue(), test_.openQueue(), test_.openQueue()])
    : [await test_.openQueue(), await test_.openQueue()];
  const indexes = await rows<{ indexdef: string }>(sql`
    select indexdef from pg_indexes
    where schemaname = ${QUEUE_SCHEMA} and indexdef like '%(name, priority DESC, created_on, id)%'`);
  // One on the partitioned table, one on the ingestion queue's partition.
  expect(indexes).toHaveLength(2);
  for (const { indexdef } of indexes) expect(indexdef).toContain("WHERE (state < 'active'");

  const backlog = Array.from({ length: 3000 }, (_, index) => ({
    name: INGEST_QUEUE,
    data: { url: `https://q.example/${index}` },
  }));
  await queue!.boss.insert(backlog);
  await test_.database.db.execute(sql.raw(`analyze ${QUEUE_SCHEMA}.job`));
  // The shape of pg-boss 10's fetch: the waiting jobs of one queue, first in its order.
  const plan = await rows<{ 'QUERY PLAN': string }>(
    sql.raw(`
    explain select id from ${QUEUE_SCHEMA}.job
    where name = '${INGEST_QUEUE}' and state < 'active' and start_after < now()
    order by priority desc, created_on, id limit 1 for update skip locked`),
  );
  const text = plan.map((row) => row['QUERY PLAN']).join('\n');
  expect(text).toMatch(/Index Scan using \S*name_priority_created_on_id/);
  expect(text).not.toMatch(/\bSort\b/);
});

test.runIf(process.env.TEST_DATABASE_URL)(
  'processes setting up the queue on a new database side by side all start (no deadlock between them)',
  async () => {
    // As `serve --workers N` and worker processes do on a database that has no queue yet: each
    // creates pg-boss's schema, the ingestion queue and the fetch-order index if missing, and
    // runs maintenance. Several fresh databases, so the race is run more than once. In every other
    // round pg-boss's schema is already there without the queue (a set-up stopped halfway), so
    // the processes are not spaced out by pg-boss's install and reach the queue's creation together.
    for (let round = 0; round < 4; round += 1) {
      const fresh = round === 0 ? test_ : await openQueueTestDatabase();
      try {
        if (round % 2 === 1) {
          const first = await fresh.openQueue();
          await first.boss.deleteQueue(INGEST_QUEUE);
        }
        const opened = await Promise.allSettled(
          Array.from({ length: 4 }, () => fresh.openQueue({}, { maintenance: true })),
        );
        const failures = opened.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
        expect(failures, `round ${round}`).toEqual([]);
      } finally {
        if (fresh !== test_) await fresh.close();
      }
    }
  },
  120_000,
);
