// quotegraph worker --concurrency N: runs ingestion jobs until SIGINT/SIGTERM. Any number of
// these processes may run against one PostgreSQL database; pg-boss hands each job to one of them.
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import type { Logger } from '../logger.ts';
import { runIngestWorkers } from '../queue/ingest-queue.ts';
import type { CommandIO } from './io.ts';
import { openQueueOn } from './queue-connection.ts';

export async function runWorker(
  options: { concurrency: number; quiet?: boolean },
  config: Config,
  logger: Logger,
  io: CommandIO,
): Promise<number> {
  // Listened for before connecting: a stop asked for while the worker starts up ends it cleanly
  // (exit 0, no job taken) instead of killing it on the signal. Listened for until the end, not
  // once: a second signal while the jobs in hand finish (one Ctrl-C under npm arrives twice, from
  // the terminal and relayed) must not kill the worker mid-article.
  let stopAsked = false;
  let resolveStopped = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const stop = () => {
    if (stopAsked) io.stderr.write('worker: already stopping; the jobs in hand finish first\n');
    stopAsked = true;
    resolveStopped();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let done = 0;
  let database: Awaited<ReturnType<typeof connect>> | null = null;
  try {
    database = await connect(config, logger, { command: 'quotegraph worker' });
    const queue = await openQueueOn(database, config, { maintenance: true, poolSize: options.concurrency + 2 });
    if (stopAsked) {
      await queue.stop();
      io.stdout.write('worker: stopped before it took a job\n');
      return 0;
    }
    await runIngestWorkers(queue, database.db, {
      concurrency: options.concurrency,
      onTestPause: (job) => io.stderr.write(`test pause: job ${job.id} waits inside its transaction\n`),
      onDone: (job, output) => {
        done += 1;
        if (!options.quiet) {
          io.stderr.write(
            `${job.id} ${job.data.url ?? ''} article ${output.articleId} ${output.created ? 'created' : 'updated'}\n`,
          );
        }
      },
    });
    io.stderr.write(`worker: running ingestion jobs with concurrency ${options.concurrency} (Ctrl-C stops)\n`);
    await stopped;
    // Jobs in hand finish (or time out and expire, to be run again elsewhere).
    await queue.stop();
    io.stdout.write(`worker: ${done} articles ingested\n`);
    return 0;
  } finally {
    await database?.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
