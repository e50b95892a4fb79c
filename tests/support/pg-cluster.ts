// A throwaway PostgreSQL cluster for tests that must stop and start the database under a
// running service: initdb into a temporary directory, trust auth, a free port on loopback.
// Nothing else on the machine is touched, and `destroy()` removes every trace.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = process.env.QUOTEGRAPH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Where initdb lives, or null when PostgreSQL's server binaries are not installed. */
export function postgresBinaries(): string | null {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl')) ? PG_BIN : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// initdb and postgres refuse to run as root; as root they run as the `postgres` OS user.
const asRoot = process.getuid?.() === 0;

function commandLine(binary: string, args: string[]): [string, string[]] {
  const command = path.join(PG_BIN, binary);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Runs a PostgreSQL program without blocking the event loop, so traffic keeps flowing meanwhile. */
function pg(binary: string, args: string[], options: { allowFailure?: boolean } = {}): Promise<string> {
  const [file, argv] = commandLine(binary, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error && !options.allowFailure)
        reject(new Error(`${binary} ${args.join(' ')} failed: ${error.message}\n${output}`));
      else resolve(output);
    });
  });
}

/** The blocking variant, for cleanup in an exit handler. */
function pgSync(binary: string, args: string[]): void {
  const [file, argv] = commandLine(binary, args);
  spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
}

export interface PgCluster {
  port: number;
  dataDir: string;
  /** A connection string to `database` (default `postgres`) as the superuser. */
  url(database?: string): string;
  /** Starts the server and resolves once it accepts connections. */
  start(): Promise<void>;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops (fast) and starts again, resolving once it accepts connections. */
  restart(): Promise<void>;
  running(): Promise<boolean>;
  /** Stops the server if it runs and deletes the directory. Safe to call twice. */
  destroy(): void;
}

const live = new Set<PgCluster>();
// A test runner that dies mid-file must not leave a postmaster behind.
process.once('exit', () => {
  for (const cluster of live) cluster.destroy();
});

export async function createCluster(
  options: {
    settings?: Record<string, string | number>;
    /** A streaming replica of this running cluster (pg_basebackup -R) instead of a fresh initdb. */
    replicaOf?: PgCluster;
  } = {},
): Promise<PgCluster> {
  if (!postgresBinaries()) throw new Error(`PostgreSQL binaries not found in ${PG_BIN} (set QUOTEGRAPH_PG_BIN)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  fs.mkdirSync(socketDir);
  if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', root]);
  const port = await freePort();
  const logFile = path.join(root, 'postgres.log');
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    max_connections: 100,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    jit: 'off',
    ...options.settings,
  };
  const serverOptions = [
    `-p ${port}`,
    `-k ${socketDir}`,
    ...Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`),
  ].join(' ');

  try {
    if (options.replicaOf) {
      // A copy of the primary taken over a replication connection (initdb's trust rules allow
      // one from loopback), with standby.signal and primary_conninfo written (-R).
      await pg('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(options.replicaOf.port),
        '-U',
        'postgres',
        '-D',
        dataDir,
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
        '--no-sync',
      ]);
    } else {
      await pg('initdb', [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]);
    }
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }

  let destroyed = false;
  const cluster: PgCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '30', 'start']);
    },
    async stop(mode = 'fast') {
      await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    async restart() {
      await pg('pg_ctl', [
        '-D',
        dataDir,
        '-l',
        logFile,
        '-o',
        serverOptions,
        '-m',
        'fast',
        '-w',
        '-t',
        '30',
        'restart',
      ]);
    },
    async running() {
      return (await pg('pg_ctl', ['-D', dataDir, 'status'], { allowFailure: true })).includes('server is running');
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      live.delete(cluster);
      pgSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  live.add(cluster);
  try {
    await cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
