// Generated test cases share one seed and one scale. CI runs the fixed seed below, so a red
// run can be replayed exactly; `npm run test:long` draws a random seed and runs ten times as
// many cases. fast-check prints the seed and the path of any counterexample it finds: replay
// it with QUOTEGRAPH_FC_SEED=<seed>.
import fc from 'fast-check';

const FIXED_SEED = 20261206;

function seedFromEnv(): number {
  const raw = process.env.QUOTEGRAPH_FC_SEED;
  if (!raw) return FIXED_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`QUOTEGRAPH_FC_SEED must be an integer or "random", got "${raw}"`);
  return seed;
}

export const propertySeed = seedFromEnv();
const scale = Number(process.env.QUOTEGRAPH_FC_SCALE ?? 1) || 1;

/** How many cases a property runs: its base count, times the scale of this run. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * scale));
}

fc.configureGlobal({ seed: propertySeed, numRuns: runs(100) });

/** A test's time limit for a property whose case count is `runs(…)`: its base, times the scale. */
export function scaledTimeout(baseMs: number): number {
  return Math.max(baseMs, Math.round(baseMs * scale));
}
