/**
 * Layout of a Deployment's section of the swimlanes: a row of rollout steps (ScalingReplicaSet
 * events as up and down marks), then one row per ReplicaSet whose bars rise with its pods over
 * time — the ready ones solid, the not-ready ones pale above them — with the desired count as a
 * line. Pure: positions only, drawn by `workload-scene.ts`.
 */
import type { DeploymentTrack, ReplicaCounts } from "../sim/timeline/types.ts";
import { WORKLOAD_COLOR } from "./palette.ts";
import { formatVirtualTime } from "./time-format.ts";
import { conditionWhy, rsLabel, stepWhy, workloadItemId } from "./workload-items.ts";

/** Maps virtual time to x in the shown range. */
export interface TimeRange {
  startMs: number;
  endMs: number;
  x: (ms: number) => number;
}

/** A stretch of time with the same counts: ready pods solid, not-ready ones pale above. */
export interface LaidOutReplicaBar {
  key: string;
  id: string;
  x: number;
  width: number;
  /** Bottom of the bars (the row's baseline). */
  baseY: number;
  readyHeight: number;
  notReadyHeight: number;
  ready: number;
  current: number;
  desired: number;
  /** `ready/current`, shown where it fits. */
  label: string;
  showLabel: boolean;
  title: string;
}

/** One ReplicaSet's row. */
export interface LaidOutReplicaRow {
  key: string;
  /** `rs-lane-<replicaset name>`. */
  testId: string;
  label: string;
  title: string;
  y: number;
  height: number;
  bars: LaidOutReplicaBar[];
  /** The desired count over time, as an SVG path (empty when not visible). */
  desiredPath: string;
}

/** A rollout step: a ScalingReplicaSet event. */
export interface LaidOutStep {
  key: string;
  id: string;
  /** How many steps fall on this pixel (drawn as one). */
  count: number;
  x: number;
  y: number;
  height: number;
  /** Scaling up or down, or the progress deadline passing (a condition, not a step). */
  direction: "up" | "down" | "deadline";
  color: string;
  title: string;
}

/** A Deployment's section. */
export interface LaidOutDeployment {
  key: string;
  /** `deployment-<name>`. */
  testId: string;
  header: string;
  y: number;
  height: number;
  steps: { y: number; height: number; marks: LaidOutStep[] };
  rows: LaidOutReplicaRow[];
}

/** Row sizes of the section. */
export const DEPLOYMENT_SIZES = { headerHeight: 22, stepsHeight: 16, rowHeight: 30, gap: 4 };

const CHAR_WIDTH_PX = 6.4;

/** Lays out deployment `d` (index `di`) from `top`; returns the section and the y below it. */
export function layoutDeployment(
  d: DeploymentTrack,
  di: number,
  top: number,
  r: TimeRange,
  endOfRunMs: number,
): { section: LaidOutDeployment; bottom: number } {
  const s = DEPLOYMENT_SIZES;
  let y = top + s.headerHeight;
  const stepsY = y;
  y += s.stepsHeight + s.gap;
  const maxReplicas = Math.max(
    1,
    ...d.replicaSets.flatMap((rs) => rs.counts.map((c) => Math.max(c.current, c.desired))),
  );
  const rows = d.replicaSets.map((rs, ri) => {
    const rowY = y;
    y += s.rowHeight + s.gap;
    const unit = (s.rowHeight - 4) / maxReplicas;
    const baseY = rowY + s.rowHeight - 1;
    const endMs = rs.deletedMs ?? endOfRunMs;
    const bars: LaidOutReplicaBar[] = [];
    const desiredPoints: [number, number][] = [];
    rs.counts.forEach((c, ci) => {
      const from = c.atMs;
      const to = rs.counts[ci + 1]?.atMs ?? endMs;
      const a = Math.max(from, r.startMs);
      const b = Math.min(to, r.endMs);
      if (b < a) return;
      const x0 = round(r.x(a));
      const x1 = round(r.x(b));
      desiredPoints.push([x0, round(baseY - c.desired * unit)], [x1, round(baseY - c.desired * unit)]);
      if (c.current === 0) return;
      const prev = bars[bars.length - 1];
      // Changes less than a pixel apart are drawn as one bar with the most pods seen (a
      // 1000-replica rollout has thousands of samples).
      if (prev && x1 - x0 < 1 && prev.x + prev.width >= x0 - 0.5) {
        prev.width = Math.max(prev.width, x1 - prev.x);
        if (c.current > prev.current) setCounts(prev, c, unit);
        return;
      }
      const bar: LaidOutReplicaBar = {
        key: `${ci}`,
        id: workloadItemId.replicas(di, ri, ci),
        x: x0,
        width: Math.max(1, x1 - x0),
        baseY,
        readyHeight: 0,
        notReadyHeight: 0,
        ready: 0,
        current: 0,
        desired: 0,
        label: "",
        showLabel: false,
        title: "",
      };
      setCounts(bar, c, unit);
      bar.title = [
        `${rs.name}, ${rsLabel(rs)}: ${c.ready} of ${c.current} ready, ${c.desired} desired`,
        `${formatVirtualTime(from)} → ${formatVirtualTime(to)}`,
      ].join("\n");
      bars.push(bar);
    });
    return {
      key: `rs:${rs.name}`,
      testId: `rs-lane-${rs.name}`,
      label: rs.revision !== undefined ? `rev ${rs.revision}${rs.image ? ` ${rs.image}` : ""}` : rs.name,
      title: `ReplicaSet ${rs.name}, ${rsLabel(rs)}`,
      y: rowY,
      height: s.rowHeight,
      bars,
      desiredPath: stepPath(desiredPoints),
    };
  });
  const marks: LaidOutStep[] = [];
  d.steps.forEach((step, i) => {
    if (step.atMs < r.startMs || step.atMs > r.endMs) return;
    const x = round(r.x(step.atMs));
    const direction = step.message.startsWith("Scaled down") ? "down" : "up";
    const prev = marks[marks.length - 1];
    // Steps closer than a mark's width (8 px) are one mark.
    if (prev && Math.abs(prev.x - x) < 8) {
      prev.count++;
      prev.title = `${prev.title}\n${formatVirtualTime(step.atMs)}  ${step.message}`;
      return;
    }
    marks.push({
      key: `${i}`,
      id: workloadItemId.step(di, i),
      count: 1,
      x,
      y: stepsY,
      height: s.stepsHeight,
      direction,
      color: direction === "up" ? WORKLOAD_COLOR.stepUp : WORKLOAD_COLOR.stepDown,
      title: `${formatVirtualTime(step.atMs)}  ${step.message}\n${stepWhy(d, step)}`,
    });
  });
  (d.conditions ?? []).forEach((c, i) => {
    if (c.reason !== "ProgressDeadlineExceeded" || c.atMs < r.startMs || c.atMs > r.endMs) return;
    marks.push({
      key: `c${i}`,
      id: workloadItemId.condition(di, i),
      count: 1,
      x: round(r.x(c.atMs)),
      y: stepsY,
      height: s.stepsHeight,
      direction: "deadline",
      color: WORKLOAD_COLOR.deadline,
      title: `${formatVirtualTime(c.atMs)}  ${c.type} ${c.status}: ${c.reason}\n${c.message}\n${conditionWhy(c)}`,
    });
  });
  const section: LaidOutDeployment = {
    key: `deployment:${d.namespace}/${d.name}`,
    testId: `deployment-${d.name}`,
    header:
      d.namespace === "default" ? `deployment/${d.name}` : `deployment/${d.name} (namespace ${d.namespace})`,
    y: top,
    height: y - s.gap - top,
    steps: { y: stepsY, height: s.stepsHeight, marks },
    rows,
  };
  return { section, bottom: y - s.gap };
}

function setCounts(bar: LaidOutReplicaBar, c: ReplicaCounts, unit: number): void {
  bar.ready = c.ready;
  bar.current = c.current;
  bar.desired = c.desired;
  bar.readyHeight = round(Math.min(c.ready, c.current) * unit);
  bar.notReadyHeight = round(Math.max(0, c.current - c.ready) * unit);
  bar.label = `${c.ready}/${c.current}`;
  bar.showLabel = bar.label.length * CHAR_WIDTH_PX + 6 <= bar.width;
}

/** A path through `points` (pairs of x at the same y), joined by vertical steps. */
function stepPath(points: [number, number][]): string {
  if (!points.length) return "";
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x},${y}`).join("");
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
