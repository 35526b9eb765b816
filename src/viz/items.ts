/**
 * Identity and description of the things drawn on the swimlanes: container spans and marks, probe
 * attempts and pod-lane values. An item id is a path into the Timeline (`0.c1.s3` = pod 0,
 * container 1, span 3), so it survives a re-layout (zoom, resize) and usually a re-simulation.
 * `describeItem` turns an id back into what the details panel shows, including the `why`.
 */
import type { ContainerTrack, PodTrack, Span, Timeline } from "../sim/timeline/types.ts";
import { type DetailsLanguage, ENGLISH } from "./details-text.ts";
import { formatVirtualTime } from "./time-format.ts";
import { describeWorkloadItem, isWorkloadItemId } from "./workload-items.ts";

/** Builders of item ids. */
export const itemId = {
  span: (pod: number, container: number, span: number) => `${pod}.c${container}.s${span}`,
  mark: (pod: number, container: number, mark: number) => `${pod}.c${container}.m${mark}`,
  probe: (pod: number, container: number, probe: number, attempt: number) =>
    `${pod}.c${container}.p${probe}.${attempt}`,
  podLane: (pod: number, lane: number, span: number) => `${pod}.l${lane}.${span}`,
};

/** What the details panel shows for a selected item. */
export interface ItemDetails {
  id: string;
  kind: "span" | "mark" | "probe" | "pod-lane" | "step" | "condition" | "replicas" | "traffic" | "failure";
  /** Where it is, when that is not (only) a pod: `deployment/web`, `service/web`. */
  where?: string;
  /** Index of the pod in the timeline, and its name (-1 and "" for a Deployment's or Service's item). */
  podIndex: number;
  podName: string;
  /** The container the item belongs to, if any. */
  containerName?: string;
  /** Short title: `Running (ready)`, `SIGKILL`, `liveness probe failure`, `phase: Pending`. */
  heading: string;
  startMs: number;
  /** End of a span; absent for instants. */
  endMs?: number;
  /** One sentence tied to the rule that made it happen. */
  why: string;
  /** Further facts (`reason: Completed`, `exit code: 137`, probe output). */
  facts: string[];
}

const ID = /^(\d+)\.(?:c(\d+)\.(?:s(\d+)|m(\d+)|p(\d+)\.(\d+))|l(\d+)\.(\d+))$/;

/** Which pod an item id belongs to (undefined for malformed ids). */
export function podIndexOf(id: string): number | undefined {
  const m = ID.exec(id);
  return m ? Number(m[1]) : undefined;
}

/**
 * Describes the item `id` points at, in `lang` (English by default), or undefined when the
 * timeline has no such item.
 */
export function describeItem(
  timeline: Timeline,
  id: string,
  lang: DetailsLanguage = ENGLISH,
): ItemDetails | undefined {
  if (isWorkloadItemId(id)) return describeWorkloadItem(timeline, id, lang);
  const m = ID.exec(id);
  if (!m) return undefined;
  const podIndex = Number(m[1]);
  const pod = timeline.pods[podIndex];
  if (!pod) return undefined;
  const base = { id, podIndex, podName: pod.name };
  if (m[7] !== undefined) return describePodLane(pod, Number(m[7]), Number(m[8]), base, lang);
  const c = pod.containers[Number(m[2])];
  if (!c) return undefined;
  const inContainer = { ...base, containerName: c.name };
  if (m[3] !== undefined) {
    const s = c.spans[Number(m[3])];
    if (!s) return undefined;
    const facts: string[] = [];
    const ready = s.ready === undefined ? undefined : s.ready ? "true" : "false";
    if (s.reason) facts.push(lang.text("fact.reason", { reason: s.reason }));
    if (s.exitCode !== undefined) facts.push(lang.text("fact.exitCode", { exitCode: s.exitCode }));
    if (ready) facts.push(lang.text("fact.ready", { ready }));
    return {
      ...inContainer,
      kind: "span",
      heading: lang.text("heading.span", {
        kind: s.kind,
        label: s.label,
        ...(ready ? { ready } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
        ...(s.exitCode !== undefined ? { exitCode: s.exitCode } : {}),
      }),
      startMs: s.startMs,
      endMs: s.endMs,
      why: s.why !== undefined ? lang.why({ ...s, why: s.why }) : defaultSpanWhy(c, s.kind, lang),
      facts,
    };
  }
  if (m[4] !== undefined) {
    const mk = c.marks[Number(m[4])];
    if (!mk) return undefined;
    return {
      ...inContainer,
      kind: "mark",
      heading: lang.text("heading.mark", { label: mk.label }),
      startMs: mk.atMs,
      why:
        mk.why !== undefined
          ? lang.why({ ...mk, why: mk.why })
          : lang.text("why.mark", { label: mk.label, container: c.name }),
      facts: [],
    };
  }
  const probe = c.probes[Number(m[5])];
  const a = probe?.attempts[Number(m[6])];
  if (!probe || !a) return undefined;
  const facts = [lang.text("fact.took", { duration: formatVirtualTime(a.durationMs) })];
  if (a.output.trim()) facts.push(lang.text("fact.output", { output: a.output.trim() }));
  return {
    ...inContainer,
    kind: "probe",
    heading: lang.text("heading.probe", { probe: probe.type, result: a.result }),
    startMs: a.atMs,
    // The attempt's own sentence counts it against its threshold; older timelines lack one.
    why:
      a.why !== undefined
        ? lang.why({ ...a, why: a.why })
        : lang.text("why.probe", { probe: probe.type, result: a.result }),
    facts,
  };
}

function describePodLane(
  pod: PodTrack,
  laneIndex: number,
  spanIndex: number,
  base: { id: string; podIndex: number; podName: string },
  lang: DetailsLanguage,
): ItemDetails | undefined {
  const lane = pod.lanes[laneIndex];
  const s = lane?.spans[spanIndex];
  if (!lane || !s) return undefined;
  return {
    ...base,
    kind: "pod-lane",
    heading: lang.text("heading.podLane", { lane: lane.name, value: s.value }),
    startMs: s.startMs,
    endMs: s.endMs,
    why:
      s.why !== undefined
        ? lang.why({ ...s, why: s.why })
        : lang.text("why.podLane", {
            pod: pod.name,
            lane: lane.name,
            value: s.value,
            from: formatVirtualTime(s.startMs),
          }),
    facts: [],
  };
}

function defaultSpanWhy(c: ContainerTrack, kind: Span["kind"], lang: DetailsLanguage): string {
  return lang.text("why.span", { container: c.name, containerKind: c.kind, kind });
}

/** A container track with its index, for callers that walk the timeline. */
export type IndexedContainer = { podIndex: number; containerIndex: number; container: ContainerTrack };
