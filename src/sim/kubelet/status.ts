/**
 * Pod status generation (`generateAPIPodStatus`, GEN, KP): container statuses from the runtime's
 * instances and the reason cache, the pod phase (`getPhase`), and the kubelet-owned conditions,
 * keeping `lastTransitionTime` when a condition's status does not change.
 */
import { ContainerRuntime, type RuntimeContainer } from "../runtime/cri.ts";
import type { PodState } from "./pod-state.ts";
import { type ContainerSpec, isSidecar } from "./spec.ts";
import { statusTime } from "./status-time.ts";

type Json = Record<string, unknown>;

/** Whether a container should be restarted (HLP `ShouldContainerBeRestarted`). */
export function shouldRestart(
  ps: PodState,
  c: ContainerSpec,
  init: boolean,
  inst: RuntimeContainer | undefined,
): boolean {
  if (ps.pod.metadata.deletionTimestamp) return false;
  if (!inst || inst.state === "created") return true;
  if (inst.state === "running") return false;
  if (init && isSidecar(c)) return true;
  const policy = ps.spec.restartPolicy ?? "Always";
  // Regular init containers use OnFailure semantics when the pod policy is Always.
  const effective = init && policy === "Always" ? "OnFailure" : policy;
  if (effective === "Never") return false;
  if (effective === "OnFailure") return inst.exitCode !== 0;
  return true;
}

function terminatedState(startTimeMs: number, c: RuntimeContainer): Json {
  const t: Json = {
    containerID: ContainerRuntime.containerId(c),
    exitCode: c.exitCode ?? 0,
    finishedAt: statusTime(startTimeMs, c.finishedAtMs ?? 0),
  };
  if (c.message) t.message = c.message;
  t.reason = c.reason ?? (c.exitCode === 0 ? "Completed" : "Error");
  t.startedAt = statusTime(startTimeMs, c.startedAtMs ?? c.createdAtMs);
  return t;
}

/** One container's status as the API shows it. */
function containerStatus(
  ps: PodState,
  startTimeMs: number,
  c: ContainerSpec,
  init: boolean,
  hasInit: boolean,
): Json {
  const list = ps.instances.get(c.name) ?? [];
  const inst = list[list.length - 1];
  const prev = list[list.length - 2];
  const cached = ps.reasons.get(c.name);
  const status: Json = {};
  let state: Json;
  let lastState: Json = {};
  let ready = false;
  let started = false;
  const restartCount = inst ? inst.attempt : 0;

  const runningReported = inst?.state === "running" && !ps.inPostStart.has(c.name);
  if (inst && runningReported) {
    state = { running: { startedAt: statusTime(startTimeMs, inst.startedAtMs ?? 0) } };
    if (prev?.state === "exited") lastState = { terminated: terminatedState(startTimeMs, prev) };
    const hasStartup = !!c.startupProbe && (!init || isSidecar(c));
    const id = ContainerRuntime.containerId(inst);
    started = !hasStartup || ps.startup.get(id) === "success";
    if (init && !isSidecar(c)) ready = false;
    else if (!started) ready = false;
    else ready = !c.readinessProbe || ps.readiness.get(id) === "success";
  } else if (inst && inst.state === "exited") {
    if (cached && shouldRestart(ps, c, init, inst)) {
      state = { waiting: { message: cached.message, reason: cached.reason } };
      lastState = { terminated: terminatedState(startTimeMs, inst) };
    } else {
      state = { terminated: terminatedState(startTimeMs, inst) };
      if (prev?.state === "exited") lastState = { terminated: terminatedState(startTimeMs, prev) };
      // A regular init container that completed is "ready".
      ready = init && !isSidecar(c) && inst.exitCode === 0;
    }
  } else {
    const reason = cached ?? { reason: hasInit ? "PodInitializing" : "ContainerCreating", message: "" };
    state = {
      waiting: reason.message
        ? { message: reason.message, reason: reason.reason }
        : { reason: reason.reason },
    };
    if (inst && prev?.state === "exited") lastState = { terminated: terminatedState(startTimeMs, prev) };
    else if (inst?.state === "running" && prev?.state === "exited")
      lastState = { terminated: terminatedState(startTimeMs, prev) };
  }
  const shown = inst && (inst.state !== "created" || list.length > 1) ? inst : undefined;
  if (shown) status.containerID = ContainerRuntime.containerId(shown);
  status.image = shown ? shown.image.canonical : c.image;
  if (shown) status.imageID = shown.image.repoDigest;
  else status.imageID = "";
  status.lastState = lastState;
  status.name = c.name;
  status.ready = ready;
  status.restartCount = restartCount;
  status.started = started;
  status.state = state;
  if (c.volumeMounts?.length) {
    status.volumeMounts = c.volumeMounts.map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: "Disabled" } : {}),
    }));
  }
  return status;
}

/** `getPhase` (KP) over the generated container statuses. */
export function podPhase(ps: PodState, init: Json[], regular: Json[]): string {
  const spec = ps.spec;
  const policy = spec.restartPolicy ?? "Always";
  let pendingInit = 0;
  let failedInit = 0;
  (spec.initContainers ?? []).forEach((c, i) => {
    const s = init[i];
    const st = s?.state as Json | undefined;
    if (!st) {
      pendingInit++;
      return;
    }
    if (isSidecar(c)) {
      if (st.running) {
        if (s?.started !== true) pendingInit++;
      } else if (st.waiting && !(s?.lastState as Json | undefined)?.terminated) pendingInit++;
      return;
    }
    const term = st.terminated as Json | undefined;
    const lastTerm = (s?.lastState as Json | undefined)?.terminated as Json | undefined;
    if (term && term.exitCode === 0) return;
    if (term || (st.waiting && lastTerm && lastTerm.exitCode !== 0)) {
      if ((term?.exitCode ?? lastTerm?.exitCode) !== 0) failedInit++;
      else pendingInit++;
      return;
    }
    pendingInit++;
  });
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let everStarted = false;
  (spec.initContainers ?? []).forEach((c, i) => {
    if (isSidecar(c) && (init[i]?.state as Json)?.running) running++;
  });
  for (const s of regular) {
    const st = s.state as Json;
    const lastTerm = (s.lastState as Json).terminated;
    if (st.running) {
      running++;
      everStarted = true;
    } else if (st.terminated) {
      stopped++;
      everStarted = true;
      if ((st.terminated as Json).exitCode === 0) succeeded++;
    } else if (st.waiting && lastTerm) {
      stopped++;
      everStarted = true;
    } else if (st.waiting) waiting++;
  }
  if (failedInit > 0 && policy === "Never") return "Failed";
  if ((pendingInit > 0 && !everStarted) || waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (ps.terminating) return stopped === succeeded ? "Succeeded" : "Failed";
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

/**
 * Everything `generateStatus` reads from a pod's state, as it was at the last `changed` call: a
 * list of values compared with `===`. Besides these, `generateStatus` reads only the old status
 * and the time, which matters only when a condition flips — a change in one of these values.
 *
 * Why: `generateStatus` is idempotent: from the same inputs and the status it generated last, it
 * generates that status again (same JSON). A pod worker syncs every minute or so and most syncs
 * change nothing, so it can keep the status it has when these values and the status object are
 * the ones of its last generation. Keep this list in step with what `generateStatus`,
 * `containerStatus`, `podPhase` and `shouldRestart` read (a test checks the two agree).
 */
export class StatusInputs {
  private readonly values: unknown[] = [];
  private at = 0;
  private differs = false;
  /**
   * Container IDs (`containerd://…`) by instance, the probe results' keys. Why: an instance's ID
   * never changes, and a new string per check is an allocation and a hash per lookup.
   */
  private readonly ids = new WeakMap<RuntimeContainer, string>();

  /** Records the pod's current inputs; true when any differs from the last call's (or is new). */
  changed(ps: PodState, startTimeMs: number): boolean {
    this.at = 0;
    this.differs = false;
    const spec = ps.spec;
    this.note(startTimeMs);
    this.note(ps.pod);
    this.note(spec);
    this.note(spec.containers);
    this.note(spec.initContainers);
    this.note(spec.restartPolicy);
    this.note(spec.readinessGates);
    this.note(ps.pod.metadata.deletionTimestamp);
    this.note(ps.terminating);
    this.note(ps.terminated);
    this.note(ps.admittedMs);
    this.note(ps.statusReason?.reason);
    this.note(ps.statusReason?.message);
    this.note(ps.sandbox);
    this.note(ps.sandbox?.ready);
    this.note(ps.sandbox?.ip);
    for (const c of spec.initContainers ?? []) this.container(ps, c);
    for (const c of spec.containers) this.container(ps, c);
    if (this.values.length !== this.at) {
      this.values.length = this.at;
      this.differs = true;
    }
    return this.differs;
  }

  private note(v: unknown): void {
    if (this.at >= this.values.length) {
      this.values.push(v);
      this.differs = true;
    } else if (this.values[this.at] !== v) {
      this.values[this.at] = v;
      this.differs = true;
    }
    this.at++;
  }

  /** The values one container's status is generated from. */
  private container(ps: PodState, c: ContainerSpec): void {
    const list = ps.instances.get(c.name);
    const inst = list?.[list.length - 1];
    const cached = ps.reasons.get(c.name);
    this.note(c);
    this.note(c.name);
    this.note(c.image);
    this.note(c.restartPolicy);
    this.note(c.startupProbe);
    this.note(c.readinessProbe);
    this.note(c.volumeMounts);
    this.note(list);
    this.note(list?.length);
    this.note(cached?.reason);
    this.note(cached?.message);
    this.note(ps.inPostStart.has(c.name));
    this.instance(inst);
    this.instance(list?.[list.length - 2]);
    if (inst) {
      let id = this.ids.get(inst);
      if (id === undefined) this.ids.set(inst, (id = ContainerRuntime.containerId(inst)));
      this.note(ps.startup.get(id));
      this.note(ps.readiness.get(id));
    }
  }

  /** The fields of a container instance that change as it runs (the others are fixed at creation). */
  private instance(inst: RuntimeContainer | undefined): void {
    this.note(inst);
    if (!inst) return;
    this.note(inst.state);
    this.note(inst.startedAtMs);
    this.note(inst.finishedAtMs);
    this.note(inst.exitCode);
    this.note(inst.reason);
    this.note(inst.message);
  }
}

/**
 * True only when the two pod statuses' JSON texts surely differ, judged from a few fields that
 * usually change with a status: the phase, each container's ID, readiness, `started` and restart
 * count, and each condition's status. False says nothing: compare with `sameJson` then.
 *
 * Why: the pod worker compares every status it generates with the one before (13,000 times in a
 * 1000-replica rollout), and a full JSON comparison of two statuses costs several microseconds
 * and an array of keys per object. Each check here compares two values of one JSON type (two
 * strings, two booleans, two finite numbers) at the same place in both, or two array lengths: a
 * difference there is a difference in the texts.
 */
export function statusSurelyDiffers(a: Json | undefined, b: Json | undefined): boolean {
  if (!plainJson(a) || !plainJson(b)) return false;
  if (differs(a.phase, b.phase)) return true;
  return (
    listsSurelyDiffer(a.containerStatuses, b.containerStatuses, CONTAINER_STATUS_FIELDS) ||
    listsSurelyDiffer(a.conditions, b.conditions, CONDITION_FIELDS)
  );
}

/** The fields `statusSurelyDiffers` compares in each container status and each condition. */
const CONTAINER_STATUS_FIELDS = ["containerID", "ready", "started", "restartCount"] as const;
const CONDITION_FIELDS = ["status"] as const;

/** Whether two JSON lists surely differ: their lengths, or `fields` of the entries at one index. */
function listsSurelyDiffer(la: unknown, lb: unknown, fields: readonly string[]): boolean {
  if (!plainJson(la) || !plainJson(lb) || !Array.isArray(la) || !Array.isArray(lb)) return false;
  if (la.length !== lb.length) return true;
  for (let i = 0; i < la.length; i++) {
    const x = la[i] as Json | null | undefined;
    const y = lb[i] as Json | null | undefined;
    if (!plainJson(x) || !plainJson(y)) continue;
    for (const f of fields) if (differs(x[f], y[f])) return true;
  }
  return false;
}

/** An object or array whose JSON text is made of its own properties (no `toJSON`, no class). */
function plainJson(o: unknown): o is Json {
  if (typeof o !== "object" || o === null) return false;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return typeof (o as { toJSON?: unknown }).toJSON !== "function";
}

/** Two strings, two booleans or two finite numbers that differ (so their JSON texts differ). */
function differs(x: unknown, y: unknown): boolean {
  if (x === y) return false;
  const t = typeof x;
  if (t !== typeof y) return false;
  if (t === "string" || t === "boolean") return true;
  return t === "number" && Number.isFinite(x) && Number.isFinite(y);
}

/** A condition the kubelet sets, before its times are known. */
interface Condition {
  type: string;
  status: "True" | "False";
  reason?: string;
  message?: string;
}

/**
 * The API form of condition `c`: its transition time stays while its status does. Why a module
 * function and not a closure in `generateStatus`: the tsx loader names every named closure it
 * creates (a defineProperty per status generation, 13,000 in a 1000-replica rollout).
 */
function podCondition(oldConds: readonly Json[], c: Condition, startTimeMs: number, nowMs: number): Json {
  let prev: Json | undefined;
  for (const o of oldConds)
    if (o.type === c.type) {
      prev = o;
      break;
    }
  const lastTransitionTime =
    prev && prev.status === c.status ? prev.lastTransitionTime : statusTime(startTimeMs, nowMs);
  const out: Json = { lastProbeTime: null, lastTransitionTime };
  if (c.message) out.message = c.message;
  if (c.reason) out.reason = c.reason;
  out.status = c.status;
  out.type = c.type;
  return out;
}

/**
 * Regenerates the pod's API status from the kubelet's state (GEN). Terminal phases are sticky.
 */
export function generateStatus(ps: PodState, startTimeMs: number, nowMs: number): void {
  const spec = ps.spec;
  const initSpecs = spec.initContainers ?? [];
  const hasInit = initSpecs.length > 0;
  // Why loops and no map/filter/spread chains: every status generation of every pod runs this
  // (13,000 in a 1000-replica rollout); the statuses, their fields and order are as they were.
  const init: Json[] = [];
  for (const c of initSpecs) init.push(containerStatus(ps, startTimeMs, c, true, hasInit));
  const regular: Json[] = [];
  for (const c of spec.containers) regular.push(containerStatus(ps, startTimeMs, c, false, hasInit));
  const old = (ps.pod.status ?? {}) as Json;
  let phase = podPhase(ps, init, regular);
  const oldPhase = old.phase as string | undefined;
  // Why (generateAPIPodStatus): a sync handler asking for eviction (activeDeadlineSeconds)
  // overrides the phase with Failed at once, before the containers are stopped.
  if (ps.statusReason && oldPhase !== "Succeeded") phase = "Failed";
  if (oldPhase === "Failed" || oldPhase === "Succeeded") phase = oldPhase;

  let anyRegularStarted = false;
  for (const c of spec.containers) if ((ps.instances.get(c.name)?.length ?? 0) > 0) anyRegularStarted = true;
  const incomplete: string[] = [];
  for (let i = 0; i < initSpecs.length; i++) {
    const c = initSpecs[i]!;
    const s = init[i]!;
    if (isSidecar(c) ? s.started !== true : s.ready !== true) incomplete.push(c.name);
  }
  const oldConds = (old.conditions as Json[] | undefined) ?? [];
  const conds: Condition[] = [
    { type: "PodReadyToStartContainers", status: ps.sandbox?.ready ? "True" : "False" },
  ];
  if (phase === "Succeeded") conds.push({ type: "Initialized", status: "True", reason: "PodCompleted" });
  else if (incomplete.length === 0 || anyRegularStarted) conds.push({ type: "Initialized", status: "True" });
  else
    conds.push({
      type: "Initialized",
      status: "False",
      reason: "ContainersNotInitialized",
      message: `containers with incomplete status: [${incomplete.join(" ")}]`,
    });
  const unready: string[] = [];
  for (let i = 0; i < initSpecs.length; i++) {
    const c = initSpecs[i]!;
    if (isSidecar(c) && init[i]?.ready !== true) unready.push(c.name);
  }
  for (let i = 0; i < spec.containers.length; i++)
    if (regular[i]?.ready !== true) unready.push(spec.containers[i]!.name);
  let containersReady: Omit<Condition, "type">;
  if (phase === "Succeeded" || phase === "Failed") {
    containersReady = { status: "False", reason: phase === "Succeeded" ? "PodCompleted" : "PodFailed" };
  } else if (unready.length === 0) containersReady = { status: "True" };
  else
    containersReady = {
      status: "False",
      reason: "ContainersNotReady",
      message: `containers with unready status: [${unready.join(" ")}]`,
    };
  let ready = containersReady;
  const gates = spec.readinessGates ?? [];
  if (containersReady.status === "True" && gates.length > 0) {
    for (const g of gates) {
      const cond = oldConds.find((c) => c.type === g.conditionType);
      if (!cond) {
        ready = {
          status: "False",
          reason: "ReadinessGatesNotReady",
          message: `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`,
        };
        break;
      }
      if (cond.status !== "True") {
        ready = {
          status: "False",
          reason: "ReadinessGatesNotReady",
          message: `the status of pod readiness gate "${g.conditionType}" is not "True", but ${cond.status}`,
        };
        break;
      }
    }
  }
  conds.push(
    { ...ready, type: "Ready" },
    { ...containersReady, type: "ContainersReady" },
    { type: "PodScheduled", status: "True" },
  );
  const conditions: Json[] = [];
  for (const c of conds) conditions.push(podCondition(oldConds, c, startTimeMs, nowMs));
  // Conditions the kubelet does not own (readiness gates, DisruptionTarget) are preserved.
  for (const o of oldConds)
    if (!KUBELET_CONDITIONS.has(o.type) && !conditions.some((c) => c.type === o.type)) conditions.push(o);

  const status: Json = { conditions };
  if (regular.length) status.containerStatuses = regular;
  const hostIP = old.hostIP;
  if (hostIP) {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (init.length) status.initContainerStatuses = init;
  status.phase = phase;
  if (ps.sandbox) {
    status.podIP = ps.sandbox.ip;
    status.podIPs = [{ ip: ps.sandbox.ip }];
  } else if (old.podIP && ps.terminated) {
    status.podIP = old.podIP;
    status.podIPs = old.podIPs;
  }
  status.qosClass = old.qosClass ?? "BestEffort";
  if (ps.statusReason && (phase === "Failed" || ps.terminating)) {
    status.message = ps.statusReason.message;
    status.reason = ps.statusReason.reason;
  }
  status.startTime = old.startTime ?? statusTime(startTimeMs, ps.admittedMs);
  ps.pod.status = status;
}

/** The condition types `generateStatus` sets (every other condition of the old status is kept). */
const KUBELET_CONDITIONS: ReadonlySet<unknown> = new Set([
  "PodReadyToStartContainers",
  "Initialized",
  "Ready",
  "ContainersReady",
  "PodScheduled",
]);
