// Routes each query operation to a read replica (src/db/replicas.ts) by setting the request's
// `ctx.db`, the one handle every resolver and the compiled path read. Mutations, the reads
// inside them and subscriptions keep the primary the context was built with.
//
// Read-your-writes: after a mutation the primary's WAL position (pg_current_wal_insert_lsn()) is
// remembered for the client (src/graphql/client-key.ts) for `readYourWritesMs` and sent back as
// `x-quotegraph-lsn`; that client's queries meanwhile go only to a replica that has replayed up
// to it, else to the primary. A client whose next request may reach another process sends the
// position back as `x-quotegraph-min-lsn`.
//
// A replica that fails on its connection is left alone for a while (logged once) and the
// query runs again on the primary, so a replica going down never fails a query. A query the
// replica cancelled because replaying the primary's log conflicted with it (SQLSTATE 40001 or
// 40P01, see max_standby_streaming_delay) runs again on the primary too; the replica stays in use.
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/client.ts';
import { type ReadRouter, formatLsn, parseLsn } from '../../db/replicas.ts';
import { apiError, ErrorCode } from '../../errors.ts';
import { clientKey } from '../../graphql/client-key.ts';
import { cancelledByRecovery, failedOnConnection, resultErrors } from './mask-errors.ts';

export const LSN_HEADER = 'x-quotegraph-lsn';
export const MIN_LSN_HEADER = 'x-quotegraph-min-lsn';

/** Which replica answered the operation run with this context object (tests, debugging). */
const answeredBy = new WeakMap<object, string | null>();
export function readFrom(context: object): string | null | undefined {
  return answeredBy.get(context);
}

/** Whether a mutation's answer says it may have written something. */
function mayHaveWritten(result: unknown): boolean {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return true;
  const { data, errors } = result as ExecutionResult;
  if (!errors?.length) return true;
  return !!data && Object.values(data).some((value) => value !== null);
}

/**
 * Each client's position after its last write, for `windowMs`: at most `capacity` clients, so a
 * burst of writers cannot grow it without end. Past the cap the oldest entries go, and what they
 * held is kept as one floor that every client without an entry must read at until the evicted
 * window ends: eviction costs some reads a replica's lag (or the primary), never a client its
 * own write.
 */
export class RecentWrites {
  /** Client key → position and until when it counts; in order of `until` (a write moves its key last). */
  private readonly entries = new Map<string, { lsn: bigint; until: number }>();
  private floor: { lsn: bigint; until: number } | null = null;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    readonly capacity = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  remember(key: string, lsn: bigint): void {
    const at = this.now();
    const previous = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, { lsn: previous && previous.lsn > lsn ? previous.lsn : lsn, until: at + this.windowMs });
    for (const [oldest, entry] of this.entries) {
      if (entry.until > at && this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      if (entry.until > at) {
        this.floor = {
          lsn: this.floor && this.floor.until > at && this.floor.lsn > entry.lsn ? this.floor.lsn : entry.lsn,
          until: entry.until,
        };
      }
    }
  }

  /** The position this client must read at, or null when it has not written lately. */
  writtenBy(key: string): bigint | null {
    const at = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.until <= at) this.entries.delete(key);
    const own = entry && entry.until > at ? entry.lsn : null;
    const floor = this.floor && this.floor.until > at ? this.floor.lsn : null;
    if (floor === null) return own;
    return own === null || floor > own ? floor : own;
  }
}

interface RequestContext {
  db: Database;
  request: Request;
  principal?: () => string | null;
}

export function useReadReplicas(
  router: ReadRouter,
  options: { readYourWritesMs: number; trustProxy: boolean; now?: () => number },
): Plugin {
  const now = options.now ?? Date.now;
  const recentWrites = new RecentWrites(options.readYourWritesMs, now);
  /** The position sent back in the response header. */
  const lsnOfResponse = new WeakMap<Request, bigint>();

  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      const context = args.contextValue as unknown as RequestContext;
      if (operation === 'mutation') {
        setExecuteFn(async (executeArgs) => {
          const result = await executeFn(executeArgs);
          if (mayHaveWritten(result)) {
            try {
              const lsn = await router.primaryLsn();
              if (lsn !== null) {
                recentWrites.remember(clientKey(context.request, context, options.trustProxy), lsn);
                const earlier = lsnOfResponse.get(context.request);
                lsnOfResponse.set(context.request, earlier !== undefined && earlier > lsn ? earlier : lsn);
              }
            } catch {
              // The primary went away after the write: the client's reads find out on their own.
            }
          }
          return result;
        });
        return;
      }
      if (operation !== 'query') return;

      const sent = context.request.headers.get(MIN_LSN_HEADER);
      const asked = sent ? parseLsn(sent) : null;
      if (sent && asked === null) {
        setResultAndStopExecution({
          errors: [
            apiError(
              ErrorCode.BAD_REQUEST,
              `${MIN_LSN_HEADER} must be a WAL position such as 0/16B3748 (as ${LSN_HEADER} gives it).`,
            ),
          ],
        });
        return;
      }
      const own = recentWrites.writtenBy(clientKey(context.request, context, options.trustProxy));
      const minLsn = own !== null && (asked === null || own > asked) ? own : asked;
      const choice = await router.choose(minLsn);
      context.db = choice.db;
      answeredBy.set(context, choice.replica);
      const replica = choice.replica;
      if (replica === null) return;
      setExecuteFn(async (executeArgs) => {
        const result = await executeFn(executeArgs);
        const errors = resultErrors(result);
        // Any error the connection's (not only every one, as in retry-reads.ts): the replica is suspect.
        const lost = errors.find(failedOnConnection);
        if (lost) router.failed(replica, lost);
        else if (errors.some(cancelledByRecovery)) router.conflicted(replica);
        else {
          router.answered(replica);
          return result;
        }
        // A fresh copy of the context: nothing the failed attempt cached (loaders, plans) is reused.
        const again = { ...(executeArgs.contextValue as object), db: router.primary };
        answeredBy.set(again, null);
        return executeFn({ ...executeArgs, contextValue: again });
      });
    },
    onResponse({ request, response }) {
      const lsn = lsnOfResponse.get(request);
      if (lsn !== undefined) response.headers.set(LSN_HEADER, formatLsn(lsn));
    },
  };
}
