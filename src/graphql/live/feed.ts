// What the database announces about writes (drizzle/*_live-events), fanned out to the
// subscriptions of this instance. Each instance LISTENs once, on the first subscription; every
// instance on the same database hears every committed write, whichever process made it, so no
// broker (Redis or other) is needed between instances.
import type { DatabaseHandle } from '../../db/client.ts';
import { apiError, ErrorCode } from '../../errors.ts';

export const LIVE_CHANNEL = 'quotegraph_events';

/** Announced batches a subscriber may have waiting before it is ended. */
const MAX_PENDING_EVENTS = 1_000;

export type ArticleChangeKind = 'created' | 'updated' | 'deleted' | 'quotes_added';

/** One committed statement's worth of news: ids only, rows are read afresh by each subscriber. */
export type LiveEvent =
  | { kind: 'quotes'; quotes: number[]; articles: number[] }
  | { kind: 'articles'; articles: number[]; change: Exclude<ArticleChangeKind, 'quotes_added'> };

export interface LiveLimits {
  perClient: number;
  total: number;
}

interface Logger {
  warn(object: object, message: string): void;
}

/** Reads a notification's payload; null for anything this version does not know. */
export function parseLiveEvent(payload: string): LiveEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { quotes, articles, change } = parsed as Record<string, unknown>;
  const ids = (value: unknown) =>
    Array.isArray(value) && value.every((id) => Number.isInteger(id)) ? (value as number[]) : null;
  if (quotes !== undefined) {
    const quoteIds = ids(quotes);
    return quoteIds ? { kind: 'quotes', quotes: quoteIds, articles: ids(articles) ?? [] } : null;
  }
  const articleIds = ids(articles);
  if (articleIds && (change === 'created' || change === 'updated' || change === 'deleted')) {
    return { kind: 'articles', articles: articleIds, change };
  }
  return null;
}

export interface LiveFeed {
  /**
   * A subscription's stream: each event, turned by `expand` into what the subscriber gets (none,
   * one or many items). Refused with RATE_LIMITED past the per-client or overall limit. The
   * stream holds a place until it ends or is returned (the client went away).
   */
  open<Item>(client: string, expand: (event: LiveEvent) => Promise<Item[]>): Promise<AsyncIterableIterator<Item>>;
  /** Open subscriptions, in all and for each client: what a disconnect must bring back down. */
  stats(): { subscriptions: number; clients: Map<string, number> };
  close(): Promise<void>;
}

export function createLiveFeed(database: DatabaseHandle, limits: LiveLimits, logger?: Logger): LiveFeed {
  const subscribers = new Set<(event: LiveEvent) => void>();
  const finishers = new Set<() => void>();
  const perClient = new Map<string, number>();
  let listening: Promise<() => Promise<void>> | null = null;
  let closed = false;

  const startListening = () => {
    if (!database.listen)
      throw new Error('This database connection cannot LISTEN (a connection through a server socket).');
    listening ??= database
      .listen(LIVE_CHANNEL, (payload) => {
        const event = parseLiveEvent(payload);
        if (!event) {
          logger?.warn({ payload: payload.slice(0, 200) }, 'ignored a live event it could not read');
          return;
        }
        for (const deliver of subscribers) deliver(event);
      })
      .catch((error: unknown) => {
        listening = null;
        throw error;
      });
    return listening;
  };

  const release = (client: string) => {
    const count = (perClient.get(client) ?? 1) - 1;
    if (count > 0) perClient.set(client, count);
    else perClient.delete(client);
  };

  const open = async <Item>(
    client: string,
    expand: (event: LiveEvent) => Promise<Item[]>,
  ): Promise<AsyncIterableIterator<Item>> => {
    if (closed) throw apiError(ErrorCode.SERVICE_UNAVAILABLE, 'The server is shutting down.');
    const total = [...perClient.values()].reduce((sum, count) => sum + count, 0);
    if ((perClient.get(client) ?? 0) >= limits.perClient) {
      throw apiError(
        ErrorCode.RATE_LIMITED,
        `Too many open subscriptions from this client (at most ${limits.perClient}); close one first.`,
        {
          limit: limits.perClient,
        },
      );
    }
    if (total >= limits.total) {
      throw apiError(
        ErrorCode.RATE_LIMITED,
        `The server has too many open subscriptions (at most ${limits.total}); try again later.`,
        {
          limit: limits.total,
        },
      );
    }
    perClient.set(client, (perClient.get(client) ?? 0) + 1);
    // Attached before LISTEN is confirmed and before the response goes out, so no event
    // committed after the subscription was accepted is missed.
    const pending: LiveEvent[] = [];
    const ready: Item[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    let failure: Error | null = null;
    const deliver = (event: LiveEvent) => {
      if (pending.length >= MAX_PENDING_EVENTS) {
        // A client that reads slower than the graph is written ends, rather than hold memory.
        failure = apiError(
          ErrorCode.SERVICE_UNAVAILABLE,
          'The subscription fell too far behind the writes; subscribe again.',
        );
        finish();
        return;
      }
      pending.push(event);
      wake?.();
    };
    subscribers.add(deliver);
    const finish = () => {
      if (done) return;
      done = true;
      subscribers.delete(deliver);
      finishers.delete(finish);
      release(client);
      wake?.();
    };
    finishers.add(finish);
    try {
      await startListening();
    } catch (error) {
      finish();
      throw error;
    }

    const iterator: AsyncIterableIterator<Item> = {
      async next(): Promise<IteratorResult<Item>> {
        while (!done) {
          if (ready.length) return { done: false, value: ready.shift()! };
          const event = pending.shift();
          if (event) {
            try {
              ready.push(...(await expand(event)));
            } catch (error) {
              finish();
              throw error;
            }
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
        if (failure) {
          const error = failure;
          failure = null;
          throw error;
        }
        return { done: true, value: undefined };
      },
      async return(): Promise<IteratorResult<Item>> {
        finish();
        return { done: true, value: undefined };
      },
      async throw(error: unknown): Promise<IteratorResult<Item>> {
        finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };

  return {
    open,
    stats: () => ({
      subscriptions: [...perClient.values()].reduce((sum, count) => sum + count, 0),
      clients: new Map(perClient),
    }),
    close: async () => {
      closed = true;
      // Open streams end (their clients see the stream complete) before the LISTEN goes.
      for (const finish of [...finishers]) finish();
      const stop = listening;
      listening = null;
      if (stop) await (await stop.catch(() => null))?.();
    },
  };
}
