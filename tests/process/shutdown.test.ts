// Stopping the server the ways it gets stopped: SIGTERM or SIGINT, to the pid or to the whole
// process group (systemd, `docker compose stop`, Ctrl-C in a terminal), once or twice, with 8
// requests in flight. Under `npm start` the group is npm → tsx → node, and npm and tsx each relay
// the signal, so node sees it two or three times. Every request must be answered, the data
// directory's lock released, and the exit code 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { lockPathOf } from '../../src/db/data-dir-lock.ts';
import { drainsInFlightRequests, launch, launchers, type Launched, type Stop } from './shutdown-support.ts';

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

const cases: Array<[string, Stop]> = [
  ['npm start', { signal: 'SIGTERM', to: 'group', times: 1 }],
  ['npm start', { signal: 'SIGINT', to: 'group', times: 2 }],
  // `docker stop` of a container whose command is npm start: npm is pid 1 and gets the signal alone.
  ['npm start', { signal: 'SIGTERM', to: 'pid', times: 1 }],
  ['node --import tsx', { signal: 'SIGTERM', to: 'pid', times: 2 }],
  ['node --import tsx', { signal: 'SIGINT', to: 'group', times: 2 }],
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
