// Writes that may run at the same time on PostgreSQL (one transaction per request, READ
// COMMITTED) and still come out as if they had run one after another.
//
// Two tools, and why both:
// - Transaction-scoped advisory locks on what a write *looks up before it inserts*: an article's
//   URL or content hash, a person's or organization's name keys, a slug. People have no unique
//   name (two people may share one), so no constraint could stop two ingests from each creating
//   "Petra Holm"; a lock on the name key makes the second wait, then look again and find the
//   first one's row. Under READ COMMITTED each statement sees what committed before it started,
//   and the lock is released only after the holder's commit is visible, so "lock, then select"
//   always sees the previous holder's rows. Locks are taken in one order — article, its slug,
//   people's names, their slugs, organizations' names, their slugs — and each group sorted, so
//   two writes never wait on each other in a circle over these locks.
// - A bounded retry of the whole transaction on the errors a race can still produce: row locks
//   taken in different orders by triggers and updates (deadlock, 40P01), serialization failures
//   (40001), and a unique or foreign-key violation caused by a row another transaction inserted
//   or deleted meanwhile (23505, 23503). The retried work starts from scratch on a new snapshot;
//   a write that is wrong on its own fails the same way every time and surfaces after the last try.
// pg_advisory_xact_lock exists in PGlite too, where it is always granted at once: PGlite has one
// connection, so its transactions never overlap.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

/** The database or a transaction on it: what store functions run their statements on. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'query'>;

export type LockScope = 'article-url' | 'article-text' | 'slug' | 'person' | 'organization';

/** Waits for, then holds until commit or rollback, one lock per distinct key, in a fixed order. */
export async function lockKeys(tx: Executor, scope: LockScope, keys: Iterable<string>): Promise<void> {
  const names = [...new Set([...keys].filter((key) => key.length > 0).map((key) => `${scope}:${key}`))];
  if (names.length === 0) return;
  // 64-bit hashes: a collision only makes two unrelated writes wait for each other.
  await tx.execute(sql`
    select pg_advisory_xact_lock(key) from (
      select distinct hashtextextended(name, 0) as key from unnest(${sql.param(names)}::text[]) as name order by key
    ) as ordered`);
}

const RETRYABLE = new Set(['40001', '40P01', '23505', '23503']);

const retried = new Map<string, number>();

/**
 * Whole-transaction retries since the process started, by the SQLSTATE that caused them: how often
 * concurrent writes got in each other's way (exported as quotegraph_write_retries_total).
 */
export function writeRetries(): ReadonlyMap<string, number> {
  return retried;
}

/** The SQLSTATE of a database error, looking through the wrappers drizzle puts around it. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface WriteDeadline {
  /** Aborted once the client has been told the request timed out: nothing may be committed then. */
  signal: AbortSignal;
  /** Called just before the commit; false (the deadline has passed) rolls the transaction back. */
  claimCommit?(): boolean;
}

export interface WriteOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  deadline?: WriteDeadline;
}

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Runs `work` in one transaction, again from the start when a concurrent write got in its way. */
export async function writeTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  { attempts = 6, deadline }: WriteOptions = {},
): Promise<T> {
  const signal = deadline?.signal;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await db.transaction(async (tx) => {
        const result = await work(tx);
        // The last moment to change our mind: past this, the commit is sent.
        signal?.throwIfAborted();
        if (deadline?.claimCommit && !deadline.claimCommit()) throw new Error('the write passed its deadline');
        return result;
      });
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || state === undefined || !RETRYABLE.has(state) || signal?.aborted) throw error;
      retried.set(state, (retried.get(state) ?? 0) + 1);
      // A short random pause, growing with each try, so the writes that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
    }
  }
}
