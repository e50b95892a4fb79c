// The response cache serves repeated reads and never an answer that a committed write has made
// different from the database's — in one instance, across instances sharing Redis, for writes
// made through the API, by the ingester, or in plain SQL — and it never stores or replays a write.
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAnswerStore, type AnswerStore } from '../../src/cache/response-cache.ts';
import type { Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { councilArticle, loadFixtureGraph } from '../support/fixtures.ts';
import { redisServerAvailable, startRedis } from '../support/redis-server.ts';

const TOKEN = 'cache-test-token-0123456789';
const story =
  '{ article(slug: "harbor-council-backs-tidal-pilot") { title quotes { nodes { text speaker { ... on Person { name } } } } } }';
const byMarquez = '{ quotes(filter: { speakerName: "marquez" }, first: 5) { totalCount nodes { text } } }';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
});
afterAll(() => database.close());

function cacheConfig(overrides: Partial<Config['cache']> = {}, extra: Partial<Config> = {}): Config {
  return testConfig({
    apiTokens: [TOKEN],
    cache: { enabled: true, ttlMs: 60_000, maxEntries: 1_000, maxBytes: 1 << 24, ...overrides },
    ...extra,
  });
}

function cachedApp(config = cacheConfig(), store?: AnswerStore): App {
  return createTestApp(database, config, store);
}

async function read(app: App, source: string, variables: Record<string, unknown> = {}) {
  const result = await execute(app, source, variables);
  expect(result.errors).toBeUndefined();
  return {
    data: result.data as Record<string, any>,
    hit: (result.extensions?.responseCache as { hit?: boolean } | undefined)?.hit,
  };
}

async function write(
  app: App,
  source: string,
  variables: Record<string, unknown> = {},
  headers = { authorization: `Bearer ${TOKEN}` },
) {
  return execute(app, source, variables, headers);
}

async function articleId(app: App, slug: string): Promise<string> {
  return (await read(app, '{ article(slug: $slug) { id } }'.replace('$slug', JSON.stringify(slug)))).data.article.id;
}

describe('in one instance', () => {
  test('a repeated read is served from the cache, and not once a write has committed', async () => {
    const app = cachedApp();
    expect((await read(app, story)).hit).toBe(false);
    expect((await read(app, story)).hit).toBe(true);
    const id = await articleId(app, 'harbor-council-backs-tidal-pilot');
    await write(
      app,
      'mutation($id: ID!) { updateArticle(input: { id: $id, title: "Harbor council backs tidal pilot, again" }) { article { id } } }',
      { id },
    );
    const after = await read(app, story);
    expect(after.hit).toBe(false);
    expect(after.data.article.title).toBe('Harbor council backs tidal pilot, again');
  });

  test('a request without variables and one with `variables: {}` share one answer', async () => {
    const app = cachedApp();
    const send = async (body: object) => {
      const response = await app.fetch('http://quotegraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as {
        errors?: unknown;
        extensions?: { responseCache?: { hit?: boolean } };
      };
      expect(result.errors).toBeUndefined();
      return result.extensions?.responseCache?.hit;
    };
    expect(await send({ query: byMarquez })).toBe(false);
    expect(await send({ query: byMarquez, variables: {} })).toBe(true);
    expect(await send({ query: byMarquez })).toBe(true);
    // Variables that say something still make their own answer.
    expect(await send({ query: byMarquez, variables: { unused: 1 } })).toBe(false);
  });

  test('a write made outside the API — by the ingester, or in plain SQL — is seen at once', async () => {
    const app = cachedApp();
    await read(app, byMarquez);
    expect((await read(app, byMarquez)).hit).toBe(true);
    await ingestArticle(
      database.db,
      { ...councilArticle, title: 'Re-read by the ingester' },
      { url: 'https://example.test/news/council' },
    );
    expect((await read(app, story)).data.article.title).toBe('Re-read by the ingester');

    await read(app, story);
    expect((await read(app, story)).hit).toBe(true);
    await database.db.execute(
      sql`update articles set title = 'Changed in psql' where slug = 'harbor-council-backs-tidal-pilot'`,
    );
    const after = await read(app, story);
    expect(after.hit).toBe(false);
    expect(after.data.article.title).toBe('Changed in psql');
  });

  test('a lookup that found nothing finds the object once it is created', async () => {
    const app = cachedApp();
    const lookup = '{ person(name: "Cached Newcomer") { name } }';
    expect((await read(app, lookup)).data.person).toBeNull();
    expect((await read(app, lookup)).hit).toBe(true);
    await write(app, 'mutation { createPerson(input: { name: "Cached Newcomer" }) { person { id } } }');
    expect((await read(app, lookup)).data.person).toEqual({ name: 'Cached Newcomer' });
  });

  test('a mutation is never stored or replayed: the same request sent again runs again', async () => {
    const app = cachedApp();
    const create = 'mutation { createPerson(input: { name: "Replayed Twice" }) { person { id } } }';
    const first = await write(app, create);
    const second = await write(app, create);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.createPerson.person.id).not.toBe(first.data!.createPerson.person.id);

    const { id } = first.data!.createPerson.person;
    const add = 'mutation($id: ID!) { addAlias(input: { entity: $id, alias: "Twice" }) { ... on Person { aliases } } }';
    const remove =
      'mutation($id: ID!) { removeAlias(input: { entity: $id, alias: "Twice" }) { ... on Person { aliases } } }';
    await write(app, add, { id });
    await write(app, remove, { id });
    const again = await write(app, add, { id });
    expect(again.data!.addAlias.aliases).toContain('Twice');
    const stored = await read(app, '{ person(name: "Replayed Twice") { aliases } }');
    expect(stored.data.person.aliases).toContain('Twice');
  });

  test('the same mutation without a token, or with a wrong one, is refused, not answered from an earlier run', async () => {
    const app = cachedApp();
    const create = 'mutation { createPerson(input: { name: "Only With A Token" }) { person { name } } }';
    expect((await write(app, create)).errors).toBeUndefined();
    for (const headers of [{}, { authorization: 'Bearer not-the-token-at-all' }]) {
      const refused = await write(app, create, {}, headers as { authorization: string });
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.data?.createPerson ?? null).toBeNull();
    }
  });

  test('an answer with errors is not kept', async () => {
    const app = cachedApp();
    const failing = '{ article(slug: "harbor-council-backs-tidal-pilot") { title } node(id: "not-an-id") { id } }';
    await execute(app, failing);
    const again = await execute(app, failing);
    expect(again.errors?.length).toBeGreaterThan(0);
    expect((again.extensions?.responseCache as { hit?: boolean } | undefined)?.hit).not.toBe(true);
  });

  test('memory stays within the configured bytes however many answers there are', async () => {
    const maxBytes = 16 * 1024;
    const store = openAnswerStore(cacheConfig({ maxBytes }))!;
    const app = cachedApp(cacheConfig({ maxBytes }), store);
    const distinct = (i: number) => `{ a${i}: articles(first: 2) { nodes { title } } }`;
    for (let i = 0; i < 200; i++) {
      await read(app, distinct(i));
      expect(store.stats()!.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(store.stats()!.entries).toBeGreaterThan(10);
    // The oldest answers made room for the newest: asked again, they are read afresh.
    expect((await read(app, distinct(0))).hit).toBe(false);
    expect((await read(app, distinct(199))).hit).toBe(true);
    // An answer too large to share the room is not kept at all.
    const large = '{ articles(first: 3) { nodes { body title dek quotes { nodes { text cue speakerLabel } } } } }';
    await read(app, large);
    expect((await read(app, large)).hit).toBe(false);
  });
});

// A Redis server of this file's own, never the machine's shared one: another test run on the same
// machine would write answers for an equal fixture graph under the same keys.
const privateRedis = redisServerAvailable() ? await startRedis() : null;
afterAll(async () => {
  await privateRedis?.stop();
});
const SHARED_REDIS = privateRedis?.url ?? '';

/** Opens a Redis-backed store and waits until it can answer (a cold connection misses at first). */
async function readyStore(config: Config): Promise<AnswerStore> {
  const store = openAnswerStore(config)!;
  for (let attempt = 0; store.problem() !== null; attempt++) {
    if (attempt > 200) throw new Error(`Redis store never became ready: ${store.problem()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return store;
}

describe.skipIf(!privateRedis)('across instances sharing Redis', () => {
  test('a write through one instance is seen by another at once', async () => {
    const config = cacheConfig({}, { redisUrl: SHARED_REDIS });
    const [storeA, storeB] = [await readyStore(config), await readyStore(config)];
    const a = cachedApp(config, storeA);
    const b = cachedApp(config, storeB);
    try {
      await read(b, story);
      expect((await read(b, story)).hit).toBe(true);
      expect((await read(a, story)).hit).toBe(true);
      const id = await articleId(a, 'harbor-council-backs-tidal-pilot');
      await write(
        a,
        'mutation($id: ID!) { updateArticle(input: { id: $id, title: "Seen by every instance" }) { article { id } } }',
        { id },
      );
      const fresh = await read(b, story);
      expect(fresh.hit).toBe(false);
      expect(fresh.data.article.title).toBe('Seen by every instance');
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });

  test('every key expires', async () => {
    const config = cacheConfig({ ttlMs: 30_000 }, { redisUrl: SHARED_REDIS });
    const store = await readyStore(config);
    try {
      await read(cachedApp(config, store), '{ articles(first: 2) { totalCount } }');
      const redis = new Redis(SHARED_REDIS);
      const keys = await redis.keys('quotegraph:*');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
      await redis.quit();
    } finally {
      await store.close();
    }
  });
});

describe('when Redis is away', () => {
  test('an unreachable Redis: reads are answered from the database and /readyz says degraded', async () => {
    const config = cacheConfig({}, { redisUrl: 'redis://127.0.0.1:1/0' });
    const store = openAnswerStore(config)!;
    const app = cachedApp(config, store);
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await read(app, story);
        expect(answer.data.article.title).toBeTruthy();
        expect(answer.hit).not.toBe(true);
      }
      const ready = await app.fetch('http://quotegraph.test/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'degraded', cache: expect.stringContaining('Redis') });
    } finally {
      await store.close();
    }
  });

  test.skipIf(!redisServerAvailable())(
    'a Redis that stalls and comes back serves nothing written before a change made meanwhile',
    async () => {
      const redis = await startRedis();
      const config = cacheConfig({}, { redisUrl: redis.url });
      const store = await readyStore(config);
      const app = cachedApp(config, store);
      try {
        const lookup = '{ person(name: "Written During The Outage") { name } }';
        expect((await read(app, lookup)).data.person).toBeNull();
        expect((await read(app, lookup)).hit).toBe(true);
        await redis.pause(1_500);
        // Redis does not answer: the read goes to the database, the write commits.
        expect((await read(app, lookup)).hit).not.toBe(true);
        await write(app, 'mutation { createPerson(input: { name: "Written During The Outage" }) { person { id } } }');
        await new Promise((resolve) => setTimeout(resolve, 1_600));
        // Redis is back with the old answer still in it; it is not served.
        const after = await read(app, lookup);
        expect(after.data.person).toEqual({ name: 'Written During The Outage' });
        expect((await app.fetch('http://quotegraph.test/readyz')).status).toBe(200);
      } finally {
        await store.close();
        await redis.stop();
      }
    },
  );
});
