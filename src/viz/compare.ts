/**
 * Compare mode: variants of a scenario (without and with a preStop sleep, say) stacked on one time
 * axis. Each variant is laid out as usual and drawn in a group moved down below the previous one;
 * its items' ids get the variant's label as a prefix (`B:t0.f3`), so hover and selection know
 * which timeline they belong to.
 */
import type { Timeline } from "../sim/timeline/types.ts";
import { type LaidOut, layoutSwimlanes, type SwimlaneOptions } from "./layout.ts";
import { workloadItemPod } from "./workload-items.ts";

/** A variant to compare: a short label (`A`), a title, and its timeline. */
export interface CompareVariant {
  label: string;
  title: string;
  timeline: Timeline;
}

/** One variant placed in the comparison. */
export interface LaidOutVariant {
  label: string;
  /** `A: no preStop — 32 failed requests`. */
  header: string;
  /** Requests that failed in this variant (all Services). */
  failed: number;
  /** How far down the variant's own layout is moved. */
  dy: number;
  layout: LaidOut;
}

const HEADER_HEIGHT = 26;
const VARIANT_GAP = 18;

/** Failed requests of a run, over all its Services. */
export function failedRequests(t: Timeline): number {
  return (t.services ?? []).reduce((n, s) => n + s.failed, 0);
}

/** Lays the variants out one under the other on one time axis (the longest run's). Pure. */
export function layoutCompare(variants: CompareVariant[], options: SwimlaneOptions): LaidOut {
  const endOfRuns = Math.max(1, ...variants.map((v) => v.timeline.endMs));
  const opts = { ...options, endMs: options.endMs ?? endOfRuns };
  const first = layoutSwimlanes(variants[0]?.timeline ?? emptyTimeline(endOfRuns), opts);
  let y = first.plotTop;
  const laidOut: LaidOutVariant[] = variants.map((v) => {
    const layout = layoutSwimlanes(v.timeline, opts);
    const top = y + HEADER_HEIGHT;
    const dy = top - layout.plotTop;
    y = top + (layout.plotBottom - layout.plotTop) + VARIANT_GAP;
    const failed = failedRequests(v.timeline);
    const count = v.timeline.services?.length ? ` — ${failed} failed request${failed === 1 ? "" : "s"}` : "";
    return { label: v.label, header: `${v.label}: ${v.title}${count}`, failed, dy, layout };
  });
  const plotBottom = y - VARIANT_GAP;
  return {
    ...first,
    pods: [],
    height: Math.ceil(plotBottom + 12),
    plotBottom,
    variants: laidOut,
  };
}

/** Splits a compare item id (`B:0.c1.s2`) into its variant label and the item's own id. */
export function splitVariantId(id: string): { label?: string; id: string } {
  const m = /^([^:.]+):(.+)$/.exec(id);
  return m ? { label: m[1]!, id: m[2]! } : { id };
}

/**
 * The run the playhead moves over: in compare mode the longest variant's (the drawing's time axis
 * is the longest run's), else the single run.
 */
export function playbackTimeline(
  timeline: Timeline | undefined,
  variants: readonly CompareVariant[] | undefined,
): Timeline | undefined {
  if (!variants?.length) return timeline;
  return variants.reduce((a, b) => (b.timeline.endMs > a.timeline.endMs ? b : a)).timeline;
}

/**
 * The timeline a selected id reads from and the id inside it: the single run's, or in compare mode
 * (when `variants` are drawn) the variant the id names.
 */
export function selectionIn(
  timeline: Timeline | undefined,
  variants: readonly CompareVariant[] | undefined,
  selectedId: string | undefined,
): { timeline: Timeline | undefined; id: string | undefined } {
  if (!variants || !selectedId) return { timeline, id: selectedId };
  const { label, id } = splitVariantId(selectedId);
  return { timeline: variants.find((v) => v.label === label)?.timeline, id };
}

function emptyTimeline(endMs: number): Timeline {
  return { version: 1, startTimeMs: 0, endMs, pods: [], events: [] };
}

/**
 * The pod a selected item points at when that is not where the item is drawn (a failed request
 * reached it), as `name` or `label:name` in compare mode; undefined otherwise.
 */
export function focusPodOf(
  timeline: Timeline,
  variants: CompareVariant[] | undefined,
  selectedId: string | undefined,
): string | undefined {
  if (!selectedId) return undefined;
  const { label, id } = variants ? splitVariantId(selectedId) : { id: selectedId };
  const t = label === undefined ? timeline : variants?.find((v) => v.label === label)?.timeline;
  const pod = t ? workloadItemPod(t, id) : undefined;
  return pod === undefined ? undefined : label === undefined ? pod : `${label}:${pod}`;
}
