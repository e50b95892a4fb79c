// Runs once per test run. Creating and migrating a database is the slow part (seconds for
// PGlite), so it happens here once; each test file then starts from a copy:
// - PGlite: a dump of the migrated data directory, loaded into a fresh in-memory instance;
// - PostgreSQL (TEST_DATABASE_URL): a migrated template database, cloned per file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string | null;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-test-'));
  const snapshot = path.join(snapshotDir, 'migrated.tar');
  const pglite = await openDatabase({ driver: 'pglite', dataDir: 'memory://' });
  await migrateDatabase(pglite);
  const dump = await pglite.dump!();
  fs.writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshot', snapshot);

  const serverUrl = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (serverUrl) {
    template = `quotegraph_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const handle = await openDatabase({ driver: 'postgres', url: withDatabase(serverUrl, template), poolSize: 1 });
    await migrateDatabase(handle);
    await handle.close();
    await admin.end();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    fs.rmSync(snapshotDir, { recursive: true, force: true });
    if (serverUrl && template) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`quotegraph_test_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
