/**
 * Picks which lanes a drawing shows, for embeds that focus on part of a run: a pod name keeps the
 * whole pod (its container lanes and pod-level lanes), `pod/container` keeps one container's lane
 * (and its probe sub-lanes) under that pod. Events are kept for the pods that remain.
 */
import type { Timeline } from "../sim/timeline/types.ts";

/** The timeline with only the lanes `selectors` name; with none, or none that match, all of it. */
export function filterLanes(timeline: Timeline, selectors: readonly string[] | undefined): Timeline {
  if (!selectors?.length) return timeline;
  const wholePods = new Set<string>();
  const containers = new Map<string, Set<string>>();
  for (const s of selectors) {
    const slash = s.indexOf("/");
    if (slash < 0) wholePods.add(s);
    else {
      const pod = s.slice(0, slash);
      const set = containers.get(pod) ?? new Set<string>();
      set.add(s.slice(slash + 1));
      containers.set(pod, set);
    }
  }
  const pods = timeline.pods.flatMap((p) => {
    if (wholePods.has(p.name)) return [p];
    const keep = containers.get(p.name);
    if (!keep) return [];
    return [{ ...p, containers: p.containers.filter((c) => keep.has(c.name)), lanes: [] }];
  });
  if (pods.length === 0) return timeline;
  const names = new Set(pods.map((p) => p.name));
  const events = timeline.events.filter((e) => e.object.kind !== "Pod" || names.has(e.object.name));
  return { ...timeline, pods, events };
}
