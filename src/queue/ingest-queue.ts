// Bulk ingestion through pg-boss: one job per article, run by `quotegraph worker` processes
// (PostgreSQL) or inside the server (embedded PGlite).
//
// Why pg-boss 10 rather than graphile-worker: pg-boss keeps each job's state, retry count and
// error (its `output`) in plain tables we can list and query by id for `quotegraph jobs` and the
// `job(id:)` query; it accepts a caller-supplied job id, which makes a re-sent article the same
// job (insert … on conflict do nothing); and it takes a custom `db` (`executeSql`), which lets it
// run on the embedded PGlite instance inside the server. graphile-worker needs a pg pool with
// LISTEN/NOTIFY on its own connections and keeps failed jobs' errors but has no by-id lookup of
// finished jobs (they are deleted). pg-boss 10 is the last line that supports Node 20 (11 and 12
// need Node 22).
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { QueueConfig } from '../config.ts';
import { withSessionLock, type Database } from '../db/client.ts';
import { ingestDocument, type DocumentInput } from '../ingest/document.ts';

export const INGEST_QUEUE = 'ingest-article';
/** pg-boss keeps its tables in this schema, apart from the graph's. */
export const QUEUE_SCHEMA = 'quotegraph_queue';

/** What a job carries: the article as the `ingestArticle` mutation takes it, dates as ISO text. */
export interface ArticleJobData {
  text?: string | null;
  html?: string | null;
  url?: string | null;
  title?: string | null;
  publishedAt?: string | null;
  publisher?: string | null;
  language?: string | null;
}

/** What a completed job keeps as its output. */
export interface ArticleJobOutput {
  articleId: number;
  created: boolean;
  quotes: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobInfo {
  id: string;
  state: JobState;
  /** Runs started so far (a job being retried has failed attempts - 1 times). */
  attempts: number;
  retryLimit: number;
  /** The last failure's message, kept while the job is retried and once it has failed. */
  error: string | null;
  articleId: number | null;
  url: string | null;
  createdOn: Date;
  completedOn: Date | null;
}

export type QueueConnection = { url: string; poolSize?: number } | { pglite: PGlite };

export interface IngestQueue {
  boss: PgBoss;
  config: QueueConfig;
  /** The job loops of runIngestWorkers on this queue, which stop() ends (finishing jobs in hand). */
  loops: Promise<void>[];
  stopping: boolean;
  stop(): Promise<void>;
}

/** An object pg would send as JSON (arrays and dates it sends as themselves). */
function isJsonValue(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** pg-boss's statements on the embedded database: parameterless ones may hold several statements. */
function pgliteDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(
        text,
        values.map((value) => (isJsonValue(value) ? JSON.stringify(value) : value)),
      );
      return { rows: result.rows as unknown[] };
    },
  };
}

/**
 * pg-boss's fetch takes the waiting jobs in (priority desc, created_on, id) order, but its own
 * index on waiting jobs is by (name, start_after): every fetch reads and sorts the whole backlog,
 * about 64 ms per job with 18,000 waiting on PostgreSQL 15, which held a worker to 15 articles a
 * second. An index in the fetch's order lets it read the first waiting job and stop. Created on
 * the partitioned table, so every queue's partition gets it; only under SET_UP_LOCK, since `if not
 * exists` does not stop two sessions creating it at the same moment.
 */
const FETCH_ORDER_INDEX = `
  create index if not exists job_fetch_order on ${QUEUE_SCHEMA}.job (name, priority desc, created_on, id)
    where state < 'active'`;

/**
 * Held on PostgreSQL around the whole set-up, so that processes starting together on one database
 * (the workers of `serve --workers`, several `quotegraph worker`s) set up one after another, each
 * later one finding everything in place. Side by side they fail: two creating the queue deadlock
 * (one's insert of the queue's row waits for the other's, whose foreign key from the new partition
 * then waits for the lock that insert holds on pg-boss's queue table); two creating the fetch-order
 * index both find it missing and one fails on the duplicate name; and all but one installing
 * pg-boss's schema fail on what the first created, which pg-boss ignores but the server logs.
 *
 * pg-boss has an advisory lock of its own, a transaction lock around installing or migrating its
 * schema and around each maintenance run. Here pg-boss takes it only inside this one, and nothing
 * holding it ever waits for this one, so the two cannot wait on each other in a circle.
 */
const SET_UP_LOCK = `${QUEUE_SCHEMA}.set-up`;

/** Installs or migrates pg-boss's schema, then creates the ingestion queue and the fetch-order index if missing. */
async function setUpIngestQueue(boss: PgBoss): Promise<void> {
  await boss.start();
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, policy: 'standard' });
  }
  await boss.getDb().executeSql(FETCH_ORDER_INDEX, []);
}

/** Starts pg-boss (creating or migrating its schema) and the ingestion queue. */
export async function openIngestQueue(
  connection: QueueConnection,
  config: QueueConfig,
  options: { maintenance?: boolean } = {},
): Promise<IngestQueue> {
  const common: PgBoss.ConstructorOptions = {
    schema: QUEUE_SCHEMA,
    // Only processes that run jobs expire stuck ones and archive old ones; an enqueuing command
    // has no business doing maintenance on its way out.
    supervise: options.maintenance ?? false,
    schedule: false,
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(config.expireSeconds / 2))),
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: config.retryDelaySeconds > 0,
    expireInSeconds: config.expireSeconds,
    // Finished jobs stay queryable (job(id:), `quotegraph jobs`) for a week, then go to the archive.
    archiveCompletedAfterSeconds: 7 * 86_400,
    archiveFailedAfterSeconds: 7 * 86_400,
  };
  const boss =
    'url' in connection
      ? new PgBoss({ ...common, connectionString: connection.url, max: connection.poolSize ?? 4 })
      : new PgBoss({ ...common, db: pgliteDb(connection.pglite) });
  // pg-boss reports background failures (a lost connection during maintenance) as events.
  boss.on('error', () => {});
  // PGlite runs one statement at a time on its one connection: no two set-ups' statements overlap.
  if ('url' in connection) await withSessionLock(connection.url, SET_UP_LOCK, () => setUpIngestQueue(boss));
  else await setUpIngestQueue(boss);
  const queue: IngestQueue = {
    boss,
    config,
    loops: [],
    stopping: false,
    stop: async () => {
      queue.stopping = true;
      await Promise.all(queue.loops);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  return queue;
}

/**
 * The job id of an article: a UUID made from its URL and its text or HTML, so sending the same
 * article again finds the job already there instead of adding one.
 */
export function articleJobId(article: ArticleJobData): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([article.url?.trim() || '', article.text ?? '', article.html ?? '']))
    .digest('hex');
  // Version 8 (custom) UUID layout: the version nibble and variant bits set, the rest from the hash.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0') + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}

/** Enqueues an article; `created` is false when the same article was already queued or done. */
export async function enqueueArticle(
  queue: IngestQueue,
  article: ArticleJobData,
): Promise<{ id: string; created: boolean }> {
  const id = articleJobId(article);
  const sent = await queue.boss.send(INGEST_QUEUE, article, { id });
  return { id, created: sent !== null };
}

export function documentOf(data: ArticleJobData): DocumentInput {
  const published = data.publishedAt ? new Date(data.publishedAt) : null;
  return { ...data, publishedAt: published && !Number.isNaN(published.getTime()) ? published : null };
}

export interface WorkerOptions {
  concurrency: number;
  pollingIntervalSeconds?: number;
  /** Extract on the extraction worker thread (in the server), not on this thread. */
  inWorker?: boolean;
  /** Called with each job before its article is ingested (tests make jobs fail here). */
  beforeIngest?: (job: PgBoss.Job<ArticleJobData>) => Promise<void> | void;
  /** Called when QUOTEGRAPH_QUEUE_TEST_PAUSE_MS holds a job inside its transaction. */
  onTestPause?: (job: PgBoss.Job<ArticleJobData>) => void;
  /** Called after each job's article is committed. */
  onDone?: (job: PgBoss.Job<ArticleJobData>, output: ArticleJobOutput) => void;
}

/**
 * Runs ingestion jobs until the queue is stopped: `concurrency` loops, each fetching one job,
 * ingesting its article in one transaction, then completing (or failing) the job. The job is
 * marked completed only after that commit, so a worker that dies mid-article leaves nothing
 * behind and its job expires and runs again.
 *
 * Not pg-boss's `work()`: its loop waits out the polling interval after every fetch, even one that
 * found a job, which caps each poller at two articles a second. This loop uses pg-boss's own
 * fetch, complete and fail (the queue, its locking and its retry policy stay pg-boss's) and waits
 * only when the queue is empty.
 */
export async function runIngestWorkers(queue: IngestQueue, db: Database, options: WorkerOptions): Promise<void> {
  const pause = queue.config.testPauseInTransactionMs;
  const pauseIn = (job: PgBoss.Job<ArticleJobData>) => async () => {
    options.onTestPause?.(job);
    await new Promise<void>((resolve) => setTimeout(resolve, pause));
  };
  const idleMs = (options.pollingIntervalSeconds ?? 0.5) * 1000;
  const runJob = async (job: PgBoss.Job<ArticleJobData>) => {
    await options.beforeIngest?.(job);
    const result = await ingestDocument(db, documentOf(job.data), {
      ...(options.inWorker ? { inWorker: true } : {}),
      ...(pause > 0 ? { beforeCommit: pauseIn(job) } : {}),
    });
    const output: ArticleJobOutput = {
      articleId: result.articleId,
      created: result.created,
      quotes: result.quoteIds.length,
    };
    return output;
  };
  const loop = async () => {
    while (!queue.stopping) {
      let job: PgBoss.Job<ArticleJobData> | undefined;
      try {
        [job] = await queue.boss.fetch<ArticleJobData>(INGEST_QUEUE, { batchSize: 1 });
      } catch {
        // The database is away for a moment: try again after the idle wait.
      }
      if (!job) {
        await new Promise((resolve) => setTimeout(resolve, idleMs));
        continue;
      }
      try {
        const output = await runJob(job);
        await queue.boss.complete(INGEST_QUEUE, job.id, output as unknown as object);
        options.onDone?.(job, output);
      } catch (error) {
        const failure =
          error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
        // If this fails too the job stays active and expires, to be retried like a dead worker's.
        await queue.boss.fail(INGEST_QUEUE, job.id, failure).catch(() => {});
      }
    }
  };
  for (let index = 0; index < options.concurrency; index++) queue.loops.push(loop());
}

function errorMessage(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const message = (output as { message?: unknown }).message;
  return typeof message === 'string' ? message : null;
}

interface JobRow {
  id: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  url: string | null;
  created_on: Date | string;
  completed_on: Date | string | null;
}

function jobInfo(row: JobRow): JobInfo {
  const output = typeof row.output === 'string' ? JSON.parse(row.output) : row.output;
  const articleId = output && typeof output === 'object' ? (output as { articleId?: unknown }).articleId : undefined;
  return {
    id: row.id,
    state: row.state,
    // pg-boss counts retries; a job that has started once has retry_count 0.
    attempts: row.state === 'created' ? row.retry_count : row.retry_count + (row.state === 'retry' ? 0 : 1),
    retryLimit: row.retry_limit,
    error: row.state === 'completed' ? null : errorMessage(output),
    articleId: typeof articleId === 'number' ? articleId : null,
    url: row.url,
    createdOn: new Date(row.created_on),
    completedOn: row.completed_on ? new Date(row.completed_on) : null,
  };
}

const JOB_COLUMNS = `id::text as id, state::text as state, retry_count, retry_limit, output, data->>'url' as url,
  created_on, completed_on`;

/** One job by id, also once archived; null when unknown. */
export async function findJob(queue: IngestQueue, id: string): Promise<JobInfo | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const db = queue.boss.getDb();
  for (const table of ['job', 'archive']) {
    const { rows } = await db.executeSql(
      `select ${JOB_COLUMNS} from ${QUEUE_SCHEMA}.${table} where name = $1 and id = $2::uuid`,
      [INGEST_QUEUE, id],
    );
    if (rows[0]) return jobInfo(rows[0] as JobRow);
  }
  return null;
}

/** Jobs in the given states, oldest first. */
export async function listJobs(queue: IngestQueue, states: readonly JobState[], limit = 100): Promise<JobInfo[]> {
  const { rows } = await queue.boss
    .getDb()
    .executeSql(
      `select ${JOB_COLUMNS} from ${QUEUE_SCHEMA}.job where name = $1 and state::text = any($2::text[]) order by created_on, id limit $3`,
      [INGEST_QUEUE, states, limit],
    );
  return (rows as JobRow[]).map(jobInfo);
}

/** How many jobs are in each state. */
export async function countJobs(queue: IngestQueue): Promise<Record<JobState, number>> {
  const counts: Record<JobState, number> = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
  const { rows } = await queue.boss
    .getDb()
    .executeSql(
      `select state::text as state, count(*)::int as count from ${QUEUE_SCHEMA}.job where name = $1 group by state`,
      [INGEST_QUEUE],
    );
  for (const row of rows as { state: JobState; count: number }[]) counts[row.state] = Number(row.count);
  return counts;
}
