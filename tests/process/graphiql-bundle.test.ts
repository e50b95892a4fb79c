// GraphiQL's bundle (@graphql-yoga/render-graphiql) costs about 33 MB of heap and 70 MB of RSS, so
// the server loads it on the first request for the page: a process that only answers queries never
// carries it. The server runs as a real process with a hook that reports every module of that
// package it resolves (tests/support/package-loads.mjs): nothing may be reported while it starts
// and answers queries, and the bundle must be reported once the page is asked for, which also
// shows the hook can see it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { exampleOperations } from '../../src/graphql/examples.ts';
import { httpRequest, postGraphQL } from '../support/service-process.ts';
import { launch, type Launched } from './shutdown-support.ts';

const bundle = '@graphql-yoga/render-graphiql';
const preload = path.resolve(import.meta.dirname, '../support/package-loads.mjs');

let folder: string;
let dataDir: string;
let server: Launched | undefined;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-graphiql-bundle-'));
  dataDir = path.join(folder, 'data');
  // The data directory starts from the run's migrated snapshot: creating and migrating it would
  // take the server half a minute, none of it about GraphiQL.
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const migrated = await openDatabase({ driver: 'pglite', dataDir, loadDataDir: new Blob([snapshot]) });
  await migrated.close();
});
afterAll(() => {
  if (server && server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  fs.rmSync(folder, { recursive: true, force: true });
});

/** What the hook reported so far: one resolved module (or required name) per line. */
function bundleLoads(): string[] {
  return [...server!.output().matchAll(/^package-load: (.+)$/gm)].map((match) => match[1]!);
}

describe('GraphiQL bundle loaded on demand', { timeout: 120_000 }, () => {
  test('not loaded to start and answer queries; loaded when the page is first asked for', async () => {
    server = await launch([process.execPath, '--import', 'tsx', '--import', preload, 'src/cli.ts', 'serve'], {
      QUOTEGRAPH_DATA_DIR: dataDir,
      // The embedded database's defaults: the demo articles are loaded at start-up.
      QUOTEGRAPH_SEED_DEMO: 'true',
      QUOTEGRAPH_GRAPHIQL: 'true',
      REPORT_PACKAGE_LOADS: bundle,
    });
    const graphql = `${server.origin}/graphql`;

    // GraphiQL's own example operations, asked the way any client asks them.
    for (const operation of exampleOperations) {
      const answer = await postGraphQL(graphql, operation);
      expect(answer.json?.errors, answer.text).toBeUndefined();
      expect(answer.json?.data, answer.text).toBeTruthy();
    }
    // Refused in validation: the error path does not need GraphiQL either.
    const invalid = await postGraphQL(graphql, '{ noSuchField }');
    expect(invalid.json?.errors?.length, invalid.text).toBeGreaterThan(0);
    // A GET on the page's own URL, asking for JSON, is a query and not the page.
    const viaGet = await httpRequest(
      `${graphql}?query=${encodeURIComponent('{ articles(first: 1) { totalCount } }')}`,
      {
        headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
      },
    );
    expect(viaGet.json?.data?.articles?.totalCount, viaGet.text).toBe(5);
    expect((await httpRequest(`${server.origin}/healthz`)).status).toBe(200);
    expect((await httpRequest(`${server.origin}/readyz`)).status).toBe(200);

    expect(bundleLoads(), 'resolved before anyone asked for GraphiQL').toEqual([]);

    const page = await httpRequest(graphql, { headers: { accept: 'text/html' } });
    expect(page.status, page.text.slice(0, 500)).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>quotegraph</title>');
    expect(bundleLoads(), server.output()).toContainEqual(
      expect.stringMatching(/\/render-graphiql\/esm\/graphiql\.js$/),
    );

    process.kill(-server.child.pid!, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
