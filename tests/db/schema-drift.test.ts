// The drizzle schema (src/db/schema.ts) and the migrations in drizzle/ must describe the same
// database: a column added to one and not the other would pass every test run on migrated
// databases and fail only where the schema's types meet real rows. drizzle-kit generates into a
// copy of drizzle/; any new migration it writes is drift.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

test('the migrations in drizzle/ match src/db/schema.ts (drizzle-kit generates nothing new)', async () => {
  const copy = await mkdtemp(path.join(tmpdir(), 'quotegraph-drift-'));
  try {
    await cp(path.join(root, 'drizzle'), copy, { recursive: true });
    const before = (await readdir(copy)).sort();
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules/drizzle-kit/bin.cjs'),
        'generate',
        '--dialect',
        'postgresql',
        '--schema',
        './src/db/schema.ts',
        '--out',
        copy,
      ],
      { cwd: root, timeout: 60_000 },
    );
    const after = (await readdir(copy)).sort();
    expect(after, `drizzle-kit wrote a migration: the schema and drizzle/ differ\n${stdout}${stderr}`).toEqual(before);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}, 90_000);
