// A test database and the queue on it: PGlite in memory (the queue on the instance itself), or a
// copy of the migrated PostgreSQL template when TEST_DATABASE_URL is set (the queue on its URL,
// which worker processes started by a test can use too).
import fs from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { loadConfig, type QueueConfig } from '../../src/config.ts';
import { openIngestQueue, type IngestQueue } from '../../src/queue/ingest-queue.ts';

export interface QueueTestDatabase {
  database: DatabaseHandle;
  /** The PostgreSQL URL of this database; null on PGlite. */
  url: string | null;
  openQueue(config?: Partial<QueueConfig>, options?: { maintenance?: boolean }): Promise<IngestQueue>;
  close(): Promise<void>;
}

let counter = 0;

export async function openQueueTestDatabase(): Promise<QueueTestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const defaults = loadConfig({}).queue;
  if (!serverUrl) {
    const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
    const database = await openDatabase({ driver: 'pglite', dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
    const queues: IngestQueue[] = [];
    return {
      database,
      url: null,
      openQueue: async (config = {}, options = {}) => {
        const queue = await openIngestQueue({ pglite: database.pglite! }, { ...defaults, ...config }, options);
        queues.push(queue);
        return queue;
      },
      close: async () => {
        for (const queue of queues) await queue.stop();
        await database.close();
      },
    };
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is set but the template database was not prepared');
  const name = `quotegraph_queue_${process.pid}_${counter++}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 4 });
  const queues: IngestQueue[] = [];
  return {
    database,
    url: url.toString(),
    openQueue: async (config = {}, options = {}) => {
      const queue = await openIngestQueue({ url: url.toString(), poolSize: 3 }, { ...defaults, ...config }, options);
      queues.push(queue);
      return queue;
    },
    close: async () => {
      for (const queue of queues) await queue.stop();
      await database.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
