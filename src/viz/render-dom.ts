/**
 * Renders a swimlane layout into a live `<svg>` with D3. React owns the `<svg>` element (and its
 * size); this owns everything inside it. Elements are joined by key, so a re-simulation updates
 * the drawing in place instead of rebuilding it.
 */
import { type Selection, select } from "d3";
import type { LaidOut } from "./layout.ts";
import { buildPlayhead, buildScene, type SceneOptions, type SvgNode } from "./scene.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Draws `laidOut` inside `parent` (an `<svg>` or a `<g>`), replacing what a previous call drew. */
export function renderSwimlanes(parent: SVGElement, laidOut: LaidOut, opts: SceneOptions = {}): void {
  joinChildren(select<Element, unknown>(parent), buildScene(laidOut, opts));
}

/**
 * Draws only the playhead (and the veil over the future) inside `parent`, a group of its own: while
 * playing, each frame moves the playhead without walking the whole drawing.
 */
export function renderPlayhead(parent: SVGElement, laidOut: LaidOut, playheadMs: number): void {
  joinChildren(select<Element, unknown>(parent), buildPlayhead(laidOut, playheadMs));
}

function keyOf(n: SvgNode, i: number): string {
  return `${n.tag}#${n.key ?? i}`;
}

function joinChildren(parent: Selection<Element, unknown, null, undefined>, nodes: SvgNode[]): void {
  parent
    .selectChildren<Element, SvgNode>()
    .data(nodes, (d, i) => keyOf(d, i))
    .join((enter) => enter.append((d) => document.createElementNS(SVG_NS, d.tag)))
    .order()
    .each(function (d) {
      applyNode(this, d);
    });
}

function applyNode(el: Element, n: SvgNode): void {
  for (const a of Array.from(el.attributes)) if (!(a.name in n.attrs)) el.removeAttribute(a.name);
  for (const [k, v] of Object.entries(n.attrs)) {
    const s = String(v);
    if (el.getAttribute(k) !== s) el.setAttribute(k, s);
  }
  if (n.children) joinChildren(select(el), n.children);
  else if (n.text !== undefined && el.textContent !== n.text) el.textContent = n.text;
}
