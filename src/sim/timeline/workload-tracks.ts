/**
 * The workload sections of the timeline: Deployments with their ReplicaSets' replica counts and
 * the rollout's steps, and the traffic sent to each Service, cut at the end of the range.
 */
import type { ServiceTraffic } from "../traffic/stats.ts";
import type { DeploymentTrack, ServiceTrack } from "./types.ts";
import type { WorkloadHistory } from "./workload-history.ts";

/** Deployment tracks up to `endMs`, in creation order. */
export function deploymentTracks(
  history: WorkloadHistory,
  events: { atMs: number; reason: string; message: string; object: { kind: string; name: string } }[],
  endMs: number,
): DeploymentTrack[] {
  const records = [...history.records.values()];
  return records
    .filter((r) => r.kind === "Deployment" && r.createdMs <= endMs)
    .map((d) => ({
      name: d.name,
      namespace: d.namespace,
      counts: d.samples.filter((s) => s.atMs <= endMs),
      replicaSets: records
        .filter((r) => r.kind === "ReplicaSet" && r.ownerUid === d.uid && r.createdMs <= endMs)
        .map((r) => ({
          name: r.name,
          ...(r.revision ? { revision: r.revision } : {}),
          ...(r.image ? { image: r.image } : {}),
          createdMs: r.createdMs,
          ...(r.deletedMs !== undefined && r.deletedMs <= endMs ? { deletedMs: r.deletedMs } : {}),
          counts: r.samples.filter((s) => s.atMs <= endMs),
        })),
      ...(d.strategy ? { strategy: { ...d.strategy } } : {}),
      ...(d.conditions ? { conditions: d.conditions.filter((c) => c.atMs <= endMs) } : {}),
      steps: events
        .filter(
          (e) =>
            e.atMs <= endMs &&
            e.object.kind === "Deployment" &&
            e.object.name === d.name &&
            e.reason === "ScalingReplicaSet",
        )
        .map((e) => ({ atMs: e.atMs, message: e.message })),
    }));
}

/** Service traffic tracks; counts are those of requests sent up to `endMs`. */
export function serviceTracks(traffic: ServiceTraffic[], endMs: number): ServiceTrack[] {
  const seconds = Math.ceil(endMs / 1000);
  return traffic.map((t) => ({
    name: t.name,
    namespace: t.namespace,
    sent: t.sent,
    succeeded: t.succeeded,
    failed: t.failed,
    byOutcome: { ...t.byOutcome },
    okPerSecond: t.okPerSecond.slice(0, seconds),
    failedPerSecond: t.failedPerSecond.slice(0, seconds),
    failures: t.failures.filter((f) => f.atMs <= endMs).map((f) => ({ ...f })),
    droppedFailures: t.droppedFailures,
  }));
}
