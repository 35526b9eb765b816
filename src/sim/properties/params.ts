/**
 * fast-check parameters shared by the property tests: a fixed seed so the suite is deterministic;
 * `FC_SEED=random` or `FC_SEED=<n>` and `FC_RUNS=<n>` explore further.
 */
import type fc from "fast-check";

const DEFAULT_SEED = 20250601;

/** Parameters for `fc.assert` with `numRuns` runs unless the environment says otherwise. */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const seedEnv = process.env.FC_SEED;
  const runs = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : numRuns;
  const params: fc.Parameters<unknown> = { numRuns: runs, endOnFailure: false };
  if (seedEnv !== "random") params.seed = seedEnv ? Number(seedEnv) : DEFAULT_SEED;
  return params;
}
