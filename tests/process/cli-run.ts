// Runs the real CLI as a child process, the way a user's shell does: `node --import tsx src/cli.ts …`
// (or the built dist/cli.js), with nothing inherited that configures quotegraph or the test run.
import { spawn, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The command line that starts the CLI from source. */
export const cliFromSource = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'src/cli.ts')];

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(QUOTEGRAPH_|VITEST|TEST_DATABASE_URL$|DATABASE_URL$|NODE_ENV$|NODE_OPTIONS$|PORT$|HOST$|REDIS_URL$)/.test(key)
    )
      continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', QUOTEGRAPH_SEED_DEMO: 'false', ...extra };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to its end. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; cwd?: string; command?: string[]; timeoutMs?: number } = {},
): Promise<CliResult> {
  const [program, ...prefix] = options.command ?? cliFromSource;
  return runProcess(program!, [...prefix, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

/** Runs a program to its end; one still running after `timeoutMs` is killed (and the result says SIGKILL). */
export function runProcess(
  program: string,
  args: string[],
  options: SpawnOptions & { stdin?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.once('close', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin!.end(options.stdin ?? '');
  });
}
