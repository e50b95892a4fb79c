// Opens the configured database and brings its schema up to date: what every command that
// touches data starts with. An embedded data directory is opened by one process only (see
// data-dir-lock.ts); while a server holds it, other commands work through the server's socket.
import fs from 'node:fs';
import { explainDatabaseFailure, type Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { DataDirBusyError, lockDataDir, readLockHolder, type LockHolder } from './data-dir-lock.ts';
import { serveEmbeddedDatabase, socketAnswers, type EmbeddedSocket } from './embedded-socket.ts';
import { migrateDatabase } from './migrate.ts';
import { replicaName } from './replicas.ts';

export interface ConnectOptions {
  /** What this process runs, recorded in the data directory's lock. */
  command?: string;
  /**
   * The server: holds the embedded database alone and shares it with other commands on a socket.
   * Other commands (the default) use a running server's socket when there is one.
   */
  share?: boolean;
  /** How long a command waits for a server that is still starting to open its socket. */
  waitForServerMs?: number;
}

export async function connect(config: Config, logger: Logger, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  const started = performance.now();
  let database: DatabaseHandle;
  if (config.databaseUrl) {
    try {
      database = await openDatabase({
        driver: 'postgres',
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
        statementTimeoutMs: config.limits.statementTimeoutMs,
      });
    } catch (error) {
      throw explainDatabaseFailure(error, config.databaseUrl);
    }
    logger.info({ driver: 'postgres', poolSize: config.databasePoolSize }, 'connecting to PostgreSQL');
    if (config.databaseReadUrls.length) database = await withReadReplicas(database, config, logger);
  } else if (config.dataDir.startsWith('memory://')) {
    database = await openDatabase({ driver: 'pglite', dataDir: config.dataDir });
  } else {
    database = await openDataDir(config, logger, options);
  }
  try {
    // (A shared data directory was migrated before its socket opened.)
    if (!(options.share && database.pglite && !config.dataDir.startsWith('memory://'))) await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw config.databaseUrl ? explainDatabaseFailure(error, config.databaseUrl) : error;
  }
  logger.info(
    { driver: database.driver, ms: Math.round(performance.now() - started) },
    'database ready (migrations applied)',
  );
  return database;
}

/**
 * Opens a pool on each read replica. postgres.js connects on first use, so a replica that is
 * down now does not stop the server: its reads go to the primary until it answers.
 */
async function withReadReplicas(primary: DatabaseHandle, config: Config, logger: Logger): Promise<DatabaseHandle> {
  const readReplicas = await Promise.all(
    config.databaseReadUrls.map(async (url, index) => ({
      name: replicaName(url, index),
      handle: await openDatabase({
        driver: 'postgres',
        url,
        poolSize: config.databasePoolSize,
        statementTimeoutMs: config.limits.statementTimeoutMs,
      }),
    })),
  );
  logger.info({ replicas: readReplicas.map((replica) => replica.name) }, 'queries read from replicas');
  return {
    ...primary,
    readReplicas,
    close: async () => {
      await Promise.all(readReplicas.map((replica) => replica.handle.close()));
      await primary.close();
    },
  };
}

function commandLine(): string {
  const line = ['quotegraph', ...process.argv.slice(2)].join(' ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

async function openDataDir(config: Config, logger: Logger, options: ConnectOptions): Promise<DatabaseHandle> {
  const { dataDir } = config;
  const fresh = !fs.existsSync(dataDir);
  let attempt = await lockDataDir(dataDir, options.command ?? commandLine(), (socket) => socketAnswers(socket));
  // A server still opening the database publishes its socket within seconds; one that stops
  // meanwhile leaves the directory free.
  for (let tries = 0; !attempt.acquired && !options.share && tries < 3; tries += 1) {
    const holder = await serverSocketOf(attempt.lockPath, attempt.holder, options.waitForServerMs ?? 30_000);
    if (holder) {
      attempt = { ...attempt, holder };
      break;
    }
    attempt = await lockDataDir(dataDir, options.command ?? commandLine(), (socket) => socketAnswers(socket));
  }
  if (!attempt.acquired) {
    const { holder } = attempt;
    if (!options.share && holder.socket) {
      logger.info(
        { pid: holder.pid, socket: holder.socket },
        `the data directory is open in a running server (pid ${holder.pid}): working through its socket`,
      );
      return openDatabase({ driver: 'embedded-socket', socketPath: holder.socket });
    }
    const advice = options.share
      ? 'Stop that process first, or set QUOTEGRAPH_DATA_DIR to another directory (or DATABASE_URL to use PostgreSQL).'
      : 'Wait for it to finish, then run this command again (while `quotegraph serve` runs, other commands go through it).';
    throw new DataDirBusyError(dataDir, holder, attempt.lockPath, advice);
  }

  const { lock } = attempt;
  if (attempt.tookOverFrom) {
    logger.warn(
      { previous: attempt.tookOverFrom },
      `took over the data directory from process ${attempt.tookOverFrom.pid} (${attempt.tookOverFrom.command}), which is gone without shutting down`,
    );
  }
  if (fresh) logger.info({ dataDir }, 'creating the embedded database (first start takes a few seconds)');
  else logger.info({ dataDir }, `embedded database in ${dataDir}`);
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ driver: 'pglite', dataDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  let socket: EmbeddedSocket | null = null;
  const handle: DatabaseHandle = {
    ...database,
    close: async () => {
      try {
        await socket?.close();
        await database.close();
      } finally {
        lock.release();
      }
    },
  };
  if (options.share) {
    try {
      // Migrations first: a command that comes through the socket finds the schema ready.
      await migrateDatabase(database);
      socket = await serveEmbeddedDatabase(database.pglite!, dataDir);
      lock.publishSocket(socket.path);
      logger.info({ socket: socket.path }, 'other quotegraph commands reach this database through the socket');
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/** The holder once its socket is published (or it is not a server), or null when it let go of the lock. */
async function serverSocketOf(lockPath: string, holder: LockHolder, waitMs: number): Promise<LockHolder | null> {
  const deadline = performance.now() + waitMs;
  let current = holder;
  while (current.socket === null && current.command.split(' ')[1] === 'serve' && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const read = readLockHolder(lockPath);
    if (read === 'missing') return null;
    if (read === 'unreadable') continue;
    if (read.pid !== holder.pid || read.startedAt !== holder.startedAt) return null;
    current = read;
  }
  return current;
}
