/**
 * Builds the views' timeline from a simulated cluster: container lanes from each container's
 * lifecycle machine, probe attempts, pod lanes for phase and readiness, and every event occurrence.
 */
import type { Cluster } from "../cluster/cluster.ts";
import type { Kubelet, RecordedProbe } from "../kubelet/kubelet.ts";
import { byPod, endpointLanes } from "./endpoint-lanes.ts";
import { whyOf } from "./reasons.ts";
import type { ContainerTrack, PodLane, PodTrack, ProbeAttempt, ProbeType, Timeline } from "./types.ts";
import { deploymentTracks, serviceTracks } from "./workload-tracks.ts";

/** The timeline of everything simulated up to `endMs`. */
export function buildTimeline(cluster: Cluster, endMs: number): Timeline {
  cluster.settleProbes();
  const pods: PodTrack[] = [];
  const lifecycles = new Map<string, Kubelet>();
  for (const { kubelet } of cluster.nodes.values())
    for (const uid of kubelet.probes.keys()) lifecycles.set(uid, kubelet);
  const sliceChanges = byPod(cluster.controllers.endpointSlices.history);
  const proxyChanges = byPod(cluster.proxy.history);
  for (const [uid, h] of cluster.podHistory) {
    const kubelet = lifecycles.get(uid);
    const ps = kubelet?.lifecycleOf(uid);
    const containers: ContainerTrack[] = [];
    const spec = h.pod.spec as {
      containers: { name: string; image: string }[];
      initContainers?: { name: string; image: string; restartPolicy?: string }[];
    };
    const end = h.deletedMs ?? endMs;
    const attempts = attemptsByContainer(kubelet?.attempts(uid) ?? []);
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      const lc = ps?.get(c.name);
      const kind =
        lc?.kind ??
        ((spec.initContainers ?? []).includes(c)
          ? (c as { restartPolicy?: string }).restartPolicy === "Always"
            ? "sidecar"
            : "init"
          : "regular");
      const byType = attempts.get(c.name);
      containers.push({
        name: c.name,
        kind,
        image: c.image,
        spans: lc ? lc.spans(end) : [],
        marks: lc ? lc.marks() : [],
        probes: PROBE_TYPES.map((type) => ({ type, attempts: byType?.[type] ?? [] })).filter(
          (p) => p.attempts.length > 0 || hasProbe(h.pod.spec, c.name, p.type),
        ),
      });
    }
    const statuses = h.samples.filter((s) => s.atMs <= end);
    const phase: PodLane = { name: "phase", spans: [] };
    const conditions = new Map<string, PodLane>(CONDITIONS.map((c) => [c, { name: c, spans: [] }]));
    statuses.forEach((s, i) => {
      const next = statuses[i + 1]?.atMs ?? end;
      const value = s.deleting && s.phase !== "Succeeded" && s.phase !== "Failed" ? "Terminating" : s.phase;
      pushLane(phase, s.atMs, next, value);
      for (const [type, lane] of conditions) {
        const c = s.conditions.find((x) => x.type === type);
        if (c) pushLane(lane, s.atMs, next, c.status, c.reason);
        else if (lane.spans.length > 0) pushLane(lane, s.atMs, next, "Unknown");
      }
    });
    const lanes: PodLane[] = [
      phase,
      ...[...conditions.values()].filter((l) => l.spans.length > 0),
      ...endpointLanes(sliceChanges.get(uid), proxyChanges.get(uid), endMs, cluster.proxy.propagationMs),
    ];
    pods.push({
      uid,
      name: h.pod.metadata.name,
      namespace: h.pod.metadata.namespace ?? "default",
      ...(h.nodeName ? { nodeName: h.nodeName } : {}),
      createdMs: h.samples[0]?.atMs ?? 0,
      ...(h.deletedMs !== undefined ? { deletedMs: h.deletedMs } : {}),
      containers,
      lanes,
      statuses,
    });
  }
  const events = cluster.recorder.occurrences
    .filter((o) => o.atMs <= endMs)
    .map((o) => ({
      atMs: o.atMs,
      type: o.type,
      reason: o.reason,
      message: o.message,
      object: {
        kind: o.object.kind,
        name: o.object.name,
        namespace: o.object.namespace,
        ...(o.object.fieldPath ? { fieldPath: o.object.fieldPath } : {}),
      },
      source: o.source,
    }));
  const timeline: Timeline = { version: 1, startTimeMs: cluster.startTimeMs(), endMs, pods, events };
  const deployments = deploymentTracks(cluster.workloadHistory, cluster.recorder.occurrences, endMs);
  if (deployments.length > 0) timeline.deployments = deployments;
  const services = serviceTracks(cluster.traffic, endMs);
  if (services.length > 0) timeline.services = services;
  return timeline;
}

/** Pod conditions in the order `kubectl describe` lists them. */
const CONDITIONS = ["PodScheduled", "PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready"];

function pushLane(lane: PodLane, start: number, end: number, value: string, reason?: string): void {
  const last = lane.spans[lane.spans.length - 1];
  if (last && last.value === value) {
    last.endMs = end;
    return;
  }
  const why = reason ? whyOf("condition.reason", { condition: lane.name, status: value, reason }) : undefined;
  if (end > start || lane.spans.length === 0) lane.spans.push({ startMs: start, endMs: end, value, ...why });
}

const PROBE_TYPES: readonly ProbeType[] = ["startup", "liveness", "readiness"];

/** A pod's probe attempts as the timeline shows them, by container and probe type, in order. */
function attemptsByContainer(recorded: RecordedProbe[]): Map<string, Record<ProbeType, ProbeAttempt[]>> {
  const out = new Map<string, Record<ProbeType, ProbeAttempt[]>>();
  for (const a of recorded) {
    let byType = out.get(a.container);
    if (!byType) out.set(a.container, (byType = { startup: [], liveness: [], readiness: [] }));
    const p: ProbeAttempt = {
      atMs: a.atMs,
      durationMs: a.outcome.durationMs,
      result: a.outcome.timedOut ? "timeout" : a.outcome.result,
      output: a.outcome.output,
    };
    if (a.why) {
      p.why = a.why.why;
      p.whyCode = a.why.whyCode;
      if (a.why.whyArgs !== undefined) p.whyArgs = a.why.whyArgs;
    }
    byType[a.type].push(p);
  }
  return out;
}

function hasProbe(spec: unknown, name: string, type: ProbeType): boolean {
  const s = spec as { containers: Record<string, unknown>[]; initContainers?: Record<string, unknown>[] };
  const c = [...(s.initContainers ?? []), ...s.containers].find((x) => x.name === name);
  return !!c?.[`${type}Probe`];
}
