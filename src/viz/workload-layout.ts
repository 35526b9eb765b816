/**
 * The workload part of the swimlanes, above the pods: a legend for what needs one, then each
 * Deployment's section (replicas per ReplicaSet, rollout steps) and each Service's traffic lane.
 * Pure; empty (no height) for a timeline of bare pods, so their drawings do not change.
 */
import type { Timeline } from "../sim/timeline/types.ts";
import { type LaidOutDeployment, layoutDeployment, type TimeRange } from "./deployment-section.ts";
import { ENDPOINT_LEGEND, podValueFill, WORKLOAD_COLOR } from "./palette.ts";
import { type LaidOutTraffic, layoutTraffic } from "./traffic-lane.ts";

/** One legend entry: a swatch of colour and what it means. */
export interface LegendEntry {
  key: string;
  x: number;
  /** Middle of the entry's line. */
  y: number;
  fill: string;
  label: string;
}

/** The positioned workload sections. */
export interface LaidOutWorkloads {
  legend?: { entries: LegendEntry[] };
  deployments: LaidOutDeployment[];
  traffic: LaidOutTraffic[];
}

const LEGEND_HEIGHT = 18;
const SECTION_GAP = 12;
const CHAR_WIDTH_PX = 6.4;

/** Lays out the workload sections from `top`; returns them and the y where the pods start. */
export function layoutWorkloads(
  timeline: Timeline,
  top: number,
  r: TimeRange,
  plotLeft: number,
  plotRight: number,
): { workloads: LaidOutWorkloads; bottom: number } {
  const deployments = timeline.deployments ?? [];
  const services = timeline.services ?? [];
  const hasEndpoints = timeline.pods.some((p) => p.lanes.some((l) => l.name.startsWith("kube-proxy/")));
  const out: LaidOutWorkloads = { deployments: [], traffic: [] };
  let y = top;
  const wanted: { fill: string; label: string }[] = [];
  if (deployments.length)
    wanted.push(
      { fill: WORKLOAD_COLOR.ready, label: "ready pods" },
      { fill: WORKLOAD_COLOR.notReady, label: "not ready" },
      { fill: WORKLOAD_COLOR.stepUp, label: "scaled up" },
      { fill: WORKLOAD_COLOR.stepDown, label: "scaled down" },
    );
  if (deployments.some((d) => d.conditions?.some((c) => c.reason === "ProgressDeadlineExceeded")))
    wanted.push({ fill: WORKLOAD_COLOR.deadline, label: "progress deadline exceeded" });
  if (services.length)
    wanted.push(
      { fill: WORKLOAD_COLOR.ok, label: "requests ok" },
      { fill: WORKLOAD_COLOR.failed, label: "failed" },
    );
  if (hasEndpoints)
    for (const e of ENDPOINT_LEGEND)
      wanted.push({ fill: podValueFill(e.value), label: `endpoint ${e.label}` });
  if (wanted.length) {
    const entries: LegendEntry[] = [];
    let x = plotLeft;
    for (const w of wanted) {
      const width = 14 + w.label.length * CHAR_WIDTH_PX + 12;
      // An entry that does not fit on the line starts the next one.
      if (x > plotLeft && x + width - 12 > plotRight) {
        x = plotLeft;
        y += LEGEND_HEIGHT;
      }
      entries.push({ key: w.label, x, y: y + LEGEND_HEIGHT / 2, fill: w.fill, label: w.label });
      x += width;
    }
    out.legend = { entries };
    y += LEGEND_HEIGHT + 6;
  }
  deployments.forEach((d, i) => {
    const { section, bottom } = layoutDeployment(d, i, y, r, timeline.endMs);
    out.deployments.push(section);
    y = bottom + SECTION_GAP;
  });
  services.forEach((s, i) => {
    const { lane, bottom } = layoutTraffic(s, i, y, r);
    out.traffic.push(lane);
    y = bottom + SECTION_GAP;
  });
  return { workloads: out, bottom: y };
}

/** Adds the hover text of every workload item drawn to `out`, by id. */
export function addWorkloadTitles(w: LaidOutWorkloads | undefined, out: Map<string, string>): void {
  if (!w) return;
  for (const d of w.deployments) {
    for (const m of d.steps.marks) out.set(m.id, m.title);
    for (const row of d.rows) for (const b of row.bars) out.set(b.id, b.title);
  }
  for (const t of w.traffic) {
    for (const b of t.bars.items) out.set(b.id, b.title);
    for (const f of t.failures.items) out.set(f.id, f.title);
  }
}
