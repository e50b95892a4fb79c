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

/**
 * fast-check's parameters for a property whose every case is slow (a generated graph each):
 * `numRuns` cases, stopped `marginMs` short of the test's own limit, so that a failure found late is
 * still reported with its counterexample (shrunk as far as time allowed) instead of being lost to
 * the test's timeout. A run stopped before its last case fails: fast-check would count it a pass,
 * and a slow machine, or code grown slower, would quietly check fewer cases.
 */
export function allCasesWithin<T>(numRuns: number, testTimeoutMs: number, marginMs = 15_000): fc.Parameters<T> {
  const limitMs = testTimeoutMs - marginMs;
  const failIfCutShort: fc.Plugin<T> = () => ({
    onAllRunsComplete: (details) => {
      // A counterexample is fast-check's to report, however far its shrinking got.
      if (details.interrupted && details.counterexamplePath === null) {
        throw new Error(
          `cut short by its ${limitMs} ms time limit: ${details.numRuns} of ${numRuns} cases ran (seed ${details.seed}). ` +
            'The cases are meant to finish well inside it; this machine, or the code under test, is slower than that.',
        );
      }
    },
  });
  return { numRuns, plugins: [failIfCutShort, fc.interruptAfterTimeLimit(limitMs)] };
}
