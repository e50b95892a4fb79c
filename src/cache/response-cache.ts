// The response cache for reads. An answer is stored with the graph version it was read at
// (src/cache/graph-version.ts) and served only while that version is still current: any
// committed write, from anywhere, makes every older answer unservable at once. Nothing lists
// which write affects which answer, so no forgotten case can serve a stale one.
//
// Only query operations are cached, and only after parsing, validation, the limits and the
// rate limits have run; a mutation is never stored or replayed. Answers live in memory
// (bounded in bytes) or in Redis (every key expiring), and when Redis is away the cache steps
// aside: reads go to the database and the failure is logged and reported by /readyz.
import { createHash } from 'node:crypto';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { rawDataText, rawResult, withExtensions } from '../graphql/compiled/raw-result.ts';
import type { Config } from '../config.ts';
import { facetOf, printedText } from '../document/analysis.ts';
import type { Logger } from '../logger.ts';
import type { GraphVersion } from './graph-version.ts';

export interface CachedAnswer {
  /** The graph version the answer was read at. */
  version: string;
  /** The answer's `data`, serialised. */
  json: string;
}

export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
  /** Why the store cannot serve now (Redis unreachable), or null when it can. */
  problem(): string | null;
  /** What the store holds in this process (memory only; Redis reports its own). */
  stats(): { entries: number; bytes: number } | null;
  close(): Promise<void>;
}

/** An estimate of the heap an entry holds: strings at two bytes a character, plus bookkeeping. */
function entryBytes(answer: CachedAnswer, key: string): number {
  return 2 * (answer.json.length + answer.version.length + key.length) + 128;
}

function memoryStore(config: Config['cache']): AnswerStore {
  const entries = new LRUCache<string, CachedAnswer>({
    max: config.maxEntries,
    maxSize: config.maxBytes,
    // One answer may not crowd out the rest.
    maxEntrySize: Math.max(1, Math.floor(config.maxBytes / 8)),
    sizeCalculation: entryBytes,
    ttl: config.ttlMs,
  });
  return {
    get: async (key) => entries.get(key),
    set: async (key, answer) => {
      entries.set(key, answer);
    },
    problem: () => null,
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize }),
    close: async () => {
      entries.clear();
    },
  };
}

const REDIS_PREFIX = 'quotegraph:answer:';

function redisStore(url: string, config: Config['cache']): AnswerStore {
  const redis = new Redis(url, {
    // Fail at once while disconnected instead of queueing behind the outage; a reply that does not
    // come within the time limit counts as a failure too.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
  });
  let lastError: string | null = null;
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  // A command's outcome is the best health report: a paused or overloaded Redis stays "ready".
  const observed = async <T>(command: Promise<T>): Promise<T> => {
    try {
      const result = await command;
      lastError = null;
      return result;
    } catch (error) {
      lastError = (error as Error).message;
      throw error;
    }
  };
  return {
    async get(key) {
      const stored = await observed(redis.get(REDIS_PREFIX + key));
      if (stored === null) return undefined;
      const newline = stored.indexOf('\n');
      return newline < 0 ? undefined : { version: stored.slice(0, newline), json: stored.slice(newline + 1) };
    },
    async set(key, answer) {
      if (entryBytes(answer, key) > config.maxBytes / 8) return;
      await observed(redis.set(REDIS_PREFIX + key, `${answer.version}\n${answer.json}`, 'PX', config.ttlMs));
    },
    problem: () =>
      redis.status !== 'ready'
        ? `Redis is ${redis.status}${lastError ? `: ${lastError}` : ''}`
        : lastError && `Redis: ${lastError}`,
    stats: () => null,
    close: async () => {
      redis.disconnect();
    },
  };
}

/** The store the configuration asks for, or null when caching is off. */
export function openAnswerStore(config: Pick<Config, 'cache' | 'redisUrl'>): AnswerStore | null {
  if (!config.cache.enabled) return null;
  return config.redisUrl ? redisStore(config.redisUrl, config.cache) : memoryStore(config.cache);
}

const servedFromCache = new WeakSet<object>();

/** Whether the operation running with this context object was answered from the cache. */
export function wasCached(context: object): boolean {
  return servedFromCache.has(context);
}

function documentText(document: DocumentNode, context: { params?: { query?: string } }): string {
  const text = context.params?.query;
  return typeof text === 'string' ? text : facetOf(document, printedText);
}

/** Whether a request's variables say nothing: absent, or an empty object (Yoga passes either on as sent). */
const noVariables = (variables: unknown) =>
  variables == null || (typeof variables === 'object' && Object.keys(variables).length === 0);

/** One key per document, operation and variables; no variables and `variables: {}` are one key. */
function answerKey(document: string, operationName: string | null | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operationName ?? null, noVariables(variables) ? null : variables, document]))
    .digest('base64url');
}

interface CacheOptions {
  store: AnswerStore;
  version: GraphVersion;
  /**
   * The version where this operation reads, when that is not always `version`'s database (a
   * read replica): an answer read on a replica that lags is stored with the replica's version.
   */
  versionAt?: (context: object) => GraphVersion;
  logger: Logger;
  /** Say in `extensions.responseCache` whether the answer came from the cache. */
  debug: boolean;
}

export function useResponseCache({ store, version, versionAt, logger, debug }: CacheOptions): Plugin {
  // One log line per outage, not one per request.
  let failing = false;
  const failed = (error: unknown) => {
    if (!failing) logger.warn({ err: error }, 'response cache unavailable: answering from the database');
    failing = true;
  };
  const recovered = () => {
    if (failing) logger.info('response cache available again');
    failing = false;
  };
  const withHit = (result: ExecutionResult, hit: boolean): ExecutionResult =>
    debug ? withExtensions(result, { responseCache: { hit } }) : result;

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const context = args.contextValue as { params?: { query?: string } };
      const key = answerKey(documentText(args.document, context), args.operationName, args.variableValues);
      let current: string;
      let cached: CachedAnswer | undefined;
      try {
        current = await (versionAt ? versionAt(args.contextValue as object) : version).current();
      } catch {
        return; // the database is away: the operation fails on its own, with the right code
      }
      try {
        cached = await store.get(key);
        recovered();
      } catch (error) {
        failed(error);
        return;
      }
      if (cached?.version === current) {
        servedFromCache.add(args.contextValue as object);
        // Served as the stored text: nothing parses it unless a plugin reads the data.
        setResultAndStopExecution(withHit(rawResult(cached.json), true));
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result) return;
          const answer = result as ExecutionResult;
          if (answer.errors?.length) return;
          // A compiled answer is already text; reading `data` would parse it for nothing.
          const json = rawDataText(answer) ?? (answer.data ? JSON.stringify(answer.data) : undefined);
          if (!json || json === 'null') return;
          store.set(key, { version: current, json }).then(recovered, failed);
          setResult(withHit(answer, false));
        },
      };
    },
  };
}
