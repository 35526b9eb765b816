/**
 * The simulator's public surface: load a scenario text and simulate it. Pure and deterministic:
 * the same text, seed and range give the same timeline in the browser worker and in Node.
 */

import type { Diagnostic } from "./scenario/types.ts";
import { createSimulation } from "./simulation.ts";
import type { Timeline } from "./timeline/types.ts";

export type { Diagnostic } from "./scenario/types.ts";
export { type CommandRecord, createSimulation, Simulation } from "./simulation.ts";
export type * from "./timeline/types.ts";

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
  const sim = created.simulation;
  const lastCommandMs = Math.max(0, ...sim.scenario.settings.timeline.map((t) => t.atMs));
  const untilMs =
    opts.untilMs ?? sim.scenario.settings.durationMs ?? Math.max(300_000, lastCommandMs + 60_000);
  sim.runUntil(untilMs);
  return { ok: true, timeline: sim.timeline(untilMs), diagnostics: created.diagnostics };
}
