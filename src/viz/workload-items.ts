/**
 * Identity and description of the workload items on the swimlanes: a Deployment's ReplicaSet
 * replica counts and rollout steps, and a Service's traffic (requests per second, failed
 * requests). Ids are paths into the Timeline like the pod items' (`d0.r1.4` = deployment 0,
 * ReplicaSet 1, count sample 4; `d0.s2` = its step 2; `t0.b35` = service 0, second 35; `t0.f3` =
 * its failure 3), so they survive zoom and re-simulation.
 */
import type { DeploymentTrack, ReplicaCounts, ReplicaSetTrack, Timeline } from "../sim/timeline/types.ts";
import type { ItemDetails } from "./items.ts";
import { formatVirtualTime } from "./time-format.ts";

/** Builders of workload item ids. */
export const workloadItemId = {
  replicas: (deployment: number, rs: number, sample: number) => `d${deployment}.r${rs}.${sample}`,
  step: (deployment: number, step: number) => `d${deployment}.s${step}`,
  condition: (deployment: number, condition: number) => `d${deployment}.c${condition}`,
  second: (service: number, second: number) => `t${service}.b${second}`,
  failure: (service: number, failure: number) => `t${service}.f${failure}`,
};

const ID = /^(?:d(\d+)\.(?:r(\d+)\.(\d+)|s(\d+))|t(\d+)\.(?:b(\d+)|f(\d+))|d(\d+)\.c(\d+))$/;

/** Whether `id` names a workload item (rather than a pod's). */
export function isWorkloadItemId(id: string): boolean {
  return ID.test(id);
}

/** The pod a workload item points at (a failed request's pod), by name. */
export function workloadItemPod(timeline: Timeline, id: string): string | undefined {
  const m = ID.exec(id);
  if (!m || m[7] === undefined) return undefined;
  return timeline.services?.[Number(m[5])]?.failures[Number(m[7])]?.pod;
}

/** Describes the workload item `id` points at, or undefined when the timeline has none. */
export function describeWorkloadItem(timeline: Timeline, id: string): ItemDetails | undefined {
  const m = ID.exec(id);
  if (!m) return undefined;
  const none = { id, podIndex: -1, podName: "" };
  if (m[8] !== undefined) {
    const d = timeline.deployments?.[Number(m[8])];
    const c = d?.conditions?.[Number(m[9])];
    if (!d || !c) return undefined;
    return {
      ...none,
      where: `deployment/${d.name}`,
      kind: "condition",
      heading: `${c.type} ${c.status}: ${c.reason}`,
      startMs: c.atMs,
      why: conditionWhy(c),
      facts: [c.message],
    };
  }
  if (m[1] !== undefined) {
    const d = timeline.deployments?.[Number(m[1])];
    if (!d) return undefined;
    const where = `deployment/${d.name}`;
    if (m[4] !== undefined) {
      const step = d.steps[Number(m[4])];
      if (!step) return undefined;
      return {
        ...none,
        where,
        kind: "step",
        heading: step.message,
        startMs: step.atMs,
        why: stepWhy(d, step),
        facts: ["ScalingReplicaSet event from the deployment-controller"],
      };
    }
    const rs = d.replicaSets[Number(m[2])];
    const c = rs?.counts[Number(m[3])];
    if (!rs || !c) return undefined;
    const next = rs.counts[Number(m[3]) + 1];
    return {
      ...none,
      where,
      kind: "replicas",
      heading: `${rsLabel(rs)}: ${c.ready} of ${c.current} ready`,
      startMs: c.atMs,
      endMs: next?.atMs ?? rs.deletedMs ?? timeline.endMs,
      why: countsWhy(rs, c),
      facts: [`desired ${c.desired}`, `current ${c.current}`, `ready ${c.ready}`, `available ${c.available}`],
    };
  }
  const svc = timeline.services?.[Number(m[5])];
  if (!svc) return undefined;
  const where = `service/${svc.name}`;
  if (m[6] !== undefined) {
    const second = Number(m[6]);
    const ok = svc.okPerSecond[second] ?? 0;
    const failed = svc.failedPerSecond[second] ?? 0;
    return {
      ...none,
      where,
      kind: "traffic",
      heading: `${ok} ok, ${failed} failed`,
      startMs: second * 1000,
      endMs: (second + 1) * 1000,
      why:
        failed > 0
          ? `${failed} of the ${ok + failed} requests sent to Service ${svc.name} in this second failed: select a red mark under the bars to see why.`
          : `Every request sent to Service ${svc.name} in this second succeeded.`,
      facts: [],
    };
  }
  const f = svc.failures[Number(m[7])];
  if (!f) return undefined;
  const podIndex = f.pod === undefined ? -1 : timeline.pods.findIndex((p) => p.name === f.pod);
  const facts = [`outcome: ${f.outcome}`];
  if (f.endpoint) facts.push(`endpoint ${f.endpoint}`);
  if (f.endMs !== f.atMs) facts.push(`took ${formatVirtualTime(f.endMs - f.atMs)}`);
  return {
    id,
    podIndex,
    podName: f.pod ?? "",
    where,
    kind: "failure",
    heading: `Request failed: ${f.detail}`,
    startMs: f.atMs,
    endMs: f.endMs,
    why: f.why,
    facts,
  };
}

/** `revision 2 (nginx:1.28)`, or the ReplicaSet's name when it has no revision. */
export function rsLabel(rs: ReplicaSetTrack): string {
  const rev = rs.revision !== undefined ? `revision ${rs.revision}` : rs.name;
  return rs.image ? `${rev} (${rs.image})` : rev;
}

function countsWhy(rs: ReplicaSetTrack, c: ReplicaCounts): string {
  const notReady = c.current - c.ready;
  const head = `ReplicaSet ${rs.name} had ${c.current} pod${c.current === 1 ? "" : "s"} for ${c.desired} desired`;
  if (c.current < c.desired)
    return `${head}: the replicaset controller was creating the missing ${c.desired - c.current}.`;
  if (c.current > c.desired)
    return `${head}: the extra ${c.current - c.desired} were being deleted (terminating pods no longer count).`;
  if (notReady > 0)
    return `${head}; ${notReady} not ready yet (starting, or failing their readiness probe), so not counted as available.`;
  return `${head}, all ready.`;
}

const STEP = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/;

/**
 * Why the deployment controller took a step, from the step and the counts around it. Why: the
 * rolling updater (pkg/controller/deployment/rolling.go) scales the new ReplicaSet up within
 * replicas + maxSurge and the old ones down while keeping replicas − maxUnavailable available;
 * Recreate (recreate.go) scales the old ones to 0 before the new one comes up.
 */
export function stepWhy(d: DeploymentTrack, step: { atMs: number; message: string }): string {
  const m = STEP.exec(step.message);
  if (!m) return `The deployment controller changed a ReplicaSet's replicas (${step.message}).`;
  const [, dir, name, from, to] = m;
  const rs = d.replicaSets.find((r) => r.name === name);
  const newest = d.replicaSets.reduce<ReplicaSetTrack | undefined>(
    (a, r) => (!a || r.createdMs > a.createdMs ? r : a),
    undefined,
  );
  const which = rs ? `${rs === newest ? "new" : "old"} ReplicaSet, ${rsLabel(rs)}` : `ReplicaSet ${name}`;
  const before = countsAt(d.counts, step.atMs);
  const desired = before?.desired ?? 0;
  if (dir === "up") {
    if (from === "0" && d.steps[0] === step)
      return `The Deployment was created: its first ReplicaSet is scaled up to ${to} replicas.`;
    if (before && before.current === 0)
      return `Scaled up the ${which} to ${to}: with Recreate, the new pods come only once every old pod is gone.`;
    const surge = d.strategy
      ? `${desired + d.strategy.maxSurge} pods in all (${desired} + maxSurge ${d.strategy.maxSurge})`
      : `${desired} + maxSurge pods in all`;
    return `Scaled up the ${which} from ${from} to ${to}: the rolling update may run up to ${surge}, and new pods must pass readiness before old ones go.`;
  }
  if (to === "0" && isRecreate(d, step.atMs))
    return `Scaled down the ${which} to 0 at once: the Recreate strategy stops every old pod before it creates a new one, so nothing serves in between.`;
  const avail = before?.available ?? 0;
  const floor = d.strategy
    ? `${Math.max(0, desired - d.strategy.maxUnavailable)} (${desired} − maxUnavailable ${d.strategy.maxUnavailable})`
    : `${desired} − maxUnavailable`;
  return `Scaled down the ${which} from ${from} to ${to}: ${avail} pod${avail === 1 ? " was" : "s were"} available, and the rolling update keeps at least ${floor} available while it removes old pods.`;
}

/** Why a Deployment condition changed, for the ones the drawing marks. */
export function conditionWhy(c: { type: string; status: string; reason: string; message: string }): string {
  if (c.reason === "ProgressDeadlineExceeded")
    return "The rollout made no progress (no more updated, ready or available pods, no fewer old ones) for progressDeadlineSeconds: the deployment controller marks it failed but keeps the pods as they are; `kubectl rollout status` exits 1.";
  return `${c.type} became ${c.status} (${c.reason}): ${c.message}`;
}

/** A Recreate step: the old pods are scaled down while no other ReplicaSet has any pods. */
function isRecreate(d: DeploymentTrack, atMs: number): boolean {
  const total = d.replicaSets
    .map((r) => countsAt(r.counts, atMs))
    .reduce((n, c) => n + (c && c.desired > 0 ? c.desired : 0), 0);
  return total === 0;
}

/** The last sample at or before `atMs`. */
export function countsAt(counts: ReplicaCounts[], atMs: number): ReplicaCounts | undefined {
  let out: ReplicaCounts | undefined;
  for (const c of counts) {
    if (c.atMs > atMs) break;
    out = c;
  }
  return out;
}
