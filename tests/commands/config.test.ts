// Configuration read from the environment: defaults that depend on the setup, and errors that
// name the variable at fault.
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  test('the demo articles are loaded by default on the embedded database only; either way on request', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/news' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/news', QUOTEGRAPH_SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ QUOTEGRAPH_SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  test('a bad value is one ConfigError naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ QUOTEGRAPH_API_TOKENS: 'short' })).toThrow(/QUOTEGRAPH_API_TOKENS/);
  });

  test('DATABASE_READ_URL: one or more postgres:// URLs beside a DATABASE_URL, never echoed back', () => {
    const primary = 'postgres://app:secret@db:5432/quotegraph';
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrls).toEqual([]);
    expect(
      loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: ' postgres://r1/q , postgresql://r2:5433/q,' })
        .databaseReadUrls,
    ).toEqual(['postgres://r1/q', 'postgresql://r2:5433/q']);
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r1/q' })).toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
    const wrong = () =>
      loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://r1/q,mysql://pw:hunter2@r2/q' });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/DATABASE_READ_URL: entry 2 must be a postgres:\/\/ URL/);
    expect(wrong).not.toThrow(/hunter2/);
    expect(() => loadConfig({ DATABASE_URL: primary, QUOTEGRAPH_READ_YOUR_WRITES_MS: '-1' })).toThrow(
      /QUOTEGRAPH_READ_YOUR_WRITES_MS/,
    );
  });
});

describe('the data directory', () => {
  test('found the same way from any working directory: the nearest .data holding a database, else ./.data', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'quotegraph-datadir-')));
    try {
      const deep = path.join(root, 'src', 'graphql');
      mkdirSync(deep, { recursive: true });
      // No database anywhere yet: ./.data where the command runs.
      expect(loadConfig({}, deep).dataDir).toBe(path.join(deep, '.data'));
      mkdirSync(path.join(root, '.data'));
      writeFileSync(path.join(root, '.data', 'PG_VERSION'), '17\n');
      expect(loadConfig({}, deep).dataDir).toBe(path.join(root, '.data'));
      expect(loadConfig({}, root).dataDir).toBe(path.join(root, '.data'));
      // An explicit setting wins, relative to the working directory.
      expect(loadConfig({ QUOTEGRAPH_DATA_DIR: 'elsewhere' }, deep).dataDir).toBe(path.join(deep, 'elsewhere'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
