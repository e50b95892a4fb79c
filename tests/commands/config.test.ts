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
});
