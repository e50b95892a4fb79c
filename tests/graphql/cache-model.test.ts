// Model-based test of the response cache: generated sequences of every kind of write (each
// mutation, and writes outside the API: the ingester and plain SQL), interleaved with
// generated reads through cached instances — one with memory, two sharing Redis — each read
// compared with an uncached instance on the same database at that moment. The uncached app is
// the model: a cached instance may never answer differently once a write is acknowledged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { openAnswerStore, type AnswerStore } from '../../src/cache/response-cache.ts';
import type { Config } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, testConfig, type GraphQLResponse } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { councilArticle, loadFixtureGraph } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';
import { redisServerAvailable, startRedis, type PrivateRedis } from '../support/redis-server.ts';

const TOKEN = 'cache-model-token-0123456789';

// Small pools, so that generated writes collide: the same names created, aliased, merged.
const NAMES = ['Ada Quill', 'Ben Oduya', 'Cora Lind', 'Quill', 'Elena Márquez', 'Harbor Authority', 'Dock Union'];
const WORDS = ['turbine', 'harbor', 'survey', 'pier', 'Quill', 'council'];
const DATES = [
  '2026-01-10T09:00:00.000Z',
  '2026-01-10T09:00:00.000Z',
  '1999-12-31T23:59:59.999Z',
  '2030-06-01T00:00:00.000Z',
  null,
];

interface Catalog {
  articles: { id: string; slug: string; body: string; quotes: string[]; links: string[] }[];
  people: { id: string; name: string; affiliations: string[] }[];
  organizations: { id: string; name: string }[];
  /** Every id ever seen, deleted ones included: a node that went away must read as null. */
  seen: Set<string>;
}

let database: DatabaseHandle;
let model: App;
let catalogApp: App;
const stores: AnswerStore[] = [];
let instances: { name: string; app: App }[] = [];

// A Redis server of this test's own: the machine's shared one is used by other test runs at the same
// time (CI runs PostgreSQL and PGlite side by side), whose answers for the same fixture graph at the
// same version would land under the same keys.
const redis: PrivateRedis | null = redisServerAvailable() ? await startRedis() : null;

async function readyStore(config: Config): Promise<AnswerStore> {
  const store = openAnswerStore(config)!;
  for (let attempt = 0; store.problem() !== null && attempt < 200; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  stores.push(store);
  return store;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  // Rate limits off: the instances sharing Redis share budgets too, and the model must not be refused.
  const base = {
    apiTokens: [TOKEN],
    cache: { enabled: false, ttlMs: 60_000, maxEntries: 10_000, maxBytes: 1 << 26 },
    rateLimits: { writesPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1_000 },
  };
  model = createTestApp(database, testConfig(base));
  catalogApp = createTestApp(database, testConfig({ ...base, limits: { ...testConfig().limits, cost: 1_000_000 } }));
  const cached = testConfig({ ...base, cache: { ...base.cache, enabled: true } });
  instances = [{ name: 'memory', app: createTestApp(database, cached, await readyStore(cached)) }];
  if (redis) {
    const shared = { ...cached, redisUrl: redis.url };
    instances.push({ name: 'redis-a', app: createTestApp(database, shared, await readyStore(shared)) });
    instances.push({ name: 'redis-b', app: createTestApp(database, shared, await readyStore(shared)) });
  }
});

afterAll(async () => {
  for (const store of stores) await store.close();
  await database.close();
  await redis?.stop();
});

const catalog: Catalog = { articles: [], people: [], organizations: [], seen: new Set() };

async function refreshCatalog(): Promise<void> {
  const result = await execute(
    catalogApp,
    `{ articles(first: 100) { nodes { id slug body quotes(first: 100) { nodes { id } } relatedLinks { id } } }
       people(first: 100) { nodes { id name affiliations { id } } }
       organizations(first: 100) { nodes { id name } } }`,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const data = result.data as any;
  catalog.articles = data.articles.nodes.map((a: any) => ({
    id: a.id,
    slug: a.slug,
    body: a.body,
    quotes: a.quotes.nodes.map((q: any) => q.id),
    links: a.relatedLinks.map((l: any) => l.id),
  }));
  catalog.people = data.people.nodes.map((p: any) => ({
    id: p.id,
    name: p.name,
    affiliations: p.affiliations.map((x: any) => x.id),
  }));
  catalog.organizations = data.organizations.nodes;
  for (const id of [
    ...catalog.articles.flatMap((a) => [a.id, ...a.quotes, ...a.links]),
    ...catalog.people.flatMap((p) => [p.id, ...p.affiliations]),
    ...catalog.organizations.map((o) => o.id),
  ]) {
    catalog.seen.add(id);
  }
}

/** Picks an element by a generated index, or a fallback when the list is empty. */
function pick<T>(list: readonly T[], index: number, fallback: T): T {
  return list.length ? (list[index % list.length] as T) : fallback;
}

const MISSING = 'UGVyc29uOjk5OTk5OQ=='; // a well-formed id of nothing

const idAt = (list: readonly { id: string }[], index: number): string => pick(list, index, { id: MISSING }).id;

// A generated choice is a plain value (indexes, pool entries); it becomes a concrete request
// against the catalog at run time, so shrinking still works on the plain values.
interface Choice {
  i: number;
  j: number;
  name: string;
  word: string;
  date: string | null;
}
const choice: fc.Arbitrary<Choice> = fc.record({
  i: fc.nat(1_000),
  j: fc.nat(1_000),
  name: fc.constantFrom(...NAMES),
  word: fc.constantFrom(...WORDS),
  date: fc.constantFrom(...DATES),
});

type Request = { query: string; variables: Record<string, unknown> };
const mutation = (field: string, input: Record<string, unknown>): Request => ({
  query: `mutation Write($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { __typename } }`,
  variables: { input },
});

function anyEntity(c: Choice): string {
  return c.i % 2 ? idAt(catalog.people, c.j) : idAt(catalog.organizations, c.j);
}

/** Every mutation the API has, each built from a choice. */
const writes: Record<string, (c: Choice) => Request> = {
  createPerson: (c) => mutation('createPerson', { name: c.name }),
  updatePerson: (c) => mutation('updatePerson', { id: idAt(catalog.people, c.i), name: c.name }),
  deletePerson: (c) => mutation('deleteEntity', { id: idAt(catalog.people, c.i) }),
  addAlias: (c) => ({
    ...mutation('alias', { entity: anyEntity(c), alias: c.name }),
    query: 'mutation Write($input: AliasInput!) { addAlias(input: $input) { __typename } }',
  }),
  removeAlias: (c) => ({
    ...mutation('alias', { entity: anyEntity(c), alias: c.name }),
    query: 'mutation Write($input: AliasInput!) { removeAlias(input: $input) { __typename } }',
  }),
  mergePeople: (c) => ({
    query: 'mutation Write($input: MergeInput!) { mergePeople(input: $input) { __typename } }',
    variables: { input: { keep: idAt(catalog.people, c.i), remove: idAt(catalog.people, c.j) } },
  }),
  createOrganization: (c) =>
    mutation('createOrganization', {
      name: `${c.name} Group`,
      ...(c.i % 2 ? { parent: idAt(catalog.organizations, c.j) } : {}),
    }),
  updateOrganization: (c) =>
    mutation('updateOrganization', { id: idAt(catalog.organizations, c.i), parent: idAt(catalog.organizations, c.j) }),
  deleteOrganization: (c) => mutation('deleteEntity', { id: idAt(catalog.organizations, c.i) }),
  mergeOrganizations: (c) => ({
    query: 'mutation Write($input: MergeInput!) { mergeOrganizations(input: $input) { __typename } }',
    variables: { input: { keep: idAt(catalog.organizations, c.i), remove: idAt(catalog.organizations, c.j) } },
  }),
  createArticle: (c) =>
    mutation('createArticle', {
      title: `${c.word} report ${c.i}`,
      body: `${c.name} spoke about the ${c.word}. "We will see," ${c.name} said.`,
      publishedAt: c.date,
      publisher: c.j % 2 ? 'Model Gazette' : null,
    }),
  updateArticle: (c) =>
    mutation('updateArticle', { id: idAt(catalog.articles, c.i), publishedAt: c.date, title: `${c.word} update` }),
  deleteArticle: (c) => mutation('deleteArticle', { id: idAt(catalog.articles, c.i) }),
  createQuote: (c) => {
    const article = pick(catalog.articles, c.i, { id: MISSING, body: 'x', slug: '', quotes: [], links: [] });
    const start = c.j % Math.max(1, article.body.length - 5);
    const end = Math.min(article.body.length, start + 5);
    return mutation('createQuote', {
      article: article.id,
      text: article.body.slice(start, end),
      startOffset: start,
      endOffset: end,
      kind: 'PARTIAL',
      speaker: anyEntity(c),
    });
  },
  updateQuote: (c) =>
    mutation('updateQuote', {
      id: pick(
        catalog.articles.flatMap((a) => a.quotes),
        c.i,
        MISSING,
      ),
      speaker: anyEntity(c),
    }),
  deleteQuote: (c) =>
    mutation('deleteQuote', {
      id: pick(
        catalog.articles.flatMap((a) => a.quotes),
        c.i,
        MISSING,
      ),
    }),
  createAffiliation: (c) =>
    mutation('createAffiliation', {
      person: idAt(catalog.people, c.i),
      organization: idAt(catalog.organizations, c.j),
      role: c.i % 3 ? c.word : null,
    }),
  updateAffiliation: (c) =>
    mutation('updateAffiliation', {
      id: pick(
        catalog.people.flatMap((p) => p.affiliations),
        c.i,
        MISSING,
      ),
      role: c.word,
    }),
  deleteAffiliation: (c) =>
    mutation('deleteAffiliation', {
      id: pick(
        catalog.people.flatMap((p) => p.affiliations),
        c.i,
        MISSING,
      ),
    }),
  createRelatedLink: (c) =>
    mutation('createRelatedLink', {
      article: idAt(catalog.articles, c.i),
      title: `More on the ${c.word}`,
      url: `https://example.test/${c.word}`,
    }),
  updateRelatedLink: (c) =>
    mutation('updateRelatedLink', {
      id: pick(
        catalog.articles.flatMap((a) => a.links),
        c.i,
        MISSING,
      ),
      title: `Still the ${c.word}`,
    }),
  deleteRelatedLink: (c) =>
    mutation('deleteRelatedLink', {
      id: pick(
        catalog.articles.flatMap((a) => a.links),
        c.i,
        MISSING,
      ),
    }),
  ingestArticle: (c) =>
    mutation('ingestArticle', {
      text: `${c.word} plan divides the harbor\n\n"The ${c.word} will wait," said ${c.name}, a spokesperson for the Dock Union.\n\nQuill said the survey was late.`,
      url: c.i % 2 ? `https://example.test/model/${c.j % 5}` : null,
      publishedAt: c.date,
    }),
};
// deletePerson/deleteOrganization share one input type.
writes.deletePerson = (c) => ({
  query: 'mutation Write($input: DeleteEntityInput!) { deletePerson(input: $input) { __typename } }',
  variables: { input: { id: idAt(catalog.people, c.i) } },
});
writes.deleteOrganization = (c) => ({
  query: 'mutation Write($input: DeleteEntityInput!) { deleteOrganization(input: $input) { __typename } }',
  variables: { input: { id: idAt(catalog.organizations, c.i) } },
});

/** Writes that do not go through the API: the ingester (as the CLI runs it) and plain SQL. */
const outsideWrites: Record<string, (c: Choice) => Promise<void>> = {
  ingester: async (c) => {
    await ingestArticle(
      database.db,
      { ...councilArticle, title: `Council, version ${c.i}` },
      { url: 'https://example.test/news/council', publishedAt: c.date ? new Date(c.date) : null },
    );
  },
  psql: async (c) => {
    await database.db.execute(
      sql`update people set description = ${`edited ${c.i}`} where id = (select min(id) from people)`,
    );
  },
};

const personFields =
  'id name aliases description affiliations { id role organization { id name } } quotes(first: 5) { totalCount nodes { id text } }';
const organizationFields =
  'id name aliases parent { id name } children { id name } affiliations { id role person { name } }';

/** Read operations, each built from a choice against the catalog. */
const reads: Record<string, (c: Choice) => Request> = {
  story: (c) => ({
    query: `query($slug: String!) { article(slug: $slug) { id title publishedAt publisher { name } people { name } organizations { name }
      quotes(first: 10) { totalCount nodes { id text kind speaker { __typename ... on Person { ${personFields} } ... on Organization { ${organizationFields} } } } }
      relatedLinks { id title url } } }`,
    variables: {
      slug: pick(
        catalog.articles.map((a) => a.slug),
        c.i,
        'none',
      ),
    },
  }),
  node: (c) => ({
    query: `query($id: ID!) { node(id: $id) { __typename id ... on Person { name aliases } ... on Organization { name children { name } parent { name } }
      ... on Article { title publishedAt } ... on Quote { text speaker { __typename } } ... on Affiliation { role person { name } } ... on RelatedLink { title article { id } } } }`,
    variables: { id: pick([...catalog.seen], c.i, MISSING) },
  }),
  nodes: (c) => ({
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
    variables: { ids: [0, 1, 2].map((k) => pick([...catalog.seen], c.i + k * c.j, MISSING)) },
  }),
  quotesBySpeaker: (c) => ({
    query:
      'query($id: ID) { quotes(filter: { speaker: $id }, first: 10) { totalCount nodes { id text article { title publishedAt } } } }',
    variables: { id: anyEntity(c) },
  }),
  quotesBySpeakerName: (c) => ({
    query:
      'query($name: String) { quotes(filter: { speakerName: $name }, first: 10) { totalCount nodes { id text } } }',
    variables: { name: c.name },
  }),
  quotesByOrganization: (c) => ({
    query: 'query($id: ID) { quotes(filter: { organization: $id }, first: 10) { totalCount nodes { id text } } }',
    variables: { id: idAt(catalog.organizations, c.i) },
  }),
  quotesSearch: (c) => ({
    query:
      'query($q: String) { quotes(filter: { search: $q }, first: 10, orderBy: OLDEST) { totalCount nodes { id text } } }',
    variables: { q: c.word },
  }),
  articlesMentioning: (c) => ({
    query: 'query($id: ID) { articles(filter: { mentions: $id }) { totalCount nodes { id title } } }',
    variables: { id: anyEntity(c) },
  }),
  frontPage: () => ({
    query: '{ articles(first: 10) { totalCount nodes { id title publishedAt quotes(first: 3) { nodes { text } } } } }',
    variables: {},
  }),
  person: (c) => ({
    query: `query($name: String) { person(name: $name) { ${personFields} } }`,
    variables: { name: c.name },
  }),
  organization: (c) => ({
    query: `query($name: String) { organization(name: $name) { ${organizationFields} } }`,
    variables: {
      name:
        c.i % 2
          ? c.name
          : pick(
              catalog.organizations.map((o) => o.name),
              c.j,
              'none',
            ),
    },
  }),
  search: (c) => ({
    query:
      'query($q: String!) { search(query: $q) { people { id name } organizations { id name } articles { id title } } }',
    variables: { q: c.word },
  }),
  lists: () => ({
    query:
      '{ people(first: 20) { totalCount nodes { id name } } organizations(first: 20) { totalCount nodes { id name } } publishers { nodes { name } } }',
    variables: {},
  }),
};

type Step =
  | { kind: 'write'; write: string; via: number; c: Choice }
  | { kind: 'outside'; write: string; c: Choice }
  | { kind: 'read'; read: string; c: Choice; repeat: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      write: fc.constantFrom(...Object.keys(writes)),
      via: fc.nat(2),
      c: choice,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('outside' as const),
      write: fc.constantFrom(...Object.keys(outsideWrites)),
      c: choice,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('read' as const),
      read: fc.constantFrom(...Object.keys(reads)),
      c: choice,
      repeat: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

const comparable = (result: GraphQLResponse) => ({
  data: result.data ?? null,
  errors:
    result.errors?.map((error) => ({ message: error.message, code: error.extensions?.code, path: error.path })) ?? [],
});

test(
  'no cached instance answers differently from the database after any sequence of writes',
  async () => {
    const stats = { sequences: 0, writes: 0, reads: 0, hits: 0 };
    await refreshCatalog();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 25 }), async (steps) => {
        stats.sequences += 1;
        for (const current of steps) {
          if (current.kind === 'write') {
            const { query, variables } = writes[current.write]!(current.c);
            const via = instances[current.via % instances.length]!.app;
            const result = await execute(via, query, variables, { authorization: `Bearer ${TOKEN}` });
            // A write may be refused (a missing id, a merge of a record with itself); never a crash.
            expect(result.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
            stats.writes += 1;
            await refreshCatalog();
          } else if (current.kind === 'outside') {
            await outsideWrites[current.write]!(current.c);
            stats.writes += 1;
            await refreshCatalog();
          } else {
            const { query, variables } = reads[current.read]!(current.c);
            const expected = comparable(await execute(model, query, variables));
            for (let round = 0; round < current.repeat; round++) {
              for (const instance of instances) {
                const answer = await execute(instance.app, query, variables);
                if ((answer.extensions?.responseCache as { hit?: boolean } | undefined)?.hit) stats.hits += 1;
                stats.reads += 1;
                expect({ instance: instance.name, read: current.read, ...comparable(answer) }).toEqual({
                  instance: instance.name,
                  read: current.read,
                  ...expected,
                });
              }
            }
          }
        }
      }),
      { numRuns: runs(20) },
    );
    // The property means something only if the cache answered a good share of the reads.
    expect(stats.hits).toBeGreaterThan(stats.reads / 4);
    console.info(`cache model: ${JSON.stringify({ ...stats, instances: instances.map((instance) => instance.name) })}`);
  },
  30 * 60_000,
);

// Side by side: writes run while cached instances are reading (and filling the cache with
// whatever they saw mid-write). Once every write is acknowledged, every read must agree with the
// database — an answer read during a write must never outlive it.
test(
  'reads that race writes leave nothing stale once the writes are acknowledged',
  async () => {
    let compared = 0;
    await refreshCatalog();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ write: fc.constantFrom(...Object.keys(writes)), c: choice }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.record({ read: fc.constantFrom(...Object.keys(reads)), c: choice }), {
          minLength: 2,
          maxLength: 8,
        }),
        async (batch, probes) => {
          const requests = probes.map((probe) => reads[probe.read]!(probe.c));
          const racing = Promise.all(
            requests.flatMap((request) =>
              instances.map((instance) => execute(instance.app, request.query, request.variables)),
            ),
          );
          await Promise.all(
            batch.map(({ write, c }, index) => {
              const { query, variables } = writes[write]!(c);
              return execute(instances[index % instances.length]!.app, query, variables, {
                authorization: `Bearer ${TOKEN}`,
              });
            }),
          );
          await racing;
          for (const request of requests) {
            const expected = comparable(await execute(model, request.query, request.variables));
            for (const instance of instances) {
              compared += 1;
              expect({
                instance: instance.name,
                ...comparable(await execute(instance.app, request.query, request.variables)),
              }).toEqual({
                instance: instance.name,
                ...expected,
              });
            }
          }
          await refreshCatalog();
        },
      ),
      { numRuns: runs(15) },
    );
    expect(compared).toBeGreaterThan(0);
  },
  30 * 60_000,
);

/**
 * Two apps, one on each database, share one Redis; one write on each, with different names,
 * moves both version counters alike. Each must still answer the same query from its own database.
 */
async function expectEachAnswersFromItsOwn(here: DatabaseHandle, there: DatabaseHandle): Promise<void> {
  const config = testConfig({
    cache: { enabled: true, ttlMs: 60_000, maxEntries: 10_000, maxBytes: 1 << 26 },
    redisUrl: redis!.url,
  });
  const hereApp = createTestApp(here, config, await readyStore(config));
  const thereApp = createTestApp(there, config, await readyStore(config));
  await here.db.execute(sql`insert into people (slug, name) values ('only-here', 'Only Here')`);
  await there.db.execute(sql`insert into people (slug, name) values ('only-there', 'Only There')`);
  const query = '{ people(first: 10) { nodes { name } } }';
  const first = await execute(hereApp, query);
  expect(first.data?.people.nodes).toEqual([{ name: 'Only Here' }]);
  const second = await execute(thereApp, query);
  expect(second.data?.people.nodes).toEqual([{ name: 'Only There' }]);
}

// Two deployments on two databases, misconfigured to share one Redis database: each database counts
// its graph versions from the same start, so equal counters must still not make one database's
// cached answer current for the other.
test.runIf(redisServerAvailable())(
  'instances on two databases sharing one Redis each answer from their own database',
  async () => {
    // Two databases in the same state (copies of one migrated template, or two fresh embedded ones).
    const fresh = async () => {
      if (process.env.TEST_DATABASE_URL) return openTestDatabase();
      const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://' });
      await migrateDatabase(handle);
      return handle;
    };
    const [here, there] = await Promise.all([fresh(), fresh()]);
    try {
      await expectEachAnswersFromItsOwn(here, there);
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
  },
  60_000,
);

// Two embedded deployments whose data directories are copies of one (a demo directory copied twice,
// a backup restored beside the original): the copies share the cluster's system identifier and the
// database's oid, so what names the database must also tell the copies apart. Embedded only by
// nature, so it runs in the PostgreSQL run of the suite too.
test.runIf(redisServerAvailable())(
  'embedded instances on two copies of one data directory sharing one Redis each answer from their own copy',
  async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-copies-'));
    // The original: a migrated data directory on disk (from the run's migrated snapshot).
    const original = await openDatabase({
      driver: 'pglite',
      dataDir: path.join(folder, 'original'),
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteSnapshot'))]),
    });
    await original.close();
    for (const copy of ['here', 'there'])
      fs.cpSync(path.join(folder, 'original'), path.join(folder, copy), { recursive: true });
    const open = (copy: string) => openDatabase({ driver: 'pglite', dataDir: path.join(folder, copy) });
    const [here, there] = await Promise.all([open('here'), open('there')]);
    try {
      await expectEachAnswersFromItsOwn(here, there);
    } finally {
      await Promise.all([here.close(), there.close()]);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
  60_000,
);
