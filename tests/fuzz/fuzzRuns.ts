// How long the fuzz suite runs. In `npm test`: a fixed seed and a few seconds per property, so a
// failure is reproduced by running it again. For a longer hunt:
//   FUZZ_SEED=$RANDOM FUZZ_RUNS=20000 FUZZ_SECONDS=300 npx vitest run tests/fuzz
// A failure prints its seed and counterexample path; rerun with FUZZ_SEED set to it.
import type { Parameters as FcParameters } from 'fast-check';

const number = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, not "${v}"`);
  return n;
};

export const FUZZ_SEED = number('FUZZ_SEED', 20261129);

/** fast-check settings for one property: `runs` unless FUZZ_RUNS says otherwise, at most FUZZ_SECONDS. */
export function fuzzRuns(runs: number): FcParameters<unknown> {
  const seconds = number('FUZZ_SECONDS', 4);
  return { seed: FUZZ_SEED, numRuns: number('FUZZ_RUNS', runs), interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false };
}

/** The vitest time limit for a property given `fuzzRuns`: its own limit and room to finish. */
export function testTimeoutMs(): number {
  return number('FUZZ_SECONDS', 4) * 1000 + 30_000;
}
