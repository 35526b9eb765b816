/**
 * Identity and description of the workload items on the swimlanes: a Deployment's ReplicaSet
 * replica counts and rollout steps, and a Service's traffic (requests per second, failed
 * requests). Ids are paths into the Timeline like the pod items' (`d0.r1.4` = deployment 0,
 * ReplicaSet 1, count sample 4; `d0.s2` = its step 2; `t0.b35` = service 0, second 35; `t0.f3` =
 * its failure 3), so they survive zoom and re-simulation.
 */
import type { DeploymentTrack, ReplicaCounts, ReplicaSetTrack, Timeline } from "../sim/timeline/types.ts";
import { type DetailsLanguage, ENGLISH, type RsArgs, rsLabelEn } from "./details-text.ts";
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

/** Describes the workload item `id` points at, in `lang`, or undefined when the timeline has none. */
export function describeWorkloadItem(
  timeline: Timeline,
  id: string,
  lang: DetailsLanguage = ENGLISH,
): ItemDetails | undefined {
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
      heading: lang.text("heading.condition", c),
      startMs: c.atMs,
      why: conditionWhy(c, lang),
      facts: [lang.text("fact.message", { message: c.message })],
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
        why: stepWhy(d, step, lang),
        facts: [lang.text("fact.scalingEvent")],
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
      heading: lang.text("heading.replicas", { ...rsArgs(rs), ready: c.ready, current: c.current }),
      startMs: c.atMs,
      endMs: next?.atMs ?? rs.deletedMs ?? timeline.endMs,
      why: countsWhy(rs, c, lang),
      facts: [
        lang.text("fact.desired", { n: c.desired }),
        lang.text("fact.current", { n: c.current }),
        lang.text("fact.readyCount", { n: c.ready }),
        lang.text("fact.available", { n: c.available }),
      ],
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
      heading: lang.text("heading.traffic", { ok, failed }),
      startMs: second * 1000,
      endMs: (second + 1) * 1000,
      why:
        failed > 0
          ? lang.text("why.traffic.failed", { service: svc.name, failed, sent: ok + failed })
          : lang.text("why.traffic.ok", { service: svc.name }),
      facts: [],
    };
  }
  const f = svc.failures[Number(m[7])];
  if (!f) return undefined;
  const podIndex = f.pod === undefined ? -1 : timeline.pods.findIndex((p) => p.name === f.pod);
  const facts = [lang.text("fact.outcome", { outcome: f.outcome })];
  if (f.endpoint) facts.push(lang.text("fact.endpoint", { endpoint: f.endpoint }));
  if (f.endMs !== f.atMs)
    facts.push(lang.text("fact.took", { duration: formatVirtualTime(f.endMs - f.atMs) }));
  return {
    id,
    podIndex,
    podName: f.pod ?? "",
    where,
    kind: "failure",
    heading: lang.text("heading.failure", { detail: f.detail }),
    startMs: f.atMs,
    endMs: f.endMs,
    why: lang.why(f),
    facts,
  };
}

/** `revision 2 (nginx:1.28)`, or the ReplicaSet's name when it has no revision. */
export function rsLabel(rs: ReplicaSetTrack): string {
  return rsLabelEn(rsArgs(rs));
}

/** A ReplicaSet as the view's phrases name it. */
function rsArgs(rs: ReplicaSetTrack, age?: "new" | "old"): RsArgs {
  return {
    name: rs.name,
    ...(age ? { age } : {}),
    ...(rs.revision !== undefined ? { revision: rs.revision } : {}),
    ...(rs.image ? { image: rs.image } : {}),
  };
}

function countsWhy(rs: ReplicaSetTrack, c: ReplicaCounts, lang: DetailsLanguage): string {
  const notReady = c.current - c.ready;
  const a = { rs: rs.name, current: c.current, desired: c.desired };
  if (c.current < c.desired) return lang.text("why.replicas.creating", a);
  if (c.current > c.desired) return lang.text("why.replicas.deleting", a);
  if (notReady > 0) return lang.text("why.replicas.notReady", { ...a, notReady });
  return lang.text("why.replicas.allReady", a);
}

const STEP = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/;

/**
 * Why the deployment controller took a step, from the step and the counts around it. Why: the
 * rolling updater (pkg/controller/deployment/rolling.go) scales the new ReplicaSet up within
 * replicas + maxSurge and the old ones down while keeping replicas − maxUnavailable available;
 * Recreate (recreate.go) scales the old ones to 0 before the new one comes up.
 */
export function stepWhy(
  d: DeploymentTrack,
  step: { atMs: number; message: string },
  lang: DetailsLanguage = ENGLISH,
): string {
  const m = STEP.exec(step.message);
  if (!m) return lang.text("why.step.other", { message: step.message });
  const [, dir, name = "", from = "", to = ""] = m;
  const rs = d.replicaSets.find((r) => r.name === name);
  const newest = d.replicaSets.reduce<ReplicaSetTrack | undefined>(
    (a, r) => (!a || r.createdMs > a.createdMs ? r : a),
    undefined,
  );
  const which = rs ? rsArgs(rs, rs === newest ? "new" : "old") : { name };
  const before = countsAt(d.counts, step.atMs);
  const desired = before?.desired ?? 0;
  if (dir === "up") {
    if (from === "0" && d.steps[0] === step) return lang.text("why.step.created", { to });
    if (before && before.current === 0) return lang.text("why.step.recreateUp", { ...which, to });
    return lang.text("why.step.rollingUp", {
      ...which,
      from,
      to,
      desired,
      ...(d.strategy ? { maxSurge: d.strategy.maxSurge } : {}),
    });
  }
  if (to === "0" && isRecreate(d, step.atMs)) return lang.text("why.step.recreateDown", which);
  return lang.text("why.step.rollingDown", {
    ...which,
    from,
    to,
    available: before?.available ?? 0,
    desired,
    ...(d.strategy ? { maxUnavailable: d.strategy.maxUnavailable } : {}),
  });
}

/** Why a Deployment condition changed, for the ones the drawing marks. */
export function conditionWhy(
  c: { type: string; status: string; reason: string; message: string },
  lang: DetailsLanguage = ENGLISH,
): string {
  if (c.reason === "ProgressDeadlineExceeded") return lang.text("why.condition.progressDeadline");
  return lang.text("why.condition", { type: c.type, status: c.status, reason: c.reason, message: c.message });
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
