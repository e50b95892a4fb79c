// The command line as a user mistypes it: every command, with --help/-h anywhere and unknown
// options sprinkled in. Help only prints (exit 0); an unknown option is one line and the usage
// (exit 2). Either way nothing is written and no database is opened: not the data directory,
// not a PostgreSQL server (a listener stands in for one and counts connections).
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runs, scaledTimeout } from '../support/property.ts';
import { repoRoot, runCli } from './cli-run.ts';

let folder: string;
let articleFile: string;
let fakePostgres: net.Server;
let fakePostgresPort: number;
let connectionsToFakePostgres = 0;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-cli-usage-'));
  articleFile = path.join(folder, 'story.txt');
  fs.writeFileSync(articleFile, 'Harbor News\n\n"We open in June," Mara Lind said.\n');
  fakePostgres = net.createServer((socket) => {
    connectionsToFakePostgres += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => fakePostgres.listen(0, '127.0.0.1', resolve));
  fakePostgresPort = (fakePostgres.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => fakePostgres.close(resolve));
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Each command with arguments that would make it run (and write) were it not for help or a mistake. */
const commandLines = (): Record<string, string[]> => ({
  serve: [],
  migrate: [],
  seed: [],
  extract: [articleFile],
  ingest: [articleFile],
  generate: ['--articles=3'],
  token: [],
  schema: [],
});

const knownLongOptions = new Set([
  'help',
  'format',
  'base-url',
  'publisher',
  'quiet',
  'articles',
  'seed',
  'reset',
  'batch-size',
  'stdout',
]);
const junkOption = fc.oneof(
  fc
    .stringMatching(/^[a-z][a-z-]{0,12}$/)
    .filter((name) => !knownLongOptions.has(name))
    .map((name) => `--${name}`),
  fc
    .stringMatching(/^[a-zA-Z]$/)
    .filter((letter) => !'hnq'.includes(letter))
    .map((letter) => `-${letter}`),
  fc.constantFrom('--frobnicate=1', '--format-json'),
);

/** Words inserted into a command line at positions drawn from 0 (before the command) to its end. */
const insertion = (word: fc.Arbitrary<string>) => fc.record({ word, at: fc.nat() });

function insertAll(line: string[], insertions: Array<{ word: string; at: number }>): string[] {
  const result = [...line];
  for (const { word, at } of insertions) result.splice(at % (result.length + 1), 0, word);
  return result;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('quotegraph usage', () => {
  const schemaFile = path.join(repoRoot, 'schema.graphql');
  let schemaBefore: { sha: string; mtime: number };
  beforeAll(() => {
    schemaBefore = { sha: sha(schemaFile), mtime: fs.statSync(schemaFile).mtimeMs };
  });

  /** Runs one mistyped command line and checks what it printed, wrote and opened. */
  async function check(
    command: string,
    help: { word: string; at: number } | undefined,
    junk: Array<{ word: string; at: number }>,
    onPostgres: boolean,
  ) {
    const argv = insertAll([command, ...commandLines()[command]!], [...junk, ...(help ? [help] : [])]);
    const env: Record<string, string> = onPostgres
      ? { DATABASE_URL: `postgres://postgres@127.0.0.1:${fakePostgresPort}/quotegraph` }
      : { QUOTEGRAPH_DATA_DIR: path.join(folder, 'data') };
    const result = await runCli(argv, { env, timeoutMs: 30_000 });
    const shown = `quotegraph ${argv.join(' ')}\n${result.stdout}${result.stderr}`;
    if (help) {
      expect(result.code, shown).toBe(0);
      expect(result.stdout, shown).toMatch(/^Usage: quotegraph /);
      expect(result.stderr, shown).toBe('');
    } else {
      expect(result.code, shown).toBe(2);
      expect(result.stdout, shown).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, shown).toHaveLength(2);
      expect(lines[0], shown).toMatch(/^quotegraph( \w+)?: unknown option '-/);
      expect(lines[1], shown).toMatch(/^usage: quotegraph /);
    }
    // No token among the output, no database opened, no file written.
    expect(result.stdout, shown).not.toMatch(/^[A-Za-z0-9_-]{40,}$/m);
    expect(connectionsToFakePostgres, shown).toBe(0);
    expect(fs.readdirSync(folder), shown).toEqual(['story.txt']);
    expect(sha(schemaFile), shown).toBe(schemaBefore.sha);
    expect(fs.statSync(schemaFile).mtimeMs, shown).toBe(schemaBefore.mtime);
  }

  // Every command gets both kinds of case; a generator picks the positions and the junk.
  for (const command of Object.keys(commandLines())) {
    test(`${command}: --help or -h anywhere, among unknown options, only prints`, {
      timeout: scaledTimeout(60_000),
    }, async () => {
      await fc.assert(
        fc.asyncProperty(
          insertion(fc.constantFrom('--help', '-h')),
          fc.array(insertion(junkOption), { maxLength: 2 }),
          fc.boolean(),
          (help, junk, pg) => check(command, help, junk, pg),
        ),
        { numRuns: runs(2) },
      );
    });
    test(`${command}: an unknown option is one line, the usage and exit 2`, {
      timeout: scaledTimeout(60_000),
    }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(insertion(junkOption), { minLength: 1, maxLength: 2 }), fc.boolean(), (junk, pg) =>
          check(command, undefined, junk, pg),
        ),
        { numRuns: runs(2) },
      );
    });
  }

  test('an unknown command is one line and the usage, exit 2', async () => {
    const result = await runCli(['serv'], { env: { QUOTEGRAPH_DATA_DIR: path.join(folder, 'data') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^quotegraph: unknown command 'serv' \(Did you mean serve\?\)\nusage: quotegraph <command> \[options\]/,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
  });
});
