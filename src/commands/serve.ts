import cluster from 'node:cluster';
import os from 'node:os';
import { ConfigError, type Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import type { Logger } from '../logger.ts';
import { createApp, listen, writePolicy } from '../server.ts';
import { UsageError } from './io.ts';

/**
 * How long in-flight requests get once a stop signal arrives: inside the 10 s that `docker stop`
 * waits before SIGKILL, with time left to close the database and release the data directory.
 */
export const DRAIN_DEADLINE_MS = 8_000;

/**
 * One process on the embedded database, which one process opens; one per core on PostgreSQL,
 * which takes any number of connections.
 */
export function defaultWorkers(config: Config): number {
  return config.databaseUrl ? os.availableParallelism() : 1;
}

/** Serves the API, in this process or in `workers` processes, until SIGTERM or SIGINT. */
export async function runServe(
  config: Config,
  logger: Logger,
  options: { workers?: number | undefined } = {},
): Promise<number> {
  const workers = options.workers ?? defaultWorkers(config);
  if (workers > 1 && !config.databaseUrl) {
    throw new UsageError(
      `--workers ${workers}: the embedded database is opened by one process only; set DATABASE_URL to serve from several`,
    );
  }
  // A worker was started with the same command line: it serves, the primary supervises.
  if (workers > 1 && cluster.isPrimary)
    return (await import('./serve-workers.ts')).superviseWorkers(config, logger, workers);
  return serveHere(config, logger);
}

/** Serves the API in this process until SIGTERM or SIGINT, then drains in-flight requests and exits 0. */
async function serveHere(config: Config, logger: Logger): Promise<number> {
  const started = performance.now();
  const database = await connect(config, logger, { command: 'quotegraph serve', share: true });
  // With workers, the primary has migrated and seeded already.
  if (config.seedDemo && cluster.isPrimary) await seedDemoIfEmpty(database, logger);
  const queue = await startServerQueue(config, database, logger);
  const app = createApp({ config, database, logger, queue });
  let running: Awaited<ReturnType<typeof listen>>;
  try {
    running = await listen(app, config);
  } catch (error) {
    await database.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(
        code === 'EADDRINUSE'
          ? `PORT: ${config.host}:${config.port} is already in use (another quotegraph, or another program); set PORT to a free port`
          : `HOST/PORT: cannot listen on ${config.host}:${config.port} (${code})`,
      );
    }
    throw error;
  }
  const policy = writePolicy(config, database.driver === 'pglite');
  if (policy === 'open-local') {
    logger.warn(
      'WRITES ARE OPEN WITHOUT A TOKEN: no QUOTEGRAPH_API_TOKENS are set, and this server uses the embedded database on loopback only. Set tokens before exposing it.',
    );
  } else if (policy === 'closed') {
    logger.warn(
      'ALL WRITES ARE REFUSED: set QUOTEGRAPH_API_TOKENS (see `quotegraph token`) or a JWT issuer to allow mutations.',
    );
  }
  if (config.debug) {
    // Which process answered, for telling workers apart.
    running.server.prependListener('request', (_request, response) =>
      response.setHeader('x-quotegraph-pid', String(process.pid)),
    );
  }
  logger.info(
    { url: running.url, driver: database.driver, startupMs: Math.round(performance.now() - started) },
    // The primary announces the server once every worker listens.
    cluster.isWorker ? `worker ${cluster.worker!.id} is serving` : `quotegraph is serving GraphiQL at ${running.url}`,
  );
  // Operation lines are buffered (see createLogger); write them out at least every second.
  logger.flush();
  const flushing = setInterval(() => logger.flush(), 1_000);
  flushing.unref();

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      // Under `npm start` one Ctrl-C or `kill -- -PGID` reaches node two or three times (npm
      // and tsx relay it): every signal after the first is noted and changes nothing.
      if (stopping) {
        logger.info({ signal }, 'already shutting down');
        logger.flush();
        return;
      }
      stopping = true;
      logger.info({ signal, deadlineMs: DRAIN_DEADLINE_MS }, 'shutting down: finishing in-flight requests');
      logger.flush();
      // Connections that fall idle while draining are closed at once; whatever is still open at
      // the deadline is cut, so a stuck client cannot hold the process (and the data directory).
      const closingIdle = setInterval(() => running.server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        logger.warn({ deadlineMs: DRAIN_DEADLINE_MS }, 'drain deadline passed: closing the remaining connections');
        running.server.closeAllConnections();
      }, DRAIN_DEADLINE_MS);
      try {
        await running.close();
      } finally {
        clearInterval(closingIdle);
        clearTimeout(deadline);
      }
      await app.dispose();
      // Jobs in hand finish first (or expire later and run again).
      await queue.stop().catch((error) => logger.warn({ err: error }, 'the ingestion queue did not stop cleanly'));
      await database.close();
      clearInterval(flushing);
      logger.info('stopped');
      logger.flush();
      // A worker's channel to the primary would keep it alive; the primary sees it exit.
      if (cluster.isWorker) cluster.worker!.disconnect();
      resolve(0);
    };
    // process.on, not once: with `once` the second relayed signal found no listener and killed
    // the process mid-drain.
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  });
}

/**
 * The ingestion queue of this server. On PostgreSQL it only enqueues (`ingestArticle(async:
 * true)`) and answers `job(id:)`: `quotegraph worker` processes run the jobs. On the embedded
 * database no other process can, so the server runs them itself, one at a time, extracting on
 * its extraction thread.
 */
async function startServerQueue(config: Config, database: DatabaseHandle, logger: Logger) {
  const { openIngestQueue, runIngestWorkers } = await import('../queue/ingest-queue.ts');
  if (config.databaseUrl) return openIngestQueue({ url: config.databaseUrl, poolSize: 2 }, config.queue);
  const queue = await openIngestQueue({ pglite: database.pglite! }, config.queue, { maintenance: true });
  await runIngestWorkers(queue, database.db, {
    concurrency: 1,
    inWorker: true,
    onDone: (job, output) => logger.info({ job: job.id, article: output.articleId }, 'queued article ingested'),
  });
  return queue;
}
