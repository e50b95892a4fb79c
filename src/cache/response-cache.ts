// The response cache: Yoga's response-cache plugin over an in-memory store, or Redis when
// REDIS_URL is set so that every instance (and the CLI) sees the same entries and the same
// invalidations. The plugin tags a cached response with the entities in it; this module adds
// one tag per root field, so that a change can also drop the lists and lookups it affects.
import { createRedisCache } from '@envelop/response-cache-redis';
import {
  createInMemoryCache,
  useResponseCache,
  type Cache,
} from '@graphql-yoga/plugin-response-cache';
import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { getOperationAST, parse, type DocumentNode } from 'graphql';
import { fieldNamesOf, fragmentsOf } from '../graphql/selections.ts';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { invalidationFor, rootFieldTag, type GraphChange } from './invalidation.ts';

export interface ResponseCache {
  /** null when caching is off. */
  store: Cache | null;
  /** Drops every cached response the change makes stale. */
  invalidate(change: GraphChange): Promise<void>;
  close(): Promise<void>;
}

const ROOTS_PREFIX = 'roots:';

/** Names of the root fields an operation selects (through fragments too). */
function rootFieldNames(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = fragmentsOf(document);
  return [...fieldNamesOf(operation.selectionSet, (name) => fragments.get(name))].sort();
}

/** Adds the root-field tags (carried in the response key) to what the plugin collected. */
function withRootFieldTags(store: Cache): Cache {
  return {
    get: (key) => store.get(key),
    invalidate: (entities) => store.invalidate(entities),
    set(key, result, entities, ttl) {
      const roots = key.startsWith(ROOTS_PREFIX) ? key.slice(ROOTS_PREFIX.length, key.indexOf('|')).split(',') : [];
      const tags = roots.filter(Boolean).map((field) => ({ typename: rootFieldTag(field) }));
      return store.set(key, result, [...entities, ...tags], ttl);
    },
  };
}

export function openResponseCache(config: Pick<Config, 'cache' | 'redisUrl'>): ResponseCache {
  if (!config.cache.enabled) {
    return { store: null, invalidate: async () => {}, close: async () => {} };
  }
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  redis?.on('error', () => {});
  const store = withRootFieldTags(
    redis ? (createRedisCache({ redis }) as unknown as Cache) : createInMemoryCache({ max: config.cache.maxEntries }),
  );
  return {
    store,
    invalidate: async (change) => {
      const entities = invalidationFor(change);
      if (entities.length) await store.invalidate(entities);
    },
    close: async () => {
      redis?.disconnect();
    },
  };
}

/** Root fields per document text; clients repeat the same few documents. */
function rootFieldCache(limit = 1_000) {
  const byDocument = new Map<string, string[]>();
  return (documentString: string, operationName: string | null | undefined): string[] => {
    const key = `${operationName ?? ''}\u0000${documentString}`;
    let roots = byDocument.get(key);
    if (!roots) {
      try {
        roots = rootFieldNames(parse(documentString), operationName);
      } catch {
        roots = []; // not parseable: it will fail validation and never be cached
      }
      if (byDocument.size >= limit) byDocument.delete(byDocument.keys().next().value as string);
      byDocument.set(key, roots);
    }
    return roots;
  };
}

/** The response-cache plugin for a cache that is on. */
export function useCachedResponses(cache: ResponseCache, options: { ttlMs: number; debug: boolean }): Plugin[] {
  if (!cache.store) return [];
  const rootsOf = rootFieldCache();
  return [
    useResponseCache({
      cache: cache.store,
      session: () => null,
      ttl: options.ttlMs,
      // Every mutation invalidates exactly what it changed (commitAndInvalidate); the plugin's
      // own pass over mutation results would only do it a second time.
      invalidateViaMutation: false,
      // Shows whether an answer came from the cache; cost and statement counts describe its first run.
      includeExtensionMetadata: options.debug,
      // The key is built before parsing (a hit skips parse, validation and execution), so the
      // root fields are read from the document text here.
      buildResponseCacheKey: async ({ request: _request, ...params }) =>
        `${ROOTS_PREFIX}${rootsOf(params.documentString, params.operationName).join(',')}|${await defaultBuildResponseCacheKey(params)}`,
    }),
    { onDispose: () => cache.close() },
  ];
}
