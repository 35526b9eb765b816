/** The simulation's views shared by the playground and the embed view. */
import { type KeyboardEvent, useLayoutEffect, useRef } from "react";
import type { CompareVariant } from "../viz/compare.ts";
import { formatVirtualTime } from "../viz/time-format.ts";
import { useMessages } from "./i18n/i18n.tsx";
import type { Playback } from "./playback.ts";
import { Swimlanes } from "./Swimlanes.tsx";
import type { SimulationState } from "./use-simulation.ts";

/** One line saying what is on screen: simulating, failed, or the range and how long it took. */
export function SimulationStatus({ sim }: { sim: SimulationState }) {
  const m = useMessages();
  let text: string;
  if (!sim.timeline && sim.busy) text = m.simulating;
  else if (sim.failed) text = sim.timeline ? m.errorsLastGood : m.errors;
  else if (sim.timeline) {
    const ms = sim.lastRunMs !== undefined ? `${Math.max(1, Math.round(sim.lastRunMs))}` : "";
    text = m.runSummary(sim.timeline.pods.length, formatVirtualTime(sim.timeline.endMs), ms);
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

export interface TimelineViewProps {
  sim: SimulationState;
  playback: Playback;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
  /** Compare mode: the variants to draw on one time axis. */
  variants?: CompareVariant[] | undefined;
}

/** The swimlanes of the last good timeline, with the playhead and the selection. */
export function TimelineView({ sim, playback, selectedId, onSelect, variants }: TimelineViewProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  // Measured, not enforced: from handing the text over to be simulated to the swimlanes redrawn
  // with its timeline (the children's layout effects, which draw, run before this one), and when
  // that redraw happened (the e2e compares it with the time of the keystroke). The e2e reads them.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!sim.timeline || sim.runStartedAt === undefined || !box) return;
    const now = performance.now();
    box.dataset.redrawMs = (now - sim.runStartedAt).toFixed(1);
    box.dataset.redrawnAt = now.toFixed(1);
  }, [sim.timeline, sim.runStartedAt]);
  const onOtherKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === " ") playback.toggle();
    else if (e.key === ",") playback.stepPrevious();
    else if (e.key === ".") playback.stepNext();
    else return;
    e.preventDefault();
  };
  return (
    <div className={`timeline${sim.failed ? " stale" : ""}`} ref={boxRef} data-testid="timeline">
      {sim.timeline && (
        <Swimlanes
          timeline={sim.timeline}
          variants={variants}
          selectedId={selectedId}
          onSelect={onSelect}
          playheadMs={playback.playheadMs}
          onPlayheadChange={(ms) => {
            playback.pause();
            playback.setPlayhead(ms);
          }}
          onOtherKey={onOtherKey}
        />
      )}
    </div>
  );
}
