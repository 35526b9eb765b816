/**
 * Swimlane layout: a pure function from a Timeline to positioned shapes (no DOM, no D3), shared by
 * the browser renderer and the standalone SVG renderer. One group per pod; in it one lane per
 * container (with a thin sub-lane per probe), then the pod-level lanes (phase, conditions,
 * endpoints). x is virtual time.
 */
import type { ContainerTrack, Mark, PodTrack, Span, Timeline } from "../sim/timeline/types.ts";
import { MARK_COLOR, PROBE_COLOR, podValueFill, SPAN_FILL, textOn } from "./palette.ts";
import { formatVirtualTime, tickStepMs, ticks } from "./time-format.ts";

/** Sizes and range of the drawing; only `width` is required. */
export interface SwimlaneOptions {
  /** Total width in px. */
  width: number;
  /** Virtual time range shown; defaults to `0 … timeline.endMs`. */
  startMs?: number;
  endMs?: number;
  /** Width of the label column. */
  labelWidth?: number;
  laneHeight?: number;
  /** Height of probe and pod-level sub-lanes. */
  subLaneHeight?: number;
  laneGap?: number;
  podHeaderHeight?: number;
  podGap?: number;
  axisHeight?: number;
  margin?: number;
}

/** A time-axis tick. */
export interface AxisTick {
  x: number;
  ms: number;
  label: string;
}

/** A bar for a span of time on a lane. */
export interface LaidOutBar {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Span kind (`running`, `waiting`, …) or `pod` for pod-level values. */
  kind: string;
  fill: string;
  textFill: string;
  label: string;
  /** Whether the label fits inside the bar. */
  showLabel: boolean;
  /** Hover text: what, when, and why. */
  title: string;
}

/** An instant (SIGTERM, exit, …) drawn as a vertical mark across its lane. */
export interface LaidOutMark {
  key: string;
  x: number;
  y: number;
  height: number;
  kind: Mark["kind"];
  color: string;
  label: string;
  title: string;
}

/** One probe attempt drawn as a tick on a probe sub-lane. */
export interface LaidOutProbeTick {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  result: string;
  color: string;
  title: string;
}

/** The kind of a lane: a container, a container's probe, or a pod-level property. */
export type LaneKind = "container" | "probe" | "pod";

/** One horizontal lane. */
export interface LaidOutLane {
  key: string;
  /** Test id: `lane-<pod>-<container>`, `probe-lane-<pod>-<container>-<type>` or `pod-lane-<pod>-<name>`. */
  testId: string;
  kind: LaneKind;
  label: string;
  /** Small tag after the label (`init`, `sidecar`), if any. */
  tag?: string;
  /** Hover text of the label (e.g. the image). */
  title: string;
  y: number;
  height: number;
  bars: LaidOutBar[];
  marks: LaidOutMark[];
  ticks: LaidOutProbeTick[];
}

/** One pod's group of lanes. */
export interface LaidOutPod {
  key: string;
  testId: string;
  name: string;
  /** Header text: name plus namespace and node when known. */
  header: string;
  y: number;
  height: number;
  lanes: LaidOutLane[];
}

/** The positioned drawing. */
export interface LaidOut {
  width: number;
  height: number;
  startMs: number;
  endMs: number;
  /** Left and right x of the time plot (time `startMs` and `endMs`). */
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** Left x of the lane labels. */
  labelLeft: number;
  labelWidth: number;
  axis: { y: number; ticks: AxisTick[] };
  pods: LaidOutPod[];
  /** Shown instead of lanes when the timeline has no pods. */
  emptyMessage?: string;
}

const DEFAULTS = {
  labelWidth: 170,
  laneHeight: 22,
  subLaneHeight: 12,
  laneGap: 4,
  podHeaderHeight: 24,
  podGap: 14,
  axisHeight: 24,
  margin: 12,
};

/** Approximate width of 11px UI text, per character (labels only show where they fit). */
const CHAR_WIDTH_PX = 6.4;

/** Positions every pod, lane, bar, mark and probe tick of `timeline`. Pure. */
export function layoutSwimlanes(timeline: Timeline, options: SwimlaneOptions): LaidOut {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const startMs = options.startMs ?? 0;
  const endMs = Math.max(startMs + 1, options.endMs ?? timeline.endMs);
  const width = Math.max(options.width, o.labelWidth + 2 * o.margin + 60);
  const labelLeft = o.margin;
  const plotLeft = o.margin + o.labelWidth;
  const plotRight = width - o.margin;
  const plotWidth = plotRight - plotLeft;
  const x = (ms: number) => plotLeft + ((ms - startMs) / (endMs - startMs)) * plotWidth;

  const step = tickStepMs(endMs - startMs, plotWidth / 70);
  const axisY = o.margin + o.axisHeight - 8;
  const axis = {
    y: axisY,
    ticks: ticks(startMs, endMs, step).map((ms) => ({ x: round(x(ms)), ms, label: formatVirtualTime(ms) })),
  };

  let y = o.margin + o.axisHeight;
  const plotTop = y;
  const range: Range = { startMs, endMs, x };
  const pods: LaidOutPod[] = timeline.pods.map((pod, podIndex) => {
    const podY = y;
    y += o.podHeaderHeight;
    const lanes: LaidOutLane[] = [];
    for (const c of pod.containers) {
      lanes.push(containerLane(pod, c, y, o.laneHeight, range));
      y += o.laneHeight + o.laneGap;
      for (const probe of c.probes) {
        lanes.push(probeLane(pod, c, probe, y, o.subLaneHeight, range));
        y += o.subLaneHeight + o.laneGap;
      }
    }
    for (const lane of pod.lanes) {
      lanes.push(podLane(pod, lane, y, o.subLaneHeight + 2, range));
      y += o.subLaneHeight + 2 + o.laneGap;
    }
    const height = y - podY;
    y += o.podGap;
    const where = [
      pod.namespace !== "default" ? `namespace ${pod.namespace}` : "",
      pod.nodeName ? `node ${pod.nodeName}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return {
      key: `${pod.namespace}/${pod.name}#${podIndex}`,
      testId: `pod-${pod.name}`,
      name: pod.name,
      header: where ? `${pod.name} (${where})` : pod.name,
      y: podY,
      height,
      lanes,
    };
  });
  const plotBottom = pods.length ? y - o.podGap : y + 40;
  const out: LaidOut = {
    width,
    height: Math.ceil(plotBottom + o.margin),
    startMs,
    endMs,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    labelLeft,
    labelWidth: o.labelWidth,
    axis,
    pods,
  };
  if (!pods.length) out.emptyMessage = "No pods in this scenario.";
  return out;
}

interface Range {
  startMs: number;
  endMs: number;
  x: (ms: number) => number;
}

/** Clamps [from, to] to the range; undefined when nothing of it is visible. */
function clampX(r: Range, fromMs: number, toMs: number): { x0: number; x1: number } | undefined {
  const a = Math.max(fromMs, r.startMs);
  const b = Math.min(toMs, r.endMs);
  if (b < a || (b === a && fromMs !== toMs)) return undefined;
  const x0 = round(r.x(a));
  return { x0, x1: Math.max(x0 + 1, round(r.x(b))) };
}

function spanTitle(s: Span): string {
  const parts = [`${s.label}: ${formatVirtualTime(s.startMs)} → ${formatVirtualTime(s.endMs)}`];
  if (s.reason) parts.push(`reason: ${s.reason}`);
  if (s.exitCode !== undefined) parts.push(`exit code: ${s.exitCode}`);
  if (s.why) parts.push(s.why);
  return parts.join("\n");
}

function containerLane(pod: PodTrack, c: ContainerTrack, y: number, height: number, r: Range): LaidOutLane {
  const id = `${pod.name}-${c.name}`;
  const bars: LaidOutBar[] = [];
  c.spans.forEach((s, i) => {
    const span = clampX(r, s.startMs, s.endMs);
    if (!span) return;
    const fill = s.kind === "running" && s.ready === false ? SPAN_FILL.runningNotReady : SPAN_FILL[s.kind];
    const w = span.x1 - span.x0;
    bars.push({
      key: `${i}`,
      x: span.x0,
      y: y + 2,
      width: w,
      height: height - 4,
      kind: s.kind,
      fill,
      textFill: textOn(fill),
      label: s.label,
      showLabel: fits(s.label, w),
      title: spanTitle(s),
    });
  });
  const marks: LaidOutMark[] = [];
  c.marks.forEach((m, i) => {
    if (m.atMs < r.startMs || m.atMs > r.endMs) return;
    marks.push({
      key: `${i}`,
      x: round(r.x(m.atMs)),
      y,
      height,
      kind: m.kind,
      color: MARK_COLOR[m.kind],
      label: m.label,
      title: [`${m.label} at ${formatVirtualTime(m.atMs)}`, m.why].filter(Boolean).join("\n"),
    });
  });
  const lane: LaidOutLane = {
    key: `c:${c.name}`,
    testId: `lane-${id}`,
    kind: "container",
    label: c.name,
    title: `${c.name} (${c.kind} container, image ${c.image})`,
    y,
    height,
    bars,
    marks,
    ticks: [],
  };
  if (c.kind !== "regular") lane.tag = c.kind;
  return lane;
}

function probeLane(
  pod: PodTrack,
  c: ContainerTrack,
  probe: ContainerTrack["probes"][number],
  y: number,
  height: number,
  r: Range,
): LaidOutLane {
  const ticksOut: LaidOutProbeTick[] = [];
  probe.attempts.forEach((a, i) => {
    const span = clampX(r, a.atMs, a.atMs + a.durationMs);
    if (!span) return;
    ticksOut.push({
      key: `${i}`,
      x: span.x0,
      y: y + 1,
      width: Math.max(2, span.x1 - span.x0),
      height: height - 2,
      result: a.result,
      color: PROBE_COLOR[a.result],
      title: [`${probe.type} probe ${a.result} at ${formatVirtualTime(a.atMs)}`, a.output]
        .filter(Boolean)
        .join("\n"),
    });
  });
  return {
    key: `p:${c.name}:${probe.type}`,
    testId: `probe-lane-${pod.name}-${c.name}-${probe.type}`,
    kind: "probe",
    label: `${probe.type} probe`,
    title: `${probe.type} probe of ${c.name}`,
    y,
    height,
    bars: [],
    marks: [],
    ticks: ticksOut,
  };
}

function podLane(
  pod: PodTrack,
  lane: PodTrack["lanes"][number],
  y: number,
  height: number,
  r: Range,
): LaidOutLane {
  const bars: LaidOutBar[] = [];
  lane.spans.forEach((s, i) => {
    const span = clampX(r, s.startMs, s.endMs);
    if (!span) return;
    const fill = podValueFill(s.value);
    const w = span.x1 - span.x0;
    bars.push({
      key: `${i}`,
      x: span.x0,
      y: y + 1,
      width: w,
      height: height - 2,
      kind: "pod",
      fill,
      textFill: textOn(fill),
      label: s.value,
      showLabel: fits(s.value, w),
      title: [
        `${lane.name}: ${s.value}, ${formatVirtualTime(s.startMs)} → ${formatVirtualTime(s.endMs)}`,
        s.why,
      ]
        .filter(Boolean)
        .join("\n"),
    });
  });
  return {
    key: `l:${lane.name}`,
    testId: `pod-lane-${pod.name}-${lane.name}`,
    kind: "pod",
    label: lane.name,
    title: `${lane.name} of pod ${pod.name}`,
    y,
    height,
    bars,
    marks: [],
    ticks: [],
  };
}

/** Whether `text` fits inside a bar `width` px wide, with padding. */
function fits(text: string, width: number): boolean {
  return text.length * CHAR_WIDTH_PX + 8 <= width;
}

/** Rounds to 0.1 px: stable numbers for golden SVGs and smaller markup. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
