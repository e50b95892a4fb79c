// quotegraph serve --workers 2 on PostgreSQL: two processes answer on one port, and SIGTERM to
// the primary lets requests already in flight on either worker finish before everything exits 0.
// On the embedded database more than one worker is refused: one process opens the data directory.
import fs from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startRedis, redisServerAvailable } from '../support/redis-server.ts';
import { httpRequest, postGraphQL } from '../support/service-process.ts';
import { runCli } from './cli-run.ts';
import { heldRequest, launch, type Launched } from './shutdown-support.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
let databaseUrl: string;
let databaseName: string;
let launched: Launched | undefined;

describe.skipIf(!serverUrl)('serve --workers 2 on PostgreSQL', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    databaseName = `quotegraph_workers_${process.pid}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${databaseName} template ${inject('postgresTemplate')!}`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    if (launched?.child.pid) {
      try {
        process.kill(-launched.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  });

  test('both workers answer; SIGTERM to the primary drains requests in flight on each, then everything exits 0', async () => {
    const server = await launch([process.execPath, '--import', 'tsx', 'src/cli.ts', 'serve', '--workers', '2'], {
      DATABASE_URL: databaseUrl,
      QUOTEGRAPH_DEBUG: '1',
    });
    launched = server;

    // Every request on a new connection; the primary hands connections to the workers in turn.
    const answeredBy = new Set<string>();
    for (let attempt = 0; attempt < 40 && answeredBy.size < 2; attempt += 1) {
      const health = await httpRequest(`${server.origin}/healthz`);
      expect(health.status).toBe(200);
      answeredBy.add(String(health.headers['x-quotegraph-pid']));
    }
    expect(answeredBy.size, server.output()).toBe(2);
    expect(answeredBy).not.toContain(String(server.child.pid));
    const workerPids = [...answeredBy].map(Number);
    // Each worker's heap is held to QUOTEGRAPH_WORKER_HEAP_MB (256 by default).
    for (const pid of workerPids) {
      expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--max-old-space-size=256');
    }

    // Requests the workers have begun (headers read) and cannot answer until the test says so.
    const requests = Array.from({ length: 6 }, () =>
      heldRequest(server.origin, '{ articles(first: 3) { totalCount nodes { title } } }'),
    );
    const results = requests.map((request) =>
      request.result.catch((error: Error) => ({ status: 0, body: error.message })),
    );
    await Promise.all(requests.map((request) => request.started));

    let primaryExited = false;
    void server.exited.then(() => {
      primaryExited = true;
    });
    process.kill(server.child.pid!, 'SIGTERM');
    await server.logged('shutting down: the workers finish');
    // Both workers are draining before the requests can complete.
    for (let waited = 0; (server.output().match(/finishing in-flight requests/g) ?? []).length < 2; waited += 50) {
      expect(waited, server.output()).toBeLessThan(20_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The primary waits for its workers: while they hold requests it is still there.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(primaryExited, server.output()).toBe(false);
    for (const request of requests) request.finish();

    const answers = await Promise.all(results);
    expect(
      answers.map((answer) => answer.status),
      server.output(),
    ).toEqual(Array(6).fill(200));
    for (const answer of answers)
      expect(JSON.parse(answer.body)).toMatchObject({ data: { articles: { totalCount: expect.any(Number) } } });
    expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
    for (const pid of workerPids) expect(() => process.kill(pid, 0), `worker ${pid} is still running`).toThrow();
  });

  test.skipIf(!redisServerAvailable())(
    'with REDIS_URL the workers spend one write budget per client, not one each',
    async () => {
      const redis = await startRedis();
      const server = await launch([process.execPath, '--import', 'tsx', 'src/cli.ts', 'serve', '--workers', '2'], {
        DATABASE_URL: databaseUrl,
        QUOTEGRAPH_DEBUG: '1',
        REDIS_URL: redis.url,
        QUOTEGRAPH_RATE_LIMIT_WRITES: '4',
      });
      launched = server;
      try {
        // Refused for want of a token, but each spends the address's write budget first.
        const outcomes: Array<{ pid: string; code: unknown }> = [];
        for (let i = 0; i < 8; i += 1) {
          const answer = await postGraphQL(`${server.origin}/graphql`, 'mutation { __typename }');
          outcomes.push({
            pid: String(answer.headers['x-quotegraph-pid']),
            code: answer.json?.errors?.[0]?.extensions?.code,
          });
        }
        const shown = `${JSON.stringify(outcomes)}\n${server.output()}`;
        expect(new Set(outcomes.map((outcome) => outcome.pid)).size, shown).toBe(2);
        // Four in all, whichever worker answered; per-worker budgets would have let up to eight through.
        expect(
          outcomes.filter((outcome) => outcome.code === 'RATE_LIMITED'),
          shown,
        ).toHaveLength(4);
        expect(
          outcomes.slice(4).every((outcome) => outcome.code === 'RATE_LIMITED'),
          shown,
        ).toBe(true);
      } finally {
        process.kill(server.child.pid!, 'SIGTERM');
        expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
        await redis.stop();
      }
    },
  );
});

describe('serve --workers on the embedded database', () => {
  test('more than one worker is refused in one line, exit 2, before the data directory is opened', async () => {
    const result = await runCli(['serve', '--workers', '2'], { env: { QUOTEGRAPH_DATA_DIR: 'memory://' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^quotegraph: --workers 2: the embedded database is opened by one process only; set DATABASE_URL/,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
