/**
 * The drawing as a tree of plain SVG element descriptions, built from a layout. Both renderers
 * draw this same tree: D3 into a live `<svg>`, and a serializer into standalone markup, so the
 * browser and `podlife render` cannot drift apart.
 */
import type { LaidOut, LaidOutLane, LaidOutPod } from "./layout.ts";

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
.${ROOT_CLASS}{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:11px}
.${ROOT_CLASS} .pl-text{fill:#1f2937}
.${ROOT_CLASS} .pl-muted{fill:#6b7280}
.${ROOT_CLASS} .pl-pod-name{font-size:12px;font-weight:600}
.${ROOT_CLASS} .pl-grid{stroke:#e5e7eb;stroke-width:1}
.${ROOT_CLASS} .pl-lane-bg{fill:#f3f4f6}
.${ROOT_CLASS} .pl-sublane-bg{fill:#f8f9fb}
.${ROOT_CLASS} .pl-tag{fill:#6b7280;font-size:10px}
@media (prefers-color-scheme:dark){
.${ROOT_CLASS} .pl-text{fill:#e5e7eb}
.${ROOT_CLASS} .pl-muted,.${ROOT_CLASS} .pl-tag{fill:#9ca3af}
.${ROOT_CLASS} .pl-grid{stroke:#2d333b}
.${ROOT_CLASS} .pl-lane-bg{fill:#1c2128}
.${ROOT_CLASS} .pl-sublane-bg{fill:#181c22}
}`.trim();

const CHAR_WIDTH_PX = 6.4;

/** Builds the children of the root `<svg>` for a layout. Pure. */
export function buildScene(l: LaidOut): SvgNode[] {
  const nodes: SvgNode[] = [{ tag: "style", key: "style", attrs: {}, text: SWIMLANE_CSS }];
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
  nodes.push({
    tag: "g",
    key: "pods",
    attrs: { class: "pl-pods" },
    children: l.pods.map((p) => podNode(l, p)),
  });
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

function podNode(l: LaidOut, p: LaidOutPod): SvgNode {
  return {
    tag: "g",
    key: p.key,
    attrs: { class: "pl-pod", "data-testid": p.testId },
    children: [
      {
        tag: "text",
        key: "name",
        attrs: { class: "pl-text pl-pod-name", x: l.labelLeft, y: p.y + 15 },
        text: p.header,
      },
      ...p.lanes.map((lane) => laneNode(l, lane)),
    ],
  };
}

function laneNode(l: LaidOut, lane: LaidOutLane): SvgNode {
  const sub = lane.kind !== "container";
  const labelY = lane.y + lane.height / 2 + (sub ? 3 : 4);
  const indent = sub ? 12 : 0;
  const tagText = lane.tag ? ` ${lane.tag}` : "";
  const room = l.labelWidth - 8 - indent - tagText.length * CHAR_WIDTH_PX;
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
      { tag: "tspan", key: "name", attrs: {}, text: ellipsize(lane.label, room) },
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
  for (const b of lane.bars) {
    const bar: SvgNode[] = [
      { tag: "title", key: "t", attrs: {}, text: b.title },
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
      attrs: { class: "pl-bar", "data-kind": b.kind },
      children: bar,
    });
  }
  for (const t of lane.ticks) {
    children.push({
      tag: "rect",
      key: `tick:${t.key}`,
      attrs: {
        class: "pl-probe",
        "data-result": t.result,
        x: t.x,
        y: t.y,
        width: t.width,
        height: t.height,
        fill: t.color,
      },
      children: [{ tag: "title", key: "t", attrs: {}, text: t.title }],
    });
  }
  for (const m of lane.marks) {
    const top = m.y - 1;
    children.push({
      tag: "g",
      key: `mark:${m.key}`,
      attrs: { class: "pl-mark", "data-kind": m.kind },
      children: [
        { tag: "title", key: "t", attrs: {}, text: m.title },
        {
          tag: "line",
          key: "l",
          attrs: { x1: m.x, x2: m.x, y1: top, y2: m.y + m.height + 1, stroke: m.color, "stroke-width": 2 },
        },
        { tag: "path", key: "p", attrs: { d: `M${m.x - 4},${top - 5}h8l-4,5z`, fill: m.color } },
      ],
    });
  }
  return {
    tag: "g",
    key: lane.key,
    attrs: { class: `pl-lane pl-lane-${lane.kind}`, "data-testid": lane.testId },
    children,
  };
}

/** Shortens `text` with an ellipsis to about `widthPx`. */
function ellipsize(text: string, widthPx: number): string {
  const max = Math.max(1, Math.floor(widthPx / CHAR_WIDTH_PX));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
