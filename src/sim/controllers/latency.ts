/**
 * How long the control plane takes to react, in virtual milliseconds. Controllers learn about
 * changes through informers (a watch stream into a local cache) and work queues; on a healthy
 * cluster that is a few milliseconds to a few tens of milliseconds. Delays are drawn from a seeded
 * generator, so they vary a little from one reaction to the next but never between runs.
 */
import type { SeededRandom } from "../random.ts";

/** Watch event delivery to an informer's handlers plus the work queue's hand-off to a worker. */
export const INFORMER_LATENCY_MS = { min: 2, max: 9 } as const;

/** The garbage collector's graph builder and attempt-to-delete queue are slower than a controller's. */
export const GARBAGE_COLLECTOR_LATENCY_MS = { min: 20, max: 45 } as const;

/** The rate-limited requeue of an item whose deadline is under a second away (first back-off step). */
export const RATE_LIMITED_REQUEUE_MS = 5;

/** A latency in [min, max] drawn from `random`. */
export function latencyMs(random: SeededRandom, range: { min: number; max: number }): number {
  return random.int(range.min, range.max);
}
