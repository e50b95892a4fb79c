// The response cache serves repeated reads and never serves what a write made stale, in one
// instance (in memory) and across instances sharing Redis.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openResponseCache, type ResponseCache } from '../../src/cache/response-cache.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { councilArticle, loadFixtureGraph } from '../support/fixtures.ts';

const TOKEN = 'cache-test-token-0123456789';
const REDIS_URL = 'redis://127.0.0.1:6379/7';
const story = '{ article(slug: "harbor-council-backs-tidal-pilot") { title quotes { nodes { text speaker { ... on Person { name } } } } } }';
const byMarquez = '{ quotes(filter: { speakerName: "marquez" }, first: 5) { totalCount nodes { text } } }';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
});
afterAll(() => database.close());

async function read(app: App, source: string) {
  const result = await execute(app, source);
  expect(result.errors).toBeUndefined();
  return { data: result.data as Record<string, any>, hit: (result.extensions?.responseCache as { hit?: boolean } | undefined)?.hit };
}

async function write(app: App, source: string, variables: Record<string, unknown> = {}) {
  const result = await execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

function cachedApp(cache?: ResponseCache) {
  const config = testConfig({ apiTokens: [TOKEN], cache: { enabled: true, ttlMs: 60_000, maxEntries: 1_000 } });
  return createTestApp(database, { ...config, ...(cache ? {} : {}) }, cache);
}

describe('in one instance', () => {
  test('a repeated read is served from the cache; a write to its entities refreshes it', async () => {
    const app = cachedApp();
    expect((await read(app, story)).hit).toBe(false);
    expect((await read(app, story)).hit).toBe(true);
    const { article } = (await read(app, '{ article(slug: "harbor-council-backs-tidal-pilot") { id } }')).data;
    await write(app, 'mutation($id: ID!) { updateArticle(input: { id: $id, title: "Harbor council backs tidal pilot, again" }) { article { id } } }', { id: article.id });
    const after = await read(app, story);
    expect(after.hit).toBe(false);
    expect(after.data.article.title).toBe('Harbor council backs tidal pilot, again');
  });

  test('a new quote shows up in a cached list of quotes by its speaker', async () => {
    const app = cachedApp();
    const before = await read(app, byMarquez);
    expect((await read(app, byMarquez)).hit).toBe(true);
    const { article } = (await read(app, '{ article(slug: "fishermen-question-turbine-plan") { id body } }')).data;
    const { person } = (await read(app, '{ person(name: "marquez") { id } }')).data;
    const text = 'Fishermen packed the library hall';
    await write(app, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }', {
      input: { article: article.id, text, kind: 'INDIRECT', speaker: person.id, startOffset: article.body.indexOf(text), endOffset: article.body.indexOf(text) + text.length },
    });
    const after = await read(app, byMarquez);
    expect(after.hit).toBe(false);
    expect(after.data.quotes.totalCount).toBe(before.data.quotes.totalCount + 1);
  });

  test('an unrelated write leaves other stories cached', async () => {
    const app = cachedApp();
    await read(app, story);
    await write(app, 'mutation { createPerson(input: { name: "Unrelated Person" }) { person { id } } }');
    expect((await read(app, story)).hit).toBe(true);
  });
});

let redisReachable = false;
try {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
  await probe.connect();
  await probe.flushdb();
  await probe.quit();
  redisReachable = true;
} catch {
  redisReachable = false;
}

describe.skipIf(!redisReachable)('across instances sharing Redis', () => {
  test('a mutation through one instance invalidates the story cached by another', async () => {
    const config = testConfig({ apiTokens: [TOKEN], redisUrl: REDIS_URL, cache: { enabled: true, ttlMs: 60_000, maxEntries: 1_000 } });
    const cacheA = openResponseCache(config);
    const cacheB = openResponseCache(config);
    const a = createTestApp(database, config, cacheA);
    const b = createTestApp(database, config, cacheB);
    try {
      const first = await read(b, story);
      expect((await read(b, story)).hit).toBe(true);
      expect((await read(a, story)).hit).toBe(true);
      const { article } = (await read(a, '{ article(slug: "harbor-council-backs-tidal-pilot") { id } }')).data;
      await write(a, 'mutation($id: ID!) { updateArticle(input: { id: $id, title: "Seen by every instance" }) { article { id } } }', { id: article.id });
      const fresh = await read(b, story);
      expect(fresh.hit).toBe(false);
      expect(fresh.data.article.title).toBe('Seen by every instance');
      expect(first.data.article.title).not.toBe('Seen by every instance');
    } finally {
      await cacheA.close();
      await cacheB.close();
    }
  });

  test('ingestion outside the API invalidates through the shared cache too', async () => {
    const config = testConfig({ redisUrl: REDIS_URL, cache: { enabled: true, ttlMs: 60_000, maxEntries: 1_000 } });
    const cache = openResponseCache(config);
    const app = createTestApp(database, config, cache);
    try {
      await read(app, story);
      expect((await read(app, story)).hit).toBe(true);
      const result = await ingestArticle(database.db, { ...councilArticle, title: 'Re-read by the ingester' }, { url: 'https://example.test/news/council' });
      await cache.invalidate(result.change);
      const fresh = await read(app, story);
      expect(fresh.hit).toBe(false);
    } finally {
      await cache.close();
    }
  });
});
