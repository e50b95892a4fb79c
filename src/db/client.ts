// One database layer, two drivers: embedded PGlite by default, PostgreSQL through postgres.js
// when a connection string is given. Everything above this module sees the same `Database`.
import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgAsyncDatabase } from 'drizzle-orm/pg-core/async/db';
import type { PgQueryResultHKT } from 'drizzle-orm/pg-core/session';
import postgres from 'postgres';
import { pgliteInstantCodecs, postgresInstantCodecs } from './instants.ts';
import { relations } from './relations.ts';
import { statementCountingLogger } from './statements.ts';

export type Database = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export type DatabaseOptions =
  | {
      driver: 'pglite';
      /** A directory, or 'memory://' for a throwaway database. */
      dataDir: string;
      /** Start from a dump made by `dumpDataDir()` (tests load one migrated snapshot). */
      loadDataDir?: Blob | File;
    }
  | {
      /** The embedded database of a running server, through its socket (src/db/embedded-socket.ts). */
      driver: 'embedded-socket';
      socketPath: string;
    }
  | {
      driver: 'postgres';
      url: string;
      poolSize: number;
      /** Cuts any statement short after this long (PostgreSQL's statement_timeout). */
      statementTimeoutMs?: number;
    };

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** True when the database can answer a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: the read replicas (DATABASE_READ_URL) that answer queries, each named by
   * host, port and database; closed with this handle. See src/db/replicas.ts.
   */
  readReplicas?: { name: string; handle: DatabaseHandle }[];
  /**
   * PostgreSQL only: runs `run` under the session advisory lock `name` on this database (see
   * `withSessionLock`); processes that start together on one database (migrating it, say) then do
   * it one after another.
   */
  exclusive?<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** PGlite only: a tarball of the data directory, to be loaded by another handle. */
  dump?(): Promise<Blob | File>;
  /** PGlite only: the embedded instance, to be shared on a socket. */
  pglite?: PGlite;
  /**
   * LISTENs on a channel: `onNotify` gets each payload NOTIFYed there once its transaction has
   * committed, by any session (on PGlite, also by commands working through the server's socket).
   * Resolves to a function that stops listening. Absent on a connection through a server's
   * socket, whose one shared session cannot tell whose notification it is.
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === 'pglite') {
    // Loaded only when used: a server on PostgreSQL does not carry the embedded database.
    const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
    ]);
    if (!options.dataDir.startsWith('memory://')) fs.mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create(options.dataDir, {
      extensions: { pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite({ client, relations, logger: statementCountingLogger, codecs: pgliteInstantCodecs });
    return {
      db: db as unknown as Database,
      driver: 'pglite',
      ping: async () => {
        try {
          await client.query('select 1');
          return true;
        } catch {
          return false;
        }
      },
      close: () => client.close(),
      dump: () => client.dumpDataDir('none'),
      pglite: client,
      listen: (channel, onNotify) => client.listen(channel, onNotify),
    };
  }

  if (options.driver === 'embedded-socket') {
    // One connection: the server runs one client transaction at a time anyway. Unnamed
    // statements only: every client shares PGlite's single session, where two clients' named
    // prepared statements would collide.
    const client = postgres({
      path: options.socketPath,
      max: 1,
      prepare: false,
      onnotice: () => {},
      connect_timeout: 5,
    });
    return postgresJsHandle(client, { listens: false });
  }

  const client = postgres(options.url, {
    max: options.poolSize,
    onnotice: () => {},
    // Fail fast while the server is down; pooled connections are re-opened when it is back.
    connect_timeout: 3,
    idle_timeout: 60,
    // postgres.js waits longer after each failed connection, up to 20 s with the count shared by
    // the pool: during an outage every request would queue behind that wait. Retry soon instead,
    // so requests fail at once while the server is down and succeed as soon as it is back.
    backoff: (attempt) => Math.min(0.05 * attempt, 0.25),
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
  });
  return postgresJsHandle(client, { listens: true, lockUrl: options.url });
}

/**
 * Runs `run` while this process holds the session advisory lock `name` on the PostgreSQL database
 * at `url`, taken on a connection of its own outside any pool: processes that start together on
 * one database then do `run` one after another. Closing that connection releases the lock, so a
 * process that dies holding it does not keep the others waiting.
 */
export async function withSessionLock<T>(url: string, name: string, run: () => Promise<T>): Promise<T> {
  const lock = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await lock`select pg_advisory_lock(hashtext(${name}))`;
    return await run();
  } finally {
    await lock.end({ timeout: 2 });
  }
}

/**
 * The one place a postgres.js client becomes a handle, whether it reaches PostgreSQL or a
 * server's embedded database through its socket: both read timestamps with the same codecs
 * (years 1–99 came back as 19xx through the socket when it built its own).
 */
function postgresJsHandle(client: postgres.Sql, options: { listens: boolean; lockUrl?: string }): DatabaseHandle {
  const db = drizzlePostgres({ client, relations, logger: statementCountingLogger, codecs: postgresInstantCodecs });
  const handle: DatabaseHandle = {
    db: db as unknown as Database,
    driver: 'postgres',
    ping: async () => {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.end({ timeout: 2 }),
  };
  const { lockUrl } = options;
  if (lockUrl) handle.exclusive = (name, run) => withSessionLock(lockUrl, name, run);
  if (!options.listens) return handle;
  return {
    ...handle,
    // postgres.js listens on a connection of its own (outside the pool) and listens again after
    // reconnecting.
    listen: async (channel, onNotify) => {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
  };
}

/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
