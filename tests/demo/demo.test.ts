// The demo graph a new user sees on first start, and the example operations GraphiQL opens
// with: they must keep working together.
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { demoArticleFiles, seedDemo, seedDemoIfEmpty } from '../../src/demo/seed.ts';
import { exampleOperations } from '../../src/graphql/examples.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, query } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';

const silent = pino({ level: 'silent' });
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoIfEmpty(database, silent);
  app = createTestApp(database);
});
afterAll(() => database.close());

test('the demo articles are loaded on an empty database', async () => {
  const { data } = await query(app, '{ articles { totalCount } quotes(first: 0) { totalCount } }');
  expect(data.articles.totalCount).toBe(demoArticleFiles().length);
  expect(data.quotes.totalCount).toBeGreaterThan(40);
});

test('every example operation runs against the demo graph and finds something', async () => {
  for (const example of exampleOperations) {
    const { data, statements } = await query(app, example);
    const roots = Object.values(data as Record<string, unknown>);
    expect(
      roots.every((root) => root !== null),
      example.split('\n')[0],
    ).toBe(true);
    expect(statements).toBeGreaterThan(0);
  }
});

test('the demo shows one person quoted across articles under different forms of the name', async () => {
  const { data } = await query(
    app,
    '{ person(name: "Marquez") { name aliases articles { totalCount } quotes { totalCount } } }',
  );
  expect(data.person.name).toBe('Elena Márquez');
  expect(data.person.articles.totalCount).toBeGreaterThanOrEqual(4);
  expect(data.person.quotes.totalCount).toBeGreaterThanOrEqual(5);
});

test('an unnamed spokesperson speaks for an organization', async () => {
  const { data } = await query(
    app,
    '{ quotes(filter: { search: "mariners notice" }) { nodes { speakerLabel speaker { __typename ... on Organization { name } } } } }',
  );
  expect(data.quotes.nodes[0]).toEqual({
    speakerLabel: 'the spokeswoman',
    speaker: { __typename: 'Organization', name: 'Port Calder Harbor Authority' },
  });
});

test('seeding again changes nothing', async () => {
  const before = await query(
    app,
    '{ articles { totalCount } people { totalCount } organizations { totalCount } quotes(first: 0) { totalCount } }',
  );
  await seedDemo(database, silent);
  const after = await query(
    app,
    '{ articles { totalCount } people { totalCount } organizations { totalCount } quotes(first: 0) { totalCount } }',
  );
  expect(after.data).toEqual(before.data);
});
