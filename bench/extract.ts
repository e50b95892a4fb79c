// Extraction throughput, in articles per second on one core (the process is
// single-threaded), over a corpus of plain-text articles; then the cost per byte
// of hostile inputs against ordinary ones (pathological-cost.ts).
//
//   npm run bench:extract -- [CORPUS_DIR] [--rounds N] [--skip-hostile]
//
// Each round times the extractor and, over the same texts, a trivial
// baseline: one regular-expression pass that finds quoted stretches. The
// baseline shows how fast this machine is at that moment, so the ratio
// between the two is comparable across runs and machines.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.ts';
import { reportPathologicalCosts } from './pathological-cost.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function loadTexts(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text);
}

const QUOTED_STRETCH = /["\u201C][^"\u201D\n]{1,2000}["\u201D]/g;

function baselinePass(texts: string[]): number {
  let found = 0;
  for (const t of texts) found += t.match(QUOTED_STRETCH)?.length ?? 0;
  return found;
}

function extractPass(texts: string[]): number {
  let found = 0;
  for (const t of texts) found += extractArticle({ text: t }).quotes.length;
  return found;
}

interface Rate {
  /** Articles per second of wall-clock time. */
  wall: number;
  /** Articles per second of CPU time used by this process: the per-core rate, steady on a busy machine. */
  cpu: number;
}

/** Rates for passes of `run` over the texts, repeated until at least minMs of wall time has passed. */
function rate(texts: string[], run: (texts: string[]) => number, minMs: number): Rate {
  let passes = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  do {
    run(texts);
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { wall: (passes * texts.length) / (elapsed / 1000), cpu: (passes * texts.length) / cpuSeconds };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string', default: '7' }, 'skip-hostile': { type: 'boolean', default: false } },
  });
  const corpusRoot = process.env.QUOTEGRAPH_CORPUS_DIR ?? join(repoRoot, '..', 'shared', 'corpus');
  const dir = resolve(positionals[0] ?? join(corpusRoot, 'quotes-train'));
  const rounds = Math.max(1, Number.parseInt(values.rounds ?? '7', 10) || 7);
  const texts = loadTexts(dir);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`corpus: ${dir} (${texts.length} articles, ${Math.round(chars / texts.length)} characters on average)`);

  // Warm-up: module loading, compromise's lexicon, and the JIT's optimising passes, which take a few rounds.
  const warmUntil = performance.now() + 3000;
  while (performance.now() < warmUntil) extractPass(texts);
  baselinePass(texts);

  const extractRates: Rate[] = [];
  const baselineRates: Rate[] = [];
  for (let r = 1; r <= rounds; r++) {
    const e = rate(texts, extractPass, 1000);
    const b = rate(texts, baselinePass, 300);
    extractRates.push(e);
    baselineRates.push(b);
    console.log(
      `round ${r}: extract ${e.cpu.toFixed(0)} articles/CPU-s (${e.wall.toFixed(0)}/s wall)   ` +
        `baseline regex ${b.cpu.toFixed(0)} articles/CPU-s   ratio ${(e.cpu / b.cpu).toFixed(5)}`,
    );
  }
  const eCpu = median(extractRates.map((x) => x.cpu));
  const eWall = median(extractRates.map((x) => x.wall));
  const bCpu = median(baselineRates.map((x) => x.cpu));
  console.log(
    `\nmedian of ${rounds} rounds, per core (CPU time): extract ${eCpu.toFixed(0)} articles/s (${(1000 / eCpu).toFixed(2)} ms of CPU per article)`,
  );
  console.log(`wall clock on this machine right now: ${eWall.toFixed(0)} articles/s`);
  console.log(
    `baseline (one regex pass): ${bCpu.toFixed(0)} articles/s per core; extract/baseline ratio ${(eCpu / bCpu).toFixed(5)} (the baseline is ${(bCpu / eCpu).toFixed(0)}x faster)`,
  );
  if (!values['skip-hostile']) reportPathologicalCosts(texts);
}

main();
