// The production start: `npm run build` compiles src/ to dist/, and `node dist/cli.js serve` is the
// whole service in one Node process, finding its migrations and demo articles from there. It
// drains in-flight requests on SIGTERM to its group, sent twice, like the tsx start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockPathOf } from '../../src/db/data-dir-lock.ts';
import { postGraphQL } from '../support/service-process.ts';
import { repoRoot, runProcess } from './cli-run.ts';
import { drainsInFlightRequests, launch, type Launched } from './shutdown-support.ts';

let folder: string;
let server: Launched | null = null;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-production-'));
});
afterAll(() => {
  if (server && server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  fs.rmSync(folder, { recursive: true, force: true });
});

// The build writes the checkout's dist/: two suites run side by side in one checkout (CI's
// PostgreSQL and Node LTS runs) would build over each other, so one of them sets this to leave it
// to the other. The test never depends on the database driver.
const skipBuild = process.env.QUOTEGRAPH_SKIP_BUILD_TEST === '1';

describe.skipIf(skipBuild)('production start from dist/', { timeout: 240_000 }, () => {
  test('npm run build, then node dist/cli.js serve: migrations and demo content found, one process, clean drain', async () => {
    const build = await runProcess('npm', ['run', 'build', '--silent'], { cwd: repoRoot, timeoutMs: 200_000 });
    expect(build.stderr + build.stdout).not.toMatch(/error/i);
    expect(build.code).toBe(0);
    expect(fs.existsSync(path.join(repoRoot, 'dist/cli.js'))).toBe(true);

    const dataDir = path.join(folder, 'data');
    server = await launch([process.execPath, 'dist/cli.js', 'serve'], {
      QUOTEGRAPH_DATA_DIR: dataDir,
      QUOTEGRAPH_SEED_DEMO: 'true',
    });
    // No loader, no child: the process listening is the one that was started.
    expect(server.output()).toMatch(/"msg":"demo articles loaded"/);
    const demo = await postGraphQL(`${server.origin}/graphql`, '{ articles(first: 10) { totalCount } }');
    expect(demo.json.data.articles.totalCount).toBe(5);
    // ingestArticle extracts on a worker thread, whose entry point is found beside its caller in dist/.
    const ingested = await postGraphQL(
      `${server.origin}/graphql`,
      'mutation($text: String!) { ingestArticle(input: { text: $text, title: "Built and ingested" }) { article { quotes { totalCount } } } }',
      { text: 'The harbor board met on Monday.\n\n"We will build the pier," said Mayor Tom Reyes.' },
    );
    expect(ingested.json, ingested.text).toMatchObject({
      data: { ingestArticle: { article: { quotes: { totalCount: 1 } } } },
    });

    await drainsInFlightRequests(server, { signal: 'SIGTERM', to: 'group', times: 2 }, lockPathOf(dataDir));
  });
});
