/**
 * Scene of a comparison (see `compare.ts`): the shared grid and axis, then each variant's own
 * scene in a group moved down under a header, with its item ids prefixed by the variant's label.
 */
import type { LaidOut } from "./layout.ts";
import { buildPlayhead, buildScene, type SceneOptions, type SvgNode } from "./scene.ts";

/** The children of the root `<svg>` for a comparison layout. Pure. */
export function buildCompareScene(l: LaidOut, opts: SceneOptions): SvgNode[] {
  const variants = l.variants ?? [];
  // The shared style, grid and axis come from a scene of the outer layout (it has no pods).
  const withWorkloads = variants.find((v) => v.layout.workloads)?.layout.workloads;
  const shared = buildScene({ ...l, variants: undefined, workloads: withWorkloads, pods: [] }, {}).filter(
    (n) => n.key === "style" || n.key === "grid" || n.key === "axis",
  );
  const nodes = [...shared];
  for (const v of variants) {
    const prefix = `${v.label}:`;
    const selectedId = opts.selectedId?.startsWith(prefix) ? opts.selectedId.slice(prefix.length) : undefined;
    const inner = buildScene(v.layout, {
      ...(opts.interactive !== undefined ? { interactive: opts.interactive } : {}),
      ...(selectedId !== undefined ? { selectedId } : {}),
      ...(opts.focusPod?.startsWith(prefix) ? { focusPod: opts.focusPod.slice(prefix.length) } : {}),
    }).filter((n) => n.key === "workloads" || n.key === "pods" || n.key === "empty");
    for (const n of inner) prefixItems(n, prefix);
    nodes.push({
      tag: "g",
      key: `variant:${v.label}`,
      attrs: {
        class: "pl-variant",
        "data-testid": `variant-${v.label}`,
        "data-failed": v.failed,
        transform: `translate(0,${v.dy})`,
      },
      children: [
        {
          tag: "text",
          key: "header",
          attrs: {
            class: "pl-text pl-variant-header",
            x: l.labelLeft,
            y: v.layout.plotTop - 10,
            "data-testid": `variant-header-${v.label}`,
          },
          text: v.header,
        },
        {
          tag: "line",
          key: "rule",
          attrs: {
            class: "pl-grid",
            x1: l.labelLeft,
            x2: l.plotRight,
            y1: v.layout.plotTop - 4,
            y2: v.layout.plotTop - 4,
          },
        },
        ...inner,
      ],
    });
  }
  if (opts.playheadMs !== undefined) nodes.push(...buildPlayhead(l, opts.playheadMs));
  return nodes;
}

function prefixItems(n: SvgNode, prefix: string): void {
  const id = n.attrs["data-item"];
  if (typeof id === "string") n.attrs["data-item"] = `${prefix}${id}`;
  for (const c of n.children ?? []) prefixItems(c, prefix);
}
