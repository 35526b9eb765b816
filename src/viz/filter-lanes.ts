/**
 * Picks which lanes a drawing shows, for embeds that focus on part of a run: a pod name keeps the
 * whole pod (its container lanes and pod-level lanes), `pod/container` keeps one container's lane
 * (and its probe sub-lanes) under that pod, and a Deployment's or Service's name keeps its section
 * (a Deployment's name also keeps its pods, named `<deployment>-…`). Events are kept for the pods
 * that remain.
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
  const deployments = timeline.deployments?.filter((d) => wholePods.has(d.name));
  const services = timeline.services?.filter((v) => wholePods.has(v.name));
  const ownedBy = (pod: string) => deployments?.some((d) => pod.startsWith(`${d.name}-`)) ?? false;
  const pods = timeline.pods.flatMap((p) => {
    if (wholePods.has(p.name) || ownedBy(p.name)) return [p];
    const keep = containers.get(p.name);
    if (!keep) return [];
    return [{ ...p, containers: p.containers.filter((c) => keep.has(c.name)), lanes: [] }];
  });
  if (pods.length === 0 && !deployments?.length && !services?.length) return timeline;
  const names = new Set(pods.map((p) => p.name));
  const events = timeline.events.filter((e) => e.object.kind !== "Pod" || names.has(e.object.name));
  const filtered: Timeline = { ...timeline, pods, events };
  if (deployments) filtered.deployments = deployments;
  if (services) filtered.services = services;
  return filtered;
}
