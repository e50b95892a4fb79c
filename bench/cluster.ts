// The benchmark's own PostgreSQL 15 cluster: initdb into bench/out/pg15 (kept between runs as
// the data cache), started on a free port with pg_stat_statements, stopped when the run ends.
// The machine's shared server is never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../tests/support/pg-cluster.ts';

const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  port: number;
  dataDir: string;
  /** A connection string to `database` as the superuser. */
  url(database: string): string;
  version: string;
  stop(): void;
}

/** Runs a PostgreSQL binary as the `postgres` OS user when we are root (initdb refuses root). */
function runPg(binary: string, args: string[], options: { allowFailure?: boolean } = {}): string {
  const command = path.join(PG_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${binary} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return `${result.stdout}${result.stderr}`;
}

export async function startCluster(root: string, log: (line: string) => void): Promise<Cluster> {
  const dataDir = path.join(root, 'pg15');
  const socketDir = path.join(root, 'pg15-socket');
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(socketDir, { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', root]);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initdb ${dataDir}`);
    runPg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  // A previous run that died may have left it running.
  runPg('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate'], { allowFailure: true });
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    `-c listen_addresses=127.0.0.1`,
    `-c shared_preload_libraries=pg_stat_statements`,
    `-c pg_stat_statements.track=top`,
    `-c max_connections=200`,
    `-c shared_buffers=2GB`,
    `-c effective_cache_size=8GB`,
    `-c maintenance_work_mem=512MB`,
    `-c fsync=off`,
    `-c synchronous_commit=off`,
    `-c full_page_writes=off`,
    `-c max_wal_size=8GB`,
    `-c jit=off`,
  ].join(' ');
  log(`starting PostgreSQL 15 on 127.0.0.1:${port}`);
  runPg('pg_ctl', ['-D', dataDir, '-l', path.join(root, 'pg15.log'), '-o', options, '-w', '-t', '60', 'start']);
  const version = runPg('postgres', ['--version']).trim();
  let stopped = false;
  return {
    port,
    dataDir,
    version,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      runPg('pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w'], { allowFailure: true });
    },
  };
}
