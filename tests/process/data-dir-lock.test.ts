// The data directory's lock on its own: whatever a previous process left in the lock file, the
// next one takes the directory exactly when nobody alive holds it; contenders racing for a stale
// lock end with one holder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockDataDir, lockPathOf, readLockHolder, type LockHolder } from '../../src/db/data-dir-lock.ts';
import { socketAnswers } from '../../src/db/embedded-socket.ts';
import { runs } from '../support/property.ts';
import { repoRoot } from './cli-run.ts';

let folder: string;
let deadPid: number;
let counter = 0;
let listeningSocket: string;
let listener: net.Server;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-lock-'));
  listeningSocket = path.join(folder, 'listening.sock');
  // Accepts connections and never says a word, like a server whose event loop is busy.
  listener = net.createServer(() => {});
  await new Promise<void>((resolve) => listener.listen(listeningSocket, resolve));
  // A pid that was a process a moment ago and is not any more.
  deadPid = Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
  fs.rmSync(folder, { recursive: true, force: true });
});

/** What a previous process may have left behind in the lock file. */
type Leftover =
  | { kind: 'none' }
  | { kind: 'dead-pid'; withSocket: boolean }
  | { kind: 'live-pid' }
  | { kind: 'other-host' }
  | { kind: 'own-pid-earlier-life' }
  | { kind: 'garbage-old' }
  | { kind: 'socket-gone' }
  | { kind: 'socket-listening' };

const leftover: fc.Arbitrary<Leftover> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('dead-pid' as const), withSocket: fc.boolean() }),
  fc.constant({ kind: 'live-pid' as const }),
  fc.constant({ kind: 'other-host' as const }),
  fc.constant({ kind: 'own-pid-earlier-life' as const }),
  fc.constant({ kind: 'garbage-old' as const }),
  fc.constant({ kind: 'socket-gone' as const }),
  fc.constant({ kind: 'socket-listening' as const }),
);

function holder(overrides: Partial<LockHolder>): LockHolder {
  return {
    pid: process.ppid,
    host: os.hostname(),
    startedAt: '2026-01-01T00:00:00.000Z',
    command: 'quotegraph serve',
    socket: null,
    ...overrides,
  };
}

function leave(dataDir: string, state: Leftover): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathOf(dataDir);
  const write = (content: string) => fs.writeFileSync(lockPath, content);
  switch (state.kind) {
    case 'none':
      return;
    case 'dead-pid':
      write(
        JSON.stringify(
          holder({ pid: deadPid, socket: state.withSocket ? path.join(dataDir, '.quotegraph.sock') : null }),
        ),
      );
      return;
    case 'live-pid':
      write(JSON.stringify(holder({ pid: process.ppid })));
      return;
    case 'other-host':
      write(JSON.stringify(holder({ pid: deadPid, host: `${os.hostname()}-elsewhere` })));
      return;
    case 'own-pid-earlier-life':
      write(JSON.stringify(holder({ pid: process.pid })));
      return;
    case 'socket-gone':
      // A live pid (reused by another program) whose server socket no longer answers.
      write(JSON.stringify(holder({ pid: process.ppid, socket: path.join(dataDir, 'gone.sock') })));
      return;
    case 'socket-listening':
      // A live server that is slow to answer still holds the directory.
      write(JSON.stringify(holder({ pid: process.ppid, socket: listeningSocket })));
      return;
    case 'garbage-old': {
      write('{"pid": 12');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(lockPath, old, old);
      return;
    }
  }
}

const heldByOther = (state: Leftover) =>
  state.kind === 'live-pid' || state.kind === 'other-host' || state.kind === 'socket-listening';

describe('data directory lock', () => {
  test('the lock is taken exactly when no live process holds it, and released once', async () => {
    await fc.assert(
      fc.asyncProperty(leftover, fc.boolean(), async (state, secondTry) => {
        const dataDir = path.join(folder, `case-${counter++}`);
        leave(dataDir, state);
        const before = readLockHolder(lockPathOf(dataDir));
        const attempt = await lockDataDir(dataDir, 'quotegraph ingest x', (socket) => socketAnswers(socket));
        if (heldByOther(state)) {
          expect(attempt.acquired).toBe(false);
          expect(readLockHolder(lockPathOf(dataDir))).toEqual(before);
          return;
        }
        expect(attempt.acquired).toBe(true);
        if (!attempt.acquired) return;
        const stale = state.kind !== 'none' && state.kind !== 'garbage-old';
        expect(attempt.tookOverFrom !== null).toBe(stale);
        expect(readLockHolder(lockPathOf(dataDir))).toMatchObject({
          pid: process.pid,
          command: 'quotegraph ingest x',
          socket: null,
        });
        if (secondTry) {
          // The same process asking again is refused too: the lock is held, by us.
          const again = await lockDataDir(dataDir, 'quotegraph ingest y');
          expect(again.acquired).toBe(false);
        }
        attempt.lock.publishSocket('/tmp/somewhere.sock');
        expect(readLockHolder(lockPathOf(dataDir))).toMatchObject({ pid: process.pid, socket: '/tmp/somewhere.sock' });
        attempt.lock.release();
        attempt.lock.release();
        expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
      }),
      { numRuns: runs(40) },
    );
  });

  test('processes racing for a stale lock: exactly one takes it', async () => {
    const dataDir = path.join(folder, 'race');
    leave(dataDir, { kind: 'dead-pid', withSocket: false });
    // Each contender tries once, reports, and keeps what it got until every one has reported.
    const script = `
      import { lockDataDir } from ${JSON.stringify(path.join(repoRoot, 'src/db/data-dir-lock.ts'))};
      const attempt = await lockDataDir(${JSON.stringify(dataDir)}, 'quotegraph contender');
      process.stdout.write(attempt.acquired ? 'acquired' : 'refused');
      process.stdin.resume();
      process.stdin.once('end', () => process.exit(0));
    `;
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const outcomes = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))),
      ),
    );
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            child.once('close', resolve);
            child.stdin.end();
          }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'acquired')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(3);
    expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
  }, 60_000);
});
