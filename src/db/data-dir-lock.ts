// One process per embedded database. PGlite is a single PostgreSQL backend inside one process:
// a second process opening the same directory works on its own copy of the pages and the two
// overwrite each other's files. So whoever opens a data directory first holds a lock file in it,
// created with O_EXCL, naming the holder (pid, host, command, start time) and, for a running
// server, the socket through which other commands reach the database (src/db/embedded-socket.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const lockFileName = 'quotegraph.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** What the holder runs, e.g. "quotegraph serve". */
  command: string;
  /** The unix socket where the holder serves the database, or null. */
  socket: string | null;
}

export interface DataDirLock {
  path: string;
  holder: LockHolder;
  /** Records where the database is served, for other commands to find. */
  publishSocket(socket: string): void;
  /** Removes the lock file if it is still this process's. Safe to call twice. */
  release(): void;
}

export type LockAttempt =
  | {
      acquired: true;
      lock: DataDirLock /** The dead process whose lock was taken over. */;
      tookOverFrom: LockHolder | null;
    }
  | { acquired: false; holder: LockHolder; lockPath: string };

/** The data directory is held by another live process and this command cannot share it. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    readonly lockPath: string,
    advice: string,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}` +
        `${holder.host === os.hostname() ? '' : ` on host ${holder.host}`}). Only one process can open an embedded database. ${advice} ` +
        `If that process is no longer running, delete ${lockPath}.`,
    );
  }
}

export function lockPathOf(dataDir: string): string {
  return path.join(dataDir, lockFileName);
}

/** Reads a lock file: its holder, or whether it is missing or not (yet) a complete lock. */
export function readLockHolder(lockPath: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  return parseLockHolder(text);
}

function parseLockHolder(text: string): LockHolder | 'unreadable' {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return 'unreadable';
    return {
      pid: parsed.pid,
      host: parsed.host,
      startedAt: String(parsed.startedAt ?? 'unknown'),
      command: String(parsed.command ?? 'unknown'),
      socket: typeof parsed.socket === 'string' ? parsed.socket : null,
    };
  } catch {
    return 'unreadable';
  }
}

/** The locks this process holds, by path. */
const heldHere = new Map<string, LockHolder>();

/** True unless the holder is on this machine and its process is gone. */
export function isHolderAlive(holder: LockHolder, lockPath?: string): boolean {
  // On another host (a shared disk) the pid says nothing: assume it is alive.
  if (holder.host !== os.hostname()) return true;
  // Our own pid is this process only if it took that very lock; otherwise the lock is left
  // by an earlier life of the pid (a container's pid 1 after a restart).
  if (holder.pid === process.pid) {
    const ours = lockPath === undefined ? undefined : heldHere.get(lockPath);
    return ours !== undefined && ours.startedAt === holder.startedAt;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeLockFile(lockPath: string, holder: LockHolder): void {
  // Written beside and renamed over, so a reader sees the old content or the new, never half.
  const temporary = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, lockPath);
}

/**
 * Removes a dead holder's lock. Two processes may find the same stale lock at once; a guard
 * directory (mkdir is atomic) lets one of them re-check and remove it, so neither deletes a
 * lock the other has just created.
 */
async function removeStaleLock(lockPath: string, stale: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A taker that died mid-takeover leaves the guard behind; it is only ever held briefly.
    const age = Date.now() - fs.statSync(guard, { throwIfNoEntry: false })!.mtimeMs;
    if (age > 10_000) fs.rmSync(guard, { recursive: true, force: true });
    else await sleep(50);
    return;
  }
  try {
    if (fs.readFileSync(lockPath, 'utf8') === stale) fs.rmSync(lockPath, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
}

/**
 * Takes the data directory's lock, or says who holds it. A lock whose process is gone (killed,
 * crashed) is taken over; `isSocketAlive` lets the caller also treat a holder whose socket is
 * refused as gone (its pid may have been reused by another program).
 */
export async function lockDataDir(
  dataDir: string,
  command: string,
  isSocketAlive: (socket: string) => Promise<boolean> = async () => true,
): Promise<LockAttempt> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathOf(dataDir);
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; ; attempt += 1) {
    const holder: LockHolder = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      command,
      socket: null,
    };
    let descriptor: number | null = null;
    try {
      descriptor = fs.openSync(lockPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (descriptor !== null) {
      fs.writeSync(descriptor, `${JSON.stringify(holder)}\n`);
      fs.closeSync(descriptor);
      return { acquired: true, lock: heldLock(lockPath, holder), tookOverFrom };
    }

    // One read: what is judged stale is exactly what may be removed.
    const content = safeRead(lockPath);
    if (content === null) continue;
    const existing = parseLockHolder(content);
    if (existing === 'unreadable') {
      // Either a holder between its open() and write(), or one that died right there.
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age < 2_000 || attempt > 200) {
        if (attempt > 200)
          throw new Error(`cannot read the lock file ${lockPath}; delete it if no quotegraph process uses ${dataDir}`);
        await sleep(20);
        continue;
      }
      await removeStaleLock(lockPath, content);
      continue;
    }
    const alive =
      isHolderAlive(existing, lockPath) && (existing.socket === null || (await isSocketAlive(existing.socket)));
    if (alive) return { acquired: false, holder: existing, lockPath };
    tookOverFrom = existing;
    await removeStaleLock(lockPath, content);
    if (attempt > 200) throw new Error(`cannot take over the stale lock file ${lockPath}`);
  }
}

function safeRead(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function heldLock(lockPath: string, holder: LockHolder): DataDirLock {
  let released = false;
  heldHere.set(lockPath, holder);
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(lockPath);
    process.off('exit', release);
    const current = readLockHolder(lockPath);
    if (typeof current === 'object' && current.pid === holder.pid && current.startedAt === holder.startedAt) {
      fs.rmSync(lockPath, { force: true });
    }
  };
  // An exit without close (process.exit, an uncaught error) still releases; a kill -9 leaves a
  // stale lock that the next process detects.
  process.on('exit', release);
  return {
    path: lockPath,
    holder,
    publishSocket(socket: string) {
      holder.socket = socket;
      writeLockFile(lockPath, holder);
    },
    release,
  };
}
