/**
 * The simulator's public surface in Node (the CLI, tests, benchmarks): load a scenario text and
 * simulate it, with the kubectl emulator wired in. Pure and deterministic: the same text, seed and
 * range give the same timeline in the browser worker and in Node. The worker builds on
 * `simulation.ts` directly and loads the kubectl emulator only when it is needed.
 */

import { runCommandLine } from "./kubectl/index.ts";
import type { Diagnostic } from "./scenario/types.ts";
import { type LoadOptions, loadSimulation } from "./simulation.ts";
import type { Timeline } from "./timeline/types.ts";

export type { Diagnostic } from "./scenario/types.ts";
export { type CommandRecord, type CommandRunner, type LoadOptions, Simulation } from "./simulation.ts";
export type * from "./timeline/types.ts";

/** Loads a scenario text into a simulation with the kubectl emulator, or returns the diagnostics that stop it. */
export function createSimulation(text: string, opts: LoadOptions = {}): ReturnType<typeof loadSimulation> {
  return loadSimulation(text, { commands: runCommandLine, ...opts });
}

/** Options for a simulation run. */
export interface SimulateOptions {
  /** Simulate up to this virtual time (default: the Scenario's `spec.duration`, else 5 minutes or a minute past its last timeline command). */
  untilMs?: number;
  /** Overrides the Scenario document's seed. */
  seed?: number;
}

/** A timeline, or the diagnostics that stopped the scenario from loading. */
export type SimulateResult =
  | { ok: true; timeline: Timeline; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Simulates a scenario text up to `untilMs` and returns its timeline. */
export function simulate(text: string, opts: SimulateOptions = {}): SimulateResult {
  const created = createSimulation(text, opts.seed !== undefined ? { seed: opts.seed } : {});
  if (!created.ok) return created;
  const timeline = created.simulation.runToEnd(opts.untilMs);
  return { ok: true, timeline, diagnostics: created.diagnostics };
}
