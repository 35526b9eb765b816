/**
 * Swimlane layout: a pure function from a Timeline to positioned shapes (no DOM, no D3), shared by
 * the browser renderer and the standalone SVG renderer. One group per pod; in it one lane per
 * container (with a thin sub-lane per probe), then the pod-level lanes (phase, conditions,
 * endpoints). x is virtual time.
 */
import type {
  ContainerTrack,
  Mark,
  PodTrack,
  ProbeAttempt,
  Span,
  SpanKind,
  Timeline,
} from "../sim/timeline/types.ts";
import type { LaidOutVariant } from "./compare.ts";
import { mergeDenseBars } from "./dense-bars.ts";
import { itemId } from "./items.ts";
import { MARK_COLOR, PROBE_COLOR, podValueFill, SPAN_FILL, textOn } from "./palette.ts";
import { formatVirtualTime, tickStepMs, ticks } from "./time-format.ts";
import { addWorkloadTitles, type LaidOutWorkloads, layoutWorkloads } from "./workload-layout.ts";

type PodValueSpan = PodTrack["lanes"][number]["spans"][number];

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
  /** Identity of the timeline item it draws (see `items.ts`), for hover and selection. */
  id: string;
  /**
   * `state` bars tile the lane (pulling, waiting, running, back-off, terminated); `overlay` bars
   * (postStart and preStop hooks along the top edge, the grace countdown along the bottom edge)
   * overlap them.
   */
  layer: "state" | "overlay";
  x: number;
  y: number;
  width: number;
  height: number;
  /** Span kind (`running`, `waiting`, …), `pod` for pod-level values, `dense` for merged narrow bars. */
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
  id: string;
  /** How many marks of this kind fall on this pixel (drawn as one). */
  count: number;
  /** Virtual time of the last of them. */
  lastAtMs: number;
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
  id: string;
  /** How many consecutive attempts with this result fall on these pixels (drawn as one). */
  count: number;
  /** Virtual time of the last of them. */
  lastAtMs: number;
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
  /** For container lanes: init, sidecar or regular. */
  containerKind?: ContainerTrack["kind"];
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
  /** Deployments and Services' traffic, above the pods (absent for a timeline of bare pods). */
  workloads?: LaidOutWorkloads | undefined;
  /** Compare mode: the variants stacked on this layout's time axis (see `compare.ts`). */
  variants?: LaidOutVariant[] | undefined;
  /** Shown instead of lanes when the timeline has no pods. */
  emptyMessage?: string;
}

const DEFAULTS = {
  labelWidth: 170,
  laneHeight: 26,
  subLaneHeight: 12,
  laneGap: 4,
  podHeaderHeight: 24,
  podGap: 14,
  axisHeight: 28,
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
  // Labels at the top of the axis band; the playhead's handle sits below them (see scene.ts), so
  // a playhead parked on a tick (the end of the run, say) never hides its label.
  const axisY = o.margin + 10;
  const axis = {
    y: axisY,
    ticks: ticks(startMs, endMs, step).map((ms) => ({ x: round(x(ms)), ms, label: formatVirtualTime(ms) })),
  };

  let y = o.margin + o.axisHeight;
  const plotTop = y;
  const range: Range = { startMs, endMs, x };
  const { workloads, bottom: podsTop } = layoutWorkloads(timeline, y, range, plotLeft, plotRight);
  y = podsTop;
  const pods: LaidOutPod[] = timeline.pods.map((pod, podIndex) => {
    const podY = y;
    y += o.podHeaderHeight;
    const lanes: LaidOutLane[] = [];
    pod.containers.forEach((c, ci) => {
      const at = { pod, podIndex, c, ci };
      lanes.push(containerLane(at, y, o.laneHeight, range));
      y += o.laneHeight + o.laneGap;
      c.probes.forEach((probe, pi) => {
        lanes.push(probeLane(at, probe, pi, y, o.subLaneHeight, range));
        y += o.subLaneHeight + o.laneGap;
      });
    });
    pod.lanes.forEach((lane, li) => {
      lanes.push(podLane(pod, podIndex, lane, li, y, o.subLaneHeight + 2, range));
      y += o.subLaneHeight + 2 + o.laneGap;
    });
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
  if (podsTop > plotTop) out.workloads = workloads;
  if (!pods.length) out.emptyMessage = "No pods in this scenario.";
  return out;
}

/** The left and right x of the time plot for a drawing `width` px wide (as `layoutSwimlanes` puts it). */
export function plotRange(options: Pick<SwimlaneOptions, "width" | "labelWidth" | "margin">): {
  plotLeft: number;
  plotRight: number;
} {
  const labelWidth = options.labelWidth ?? DEFAULTS.labelWidth;
  const margin = options.margin ?? DEFAULTS.margin;
  const width = Math.max(options.width, labelWidth + 2 * margin + 60);
  return { plotLeft: margin + labelWidth, plotRight: width - margin };
}

/** The x of virtual time `ms` in a layout (may fall outside the plot). */
export function timeToX(l: LaidOut, ms: number): number {
  return l.plotLeft + ((ms - l.startMs) / (l.endMs - l.startMs)) * (l.plotRight - l.plotLeft);
}

/** The virtual time at `x` in a layout, clamped to the shown range. */
export function xToTime(l: LaidOut, x: number): number {
  const f = (x - l.plotLeft) / Math.max(1, l.plotRight - l.plotLeft);
  return Math.min(l.endMs, Math.max(l.startMs, l.startMs + f * (l.endMs - l.startMs)));
}

/** The hover text of the item `id` in a layout (built when asked for), or undefined. */
export function itemTitle(l: LaidOut, id: string): string | undefined {
  for (const p of l.pods)
    for (const lane of p.lanes) {
      const item =
        lane.bars.find((b) => b.id === id) ??
        lane.marks.find((m) => m.id === id) ??
        lane.ticks.find((t) => t.id === id);
      if (item) return item.title;
    }
  if (l.workloads) {
    const workloadTitles = new Map<string, string>();
    addWorkloadTitles(l.workloads, workloadTitles);
    const title = workloadTitles.get(id);
    if (title !== undefined) return title;
  }
  for (const v of l.variants ?? []) {
    const prefix = `${v.label}:`;
    if (id.startsWith(prefix)) return itemTitle(v.layout, id.slice(prefix.length));
  }
  return undefined;
}

/**
 * Where the item `id` is drawn: its lane's test id, and in compare mode the label of the variant
 * holding it. For items that may have no element of their own (those on the canvas layer).
 */
export function laneOfItem(l: LaidOut, id: string): { laneTestId: string; variant?: string } | undefined {
  for (const p of l.pods)
    for (const lane of p.lanes)
      if (
        lane.bars.some((b) => b.id === id) ||
        lane.marks.some((m) => m.id === id) ||
        lane.ticks.some((t) => t.id === id)
      )
        return { laneTestId: lane.testId };
  for (const v of l.variants ?? []) {
    const prefix = `${v.label}:`;
    if (!id.startsWith(prefix)) continue;
    const found = laneOfItem(v.layout, id.slice(prefix.length));
    if (found) return { laneTestId: found.laneTestId, variant: v.label };
  }
  return undefined;
}

/** Every item drawn, by id, with its hover text. */
export function itemTitles(l: LaidOut): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of l.pods)
    for (const lane of p.lanes) {
      for (const b of lane.bars) out.set(b.id, b.title);
      for (const m of lane.marks) out.set(m.id, m.title);
      for (const t of lane.ticks) out.set(t.id, t.title);
    }
  addWorkloadTitles(l.workloads, out);
  for (const v of l.variants ?? [])
    for (const [id, text] of itemTitles(v.layout)) out.set(`${v.label}:${id}`, text);
  return out;
}

interface Range {
  startMs: number;
  endMs: number;
  x: (ms: number) => number;
}

interface ContainerAt {
  pod: PodTrack;
  podIndex: number;
  c: ContainerTrack;
  ci: number;
}

/** Span kinds that overlap the container's state rather than follow it. */
const OVERLAY_KINDS: ReadonlySet<SpanKind> = new Set(["postStart", "preStop", "grace"]);

/** Stacking order of marks (higher is drawn later, on top). */
const MARK_PRIORITY: Record<Mark["kind"], number> = {
  pulled: 0,
  start: 1,
  restart: 2,
  exit: 3,
  signal: 4,
  killing: 5,
  SIGTERM: 6,
  SIGKILL: 7,
};

/** Clamps [from, to] to the range; undefined when nothing of it is visible. */
function clampX(r: Range, fromMs: number, toMs: number): { x0: number; x1: number } | undefined {
  const a = Math.max(fromMs, r.startMs);
  const b = Math.min(toMs, r.endMs);
  if (b < a || (b === a && fromMs !== toMs)) return undefined;
  const x0 = round(r.x(a));
  return { x0, x1: Math.max(x0 + 1, round(r.x(b))) };
}

/**
 * Hover texts are built when asked for, by a `title` getter on a shared prototype: a crowded view
 * lays out 10,000 items on every zoom step, and building their texts up front took most of it.
 */
function withTitle<T extends object>(proto: object, fields: T): T & { title: string } {
  return Object.assign(Object.create(proto) as { title: string }, fields);
}

const SPAN_TITLE = {
  get title(): string {
    return spanTitle((this as unknown as { span: Span }).span);
  },
};

const MARK_TITLE = {
  get title(): string {
    const { mark: m, count, lastAtMs } = this as unknown as { mark: Mark; count: number; lastAtMs: number };
    return count > 1
      ? `${count} × ${m.label}, the last at ${formatVirtualTime(lastAtMs)}`
      : [`${m.label} at ${formatVirtualTime(m.atMs)}`, m.why].filter(Boolean).join("\n");
  },
};

const TICK_TITLE = {
  get title(): string {
    const t = this as unknown as {
      attempt: ProbeAttempt;
      probeType: string;
      count: number;
      lastAtMs: number;
    };
    const a = t.attempt;
    return t.count > 1
      ? `${t.count} × ${t.probeType} probe ${a.result}, the last at ${formatVirtualTime(t.lastAtMs)}`
      : [`${t.probeType} probe ${a.result} at ${formatVirtualTime(a.atMs)}`, a.output]
          .filter(Boolean)
          .join("\n");
  },
};

const POD_VALUE_TITLE = {
  get title(): string {
    const { laneName, value: s } = this as unknown as { laneName: string; value: PodValueSpan };
    return [`${laneName}: ${s.value}, ${formatVirtualTime(s.startMs)} → ${formatVirtualTime(s.endMs)}`, s.why]
      .filter(Boolean)
      .join("\n");
  },
};

function spanTitle(s: Span): string {
  const parts = [`${s.label}: ${formatVirtualTime(s.startMs)} → ${formatVirtualTime(s.endMs)}`];
  if (s.reason) parts.push(`reason: ${s.reason}`);
  if (s.exitCode !== undefined) parts.push(`exit code: ${s.exitCode}`);
  if (s.why) parts.push(s.why);
  return parts.join("\n");
}

function containerLane(
  { pod, podIndex, c, ci }: ContainerAt,
  y: number,
  height: number,
  r: Range,
): LaidOutLane {
  const id = `${pod.name}-${c.name}`;
  const bars: LaidOutBar[] = [];
  const overlayHeight = Math.max(3, Math.round(height * 0.22));
  c.spans.forEach((s, i) => {
    const span = clampX(r, s.startMs, s.endMs);
    if (!span) return;
    const fill = s.kind === "running" && s.ready === false ? SPAN_FILL.runningNotReady : SPAN_FILL[s.kind];
    const w = span.x1 - span.x0;
    const overlay = OVERLAY_KINDS.has(s.kind);
    bars.push(
      withTitle(SPAN_TITLE, {
        span: s,
        key: `${i}`,
        id: itemId.span(podIndex, ci, i),
        layer: overlay ? "overlay" : "state",
        x: span.x0,
        // Hooks run along the top edge of the lane, the grace countdown along the bottom edge: both
        // can overlap the running bar and each other (a preStop hook eats into the grace period).
        y: !overlay ? y + 2 : s.kind === "grace" ? y + height - overlayHeight - 1 : y + 1,
        width: w,
        height: overlay ? overlayHeight : height - 4,
        kind: s.kind,
        fill,
        textFill: textOn(fill),
        label: s.label,
        showLabel: !overlay && fits(s.label, w),
      }),
    );
  });
  // Overlays after state bars, so they are drawn on top.
  bars.sort((a, b) => (a.layer === b.layer ? 0 : a.layer === "state" ? -1 : 1));
  const drawn = mergeDenseBars(bars);
  const marks: LaidOutMark[] = [];
  c.marks.forEach((m, i) => {
    if (m.atMs < r.startMs || m.atMs > r.endMs) return;
    const mx = round(r.x(m.atMs));
    const prev = marks.findLast((p) => p.kind === m.kind);
    if (prev && Math.abs(prev.x - mx) < 1) {
      prev.count++;
      prev.lastAtMs = m.atMs;
      return;
    }
    marks.push(
      withTitle(MARK_TITLE, {
        mark: m,
        key: `${i}`,
        id: itemId.mark(podIndex, ci, i),
        count: 1,
        x: mx,
        y,
        height,
        kind: m.kind,
        color: MARK_COLOR[m.kind],
        label: m.label,
        lastAtMs: m.atMs,
      }),
    );
  });
  // Drawn in order of importance, so where marks meet (SIGKILL and the exit it causes, say) the one
  // that explains the most is on top and under the pointer.
  marks.sort((a, b) => MARK_PRIORITY[a.kind] - MARK_PRIORITY[b.kind]);
  const lane: LaidOutLane = {
    key: `c:${c.name}`,
    testId: `lane-${id}`,
    kind: "container",
    containerKind: c.kind,
    label: c.name,
    title: `${c.name} (${c.kind} container, image ${c.image})`,
    y,
    height,
    bars: drawn,
    marks,
    ticks: [],
  };
  if (c.kind !== "regular") lane.tag = c.kind;
  return lane;
}

function probeLane(
  { pod, podIndex, c, ci }: ContainerAt,
  probe: ContainerTrack["probes"][number],
  pi: number,
  y: number,
  height: number,
  r: Range,
): LaidOutLane {
  const ticksOut: LaidOutProbeTick[] = [];
  probe.attempts.forEach((a, i) => {
    const span = clampX(r, a.atMs, a.atMs + a.durationMs);
    if (!span) return;
    const width = Math.max(2, span.x1 - span.x0);
    const prev = ticksOut[ticksOut.length - 1];
    // Attempts closer than a pixel apart with the same result are drawn as one tick (10,000 probe
    // attempts on a zoomed-out lane would otherwise be 10,000 elements on top of each other).
    if (prev && prev.result === a.result && span.x0 <= prev.x + prev.width + 1) {
      prev.count++;
      prev.width = Math.max(prev.width, span.x0 + width - prev.x);
      prev.lastAtMs = a.atMs;
      return;
    }
    ticksOut.push(
      withTitle(TICK_TITLE, {
        attempt: a,
        probeType: probe.type,
        key: `${i}`,
        id: itemId.probe(podIndex, ci, pi, i),
        count: 1,
        x: span.x0,
        y: y + 1,
        width,
        height: height - 2,
        result: a.result,
        color: PROBE_COLOR[a.result],
        lastAtMs: a.atMs,
      }),
    );
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
  podIndex: number,
  lane: PodTrack["lanes"][number],
  li: number,
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
    bars.push(
      withTitle(POD_VALUE_TITLE, {
        laneName: lane.name,
        value: s,
        key: `${i}`,
        id: itemId.podLane(podIndex, li, i),
        layer: "state",
        x: span.x0,
        y: y + 1,
        width: w,
        height: height - 2,
        kind: "pod",
        fill,
        textFill: textOn(fill),
        label: s.value,
        showLabel: fits(s.value, w),
      }),
    );
  });
  return {
    key: `l:${lane.name}`,
    testId: `pod-lane-${pod.name}-${lane.name}`,
    kind: "pod",
    label: lane.name,
    title: `${lane.name} of pod ${pod.name}`,
    y,
    height,
    bars: mergeDenseBars(bars),
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
