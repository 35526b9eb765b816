/**
 * Renders a swimlane layout as standalone SVG markup, without a DOM: what `podlife render` writes
 * for blogs that cannot embed an iframe. Draws the same scene as the browser renderer.
 */
import type { LaidOut } from "./layout.ts";
import { buildScene, ROOT_CLASS, type SvgNode } from "./scene.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Standalone SVG document text for a layout. Deterministic: the same layout gives the same bytes. */
export function renderSwimlanesToString(laidOut: LaidOut): string {
  const root: SvgNode = {
    tag: "svg",
    attrs: {
      xmlns: SVG_NS,
      class: ROOT_CLASS,
      width: laidOut.width,
      height: laidOut.height,
      viewBox: `0 0 ${laidOut.width} ${laidOut.height}`,
      role: "img",
    },
    children: buildScene(laidOut),
  };
  return `${serialize(root, "")}\n`;
}

function serialize(n: SvgNode, indent: string): string {
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  const open = `${indent}<${n.tag}${attrs}`;
  if (n.children?.length) {
    const inner = n.children.map((c) => serialize(c, `${indent}  `)).join("\n");
    return `${open}>\n${inner}\n${indent}</${n.tag}>`;
  }
  if (n.text !== undefined) return `${open}>${escapeXml(n.text)}</${n.tag}>`;
  return `${open}/>`;
}

/** Escapes text for XML content and double-quoted attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
