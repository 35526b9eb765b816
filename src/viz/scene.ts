/**
 * The drawing as a tree of plain SVG element descriptions, built from a layout. Both renderers
 * draw this same tree: D3 into a live `<svg>`, and a serializer into standalone markup, so the
 * browser and `podlife render` cannot drift apart.
 */

import { buildCompareScene } from "./compare-scene.ts";
import { type LaidOut, type LaidOutLane, type LaidOutPod, timeToX } from "./layout.ts";
import { itemHelpers } from "./scene-items.ts";
import { buildWorkloadNodes, WORKLOAD_CSS } from "./workload-scene.ts";

/** One SVG element: its tag, attributes, and either text or children. */
export interface SvgNode {
  tag: string;
  /** Identity among its siblings (D3 joins on it); defaults to the position. */
  key?: string;
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}

/** The class on the root `<svg>`; the embedded style sheet is scoped to it. */
export const ROOT_CLASS = "podlife-swimlanes";

/**
 * Styles travel inside the drawing so a standalone SVG looks the same as the page, light or dark.
 * Scoped to the root class because an inline `<style>` in an HTML page applies page-wide.
 */
export const SWIMLANE_CSS = `
.${ROOT_CLASS}{--pl-text:#1f2937;--pl-muted:#6b7280;--pl-grid:#e5e7eb;--pl-lane:#f3f4f6;--pl-sublane:#f8f9fb;--pl-bg:#ffffff;--pl-accent:#2563eb;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:11px}
@media (prefers-color-scheme:dark){.${ROOT_CLASS}{--pl-text:#e5e7eb;--pl-muted:#9ca3af;--pl-grid:#2d333b;--pl-lane:#1c2128;--pl-sublane:#181c22;--pl-bg:#0f1216;--pl-accent:#6ea8fe}}
.${ROOT_CLASS} .pl-text{fill:var(--pl-text)}
.${ROOT_CLASS} .pl-muted{fill:var(--pl-muted)}
.${ROOT_CLASS} .pl-pod-name{font-size:12px;font-weight:600}
.${ROOT_CLASS} .pl-grid{stroke:var(--pl-grid);stroke-width:1}
.${ROOT_CLASS} .pl-lane-bg{fill:var(--pl-lane)}
.${ROOT_CLASS} .pl-sublane-bg{fill:var(--pl-sublane)}
.${ROOT_CLASS} .pl-tag{fill:var(--pl-muted);font-size:10px}
.${ROOT_CLASS} .pl-bar[data-layer=overlay] rect{stroke:var(--pl-bg);stroke-width:1}
.${ROOT_CLASS} .pl-item{cursor:pointer}
.${ROOT_CLASS} .pl-selected rect,.${ROOT_CLASS} rect.pl-selected{stroke:var(--pl-text);stroke-width:2}
.${ROOT_CLASS} .pl-selected line{stroke-width:4}
.${ROOT_CLASS} .pl-future{fill:var(--pl-bg);opacity:.45;pointer-events:none}
.${ROOT_CLASS} .pl-playhead line{stroke:var(--pl-accent);stroke-width:1.5;pointer-events:none}
.${ROOT_CLASS} .pl-playhead path{fill:var(--pl-accent);cursor:ew-resize}
.${ROOT_CLASS} .pl-axis-hit{fill:transparent;cursor:ew-resize}
.${ROOT_CLASS} .pl-pod-focus .pl-pod-name{fill:var(--pl-accent);text-decoration:underline}`.trim();

/** How the drawing is used: the interactive page, or a static picture. */
export interface SceneOptions {
  /**
   * In the page: items carry `data-item` ids (hover and selection are handled by the UI, which
   * shows its own tooltip) instead of `<title>` children.
   */
  interactive?: boolean;
  /** Id of the selected item, outlined. */
  selectedId?: string;
  /** Virtual time of the playhead; what lies after it is veiled. */
  playheadMs?: number;
  /** Name of a pod to highlight (the pod a selected failed request reached). */
  focusPod?: string;
  /** Leaves bars and probe ticks out: the browser draws them on a canvas (see `canvas-layer.ts`). */
  omitBarsAndTicks?: boolean;
}

const CHAR_WIDTH_PX = 6.4;
/** The same for the 10px text of sub-lane labels and tags. */
const SMALL_CHAR_WIDTH_PX = 5.8;

/** Builds the children of the root `<svg>` for a layout. Pure. */
export function buildScene(l: LaidOut, opts: SceneOptions = {}): SvgNode[] {
  if (l.variants) return buildCompareScene(l, opts);
  const css = l.workloads ? `${SWIMLANE_CSS}\n${WORKLOAD_CSS(ROOT_CLASS)}` : SWIMLANE_CSS;
  const nodes: SvgNode[] = [{ tag: "style", key: "style", attrs: {}, text: css }];
  nodes.push({
    tag: "g",
    key: "grid",
    attrs: { class: "pl-grid-lines" },
    children: l.axis.ticks.map((t) => ({
      tag: "line",
      key: `${t.ms}`,
      attrs: { class: "pl-grid", x1: t.x, x2: t.x, y1: l.plotTop - 4, y2: l.plotBottom },
    })),
  });
  nodes.push({
    tag: "g",
    key: "axis",
    attrs: { class: "pl-axis", "data-testid": "time-axis" },
    children: l.axis.ticks.map((t) => ({
      tag: "text",
      key: `${t.ms}`,
      // The last label ends at the plot's edge rather than running past it.
      attrs: {
        class: "pl-muted",
        x: t.x,
        y: l.axis.y,
        "text-anchor": t.x > l.plotRight - 16 ? "end" : "middle",
      },
      text: t.label,
    })),
  });
  if (l.workloads)
    nodes.push({
      tag: "g",
      key: "workloads",
      attrs: { class: "pl-workloads" },
      children: buildWorkloadNodes(l, opts),
    });
  nodes.push({
    tag: "g",
    key: "pods",
    attrs: { class: "pl-pods" },
    children: l.pods.map((p) => podNode(l, p, opts)),
  });
  if (opts.playheadMs !== undefined) nodes.push(...buildPlayhead(l, opts.playheadMs));
  if (l.emptyMessage) {
    nodes.push({
      tag: "text",
      key: "empty",
      attrs: { class: "pl-muted", x: l.plotLeft, y: l.plotTop + 24 },
      text: l.emptyMessage,
    });
  }
  return nodes;
}

/** The hit area on the axis (drag to move the playhead), the veil over the future, the playhead. */
export function buildPlayhead(l: LaidOut, ms: number): SvgNode[] {
  const x = Math.round(timeToX(l, ms) * 10) / 10;
  const visible = x >= l.plotLeft && x <= l.plotRight;
  const nodes: SvgNode[] = [
    {
      tag: "rect",
      key: "axis-hit",
      attrs: {
        class: "pl-axis-hit",
        "data-testid": "playhead-track",
        x: l.plotLeft,
        y: 0,
        width: Math.max(0, l.plotRight - l.plotLeft),
        height: l.plotTop,
      },
    },
  ];
  const veilX = Math.max(l.plotLeft, Math.min(l.plotRight, x));
  nodes.push({
    tag: "rect",
    key: "future",
    attrs: {
      class: "pl-future",
      x: veilX,
      y: l.plotTop,
      width: Math.max(0, l.plotRight - veilX),
      height: Math.max(0, l.plotBottom - l.plotTop),
    },
  });
  if (visible) {
    nodes.push({
      tag: "g",
      key: "playhead",
      attrs: { class: "pl-playhead", "data-testid": "playhead", "data-ms": ms },
      children: [
        { tag: "line", key: "l", attrs: { x1: x, x2: x, y1: l.plotTop - 6, y2: l.plotBottom } },
        { tag: "path", key: "h", attrs: { d: `M${x - 6},${l.plotTop - 14}h12v6l-6,6l-6,-6z` } },
      ],
    });
  }
  return nodes;
}

function podNode(l: LaidOut, p: LaidOutPod, opts: SceneOptions): SvgNode {
  return {
    tag: "g",
    key: p.key,
    attrs: { class: opts.focusPod === p.name ? "pl-pod pl-pod-focus" : "pl-pod", "data-testid": p.testId },
    children: [
      {
        tag: "text",
        key: "name",
        attrs: { class: "pl-text pl-pod-name", x: l.labelLeft, y: p.y + 15 },
        text: p.header,
      },
      ...p.lanes.map((lane) => laneNode(l, lane, opts)),
    ],
  };
}

function laneNode(l: LaidOut, lane: LaidOutLane, opts: SceneOptions): SvgNode {
  const { item, title } = itemHelpers(opts);
  const sub = lane.kind !== "container";
  const labelY = lane.y + lane.height / 2 + (sub ? 3 : 4);
  const indent = sub ? 12 : 0;
  const tagText = lane.tag ? ` ${lane.tag}` : "";
  const room = l.labelWidth - 8 - indent - tagText.length * SMALL_CHAR_WIDTH_PX;
  const labelNode: SvgNode = {
    tag: "text",
    key: "label",
    attrs: {
      class: sub ? "pl-muted" : "pl-text",
      x: l.labelLeft + indent,
      y: labelY,
      ...(sub ? { "font-size": 10 } : {}),
    },
    children: [
      { tag: "title", key: "t", attrs: {}, text: lane.title },
      {
        tag: "tspan",
        key: "name",
        attrs: {},
        text: ellipsize(lane.label, room, sub ? SMALL_CHAR_WIDTH_PX : CHAR_WIDTH_PX),
      },
      ...(lane.tag ? [{ tag: "tspan", key: "tag", attrs: { class: "pl-tag", dx: 6 }, text: lane.tag }] : []),
    ],
  };
  const children: SvgNode[] = [
    {
      tag: "rect",
      key: "bg",
      attrs: {
        class: sub ? "pl-sublane-bg" : "pl-lane-bg",
        x: l.plotLeft,
        y: lane.y,
        width: Math.max(0, l.plotRight - l.plotLeft),
        height: lane.height,
        rx: 3,
      },
    },
    labelNode,
  ];
  for (const b of opts.omitBarsAndTicks ? [] : lane.bars) {
    const bar: SvgNode[] = [
      ...title(b.title),
      {
        tag: "rect",
        key: "r",
        attrs: { x: b.x, y: b.y, width: b.width, height: b.height, rx: 2, fill: b.fill },
      },
    ];
    if (b.showLabel) {
      bar.push({
        tag: "text",
        key: "l",
        attrs: { x: b.x + 4, y: b.y + b.height / 2 + 3.5, fill: b.textFill, "font-size": sub ? 9 : 11 },
        text: b.label,
      });
    }
    children.push({
      tag: "g",
      key: `bar:${b.key}`,
      attrs: item("pl-bar", b.id, { "data-kind": b.kind, "data-layer": b.layer }),
      children: bar,
    });
  }
  for (const t of opts.omitBarsAndTicks ? [] : lane.ticks) {
    children.push({
      tag: "rect",
      key: `tick:${t.key}`,
      attrs: item("pl-probe", t.id, {
        "data-result": t.result,
        x: t.x,
        y: t.y,
        width: t.width,
        height: t.height,
        fill: t.color,
      }),
      children: title(t.title),
    });
  }
  for (const m of lane.marks) {
    const top = m.y - 1;
    children.push({
      tag: "g",
      key: `mark:${m.key}`,
      attrs: item("pl-mark", m.id, { "data-kind": m.kind }),
      children: [
        ...title(m.title),
        {
          tag: "line",
          key: "l",
          attrs: { x1: m.x, x2: m.x, y1: top, y2: m.y + m.height + 1, stroke: m.color, "stroke-width": 2 },
        },
        { tag: "path", key: "p", attrs: { d: `M${m.x - 4},${top - 5}h8l-4,5z`, fill: m.color } },
        // A wider, invisible line makes a 2 px mark easy to point at.
        ...(opts.interactive === true
          ? [
              {
                tag: "line",
                key: "hit",
                attrs: {
                  x1: m.x,
                  x2: m.x,
                  y1: top - 5,
                  y2: m.y + m.height + 1,
                  stroke: "transparent",
                  "stroke-width": 9,
                },
              },
            ]
          : []),
      ],
    });
  }
  return {
    tag: "g",
    key: lane.key,
    attrs: {
      class: `pl-lane pl-lane-${lane.kind}`,
      "data-testid": lane.testId,
      ...(lane.containerKind ? { "data-container-kind": lane.containerKind } : {}),
    },
    children,
  };
}

/** Shortens `text` with an ellipsis to about `widthPx` (at `charWidthPx` a character). */
function ellipsize(text: string, widthPx: number, charWidthPx: number): string {
  const max = Math.max(1, Math.floor(widthPx / charWidthPx));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
