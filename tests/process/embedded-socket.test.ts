// The server's embedded database shared on its socket: socket clients (postgres.js, as the CLI
// uses, and raw wire-protocol clients that vanish mid-transaction) race the server's own
// transactions and reads. Whatever the interleaving, the server never reads a client's
// uncommitted rows, no client reads another's, and what is left is exactly what was committed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { articles } from '../../src/db/schema.ts';
import { lastReadyStatus, serveEmbeddedDatabase, type EmbeddedSocket } from '../../src/db/embedded-socket.ts';
import { runs } from '../support/property.ts';

let folder: string;
let database: DatabaseHandle;
let shared: EmbeddedSocket;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-socket-'));
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  database = await openDatabase({ driver: 'pglite', dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
  await database.pglite!.exec('create table relay_rows (tag text not null)');
  shared = await serveEmbeddedDatabase(database.pglite!, folder);
});
afterAll(async () => {
  await shared.close();
  await database.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

/** A bare wire-protocol client: starts up, runs one simple query, and is cut off while its transaction is open. */
async function vanishMidTransaction(socketPath: string, sql: string): Promise<void> {
  const socket = net.connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  const readyFor = (status: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (lastReadyStatus(received) === status) {
          socket.off('data', onData);
          received = Buffer.alloc(0);
          resolve();
        }
      };
      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        check();
      };
      socket.on('data', onData);
    });
  const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + parameters.length, 0);
  startup.writeInt32BE(196608, 4);
  let ready = readyFor('I');
  socket.write(Buffer.concat([startup, parameters]));
  await ready;
  ready = readyFor('T');
  socket.write(message('Q', Buffer.from(`${sql}\0`)));
  await ready;
  socket.destroy();
}

type ClientStep =
  | { kind: 'commit'; rows: number; holdMs: number }
  | { kind: 'rollback'; rows: number; holdMs: number }
  | { kind: 'fail'; rows: number }
  | { kind: 'vanish'; rows: number };

const clientStep: fc.Arbitrary<ClientStep> = fc.oneof(
  fc.record({
    kind: fc.constant('commit' as const),
    rows: fc.integer({ min: 1, max: 3 }),
    holdMs: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({
    kind: fc.constant('rollback' as const),
    rows: fc.integer({ min: 1, max: 3 }),
    holdMs: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({ kind: fc.constant('fail' as const), rows: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('vanish' as const), rows: fc.integer({ min: 1, max: 3 }) }),
);

let scenario = 0;

describe('the embedded database shared on a socket', () => {
  test("client transactions never interleave with the server's, and only committed rows remain", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(clientStep, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (clients, serverTransactions) => {
          const run = scenario++;
          const pglite = database.pglite!;
          const committed = new Set<string>();
          const seenByServer = new Set<string>();
          const seenByClients: Array<{ client: number; tags: string[] }> = [];

          const clientWork = clients.map(async (steps, client) => {
            const sql = postgres({ path: shared.path, max: 1, prepare: false, onnotice: () => {} });
            try {
              for (const [index, step] of steps.entries()) {
                const tag = `r${run}-c${client}-s${index}`;
                const values = Array.from({ length: step.rows }, () => tag);
                if (step.kind === 'vanish') {
                  await vanishMidTransaction(
                    shared.path,
                    `begin; insert into relay_rows (tag) values ${values.map((v) => `('${v}')`).join(', ')}`,
                  );
                  continue;
                }
                try {
                  await sql.begin(async (tx) => {
                    for (const value of values) await tx`insert into relay_rows (tag) values (${value})`;
                    const visible = await tx<
                      { tag: string }[]
                    >`select distinct tag from relay_rows where tag like ${`r${run}-%`}`;
                    seenByClients.push({ client, tags: visible.map((row) => row.tag) });
                    if (step.kind === 'fail') await tx`select * from relay_rows_missing`;
                    if ('holdMs' in step) await sleep(step.holdMs);
                    if (step.kind === 'rollback') throw new Error('roll back');
                  });
                  committed.add(tag);
                } catch (error) {
                  if (step.kind === 'commit') throw error;
                }
              }
            } finally {
              await sql.end({ timeout: 1 });
            }
          });

          const serverWork = (async () => {
            for (let i = 0; i < serverTransactions; i += 1) {
              const tag = `r${run}-server-${i}`;
              await pglite.transaction(async (tx) => {
                await tx.query('insert into relay_rows (tag) values ($1)', [tag]);
                const visible = await tx.query<{ tag: string }>(
                  'select distinct tag from relay_rows where tag like $1',
                  [`r${run}-%`],
                );
                for (const row of visible.rows) seenByServer.add(row.tag);
              });
              committed.add(tag);
              const outside = await pglite.query<{ tag: string }>(
                'select distinct tag from relay_rows where tag like $1',
                [`r${run}-%`],
              );
              for (const row of outside.rows) seenByServer.add(row.tag);
              await sleep(3);
            }
          })();

          await Promise.all([...clientWork, serverWork]);

          // The server saw committed rows only: never a row some client later rolled back.
          for (const tag of seenByServer) expect(committed, `server saw ${tag}`).toContain(tag);
          // A client saw its own rows and committed ones, never another client's open transaction.
          for (const { client, tags } of seenByClients) {
            for (const tag of tags) {
              if (tag.startsWith(`r${run}-c${client}-`)) continue;
              expect(committed, `client ${client} saw ${tag}`).toContain(tag);
            }
          }
          const left = await pglite.query<{ tag: string }>('select distinct tag from relay_rows where tag like $1', [
            `r${run}-%`,
          ]);
          expect(new Set(left.rows.map((row) => row.tag))).toEqual(committed);
          // Nothing is left open: the server can still start and finish a transaction at once.
          expect(pglite.isInTransaction()).toBe(false);
        },
      ),
      { numRuns: runs(12) },
    );
  });

  test('a client cut off mid-transaction releases the database to the next one', async () => {
    await vanishMidTransaction(shared.path, `begin; insert into relay_rows (tag) values ('orphan')`);
    const sql = postgres({ path: shared.path, max: 1, prepare: false, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from relay_rows where tag = 'orphan'`;
      expect(row!.n).toBe(0);
    } finally {
      await sql.end();
    }
    const own = await database.pglite!.query<{ n: number }>(
      `select count(*)::int as n from relay_rows where tag = 'orphan'`,
    );
    expect(own.rows[0]!.n).toBe(0);
  });

  test('a client that stalls inside a transaction is cut off and rolled back, and the server goes on', async () => {
    const stallFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-stall-'));
    const impatient = await serveEmbeddedDatabase(database.pglite!, stallFolder, { idleInTransactionMs: 200 });
    const sql = postgres({ path: impatient.path, max: 1, prepare: false, onnotice: () => {} });
    let inserted!: () => void;
    const insertedRow = new Promise<void>((resolve) => (inserted = resolve));
    try {
      const stalled = sql
        .begin(async (tx) => {
          await tx`insert into relay_rows (tag) values ('stalled')`;
          inserted();
          await sleep(60_000);
        })
        .then(
          () => 'committed',
          () => 'cut off',
        );
      await insertedRow;
      // The server's own statement waits for the stalled client only until the timeout.
      const own = await database.pglite!.query<{ n: number }>(
        `select count(*)::int as n from relay_rows where tag = 'stalled'`,
      );
      expect(own.rows[0]!.n).toBe(0);
      expect(await stalled).toBe('cut off');
      expect(database.pglite!.isInTransaction()).toBe(false);
    } finally {
      await sql.end({ timeout: 1 });
      await impatient.close();
      fs.rmSync(stallFolder, { recursive: true, force: true });
    }
  });

  test('a command working through the socket reads an article from year 1 as year 1', async () => {
    // The server writes it; a command (the CLI's handle on the socket) reads it back.
    await database.pglite!.query(
      `insert into articles (slug, title, body, content_hash, published_at) values ('year-one', 'Year one', 'Body.', 'h-year-one', '0001-03-01 10:20:30.456+00')`,
    );
    const command = await openDatabase({ driver: 'embedded-socket', socketPath: shared.path });
    try {
      const [row] = await command.db
        .select({ publishedAt: articles.publishedAt, sortAt: articles.sortAt })
        .from(articles)
        .where(eq(articles.slug, 'year-one'));
      expect(row!.publishedAt!.toISOString()).toBe('0001-03-01T10:20:30.456Z');
      expect(row!.sortAt.toISOString()).toBe('0001-03-01T10:20:30.456Z');
      const nested = await command.db.query.articles.findFirst({
        where: { slug: 'year-one' },
        columns: { publishedAt: true },
      });
      expect(nested!.publishedAt!.toISOString()).toBe('0001-03-01T10:20:30.456Z');
    } finally {
      await command.close();
    }
  });
});
