/**
 * Scene nodes of the workload sections (legend, Deployments, Service traffic), for both renderers.
 * Pure, like `scene.ts`: interactive items carry `data-item` ids, static ones `<title>` children.
 */
import type { LaidOutDeployment } from "./deployment-section.ts";
import type { LaidOut } from "./layout.ts";
import { WORKLOAD_COLOR } from "./palette.ts";
import type { SceneOptions, SvgNode } from "./scene.ts";
import { type ItemAttrs, itemHelpers } from "./scene-items.ts";
import type { LaidOutTraffic } from "./traffic-lane.ts";

/** Extra style rules of the workload sections (appended to the drawing's style sheet). */
export const WORKLOAD_CSS = (root: string) =>
  `.${root} .pl-desired{fill:none;stroke:var(--pl-muted);stroke-width:1;stroke-dasharray:3 2;pointer-events:none}
.${root} .pl-section-rule{stroke:var(--pl-grid);stroke-width:1}`;

/** The nodes of `l.workloads` (none when the timeline has no workloads). */
export function buildWorkloadNodes(l: LaidOut, opts: SceneOptions): SvgNode[] {
  const w = l.workloads;
  if (!w) return [];
  const { item, title } = itemHelpers(opts);
  const nodes: SvgNode[] = [];
  if (w.legend?.entries.length) {
    nodes.push({
      tag: "g",
      key: "legend",
      attrs: { class: "pl-legend", "data-testid": "legend" },
      children: w.legend.entries.map(
        (e): SvgNode => ({
          tag: "g",
          key: e.key,
          attrs: { "data-testid": "legend-entry" },
          children: [
            {
              tag: "rect",
              key: "s",
              attrs: { x: e.x, y: e.y - 5, width: 10, height: 10, rx: 2, fill: e.fill },
            },
            { tag: "text", key: "l", attrs: { class: "pl-muted", x: e.x + 14, y: e.y + 4 }, text: e.label },
          ],
        }),
      ),
    });
  }
  for (const d of w.deployments) nodes.push(deploymentNode(l, d, item, title));
  for (const t of w.traffic) nodes.push(trafficNode(l, t, item, title));
  return nodes;
}

function laneLabel(l: LaidOut, key: string, y: number, text: string, hover: string, sub = true): SvgNode {
  return {
    tag: "text",
    key,
    attrs: {
      class: sub ? "pl-muted" : "pl-text",
      x: l.labelLeft + (sub ? 12 : 0),
      y,
      ...(sub ? { "font-size": 10 } : {}),
    },
    children: [
      { tag: "title", key: "t", attrs: {}, text: hover },
      { tag: "tspan", key: "n", attrs: {}, text: ellipsize(text, l.labelWidth - 20) },
    ],
  };
}

function background(l: LaidOut, key: string, y: number, height: number): SvgNode {
  return {
    tag: "rect",
    key,
    attrs: {
      class: "pl-sublane-bg",
      x: l.plotLeft,
      y,
      width: Math.max(0, l.plotRight - l.plotLeft),
      height,
      rx: 3,
    },
  };
}

function deploymentNode(
  l: LaidOut,
  d: LaidOutDeployment,
  item: ItemAttrs,
  title: (t: string) => SvgNode[],
): SvgNode {
  const children: SvgNode[] = [
    {
      tag: "text",
      key: "name",
      attrs: { class: "pl-text pl-pod-name", x: l.labelLeft, y: d.y + 15 },
      text: d.header,
    },
    background(l, "steps-bg", d.steps.y, d.steps.height),
    laneLabel(
      l,
      "steps-label",
      d.steps.y + d.steps.height / 2 + 3,
      "rollout steps",
      "ScalingReplicaSet events of the deployment controller",
    ),
  ];
  const stepNodes: SvgNode[] = d.steps.marks.map((m) => {
    const mid = m.y + m.height / 2;
    // ▲ for scaling up, ▼ for scaling down, with a line down through the ReplicaSet rows.
    // A diamond for the progress deadline passing.
    const tri =
      m.direction === "deadline"
        ? `M${m.x},${mid - 6}l6,6l-6,6l-6,-6z`
        : m.direction === "up"
          ? `M${m.x - 5},${mid + 4}h10l-5,-9z`
          : `M${m.x - 5},${mid - 4}h10l-5,9z`;
    return {
      tag: "g",
      key: `step:${m.key}`,
      attrs: item("pl-step", m.id, { "data-direction": m.direction, "data-count": m.count }),
      children: [
        ...title(m.title),
        {
          tag: "line",
          key: "l",
          attrs: {
            x1: m.x,
            x2: m.x,
            y1: m.y,
            y2: d.y + d.height,
            stroke: m.color,
            "stroke-width": 1,
            "stroke-dasharray": "2 2",
          },
        },
        { tag: "path", key: "p", attrs: { d: tri, fill: m.color } },
        {
          tag: "rect",
          key: "hit",
          attrs: { x: m.x - 4, y: m.y, width: 8, height: m.height, fill: "transparent" },
        },
      ],
    };
  });
  for (const row of d.rows) {
    const rowChildren: SvgNode[] = [
      background(l, "bg", row.y, row.height),
      laneLabel(l, "label", row.y + row.height / 2 + 3, row.label, row.title),
    ];
    for (const b of row.bars) {
      const parts: SvgNode[] = [...title(b.title)];
      if (b.readyHeight > 0)
        parts.push({
          tag: "rect",
          key: "r",
          attrs: {
            x: b.x,
            y: b.baseY - b.readyHeight,
            width: b.width,
            height: b.readyHeight,
            fill: WORKLOAD_COLOR.ready,
          },
        });
      if (b.notReadyHeight > 0)
        parts.push({
          tag: "rect",
          key: "n",
          attrs: {
            x: b.x,
            y: b.baseY - b.readyHeight - b.notReadyHeight,
            width: b.width,
            height: b.notReadyHeight,
            fill: WORKLOAD_COLOR.notReady,
          },
        });
      if (b.showLabel)
        parts.push({
          tag: "text",
          key: "t",
          attrs: { class: "pl-text", x: b.x + 3, y: row.y + 10, "font-size": 9 },
          text: b.label,
        });
      rowChildren.push({
        tag: "g",
        key: `bar:${b.key}`,
        attrs: item("pl-replicas", b.id, { "data-ready": b.ready, "data-current": b.current }),
        children: parts,
      });
    }
    if (row.desiredPath)
      rowChildren.push({
        tag: "path",
        key: "desired",
        attrs: { class: "pl-desired", d: row.desiredPath, fill: "none" },
      });
    children.push({
      tag: "g",
      key: row.key,
      attrs: { class: "pl-lane pl-lane-rs", "data-testid": row.testId },
      children: rowChildren,
    });
  }
  // Steps last: on top of the bars they explain.
  children.push({
    tag: "g",
    key: "steps",
    attrs: { class: "pl-steps", "data-testid": "rollout-steps" },
    children: stepNodes,
  });
  return { tag: "g", key: d.key, attrs: { class: "pl-deployment", "data-testid": d.testId }, children };
}

function trafficNode(
  l: LaidOut,
  t: LaidOutTraffic,
  item: ItemAttrs,
  title: (t: string) => SvgNode[],
): SvgNode {
  const bars: SvgNode[] = t.bars.items.map(
    (b): SvgNode => ({
      tag: "g",
      key: `b:${b.key}`,
      attrs: item("pl-traffic", b.id, { "data-failed": b.failed }),
      children: [
        ...title(b.title),
        ...(b.okHeight > 0
          ? [
              {
                tag: "rect",
                key: "o",
                attrs: {
                  x: b.x,
                  y: b.baseY - b.okHeight,
                  width: b.width,
                  height: b.okHeight,
                  fill: WORKLOAD_COLOR.ok,
                },
              },
            ]
          : []),
        ...(b.failedHeight > 0
          ? [
              {
                tag: "rect",
                key: "f",
                attrs: {
                  x: b.x,
                  y: b.baseY - b.okHeight - b.failedHeight,
                  width: b.width,
                  height: b.failedHeight,
                  fill: WORKLOAD_COLOR.failed,
                },
              },
            ]
          : []),
      ],
    }),
  );
  const failures: SvgNode[] = t.failures.items.map(
    (f): SvgNode => ({
      tag: "g",
      key: `f:${f.key}`,
      attrs: item("pl-failure", f.id, { "data-outcome": f.outcome, "data-count": f.count }),
      children: [
        ...title(f.title),
        { tag: "path", key: "p", attrs: { d: `M${f.x - 4},${f.y + f.height - 2}h8l-4,-9z`, fill: f.color } },
        {
          tag: "rect",
          key: "hit",
          attrs: { x: f.x - 3, y: f.y, width: 6, height: f.height, fill: "transparent" },
        },
      ],
    }),
  );
  const headerY = t.y + 15;
  return {
    tag: "g",
    key: t.key,
    attrs: { class: "pl-service", "data-testid": t.testId, "data-failed": t.failed },
    children: [
      {
        tag: "text",
        key: "name",
        attrs: { class: "pl-text pl-pod-name", x: l.labelLeft, y: headerY },
        text: t.header,
      },
      {
        tag: "text",
        key: "summary",
        attrs: {
          class: t.failed > 0 ? "pl-text pl-failed-count" : "pl-muted",
          x: l.plotLeft,
          y: headerY,
          "data-testid": "traffic-summary",
        },
        text: t.summary,
      },
      background(l, "bars-bg", t.bars.y, t.bars.height),
      laneLabel(
        l,
        "bars-label",
        t.bars.y + t.bars.height / 2 + 3,
        `requests/s (max ${t.bars.maxRps})`,
        "Requests sent per second: ok in green, failed in red on top",
      ),
      {
        tag: "g",
        key: "bars",
        attrs: { class: "pl-lane pl-lane-traffic", "data-testid": `traffic-bars-${t.key.split("/")[1]}` },
        children: bars,
      },
      background(l, "failures-bg", t.failures.y, t.failures.height),
      laneLabel(
        l,
        "failures-label",
        t.failures.y + t.failures.height / 2 + 3,
        "failed requests",
        "One mark per failed request: select it to see the pod and why",
      ),
      {
        tag: "g",
        key: "failures",
        attrs: { class: "pl-lane pl-lane-failures", "data-testid": "failed-requests" },
        children: failures,
      },
    ],
  };
}

function ellipsize(text: string, widthPx: number): string {
  const max = Math.max(1, Math.floor(widthPx / 6.4));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
