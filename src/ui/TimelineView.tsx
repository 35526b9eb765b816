/** The simulation's views shared by the playground and the embed view. */
import { formatVirtualTime } from "../viz/time-format.ts";
import { Swimlanes } from "./Swimlanes.tsx";
import type { SimulationState } from "./use-simulation.ts";

/** One line saying what is on screen: simulating, failed, or the range and how long it took. */
export function SimulationStatus({ sim }: { sim: SimulationState }) {
  let text: string;
  if (!sim.timeline && sim.busy) text = "Simulating…";
  else if (sim.failed)
    text = sim.timeline ? "The scenario has errors: showing the last good run." : "The scenario has errors.";
  else if (sim.timeline) {
    const pods = sim.timeline.pods.length;
    const ms = sim.lastRunMs !== undefined ? ` in ${Math.max(1, Math.round(sim.lastRunMs))} ms` : "";
    text = `${pods} pod${pods === 1 ? "" : "s"}, 0s → ${formatVirtualTime(sim.timeline.endMs)} of virtual time, simulated${ms}.`;
  } else text = "";
  return (
    <p
      className={`status${sim.failed ? " failed" : ""}`}
      data-testid="sim-status"
      aria-live="polite"
      data-busy={sim.busy}
    >
      {text}
    </p>
  );
}

/** The swimlanes of the last good timeline, if any. */
export function TimelineView({ sim }: { sim: SimulationState }) {
  return (
    <div className={`timeline${sim.failed ? " stale" : ""}`}>
      {sim.timeline && <Swimlanes timeline={sim.timeline} />}
    </div>
  );
}
