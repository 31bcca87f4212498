// One seed for every property-based test, so a CI failure replays exactly: fast-check prints the
// seed and the counterexample's path; FUZZ_SEED=<seed> (and FUZZ_RUNS) re-runs it here.
import type { Parameters } from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

/** Runs per property: enough to reach the corners the generators favour, quick enough for CI. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

export const fuzzParameters = <T>(numRuns = FUZZ_RUNS): Parameters<T> => ({ seed: FUZZ_SEED, numRuns });
