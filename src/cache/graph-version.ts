// The graph's current version (drizzle/*_graph-version: every committed write raises it). The
// response cache reads it for each query it might answer. Concurrent requests share one read,
// but a request never takes a read that was already under way when it arrived: that read may
// predate a write the client has just been told about.
import { randomUUID } from 'node:crypto';
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
// Which database this is: its cluster's system identifier (random at initdb, and the same on a
// streaming replica) and its oid there. Every database counts its versions from the same start, so
// without this two databases caching in one Redis would take each other's answers as current.
const READ_IDENTITY = `select (select system_identifier from pg_control_system())::text || '.' || d.oid::text as identity
  from pg_database d where d.datname = current_database()`;

// Copies of an embedded data directory (a demo directory copied twice, a backup restored beside the
// original or over it) keep its system identifier and oid, and their counters can meet after
// different writes. So on PGlite the identity also names this opening of the directory: while it is
// open every write to it goes through this instance (one process opens it, data-dir-lock.ts; other
// commands write through its socket; a server never runs on another's socket), and a copy or a
// later opening draws another id. The price: answers cached before a restart are no longer current (lost hits, never a
// wrong answer). Not the directory's path: copies in two containers, or a backup restored in place,
// share it. Not a token stored in the database: a copy copies it. PostgreSQL keeps the plain
// identity: a streaming replica must name the database as its primary does, and every instance on
// one database shares answers. One id per PGlite instance, so two apps on one opening agree.
const openings = new WeakMap<PGliteClient, string>();
function openingOf(client: PGliteClient): string {
  let opening = openings.get(client);
  if (opening === undefined) openings.set(client, (opening = randomUUID()));
  return opening;
}

/**
 * Reads the version straight from the driver: not an operation's statement, so not counted as one.
 * The version is "<database identity>:<counter>"; the identity is read once.
 */
function readVersion(db: Database): () => Promise<string> {
  const client = (db as unknown as { $client: PostgresJsClient | PGliteClient }).$client;
  const read = async <Row>(query: string): Promise<Row | undefined> =>
    rowsOf<Row>('unsafe' in client ? await client.unsafe(query, [], { prepare: true }) : await client.query(query))[0];
  let identity: Promise<string> | null = null;
  return async () => {
    identity ??= read<{ identity: string }>(READ_IDENTITY).then(
      (row) => {
        const database = row?.identity ?? 'unknown';
        return 'unsafe' in client ? database : `${database}.${openingOf(client)}`;
      },
      (error: unknown) => {
        identity = null;
        throw error;
      },
    );
    const [database, row] = await Promise.all([identity, read<{ version: string }>(READ_VERSION)]);
    if (row === undefined) throw new Error('graph_version has no row: are the migrations applied?');
    return `${database}:${row.version}`;
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
