// A configuration mistake ends the command with one line that names the setting and the cause,
// and a non-zero exit, never a stack trace: a bad LOG_LEVEL, an unreachable or missing database
// in DATABASE_URL (its password never printed), a port already taken.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli-run.ts';

function expectOneLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('quotegraph: '));
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('configuration errors', { timeout: 120_000 }, () => {
  test('a bad LOG_LEVEL', async () => {
    expectOneLine(
      await runCli(['migrate'], { env: { LOG_LEVEL: 'loud', QUOTEGRAPH_DATA_DIR: 'memory://' } }),
      /LOG_LEVEL must be one of .*"loud"/,
    );
  });

  test('a database that refuses connections, or does not exist: DATABASE_URL named, password left out', async () => {
    const refused = await runCli(['migrate'], { env: { DATABASE_URL: 'postgres://someone:hunter2@127.0.0.1:1/news' } });
    expectOneLine(
      refused,
      /DATABASE_URL: cannot use the database at postgres:\/\/someone@127\.0\.0\.1:1\/news \(ECONNREFUSED/,
    );
    expect(refused.stderr).not.toContain('hunter2');
    const missing = await runCli(['migrate'], {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/quotegraph_no_such_database' },
    });
    expectOneLine(missing, /DATABASE_URL: .*\(3D000: database "quotegraph_no_such_database" does not exist\)/);
  });

  test('a port already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const result = await runCli(['serve'], {
        env: { HOST: '127.0.0.1', PORT: String(port), QUOTEGRAPH_DATA_DIR: 'memory://' },
      });
      expectOneLine(result, new RegExp(`PORT: 127\\.0\\.0\\.1:${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
