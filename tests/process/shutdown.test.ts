// Stopping the server the ways it gets stopped: SIGTERM or SIGINT, to the pid or to the whole
// process group (systemd, `docker compose stop`, Ctrl-C in a terminal), once or twice, with 8
// requests in flight. Under `npm start` the group is npm → tsx → node, and npm and tsx each relay
// the signal, so node sees it two or three times. Every request must be answered, the data
// directory's lock released, and the exit code 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockPathOf } from '../../src/db/data-dir-lock.ts';
import { repoRoot } from './cli-run.ts';
import { heldRequest, launch, type Launched } from './shutdown-support.ts';

let folder: string;
let dataDir: string;
const launchedHere: Launched[] = [];

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-shutdown-'));
  dataDir = path.join(folder, 'data');
});
afterAll(() => {
  for (const launched of launchedHere) {
    try {
      process.kill(-launched.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

export const launchers: Record<string, string[]> = {
  'npm start': ['npm', 'start', '--silent'],
  tsx: [path.join(repoRoot, 'node_modules/.bin/tsx'), 'src/cli.ts', 'serve'],
};

export interface Stop {
  signal: 'SIGTERM' | 'SIGINT';
  to: 'group' | 'pid';
  times: 1 | 2;
}

/** Holds 8 requests in flight, stops the server as told, then lets the requests finish. */
export async function drainsInFlightRequests(server: Launched, stop: Stop, lockPath: string | null) {
  const requests = Array.from({ length: 8 }, () => heldRequest(server.origin, '{ articles(first: 3) { totalCount nodes { title } } }'));
  const results = requests.map((request) => request.result.catch((error: Error) => ({ status: 0, body: error.message })));
  await Promise.all(requests.map((request) => request.started));

  const target = stop.to === 'group' ? -server.child.pid! : server.child.pid!;
  process.kill(target, stop.signal);
  await server.logged('shutting down');
  if (stop.times === 2) process.kill(target, stop.signal);
  // Give relayed signals (npm, tsx) time to land before the requests can complete; a signal
  // that kills the process shows as dropped requests below.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const request of requests) request.finish();

  const answers = await Promise.all(results);
  expect(answers.map((answer) => answer.status), server.output()).toEqual(Array(8).fill(200));
  for (const answer of answers) expect(JSON.parse(answer.body)).toMatchObject({ data: { articles: { totalCount: expect.any(Number) } } });
  const exit = await server.exited;
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/"msg":"stopped"/);
  if (lockPath) expect(fs.existsSync(lockPath)).toBe(false);
}

const cases: Array<[string, Stop]> = [
  ['npm start', { signal: 'SIGTERM', to: 'group', times: 1 }],
  ['npm start', { signal: 'SIGINT', to: 'group', times: 2 }],
  ['tsx', { signal: 'SIGTERM', to: 'pid', times: 2 }],
];

describe('shutdown drains in-flight requests and exits 0', { timeout: 120_000 }, () => {
  for (const [launcher, stop] of cases) {
    test(`${launcher}: ${stop.signal} ${stop.times === 2 ? 'twice ' : ''}to the ${stop.to}`, async () => {
      const server = await launch(launchers[launcher]!, { QUOTEGRAPH_DATA_DIR: dataDir });
      launchedHere.push(server);
      await drainsInFlightRequests(server, stop, lockPathOf(dataDir));
    });
  }
});
