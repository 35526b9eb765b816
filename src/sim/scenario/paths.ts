/**
 * Field paths in Kubernetes' notation (`spec.containers[1].name`, `metadata.labels[app]`) and
 * their mapping back to positions in the YAML text.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

/** One step of a field path: a field name, a list index, or a key of a map (labels, env maps). */
export type PathSegment = string | number | { key: string };

/** Renders segments as Kubernetes does (`field.Path.String()`): `a.b[0].c`, map keys as `[key]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "object") out += `[${seg.key}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

/** Parses a path written as `formatPath` writes it; `[digits]` are list indexes, other `[x]` map keys. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else {
      const inner = m[2] as string;
      out.push(/^\d+$/.test(inner) ? Number(inner) : { key: inner });
    }
  }
  return out;
}

/** A 1-based position in the text. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Finds where a field path is written in a YAML document: the value's node, or with `at: "key"`
 * the key (for unknown fields). When the path does not exist (a required field is missing), the
 * position of the deepest existing ancestor is returned.
 */
export function locatePath(
  doc: Document.Parsed,
  segments: readonly PathSegment[],
  lineCounter: LineCounter,
  at: "value" | "key" = "value",
): TextPosition | undefined {
  let node: unknown = doc.contents;
  let best: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as PathSegment;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const name = typeof seg === "object" ? seg.key : String(seg);
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === name);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (last && at === "key" && keyNode) {
        best = keyNode;
        break;
      }
      best = valueNode ?? keyNode ?? best;
      if (!valueNode) break;
      node = valueNode;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      best = item;
      node = item;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}
