// Benchmark datasets: one database per (scale, seed, schema and generator version) in the
// bench cluster, generated once and reused by later runs; and the PGlite equivalent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.ts';
import { planGraph } from '../src/generate/index.ts';
import { storeGraph } from '../src/generate/store.ts';
import type { DatasetInfo } from '../tests/support/workloads.ts';

export type { DatasetInfo };

const here = path.dirname(fileURLToPath(import.meta.url));
export const postgraphileSqlFile = path.join(here, 'sql', 'postgraphile.sql');
const generatorDir = path.resolve(here, '../src/generate');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Changes when the migrations, the generator or the bench's own SQL change. */
export function datasetKey(scale: number, seed: number): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(migrationsFolder).filter((f) => f.endsWith('.sql')),
    ...filesUnder(generatorDir),
    postgraphileSqlFile,
  ]) {
    hash.update(path.basename(file)).update(fs.readFileSync(file));
  }
  hash.update(`${scale}:${seed}`);
  return hash.digest('hex').slice(0, 10);
}

async function describe(sql: postgres.Sql, scale: number, seed: number): Promise<DatasetInfo> {
  const [counts] = await sql<{ articles: number; quotes: number; min: number; max: number }[]>`
    select (select count(*)::int from articles) as articles, (select count(*)::int from quotes) as quotes,
           (select min(id) from articles) as min, (select max(id) from articles) as max`;
  const ids = new Map(
    (await sql<{ id: number; name: string }[]>`select id, name from people`).map((row) => [row.name, row.id]),
  );
  const plan = planGraph(seed, scale);
  return {
    scale,
    seed,
    articles: counts!.articles,
    quotes: counts!.quotes,
    articleIds: { min: counts!.min, max: counts!.max },
    people: plan.entities.people.map((person) => ({
      id: ids.get(person.name) ?? -1,
      name: person.name,
      surname: person.surname,
    })),
  };
}

/** The database for this scale, generating it on first use. Returns its name. */
export async function preparePostgresDataset(
  adminUrl: (database: string) => string,
  scale: number,
  seed: number,
  log: (line: string) => void,
): Promise<{ database: string; info: DatasetInfo; generatedSeconds: number | null }> {
  const database = `qg_${scale}_${seed}_${datasetKey(scale, seed)}`;
  const admin = postgres(adminUrl('postgres'), { max: 1, onnotice: () => {} });
  let generatedSeconds: number | null = null;
  try {
    await admin.unsafe('create extension if not exists pg_stat_statements');
    const [existing] = await admin<{ ready: boolean }[]>`
      select shobj_description(oid, 'pg_database') = 'complete' as ready from pg_database where datname = ${database}`;
    if (!existing?.ready) {
      if (existing) await admin.unsafe(`drop database ${database} with (force)`);
      await admin.unsafe(`create database ${database}`);
      log(`generating ${scale} articles (seed ${seed}) into ${database}`);
      const handle = await openDatabase({ driver: 'postgres', url: adminUrl(database), poolSize: 2 });
      try {
        await migrateDatabase(handle);
        const started = performance.now();
        const summary = await storeGraph(handle.db, planGraph(seed, scale), {
          onProgress: (stored) => {
            if (stored % 20_000 === 0) log(`  ${stored} articles`);
          },
        });
        generatedSeconds = (performance.now() - started) / 1000;
        log(`  generated ${summary.articles} articles, ${summary.quotes} quotes in ${generatedSeconds.toFixed(1)} s`);
      } finally {
        await handle.close();
      }
      const db = postgres(adminUrl(database), { max: 1, onnotice: () => {} });
      try {
        await db.unsafe(fs.readFileSync(postgraphileSqlFile, 'utf8'));
        log('  vacuum analyze');
        await db.unsafe('vacuum analyze');
      } finally {
        await db.end();
      }
      await admin.unsafe(`comment on database ${database} is 'complete'`);
    } else {
      log(`reusing ${database}`);
    }
  } finally {
    await admin.end();
  }
  const db = postgres(adminUrl(database), { max: 1, onnotice: () => {} });
  try {
    return { database, info: await describe(db, scale, seed), generatedSeconds };
  } finally {
    await db.end();
  }
}

/** A PGlite data directory holding the dataset, generated on first use. */
export async function preparePgliteDataset(
  root: string,
  scale: number,
  seed: number,
  log: (line: string) => void,
): Promise<{ dataDir: string; generatedSeconds: number | null }> {
  const dataDir = path.join(root, `pglite_${scale}_${seed}_${datasetKey(scale, seed)}`);
  const marker = path.join(root, `pglite_${scale}_${seed}_${datasetKey(scale, seed)}.complete`);
  if (fs.existsSync(marker)) {
    log(`reusing ${dataDir}`);
    return { dataDir, generatedSeconds: null };
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  log(`generating ${scale} articles (seed ${seed}) into PGlite at ${dataDir}`);
  const handle = await openDatabase({ driver: 'pglite', dataDir });
  let generatedSeconds: number;
  try {
    await migrateDatabase(handle);
    const started = performance.now();
    const summary = await storeGraph(handle.db, planGraph(seed, scale));
    generatedSeconds = (performance.now() - started) / 1000;
    log(`  generated ${summary.articles} articles, ${summary.quotes} quotes in ${generatedSeconds.toFixed(1)} s`);
    await handle.db.execute(sql`vacuum analyze`);
  } finally {
    await handle.close();
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return { dataDir, generatedSeconds };
}
