/**
 * Aggregation of bars too narrow to tell apart: a container whose readiness flips every second
 * has 300 state bars over 5 minutes, each under 2 px at a laptop's width. Runs of such bars are
 * drawn as one "dense" bar (the colour of what covers most of it) that says how many states it
 * holds and asks to zoom in; zooming in lays them out one by one again.
 */
import type { LaidOutBar } from "./layout.ts";
import { textOn } from "./palette.ts";

/** Bars narrower than this (px) are merged with narrow neighbours. */
export const DENSE_BAR_PX = 3;

/**
 * Lanes with at most this many bars in view are left alone: a pod's first second (pulling,
 * created, started) is a few narrow bars that must stay selectable one by one.
 */
export const DENSE_LANE_BARS = 60;

/**
 * `bars` (state bars in time order, overlays anywhere) with every run of two or more adjacent
 * state bars narrower than `minWidthPx` replaced by one dense bar, when there are more than
 * `DENSE_LANE_BARS` of them.
 */
export function mergeDenseBars(bars: LaidOutBar[], minWidthPx = DENSE_BAR_PX): LaidOutBar[] {
  if (bars.length <= DENSE_LANE_BARS) return bars;
  const out: LaidOutBar[] = [];
  let run: LaidOutBar[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) out.push(denseBar(run));
    run = [];
  };
  for (const b of bars) {
    const narrow = b.layer === "state" && b.width < minWidthPx;
    const last = run[run.length - 1];
    // Only neighbours: a gap wider than a pixel ends the run.
    if (narrow && (!last || b.x <= last.x + last.width + 1)) {
      run.push(b);
      continue;
    }
    flush();
    if (narrow) run.push(b);
    else out.push(b);
  }
  flush();
  return out;
}

function denseBar(run: LaidOutBar[]): LaidOutBar {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const cover = new Map<string, number>();
  for (const b of run) cover.set(b.fill, (cover.get(b.fill) ?? 0) + b.width);
  const fill = [...cover.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const x1 = Math.max(...run.map((b) => b.x + b.width));
  const width = Math.round((x1 - first.x) * 10) / 10;
  const from = first.title.split("\n")[0] ?? first.label;
  const to = last.title.split("\n")[0] ?? last.label;
  return {
    ...first,
    key: `dense:${first.key}`,
    kind: "dense",
    width,
    fill,
    textFill: textOn(fill),
    label: `${run.length} states`,
    showLabel: false,
    title: `${run.length} states too close together to draw apart (zoom in to see each one), from\n${from}\nto\n${to}`,
  };
}
