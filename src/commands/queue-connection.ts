// The queue on the database a command opened: pg-boss's own pool on PostgreSQL, the embedded
// instance itself on PGlite. Through a running server's socket there is no queue to open here:
// that server runs it (see README, Bulk ingestion).
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openIngestQueue, type IngestQueue } from '../queue/ingest-queue.ts';
import { UsageError } from './io.ts';

export async function openQueueOn(
  database: DatabaseHandle,
  config: Config,
  options: { maintenance?: boolean; poolSize?: number } = {},
): Promise<IngestQueue> {
  if (config.databaseUrl) {
    return openIngestQueue({ url: config.databaseUrl, poolSize: options.poolSize ?? 4 }, config.queue, options);
  }
  if (database.pglite) return openIngestQueue({ pglite: database.pglite }, config.queue, options);
  throw new UsageError(
    'the embedded database is open in a running server, which runs the ingestion queue itself: use ingestArticle(async: true) there, or stop the server first',
  );
}
