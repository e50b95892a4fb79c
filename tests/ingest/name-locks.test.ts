// Editing a person's names while an ingest resolves a name to that person: the two must come
// out as if one had run after the other. Each case forces the interleaving that loses a write
// when the edit takes no name locks: a third transaction holds the person's row, the edit queues
// for it first, and the ingest — which has already read the person, if nothing stops it — queues
// behind the edit and then writes its stale copy of the names over the edit's. With the name
// locks the ingest waits before it reads, and reads the edit's result. Nothing is timed: each
// step waits until PostgreSQL reports the expected number of waiting transactions.
// PostgreSQL only: PGlite has one connection, so its transactions never overlap.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { writeRetries } from '../../src/store/transaction.ts';
import { createTestApp, execute, testConfig, type GraphQLResponse } from '../support/app.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';

const TOKEN = 'test-write-token-name-locks-0123';
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, {
    apiTokens: [TOKEN],
    rateLimits: { ...testConfig().rateLimits, writesPerMinute: 1_000_000 },
  });
});
afterAll(() => database.close());

const INGEST = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }';
const CREATE_PERSON =
  'mutation($name: String!, $aliases: [String!]) { createPerson(input: { name: $name, aliases: $aliases }) { person { id } } }';

function send(source: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  return execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}

/** Until `count` transactions of this database wait for a lock. */
async function untilWaiting(count: number): Promise<void> {
  const waiting = sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
  for (let i = 0; i < 800 && (await rows<{ n: number }>(waiting))[0]!.n < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect((await rows<{ n: number }>(waiting))[0]!.n).toBe(count);
}

/**
 * Runs `edit` and an ingest of an article quoting `quotedAs` against the person `personId`, the
 * edit queued first on the person's row, and returns both answers.
 */
async function editBesideIngest(personId: number, edit: () => Promise<GraphQLResponse>, quotedAs: string, url: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const blocker = database.db.transaction(async (tx) => {
    await tx.execute(sql`select id from people where id = ${personId} for update`);
    holding();
    await released;
  });
  await held;
  const edited = edit();
  await untilWaiting(1);
  const ingested = send(INGEST, {
    input: {
      url,
      text: `Harbour news\n\n"The nets are full again," said ${quotedAs}, who spoke on Monday.\n\nThe season runs to May.`,
    },
  });
  await untilWaiting(2);
  release();
  await blocker;
  return Promise.all([edited, ingested]);
}

async function person(id: number) {
  const [row] = await rows<{ name: string; aliases: string[] }>(sql`select name, aliases from people where id = ${id}`);
  return row;
}

describe.skipIf(testDriver === 'pglite')('name edits beside an ingest of the same name', () => {
  beforeAll(async () => {
    // Loads the extractor, so that each ingest below reaches the database at once.
    await send(INGEST, { input: { text: 'Warm-up\n\n"Ready," said Kari Nord.' } });
  });

  async function createPerson(name: string, aliases: string[] = []): Promise<{ globalId: string; id: number }> {
    const globalId = (await send(CREATE_PERSON, { name, aliases })).data?.createPerson.person.id as string;
    const [row] = await rows<{ id: number }>(sql`select id from people where name = ${name} order by id desc limit 1`);
    return { globalId, id: row!.id };
  }

  test('addAlias: the person keeps the added alias and the one the article taught', async () => {
    const { globalId, id } = await createPerson('Sunniva Brekke');
    const answers = await editBesideIngest(
      id,
      () =>
        send('mutation($id: ID!) { addAlias(input: { entity: $id, alias: "Sunny Brekke" }) { __typename } }', {
          id: globalId,
        }),
      'Sunniva K. Brekke',
      'https://example.test/name-locks/add-alias',
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect((await person(id))?.aliases.sort()).toEqual(['Sunniva K. Brekke', 'Sunny Brekke']);
  });

  test('removeAlias: the removed alias stays removed', async () => {
    const { globalId, id } = await createPerson('Halvard Nesse', ['Hal Nesse']);
    const answers = await editBesideIngest(
      id,
      () =>
        send('mutation($id: ID!) { removeAlias(input: { entity: $id, alias: "Hal Nesse" }) { __typename } }', {
          id: globalId,
        }),
      'Halvard T. Nesse',
      'https://example.test/name-locks/remove-alias',
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect((await person(id))?.aliases).toEqual(['Halvard T. Nesse']);
  });

  test('updatePerson: the new name stands, and the ingest finds the person by the old one', async () => {
    const { globalId, id } = await createPerson('Maren Tollefsen');
    const answers = await editBesideIngest(
      id,
      () =>
        send(
          'mutation($id: ID!) { updatePerson(input: { id: $id, name: "Maren Tollefsen-Lie" }) { person { name } } }',
          { id: globalId },
        ),
      'Maren B. Tollefsen',
      'https://example.test/name-locks/update-person',
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(await person(id)).toEqual({
      name: 'Maren Tollefsen-Lie',
      aliases: ['Maren Tollefsen', 'Maren B. Tollefsen'],
    });
    const [speaker] = await rows<{ speaker_person_id: number }>(sql`
      select q.speaker_person_id from quotes q join articles a on a.id = q.article_id
      where a.url = 'https://example.test/name-locks/update-person'`);
    expect(speaker?.speaker_person_id).toBe(id);
  });

  // The outcome alone would be right even without the lock: the ingest's quote would then fail its
  // foreign key and the whole ingest run again (a retry counted by writeRetries). With the lock the
  // ingest waits before it reads, and never needs the retry.
  test('deletePerson: the ingest quotes a person that exists, without a retry', async () => {
    const { globalId, id } = await createPerson('Eirik Solbakk');
    const retriesBefore = totalRetries();
    const answers = await editBesideIngest(
      id,
      () => send('mutation($id: ID!) { deletePerson(input: { id: $id }) { deletedId } }', { id: globalId }),
      'Eirik J. Solbakk',
      'https://example.test/name-locks/delete-person',
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(await person(id)).toBeUndefined();
    const [speaker] = await rows<{ name: string }>(sql`
      select p.name from quotes q join articles a on a.id = q.article_id join people p on p.id = q.speaker_person_id
      where a.url = 'https://example.test/name-locks/delete-person'`);
    expect(speaker?.name).toBe('Eirik J. Solbakk');
    expect(totalRetries()).toBe(retriesBefore);
  });
});

function totalRetries(): number {
  return [...writeRetries().values()].reduce((sum, count) => sum + count, 0);
}
