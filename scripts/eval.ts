// Scores the extractor against annotated corpora with the corpus's own scorer.
//
//   npm run eval -- [CORPUS_DIR...] [--verbose] [--keep DIR] [--floors FILE]
//
// Without directories it scores quotes-dev and quotes-train under the corpus
// root ($QUOTEGRAPH_CORPUS_DIR, or ../shared/corpus next to the repository) and
// this repository's own corpus/styles. An article whose gold file names a `raw`
// file (a saved page, or text in another charset) is read from those bytes, the
// way the CLI reads a file. With --floors, a corpus scoring below its floor in
// FILE ({"corpus": {"speaker_acc": 0.9, …}}) makes the exit code non-zero.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeBytes, type ExtractInput, extractArticle, isExtractError } from '../src/extract/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface GoldArticle {
  id: string;
  text: string;
  /** A file beside the gold file holding the article as published: HTML, or text in another charset. */
  raw?: string;
}

type Floors = Record<string, Record<string, number>>;

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      verbose: { type: 'boolean', default: false },
      keep: { type: 'string' },
      floors: { type: 'string' },
    },
  });
  const floors: Floors = values.floors ? (JSON.parse(readFileSync(resolve(values.floors), 'utf8')) as Floors) : {};
  const corpusRoot = resolve(process.env.QUOTEGRAPH_CORPUS_DIR ?? join(repoRoot, '..', 'shared', 'corpus'));
  const dirs =
    positionals.length > 0
      ? positionals.map((p) => resolve(p))
      : [...['quotes-dev', 'quotes-train'].map((d) => join(corpusRoot, d)), join(repoRoot, 'corpus', 'styles')];
  const outDir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'quotegraph-eval-'));
  mkdirSync(outDir, { recursive: true });
  let status = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      console.error(`eval: no corpus directory at ${dir} (set QUOTEGRAPH_CORPUS_DIR or pass a directory)`);
      status = 1;
      continue;
    }
    const systemFile = join(outDir, `${basename(dir)}.system.json`);
    writeFileSync(systemFile, JSON.stringify(runExtractor(dir), null, 1));
    const scorer = process.env.QUOTEGRAPH_SCORER ?? join(corpusRoot, 'score.mjs');
    console.log(`\n== ${basename(dir)} (${dir})`);
    const args = [scorer, dir, systemFile, ...(values.verbose ? ['--verbose'] : [])];
    const run = spawnSync(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(run.stdout ?? '');
    if (run.status !== 0) status = run.status ?? 1;
    if (!meetsFloors(basename(dir), run.stdout ?? '', floors[basename(dir)] ?? {})) status = 1;
  }
  if (values.keep) console.log(`\nsystem output kept in ${outDir}`);
  return status;
}

/** Compares the scorer's summary line ("speaker_acc=0.925 … e2e_f1=0.849") with the floors set for the corpus. */
function meetsFloors(corpus: string, report: string, floors: Record<string, number>): boolean {
  const scores = new Map([...report.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1] ?? '', Number(m[2])]));
  let ok = true;
  for (const [metric, floor] of Object.entries(floors)) {
    const score = scores.get(metric);
    if (score === undefined || score < floor) {
      console.error(`eval: ${corpus} ${metric} ${score ?? 'missing'} is below its floor ${floor}`);
      ok = false;
    }
  }
  return ok;
}

/** The article as the extractor should meet it: the raw file's bytes when there is one, else the gold text. */
function inputOf(dir: string, gold: GoldArticle): ExtractInput {
  if (!gold.raw) return { text: gold.text };
  const { text } = decodeBytes(readFileSync(join(dir, gold.raw)));
  return gold.raw.endsWith('.html') ? { html: text } : { text };
}

function runExtractor(dir: string) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const articles = files.map((file) => {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldArticle;
    try {
      const article = extractArticle(inputOf(dir, gold));
      return {
        id: gold.id,
        quotes: article.quotes.map((q) => ({
          text: q.text,
          speaker: q.speaker ? { name: q.speaker.name, type: q.speaker.type } : null,
          speakerLabel: q.speakerLabel,
          kind: q.kind,
        })),
      };
    } catch (error) {
      const reason = isExtractError(error) ? `${error.code}: ${error.message}` : String(error);
      console.error(`eval: ${file}: ${reason}`);
      return { id: gold.id, quotes: [] };
    }
  });
  return { articles };
}

process.exitCode = main();
