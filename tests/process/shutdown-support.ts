// A server started the way people start it (`npm start`, tsx, `node dist/cli.js`) in a process
// group of its own, requests held in flight at will, and signals sent to the pid or the group.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { expect } from 'vitest';
import { freePort } from '../support/pg-cluster.ts';
import { cliEnv, repoRoot } from './cli-run.ts';

export interface Launched {
  child: ChildProcess;
  origin: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a JSON log line with this message prefix has been written. */
  logged(message: string, timeoutMs?: number): Promise<void>;
}

export async function launch(command: string[], env: Record<string, string>): Promise<Launched> {
  const port = await freePort();
  const [program, ...args] = command;
  const child = spawn(program!, args, {
    cwd: repoRoot,
    // Its own process group, as a terminal or a service manager gives it.
    detached: true,
    env: cliEnv({ HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line) as { msg?: unknown };
          if (typeof parsed.msg === 'string') messages.push(parsed.msg);
        } catch {
          // npm's own lines
        }
      }
      for (const waiter of waiters) waiter();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const logged = (message: string, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (messages.some((line) => line.startsWith(message))) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${text}`));
      }, timeoutMs);
      waiters.add(check);
      void exited.then(() =>
        setTimeout(() => {
          check();
          if (waiters.has(check)) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the process exited before logging "${message}":\n${text}`));
          }
        }, 50),
      );
      check();
    });
  const launched = { child, origin: `http://127.0.0.1:${port}`, output: () => text, exited, logged };
  await logged('quotegraph is serving');
  return launched;
}

export interface HeldRequest {
  /** Resolves once the server has read the request's headers (it answered 100 Continue). */
  started: Promise<void>;
  /** Sends the body: the server can now answer. */
  finish(): void;
  result: Promise<{ status: number; body: string }>;
}

/**
 * A GraphQL request the server has begun (headers read) but cannot answer until `finish()`:
 * in flight for exactly as long as the test says, whatever the machine's speed.
 */
export function heldRequest(origin: string, query: string): HeldRequest {
  const body = JSON.stringify({ query });
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const request = http.request(`${origin}/graphql`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      expect: '100-continue',
    },
  });
  request.once('continue', () => started());
  const result = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
  request.flushHeaders();
  return { started: startedPromise, finish: () => request.end(body), result };
}

export const launchers: Record<string, string[]> = {
  'npm start': ['npm', 'start', '--silent'],
  // What npm start runs, without npm: one Node process with tsx as its loader hook.
  'node --import tsx': [process.execPath, '--import', 'tsx', 'src/cli.ts', 'serve'],
};

export interface Stop {
  signal: 'SIGTERM' | 'SIGINT';
  to: 'group' | 'pid';
  times: 1 | 2;
}

/** Holds 8 requests in flight, stops the server as told, then lets the requests finish. */
export async function drainsInFlightRequests(server: Launched, stop: Stop, lockPath: string | null) {
  const requests = Array.from({ length: 8 }, () =>
    heldRequest(server.origin, '{ articles(first: 3) { totalCount nodes { title } } }'),
  );
  const results = requests.map((request) =>
    request.result.catch((error: Error) => ({ status: 0, body: error.message })),
  );
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
  expect(
    answers.map((answer) => answer.status),
    server.output(),
  ).toEqual(Array(8).fill(200));
  for (const answer of answers)
    expect(JSON.parse(answer.body)).toMatchObject({ data: { articles: { totalCount: expect.any(Number) } } });
  const exit = await server.exited;
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/"msg":"stopped"/);
  if (lockPath) expect(fs.existsSync(lockPath)).toBe(false);
}
