// The real service as a child process (`node --import tsx src/cli.ts serve`), so that a crash,
// a hang or a wrong exit code is visible, and its log lines can be read as an operator would.
// Requests go over real sockets with node:http and no keep-alive agent: every request opens
// its own connection, so "new connections are refused" means exactly that.
import { spawn, type ChildProcess } from 'node:child_process';
import http, { type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../src/server.ts';
import { freePort } from './pg-cluster.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LogLine {
  /** The parsed JSON, or null when the line is not JSON. */
  json: Record<string, unknown> | null;
  raw: string;
  stream: 'stdout' | 'stderr';
}

export interface ServiceProcess {
  /** http://127.0.0.1:<port> (no path). */
  origin: string;
  /** The GraphQL endpoint. */
  url: string;
  child: ChildProcess;
  logs: LogLine[];
  /** Everything the process wrote, both streams. */
  output(): string;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The service's environment: nothing inherited that configures quotegraph or the test run. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(QUOTEGRAPH_|VITEST|TEST_DATABASE_URL$|DATABASE_URL$|NODE_ENV$|NODE_OPTIONS$|PORT$|HOST$|REDIS_URL$)/.test(key)
    )
      continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'info', QUOTEGRAPH_SEED_DEMO: 'false', ...extra };
}

export interface ServiceOptions {
  env: Record<string, string>;
  startTimeoutMs?: number;
  /**
   * Keep and parse every line (default). A benchmark turns this off: after startup only the
   * last few kilobytes of output are kept, so reading logs costs the load generator nothing.
   */
  retainLogs?: boolean;
  /** Server processes (`serve --workers`): one unless a test is about several. */
  workers?: number;
  /**
   * How to tell it has started: its "quotegraph is serving" log line (default), or `/readyz`
   * answering 200, for a service started with a LOG_LEVEL that hides that line (a benchmark
   * that keeps per-request log lines out of what it measures).
   */
  readyWhen?: 'serving-log' | 'readyz';
}

export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'serve', '--workers', String(options.workers ?? 1)],
    {
      cwd: repoRoot,
      env: serviceEnv({ HOST: '127.0.0.1', PORT: String(port), ...options.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: LogLine[] = [];
  let text = '';
  let started = false;
  const listeners = new Set<(line: LogLine) => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]!.setEncoding('utf8');
    child[stream]!.on('data', (chunk: string) => {
      if (started && options.retainLogs === false) {
        text = (text + chunk).slice(-8_000);
        return;
      }
      text += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        if (!raw.trim()) continue;
        let json: Record<string, unknown> | null = null;
        try {
          const parsed: unknown = JSON.parse(raw);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
        } catch {
          json = null;
        }
        const line = { json, raw, stream };
        logs.push(line);
        for (const listener of listeners) listener(line);
      }
    });
  }
  let exitStatus: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      resolve(exitStatus);
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let waiting = true;
    const ready = () => {
      if (!waiting) return;
      waiting = false;
      started = true;
      clearTimeout(timer);
      listeners.delete(onLine);
      resolve();
    };
    const timer = setTimeout(() => {
      waiting = false;
      child.kill('SIGKILL');
      reject(new Error(`the service did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${text}`));
    }, options.startTimeoutMs ?? 30_000);
    const onLine = (line: LogLine) => {
      if (typeof line.json?.msg === 'string' && line.json.msg.startsWith('quotegraph is serving')) ready();
    };
    if (options.readyWhen === 'readyz') {
      void (async () => {
        while (waiting) {
          const answer = await httpRequest(`${origin}/readyz`, { timeoutMs: 5_000 }).catch(() => null);
          if (answer?.status === 200) ready();
          else await new Promise((wait) => setTimeout(wait, 200));
        }
      })();
    } else {
      listeners.add(onLine);
    }
    void exited.then((status) => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      reject(new Error(`the service exited during startup (${status.code ?? status.signal}):\n${text}`));
    });
  });

  return {
    origin,
    url: `${origin}/graphql`,
    child,
    logs,
    output: () => text,
    exited,
    running: () => exitStatus === null,
    async stop(graceMs = 15_000) {
      if (exitStatus) return exitStatus;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  ms: number;
}

/** One request on a fresh connection; rejects on connection errors (ECONNREFUSED, …) and on timeout. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(options.body !== undefined && !options.headers?.['transfer-encoding']
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
        agent: false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: jsonOrUndefined(text),
            ms: performance.now() - started,
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A GraphQL POST as a well-behaved client sends it. */
export function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { headers?: Record<string, string>; operationName?: string; timeoutMs?: number } = {},
): Promise<HttpResult> {
  return httpRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options.headers },
    body: JSON.stringify({
      query,
      variables,
      ...(options.operationName ? { operationName: options.operationName } : {}),
    }),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/** What an in-process request (`app.fetch`, no socket) answered, read whole. */
export interface FetchAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

export async function fetchAnswer(
  app: Pick<App, 'fetch'>,
  url: string | URL,
  init: RequestInit = {},
): Promise<FetchAnswer> {
  const response = await app.fetch(String(url), init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: jsonOrUndefined(text) };
}

/** The `extensions.code` of each error in a GraphQL answer, in order. */
export function errorCodes(answer: { json: any }): string[] {
  return (answer.json?.errors ?? []).map((error: { extensions?: { code?: string } }) => String(error.extensions?.code));
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
