// The graph's current version (drizzle/*_graph-version: every committed write raises it). The
// response cache reads it for each query it might answer. Concurrent requests share one read,
// but a request never takes a read that was already under way when it arrived: that read may
// predate a write the client has just been told about.
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';

export interface GraphVersion {
  /** The version as of a moment after this call. */
  current(): Promise<string>;
}

interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
}
interface PGliteClient {
  query(query: string): Promise<unknown>;
}

const READ_VERSION = 'select version::text as version from graph_version where id = 1';

/** Reads the version straight from the driver: not an operation's statement, so not counted as one. */
function readVersion(db: Database): () => Promise<string> {
  const client = (db as unknown as { $client: PostgresJsClient | PGliteClient }).$client;
  return async () => {
    const result =
      'unsafe' in client ? await client.unsafe(READ_VERSION, [], { prepare: true }) : await client.query(READ_VERSION);
    const version = rowsOf<{ version: string }>(result)[0]?.version;
    if (version === undefined) throw new Error('graph_version has no row: are the migrations applied?');
    return version;
  };
}

/**
 * Batches reads without ever answering a caller from a read that started before it called:
 * while one read is in flight, later callers share the next one, which starts when it ends.
 */
export function batchedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const launch = (): Promise<T> => {
    const attempt = read().finally(() => {
      if (running === attempt) running = null;
    });
    running = attempt;
    return attempt;
  };
  return () => {
    if (queued) return queued;
    if (!running) return launch();
    queued = running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return launch();
      });
    return queued;
  };
}

export function graphVersionOf(db: Database): GraphVersion {
  return { current: batchedReads(readVersion(db)) };
}
