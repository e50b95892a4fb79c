// Scores the extractor against annotated corpora with the corpus's own scorer.
//
//   npm run eval -- [CORPUS_DIR...] [--verbose] [--keep DIR]
//
// Without directories it scores quotes-dev and quotes-train under the corpus
// root: $QUOTEGRAPH_CORPUS_DIR, or ../shared/corpus next to the repository.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticle, isExtractError } from '../src/extract/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface GoldArticle {
  id: string;
  text: string;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      verbose: { type: 'boolean', default: false },
      keep: { type: 'string' },
    },
  });
  const corpusRoot = resolve(process.env.QUOTEGRAPH_CORPUS_DIR ?? join(repoRoot, '..', 'shared', 'corpus'));
  const dirs = positionals.length > 0 ? positionals.map((p) => resolve(p)) : ['quotes-dev', 'quotes-train'].map((d) => join(corpusRoot, d));
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
    const scorer = process.env.QUOTEGRAPH_SCORER ?? join(dirname(dir), 'score.mjs');
    console.log(`\n== ${basename(dir)} (${dir})`);
    const args = [scorer, dir, systemFile, ...(values.verbose ? ['--verbose'] : [])];
    const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (run.status !== 0) status = run.status ?? 1;
  }
  if (values.keep) console.log(`\nsystem output kept in ${outDir}`);
  return status;
}

function runExtractor(dir: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const articles = files.map((file) => {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldArticle;
    try {
      const article = extractArticle({ text: gold.text });
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
