// The ingestion queue on the embedded database, with real processes. Without a server,
// `ingest --queue` opens the data directory itself and the jobs wait there until `quotegraph
// serve` runs them. While a server holds the directory, the commands that need the queue
// (`ingest --queue`, `worker`, `jobs`) stop with a message and a non-zero exit and write nothing:
// the server's socket carries graph statements only, and the server runs its queue itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockPathOf, readLockHolder } from '../../src/db/data-dir-lock.ts';
import { articleJobId } from '../../src/queue/ingest-queue.ts';
import { postGraphQL, startService, type ServiceProcess } from '../support/service-process.ts';
import { runCli } from './cli-run.ts';

let folder: string;
let dataDir: string;
let server: ServiceProcess | null = null;
const env = () => ({ QUOTEGRAPH_DATA_DIR: dataDir });

const article = (name: string) => ({
  url: `https://harbor.example/queue/${name.toLowerCase().replace(/\s+/g, '-')}`,
  text: `Harbor News\n\n"The ferry will run all winter," ${name} said at the pier on Monday.\n`,
});
const waiting = article('Mara Lind');
const refused = article('Oren Vale');

function writeFile(name: string, record: object): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

const JOB = 'query ($id: ID!) { job(id: $id) { state article { url } } }';
const ARTICLES = '{ articles(first: 10) { totalCount nodes { url } } }';

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const answer = await postGraphQL(server!.url, query, variables);
  expect(answer.json?.errors, answer.text).toBeUndefined();
  return answer.json.data;
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-embedded-queue-'));
  dataDir = path.join(folder, 'data');
});
afterAll(async () => {
  if (server?.running()) await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('the ingestion queue on an embedded data directory', { timeout: 120_000 }, () => {
  test('without a server, ingest --queue stores the job in the data directory; the server runs it', async () => {
    const queued = await runCli(['ingest', '--queue', '--quiet', writeFile('waiting.jsonl', waiting)], { env: env() });
    expect(queued.stdout).toContain('jobs: 1 queued, 0 already queued, 0 failed');
    expect(queued.code).toBe(0);
    const listed = await runCli(['jobs'], { env: env() });
    expect(listed.stdout).toContain('created: 1');
    expect(listed.stdout).toContain(`${articleJobId(waiting)} created`);
    expect(listed.code).toBe(0);

    server = await startService({ env: env(), startTimeoutMs: 90_000 });
    const deadline = Date.now() + 60_000;
    let job: { state: string; article: { url: string } | null } | null = null;
    while (Date.now() < deadline) {
      job = (await graphql(JOB, { id: articleJobId(waiting) })).job;
      if (job?.state === 'COMPLETED') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(job).toEqual({ state: 'COMPLETED', article: { url: waiting.url } });
  });

  test.each([
    ['ingest --queue', ['ingest', '--queue', 'FILE']],
    ['worker', ['worker', '--concurrency', '1']],
    ['jobs', ['jobs']],
  ])('while the server holds the directory, %s stops with a message and writes nothing', async (_, args) => {
    const file = writeFile('refused.jsonl', refused);
    const result = await runCli(
      args.map((arg) => (arg === 'FILE' ? file : arg)),
      { env: env(), timeoutMs: 60_000 },
    );
    expect(result.stderr).toContain(
      'quotegraph: the embedded database is open in a running server, which runs the ingestion queue itself: use ingestArticle(async: true) there, or stop the server first',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);

    // No job and no article for what it was given; the server still holds the directory.
    expect((await graphql(JOB, { id: articleJobId(refused) })).job).toBeNull();
    expect((await graphql(ARTICLES)).articles).toEqual({ totalCount: 1, nodes: [{ url: waiting.url }] });
    expect(readLockHolder(lockPathOf(dataDir))).toMatchObject({ pid: server!.child.pid });
  });

  test('the server stops cleanly afterwards', async () => {
    expect((await server!.stop()).code).toBe(0);
    expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
  });
});
