/**
 * Object metadata helpers the controllers share: controller references (`metav1.GetControllerOf`,
 * `NewControllerRef`), label selectors, the event recorder's view of an object, and comparisons.
 */
import type { LabelSelector } from "../api/types.ts";
import { selectorMatches } from "../api/validation/meta.ts";
import type { InvolvedObject } from "../cluster/events.ts";
import type { ApiObject } from "../kubectl/api.ts";

/** A `metav1.OwnerReference`. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The owner references of an object (empty when none). */
export function ownerReferences(obj: ApiObject): OwnerReference[] {
  const refs = obj.metadata.ownerReferences;
  return Array.isArray(refs) ? (refs as OwnerReference[]) : [];
}

/** The owner reference with `controller: true`, if any (`metav1.GetControllerOf`). */
export function controllerOf(obj: ApiObject): OwnerReference | undefined {
  for (const r of ownerReferences(obj)) if (r.controller === true) return r;
  return undefined;
}

/** `metav1.NewControllerRef`: a controlling, deletion-blocking reference to `owner`. */
export function newControllerRef(owner: ApiObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? "",
  };
}

/** Whether a selector selects these labels; an absent or empty selector selects nothing. */
export function selects(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return compileSelector(selector)(labels);
}

/**
 * A selector as a predicate over labels, for matching many objects against one selector
 * (`metav1.LabelSelectorAsSelector`). An absent or empty selector selects nothing here: the
 * workload controllers refuse to select everything.
 */
export function compileSelector(
  selector: LabelSelector | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector) return () => false;
  const pairs = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (pairs.length + expressions.length === 0) return () => false;
  if (expressions.length > 0) return (labels) => selectorMatches(selector, labels);
  return (labels) => {
    if (!labels) return false;
    for (const [k, v] of pairs) if (labels[k] !== v) return false;
    return true;
  };
}

/** The object as the event recorder names it. */
export function involved(obj: ApiObject): InvolvedObject {
  return {
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? "default",
    uid: obj.metadata.uid ?? "",
    apiVersion: obj.apiVersion,
  };
}

/** JSON with object keys sorted: equal for semantically equal API values (`apiequality.Semantic`). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** A `metav1.Time` string as virtual milliseconds since the start (`startMs` is the epoch). */
export function parseApiTime(text: string | undefined, startMs: number): number | undefined {
  if (!text) return undefined;
  const t = parseTimestamp(text);
  return Number.isNaN(t) ? undefined : t - startMs;
}

/** Parsed timestamps by text; cleared when it grows past `PARSED_TIMES_LIMIT`. */
const parsedTimes = new Map<string, number>();
const PARSED_TIMES_LIMIT = 10_000;

/**
 * `Date.parse`, remembered by text. The controllers read the same few whole-second timestamps
 * from every pod on every sync, and a parse costs ten times a lookup.
 */
export function parseTimestamp(text: string): number {
  let t = parsedTimes.get(text);
  if (t === undefined) {
    t = Date.parse(text);
    if (parsedTimes.size >= PARSED_TIMES_LIMIT) parsedTimes.clear();
    parsedTimes.set(text, t);
  }
  return t;
}
