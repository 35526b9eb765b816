/**
 * Events as `kubectl describe` shows them: identical occurrences aggregated into one row with a
 * count (as the kubelet's event recorder does), aged relative to "now" (the playhead), and
 * printed `4s (x3 over 78s)` when repeated.
 */
import type { Timeline, TimelineEvent } from "../sim/index.ts";

/** One row of the Events table. */
export interface EventRow {
  type: TimelineEvent["type"];
  reason: string;
  message: string;
  /** `kubelet`, `default-scheduler`, … */
  from: string;
  object: TimelineEvent["object"];
  count: number;
  firstMs: number;
  lastMs: number;
  /** The Age column: `78s`, or `4s (x3 over 78s)`. */
  age: string;
}

/** Which events to show. */
export interface EventFilter {
  /** Only events about this pod… */
  podName?: string;
  /** …and, within it, this container (`spec.containers{name}` or `spec.initContainers{name}`). */
  containerName?: string;
}

/**
 * `HumanDuration` from k8s.io/apimachinery/pkg/util/duration, which kubectl uses for ages:
 * seconds up to 2 minutes, then minutes and seconds up to 10 minutes, and so on.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  return `${Math.floor(hours / 24)}d`;
}

function matches(e: TimelineEvent, f: EventFilter): boolean {
  if (f.podName !== undefined && !(e.object.kind === "Pod" && e.object.name === f.podName)) return false;
  if (f.containerName !== undefined) {
    const path = e.object.fieldPath ?? "";
    if (!path.endsWith(`{${f.containerName}}`)) return false;
  }
  return true;
}

/** The rows `kubectl describe` would print at virtual time `nowMs`, oldest last-seen first. */
export function describeEvents(timeline: Timeline, nowMs: number, filter: EventFilter = {}): EventRow[] {
  const rows = new Map<string, EventRow>();
  for (const e of timeline.events) {
    if (e.atMs > nowMs || !matches(e, filter)) continue;
    const o = e.object;
    const key = [e.type, e.reason, e.message, e.source, o.kind, o.namespace, o.name, o.fieldPath ?? ""].join(
      "\u0000",
    );
    const row = rows.get(key);
    if (row) {
      row.count++;
      row.lastMs = Math.max(row.lastMs, e.atMs);
      row.firstMs = Math.min(row.firstMs, e.atMs);
    } else {
      rows.set(key, {
        type: e.type,
        reason: e.reason,
        message: e.message,
        from: e.source,
        object: o,
        count: 1,
        firstMs: e.atMs,
        lastMs: e.atMs,
        age: "",
      });
    }
  }
  const out = [...rows.values()];
  for (const r of out) {
    const last = humanDuration(nowMs - r.lastMs);
    r.age = r.count > 1 ? `${last} (x${r.count} over ${humanDuration(nowMs - r.firstMs)})` : last;
  }
  // Why: kubectl describe sorts with event.SortableEvents, by last timestamp.
  return out.sort((a, b) => a.lastMs - b.lastMs || a.firstMs - b.firstMs);
}
