// Queries read from a streaming replica; writes, reads inside a mutation and subscriptions go to
// the primary; a client that has just written reads its write; a replica that is down costs no
// query. The
// test starts its own primary and a replica of it (pg_basebackup -R) on free ports, and proves
// where a read went by pausing the replica's replay: a read that misses a committed write came
// from the replica.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { LSN_HEADER, MIN_LSN_HEADER } from '../../src/http/plugins/read-replicas.ts';
import type { App } from '../../src/server.ts';
import pino from 'pino';
import { createApp } from '../../src/server.ts';
import { testConfig } from '../support/app.ts';
import { subscribe } from '../support/event-stream.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';
import { createCluster, postgresBinaries, type PgCluster } from '../support/pg-cluster.ts';

const binaries = postgresBinaries() !== null;
const postgresRun = !!process.env.TEST_DATABASE_URL;
if (!postgresRun || !binaries) {
  console.warn(
    `tests/replica skipped: ${
      postgresRun
        ? 'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found; set QUOTEGRAPH_PG_BIN'
        : 'a PostgreSQL-only test (it starts its own primary and replica); runs when TEST_DATABASE_URL is set'
    }`,
  );
}

const TOKEN = 'replica-test-token-5d1e8a2c7f';
const WRITER = { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '10.0.0.1' };
const OTHER = { 'x-forwarded-for': '10.0.0.2' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { sql?: { compiled?: boolean } };
}

async function post(
  app: App,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ body: Answer; headers: Headers }> {
  const response = await app.fetch('http://quotegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as Answer, headers: response.headers };
}

// Both read paths: the compiled one-statement path and plugin-drizzle's resolvers.
const COMPILED = `query Found($search: String!) { person(name: $search) { name } }`;
const RESOLVED = `query Found($search: String!) { people(filter: { search: $search }, first: 5) { totalCount nodes { name __typename } } search(query: $search, first: 5) { people { name } } }`;
const CREATE = `mutation Create($name: String!) { createPerson(input: { name: $name }) { person { id name } } }`;

describe.skipIf(!postgresRun || !binaries)('read replicas', () => {
  let primary: PgCluster;
  let replica: PgCluster;
  let replicaAdmin: postgres.Sql;
  let database: DatabaseHandle;
  let app: App;
  const opened: DatabaseHandle[] = [];
  const logLines: { msg: string }[] = [];

  const found = async (query: string, search: string, headers: Record<string, string>) => {
    const { body } = await post(app, query, { search }, headers);
    expect(body.errors).toBeUndefined();
    const { person, people } = body.data as {
      person?: { name: string } | null;
      people?: { nodes: { name: string }[] };
    };
    return people ? people.nodes.map(({ name }) => name) : person ? [person.name] : [];
  };

  const create = async (name: string) => {
    const { body, headers } = await post(app, CREATE, { name }, WRITER);
    // Read inside the mutation: on the primary, or the replica (paused) would not have the row.
    expect(body.errors).toBeUndefined();
    expect(body.data!.createPerson.person.name).toBe(name);
    return headers.get(LSN_HEADER);
  };

  const replayUntilSeen = async (name: string) => {
    for (let tries = 0; tries < 100; tries++) {
      if ((await found(COMPILED, name, OTHER)).includes(name)) return;
      await sleep(50);
    }
    throw new Error(`the replica never replayed ${name}`);
  };

  beforeAll(async () => {
    primary = await createCluster({ settings: { wal_level: 'replica', max_wal_senders: 4 } });
    const setup = postgres(primary.url(), { max: 1, onnotice: () => {} });
    await setup`create database quotegraph`;
    await setup.end();
    const primaryHandle = await openDatabase({ driver: 'postgres', url: primary.url('quotegraph'), poolSize: 4 });
    opened.push(primaryHandle);
    await migrateDatabase(primaryHandle);
    await loadFixtureGraph(primaryHandle);
    replica = await createCluster({ replicaOf: primary });
    const replicaHandle = await openDatabase({ driver: 'postgres', url: replica.url('quotegraph'), poolSize: 4 });
    opened.push(replicaHandle);
    replicaAdmin = postgres(replica.url('quotegraph'), { max: 1, onnotice: () => {} });
    database = { ...primaryHandle, readReplicas: [{ name: 'replica', handle: replicaHandle }] };
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    app = createApp({
      config: testConfig({ apiTokens: [TOKEN], trustProxy: true, readYourWritesMs: 60_000 }),
      database,
      logger,
    });
  });

  afterAll(async () => {
    await app?.dispose();
    await replicaAdmin?.end({ timeout: 1 });
    for (const handle of opened) await handle.close();
    replica?.destroy();
    primary?.destroy();
  });

  test('the replica is a hot standby that has the fixture graph', async () => {
    const [row] = await replicaAdmin`select pg_is_in_recovery() as recovering`;
    expect(row?.recovering).toBe(true);
    await replayUntilSeen('Elena Márquez');
  });

  test.each([
    ['compiled', COMPILED],
    ['resolved', RESOLVED],
  ])('with replay paused, a %s query of another client misses the write, the writer reads it', async (path, query) => {
    const name = `Replica Probe ${path}`;
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      const lsn = await create(name);
      expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const { body } = await post(app, query, { search: name }, OTHER);
      expect(body.extensions?.sql?.compiled).toBe(path === 'compiled');
      // Read on the replica, which has not replayed the write: stale, as a replica may be.
      expect(await found(query, name, OTHER)).toEqual([]);
      // The writer reads its own write (the replica is behind its position: the primary answers).
      expect(await found(query, name, WRITER)).toEqual([name]);
      // Another client (another process of the same user) that sends the position back reads it too.
      expect(await found(query, name, { ...OTHER, [MIN_LSN_HEADER]: lsn! })).toEqual([name]);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
    // Once replayed, everyone reads it from the replica.
    await replayUntilSeen(name);
  });

  test('a subscription reads on the primary: it gets a quote the paused replica has not replayed', async () => {
    // Subscribed by the client that does not write, which queries on the replica.
    const stream = await subscribe(app, 'subscription { quoteAdded { text } }', {}, OTHER);
    const text = 'The lifeboat crew trained through the storm,';
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      const { body } = await post(
        app,
        'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { quotes { text } } }',
        {
          input: {
            url: 'https://news.example/replica/live',
            text: `Lifeboat drill\n\n"${text}" said Skipper Ana Roth.`,
          },
        },
        WRITER,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.ingestArticle.quotes).toEqual([{ text: expect.stringContaining('lifeboat crew') }]);
      // The subscription narrows each announcement and loads its quotes with a read: on the replica
      // (which has not replayed the write) it would find nothing and send nothing.
      const event = await Promise.race([stream.next(), sleep(10_000).then(() => 'no event within 10 s')]);
      expect(event).toEqual({ data: { quoteAdded: { text: expect.stringContaining('lifeboat crew') } } });
      // The same client's query does go to the replica, which still lacks it.
      const { body: search } = await post(
        app,
        `{ quotes(filter: { search: "lifeboat" }, first: 5) { totalCount } }`,
        {},
        OTHER,
      );
      expect(search.data?.quotes.totalCount).toBe(0);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
      await stream.close();
    }
  });

  test("the response cache keeps a lagging replica's answer under the replica's graph version", async () => {
    const cached = createApp({
      config: testConfig({
        apiTokens: [TOKEN],
        trustProxy: true,
        readYourWritesMs: 60_000,
        cache: { enabled: true, ttlMs: 60_000, maxEntries: 100, maxBytes: 1 << 20 },
      }),
      database,
    });
    const name = 'Replica Cache Probe';
    const names = async (headers: Record<string, string>) => {
      const { body } = await post(cached, COMPILED, { search: name }, headers);
      expect(body.errors).toBeUndefined();
      return body.data?.person ? [body.data.person.name] : [];
    };
    try {
      await replicaAdmin`select pg_wal_replay_pause()`;
      try {
        expect((await post(cached, CREATE, { name }, WRITER)).body.errors).toBeUndefined();
        // Stale from the replica, and cached with the version the replica has replayed...
        expect(await names(OTHER)).toEqual([]);
        // ...so the writer, reading at the primary's newer version, is not served that stale answer.
        expect(await names(WRITER)).toEqual([name]);
      } finally {
        await replicaAdmin`select pg_wal_replay_resume()`;
      }
    } finally {
      await cached.dispose();
    }
  });

  test('a min-LSN header that is not a WAL position is refused', async () => {
    const { body } = await post(app, COMPILED, { search: 'x' }, { ...OTHER, [MIN_LSN_HEADER]: 'yesterday' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  test('a replica query cancelled by a recovery conflict is answered by the primary, and the replica stays in use', async () => {
    // The replica cancels a conflicting query at once instead of holding its replay back.
    await replicaAdmin`alter system set max_standby_streaming_delay = 0`;
    await replicaAdmin`select pg_reload_conf()`;
    const holder = postgres(primary.url('quotegraph'), { max: 1, onnotice: () => {} });
    const locker = postgres(primary.url('quotegraph'), { max: 1, onnotice: () => {} });
    const until = async (what: string, check: () => Promise<boolean>) => {
      for (let tries = 0; tries < 200; tries++) {
        if (await check()) return;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    const waitingForPeople = async () =>
      (await replicaAdmin`select 1 from pg_locks where relation = 'people'::regclass and not granted`).length > 0;
    // The clusters commit asynchronously: a commit that waits for its flush ships what came before it.
    const shipWal = () =>
      locker.begin(async (tx) => {
        await tx`set local synchronous_commit = on`;
        await tx`select txid_current()`;
      });
    const STORY = `{ articles(first: 3) { nodes { title quotes(first: 2) { nodes { text speaker { __typename ... on Person { name } } } } } } }`;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held: Promise<unknown> = Promise.resolve();
    try {
      // The primary locks people, and the replica's replay takes that lock too: a query there
      // that reads people waits, holding its lock on articles, which it read first.
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      held = holder.begin(async (tx) => {
        await tx`lock table people in access exclusive mode`;
        locked();
        await released;
      });
      await lockTaken;
      await shipWal();
      await until(
        'the replica to replay the lock on people',
        async () =>
          (
            await replicaAdmin`select 1 from pg_locks where relation = 'people'::regclass and mode = 'AccessExclusiveLock' and granted`
          ).length === 1,
      );
      const answer = post(app, STORY, {}, OTHER);
      await until(
        'the query on the replica to wait for people',
        async () =>
          (await replicaAdmin`select 1 from pg_locks where relation = 'people'::regclass and not granted`).length === 1,
      );
      // Now a lock on articles: its replay conflicts with the waiting query, which is cancelled.
      await locker.begin((tx) => tx`lock table articles in access exclusive mode`);
      await shipWal();
      await until('the replica to cancel the query', async () => !(await waitingForPeople()));
      // The primary answers once its own lock on people is gone.
      release();
      await held;
      const { body } = await answer;
      expect(body.errors).toBeUndefined();
      expect(body.data?.articles.nodes.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => line.msg.startsWith('read replica cancelled a query'))).toHaveLength(1);
      // A conflict is not an outage: the replica is not set aside (nothing logged), and answers next.
      expect(logLines.filter((line) => line.msg.startsWith('read replica unavailable'))).toEqual([]);
      await shipWal();
      await until(
        'the replica to replay the release of the lock on people',
        async () =>
          (
            await replicaAdmin`select 1 from pg_locks where relation = 'people'::regclass and mode = 'AccessExclusiveLock'`
          ).length === 0,
      );
      await replicaAdmin`select pg_wal_replay_pause()`;
      try {
        const name = 'Replica After Conflict Probe';
        await create(name);
        expect(await found(COMPILED, name, OTHER)).toEqual([]);
      } finally {
        await replicaAdmin`select pg_wal_replay_resume()`;
      }
    } finally {
      release();
      await held.catch(() => {});
      await holder.end({ timeout: 1 });
      await locker.end({ timeout: 1 });
      await replicaAdmin`alter system reset max_standby_streaming_delay`;
      await replicaAdmin`select pg_reload_conf()`;
    }
  });

  test('a replica that is down costs no query: reads go to the primary', async () => {
    await replica.stop('immediate');
    const name = 'Replica Down Probe';
    await create(name);
    for (const query of [COMPILED, RESOLVED]) {
      // Fresh from the primary, not stale and not an error.
      expect(await found(query, name, OTHER)).toEqual([name]);
      expect(await found(query, 'Elena Márquez', OTHER)).toEqual(['Elena Márquez']);
    }
    // Tried again after a while (still down: the primary answers again)...
    await sleep(2_100);
    expect(await found(COMPILED, name, OTHER)).toEqual([name]);
    // ...and said once per outage, not once per query or per try.
    expect(logLines.filter((line) => line.msg.startsWith('read replica unavailable'))).toHaveLength(1);
  });
});
