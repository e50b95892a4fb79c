// What the CLI prints reaches a pipe whole, however slowly the reader drains it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliEnv, cliFromSource, repoRoot, runProcess } from './cli-run.ts';

let folder: string;
let articleFile: string;
const quoteCount = 800;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-cli-output-'));
  articleFile = path.join(folder, 'long.txt');
  const paragraphs = Array.from(
    { length: quoteCount },
    (_, i) => `"We will open dock number ${i} before the summer," Mara Lind said on Monday. The council met at noon.`,
  );
  fs.writeFileSync(articleFile, `Harbor News\n\n${paragraphs.join('\n\n')}\n`);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** `quotegraph ARGS | (sleep 1; cat)` in bash with pipefail: the reader starts late, as `less` or a slow consumer does. */
function pipeIntoSlowReader(args: string[]) {
  const quoted = [...cliFromSource, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  return runProcess('bash', ['-c', `set -o pipefail; ${quoted} | (sleep 1; cat)`], { cwd: repoRoot, env: cliEnv() });
}

describe('CLI output into a pipe', () => {
  test('extract writes its whole JSON (hundreds of KB) to a reader that starts late, and exits 0', async () => {
    const result = await pipeIntoSlowReader(['extract', articleFile]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(256 * 1024);
    const parsed = JSON.parse(result.stdout) as { articles: Array<{ quotes: unknown[] }> };
    expect(parsed.articles[0]!.quotes).toHaveLength(quoteCount);
  });

  test('extract --format text is not cut off either', async () => {
    const result = await pipeIntoSlowReader(['extract', '--format', 'text', articleFile]);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^ {2}\[/gm)).toHaveLength(quoteCount);
    expect(result.stdout).toMatch(/Organizations \(\d+\):/);
  });
});
