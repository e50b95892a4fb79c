// quotegraph jobs [--failed]: the ingestion jobs not yet done (or only the failed ones), with
// their last error, and a count per state.
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import type { Logger } from '../logger.ts';
import { countJobs, listJobs, type JobInfo, type JobState } from '../queue/ingest-queue.ts';
import type { CommandIO } from './io.ts';
import { openQueueOn } from './queue-connection.ts';

function jobLine(job: JobInfo): string {
  const article = job.articleId !== null ? ` article ${job.articleId}` : '';
  const error = job.error ? ` error: ${job.error.split('\n')[0]}` : '';
  return `${job.id} ${job.state} attempts ${job.attempts}/${job.retryLimit + 1}${job.url ? ` ${job.url}` : ''}${article}${error}\n`;
}

export async function runJobs(
  options: { failed?: boolean; limit: number },
  config: Config,
  logger: Logger,
  io: CommandIO,
): Promise<number> {
  const database = await connect(config, logger, { command: 'quotegraph jobs' });
  try {
    const queue = await openQueueOn(database, config, { poolSize: 1 });
    try {
      const states: JobState[] = options.failed ? ['failed'] : ['failed', 'retry', 'active', 'created'];
      const counts = await countJobs(queue);
      io.stdout.write(
        `${Object.entries(counts)
          .map(([state, count]) => `${state}: ${count}`)
          .join('; ')}\n`,
      );
      for (const job of await listJobs(queue, states, options.limit)) io.stdout.write(jobLine(job));
      return 0;
    } finally {
      await queue.stop();
    }
  } finally {
    await database.close();
  }
}
