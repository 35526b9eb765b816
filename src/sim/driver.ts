/**
 * Drives a command task (a kubectl command that waits in virtual time) on the cluster's clock:
 * sleeps advance time, `until` waits advance event by event until the condition holds.
 */
import type { VirtualClock } from "./clock.ts";
import type { CommandTask } from "./kubectl/api.ts";

/** Longest a command may wait before the driver gives up (virtual time). */
export const MAX_COMMAND_WAIT_MS = 3_600_000;

/** Runs a command task to completion, advancing the clock as it waits. */
export function drive<T>(clock: VirtualClock, task: CommandTask<T>, onTimeout: () => T): T {
  let r = task.next();
  while (!r.done) {
    const w = r.value;
    if (w.kind === "sleep") {
      clock.advanceTo(clock.now() + w.ms);
    } else {
      const limit = clock.now() + (w.timeoutMs ?? MAX_COMMAND_WAIT_MS);
      while (!w.done()) {
        const next = clock.nextDueMs();
        if (next === undefined || next > limit) {
          clock.advanceTo(limit);
          break;
        }
        clock.advanceTo(next, w.done);
      }
      if (!w.done()) {
        task.return(onTimeout());
        return onTimeout();
      }
    }
    r = task.next();
  }
  return r.value;
}
