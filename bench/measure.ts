// Server processes and what is measured about them: CPU time and peak RSS from /proc, the
// SQL statements they send (pg_stat_statements), and load from autocannon.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type postgres from 'postgres';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts bench/servers/<entry>.ts (or `entry` itself when it is an absolute path) in its own
 * Node process, under tsx unless `tsx: false`, and waits for "listening <port>".
 */
export async function startServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  options: { path: string; nodeArgs?: string[]; tsx?: boolean } = { path: '/graphql' },
): Promise<ServerProcess> {
  const file = path.isAbsolute(entry) ? entry : path.join(here, 'servers', entry);
  const loader = options.tsx === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, file], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${stderr}`)), 120_000);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(/listening (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${stderr}`));
    });
  });
  return {
    name,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}${options.path}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** User + system CPU milliseconds the process has used so far. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is index 0, so utime (14th overall) is index 11.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Peak resident set size in MB since the last resetPeakRss. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(/VmHWM:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : NaN;
}

export function resetPeakRss(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted: the peak then covers the process's whole life so far.
  }
}

/** Statements run in `database` since the last reset, split into all and data statements. */
export async function statementCalls(admin: postgres.Sql, database: string): Promise<{ all: number; data: number }> {
  const [row] = await admin<{ all: string | null; data: string | null }[]>`
    select sum(calls) as all,
           sum(calls) filter (where query !~* '^\\s*(begin|commit|rollback|set |reset |select set_config|savepoint|release)') as data
    from pg_stat_statements where dbid = (select oid from pg_database where datname = ${database})`;
  return { all: Number(row?.all ?? 0), data: Number(row?.data ?? 0) };
}

/** The statements run in `database` since the last reset, most called first, as text. */
export async function statementListing(admin: postgres.Sql, database: string): Promise<string> {
  const rows = await admin<{ calls: string; mean: number; query: string }[]>`
    select calls, round(mean_exec_time::numeric, 3)::float as mean, query from pg_stat_statements
    where dbid = (select oid from pg_database where datname = ${database}) order by calls desc limit 20`;
  return rows.map((row) => `calls ${row.calls}  mean ${row.mean} ms\n${row.query}\n`).join('\n');
}

/** Waits until no query of `database` is running: the previous load's stragglers are done. */
export async function waitForQuiet(admin: postgres.Sql, database: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietReadings = 0;
  while (Date.now() < deadline && quietReadings < 3) {
    const [row] = await admin<{ active: number }[]>`
      select count(*)::int as active from pg_stat_activity
      where datname = ${database} and state = 'active' and pid <> pg_backend_pid()`;
    quietReadings = row?.active ? 0 : quietReadings + 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function resetStatements(admin: postgres.Sql): Promise<void> {
  await admin`select pg_stat_statements_reset()`;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  graphqlErrors: number;
}

/** autocannon against `url`, each request's body the next in `bodies` (round robin). */
export async function runLoad(
  url: string,
  bodies: string[],
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  });
  const requests = result['2xx'] + result.non2xx;
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}

/** Command-line options every load-driving script takes, with the same defaults. */
export const loadOptions = {
  seed: { type: 'string', default: '1' },
  warmup: { type: 'string', default: '3' },
  duration: { type: 'string', default: '10' },
  rounds: { type: 'string', default: '3' },
  connections: { type: 'string', default: '32' },
  'pool-size': { type: 'string', default: '10' },
} as const;

/** POSTs a JSON body (a string is sent as is) and returns the parsed answer, or what came instead. */
export async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { httpStatus: response.status, text: text.slice(0, 300) };
  }
}

/**
 * The servers and the cluster a script starts, stopped by `cleanUp()` — also on Ctrl-C or
 * SIGTERM, so nothing outlives an interrupted run.
 */
export function stoppedOnExit() {
  const servers: ServerProcess[] = [];
  let cluster: { stop(): void } | null = null;
  const cleanUp = async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    cluster?.stop();
    cluster = null;
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().then(() => process.exit(143)));
  return {
    servers,
    cleanUp,
    /** Registers the cluster for stopping and hands it back. */
    cluster<C extends { stop(): void }>(started: C): C {
      cluster = started;
      return started;
    },
  };
}
