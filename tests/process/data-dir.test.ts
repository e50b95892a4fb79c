// The README's workflow on the embedded database, with real processes: `quotegraph serve` on a
// data directory, `quotegraph ingest` as a second process while it runs, reads over HTTP (through
// the response cache), a restart, a second server refused, a kill -9 and the next start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockDataDir, lockPathOf, readLockHolder } from '../../src/db/data-dir-lock.ts';
import { postGraphQL, startService, type ServiceProcess } from '../support/service-process.ts';
import { repoRoot, runCli } from './cli-run.ts';

let folder: string;
let dataDir: string;
let articleFile: string;
let server: ServiceProcess | null = null;

const env = () => ({ QUOTEGRAPH_DATA_DIR: dataDir, QUOTEGRAPH_DEBUG: 'true', QUOTEGRAPH_CACHE: 'true' });
const listQuery = '{ articles(first: 20) { totalCount nodes { url title } } }';

async function listArticles(service: ServiceProcess) {
  const result = await postGraphQL(service.url, listQuery);
  expect(result.status).toBe(200);
  expect(result.json.errors).toBeUndefined();
  return {
    urls: (result.json.data.articles.nodes as Array<{ url: string | null }>).map((node) => node.url),
    hit: result.json.extensions?.responseCache?.hit as boolean | undefined,
  };
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-data-dir-'));
  dataDir = path.join(folder, 'data');
  articleFile = path.join(folder, 'articles.jsonl');
  fs.writeFileSync(
    articleFile,
    ['Mara Lind', 'Oren Vale']
      .map((name, i) =>
        JSON.stringify({
          url: `https://harbor.example/${i}`,
          publishedAt: `2026-05-0${i + 1}T00:00:00Z`,
          text: `Harbor News\n\n${name} spoke at the pier on Monday.\n\n"We will open the dock in June," ${name} said after the meeting.\n`,
        }),
      )
      .join('\n'),
  );
});
afterAll(async () => {
  if (server?.running()) server.child.kill('SIGKILL');
  fs.rmSync(folder, { recursive: true, force: true });
});

// Each step starts real processes (a few seconds each on a busy machine).
describe('one process per embedded data directory', { timeout: 120_000 }, () => {
  test('--help of a command that opens the database neither creates nor locks the data directory', async () => {
    for (const command of ['serve', 'ingest', 'migrate', 'seed']) {
      const result = await runCli([command, '--help'], { env: env() });
      expect(result.code, `${command} --help`).toBe(0);
      expect(result.stdout).toMatch(/Usage: quotegraph/);
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  test('--help of token and schema only prints: no token, no schema.graphql written', async () => {
    const schemaFile = path.join(repoRoot, 'schema.graphql');
    const before = fs.statSync(schemaFile).mtimeMs;
    for (const args of [
      ['token', '--help'],
      ['schema', '-h'],
    ]) {
      const result = await runCli(args, { env: env() });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: quotegraph/);
      expect(result.stdout + result.stderr).not.toMatch(/wrote|^[A-Za-z0-9_-]{40,}$/m);
    }
    expect(fs.statSync(schemaFile).mtimeMs).toBe(before);
  });

  test('a command while another command holds the directory stops at once, naming the holder', async () => {
    const held = await lockDataDir(dataDir, 'quotegraph ingest big-feed/');
    expect(held.acquired).toBe(true);
    try {
      const ingest = await runCli(['ingest', '--quiet', articleFile], { env: env() });
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toContain(`in use by process ${process.pid} (quotegraph ingest big-feed/`);
      expect(ingest.stderr).toMatch(/Wait for it to finish/);
      expect(ingest.stdout).toBe('');
    } finally {
      if (held.acquired) held.lock.release();
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  test("with the server running, the CLI ingest is stored in the server's database, and a cached list is fresh", async () => {
    server = await startService({ env: env(), startTimeoutMs: 90_000 });
    const holder = readLockHolder(lockPathOf(dataDir));
    expect(holder).toMatchObject({ pid: server.child.pid, command: 'quotegraph serve' });

    // Read twice: the second answer comes from the response cache.
    expect((await listArticles(server)).urls).toEqual([]);
    expect((await listArticles(server)).hit).toBe(true);

    const ingest = await runCli(['ingest', '--quiet', articleFile], { env: env() });
    expect(ingest.stderr).not.toMatch(/error|Error/);
    expect(ingest.stdout).toMatch(/2 created, 0 updated, 0 failed/);
    expect(ingest.code).toBe(0);

    const after = await listArticles(server);
    expect(after.hit).toBe(false);
    expect(after.urls.sort()).toEqual(['https://harbor.example/0', 'https://harbor.example/1']);

    // The API keeps writing to the same database: nothing points at an article it lost.
    const created = await postGraphQL(
      server.url,
      'mutation { createPerson(input: { name: "Ines Hart" }) { __typename } }',
      {},
      { headers: { 'x-graphql-yoga-csrf': '1' } },
    );
    expect(created.json.errors).toBeUndefined();
    const quotes = await postGraphQL(server.url, '{ quotes(first: 10) { totalCount nodes { article { url } } } }');
    expect(quotes.json.errors).toBeUndefined();
    expect(quotes.json.data.quotes.totalCount).toBe(2);
  });

  test('generate and seed write through the running server as well', async () => {
    const generate = await runCli(['generate', '--articles', '3', '--seed', '7'], { env: env() });
    expect(generate.stderr).toBe('');
    expect(generate.stdout).toMatch(/generated 3 articles/);
    expect(generate.code).toBe(0);
    const seed = await runCli(['seed'], { env: env() });
    expect(seed.stdout).toMatch(/loaded 5 demo articles/);
    expect(seed.code).toBe(0);
    const result = await postGraphQL(server!.url, '{ articles(first: 1) { totalCount } }');
    expect(result.json.data.articles.totalCount).toBe(2 + 3 + 5);
  });

  test('a second server on the same directory refuses to start, naming the holder and what to do', async () => {
    const second = await runCli(['serve'], { env: { ...env(), PORT: '0', HOST: '127.0.0.1' } });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`in use by process ${server!.child.pid} (quotegraph serve`);
    expect(second.stderr).toMatch(/Stop that process first/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  test('after a clean stop the lock is gone, and a restart serves what the CLI wrote', async () => {
    const stopped = await server!.stop();
    expect(stopped.code).toBe(0);
    expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);

    server = await startService({ env: env(), startTimeoutMs: 90_000 });
    expect((await listArticles(server)).urls).toEqual(
      expect.arrayContaining(['https://harbor.example/0', 'https://harbor.example/1']),
    );
  });

  test('after kill -9 the next start takes over the stale lock; without a server the CLI opens the directory itself', async () => {
    const killedPid = server!.child.pid;
    server!.child.kill('SIGKILL');
    await server!.exited;
    expect(readLockHolder(lockPathOf(dataDir))).toMatchObject({ pid: killedPid });

    server = await startService({ env: env(), startTimeoutMs: 90_000 });
    expect(server.output()).toContain(`took over the data directory from process ${killedPid}`);
    expect((await listArticles(server)).urls).toHaveLength(10);
    const throughServer = await runCli(['ingest', '--quiet', articleFile], { env: env() });
    expect(throughServer.stdout).toMatch(/0 created, 2 updated, 0 failed/);
    expect((await server.stop()).code).toBe(0);

    const direct = await runCli(['ingest', '--quiet', articleFile], { env: { ...env(), LOG_LEVEL: 'info' } });
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(/0 created, 2 updated, 0 failed/);
    expect(direct.stderr).not.toContain('through its socket');
    expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
  });
});
