/**
 * The kubelet of one node: admits pods bound to it, runs a pod worker per pod, a probe worker per
 * container probe, the PLEG (container changes noticed at the next 1 s relist), the image manager
 * and CrashLoopBackOff, and reports status and events to the API server.
 */
import type { VirtualClock } from "../clock.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { ContainerRuntime, type RuntimeContainer, type RuntimeImage } from "../runtime/cri.ts";
import type { Kernel } from "../runtime/kernel.ts";
import type { ClusterNetwork, PodNetwork } from "../runtime/network.ts";
import type { Filesystem, FsDir } from "../runtime/vfs.ts";
import { startTask } from "../task.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { ProbeType, Why } from "../timeline/types.ts";
import { Backoff } from "./backoff.ts";
import { ContainerLifecycle } from "./container-machine.ts";
import type { KubeletHost } from "./host.ts";
import { type ImageLookup, ImageManager } from "./image-manager.ts";
import { allContainers, fieldPath, type PodState, type ProbeResult } from "./pod-state.ts";
import { PodWorker } from "./pod-worker.ts";
import { type HttpGetMemo, type ProbeOutcome, runProbe, sendHttpGet } from "./probe-exec.ts";
import { ProbeFastForward } from "./probe-fast-forward.ts";
import { ProbeWorker } from "./prober.ts";
import { type ContainerSpec, isSidecar, type PodSpec, type Probe } from "./spec.ts";

/** A probe attempt as recorded for the timeline. */
export interface RecordedProbe {
  container: string;
  type: ProbeType;
  atMs: number;
  outcome: ProbeOutcome;
  /** The rule this attempt applied, in one sentence (threshold counts, what happens next). */
  why?: Why;
}

/** Attempts caught up in bulk (`probe-fast-forward.ts`), listed when read. */
interface DeferredProbes {
  deferred: Iterable<RecordedProbe>;
}

/** What the kubelet needs from the cluster around it. */
export interface KubeletCluster {
  recordEvent(
    obj: {
      kind: string;
      name: string;
      namespace: string;
      uid: string;
      apiVersion: string;
      fieldPath?: string;
    },
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void;
  /** The pod's status was updated by the kubelet. */
  podStatusUpdated(pod: ApiObject): void;
  /** Removes the API object (the kubelet's final delete with grace 0). */
  removePod(pod: ApiObject): void;
}

export class Kubelet implements KubeletHost {
  readonly runtime: ContainerRuntime;
  readonly images: ImageManager<RuntimeImage>;
  readonly crashBackoff = new Backoff(10_000, 300_000);
  readonly workers = new Map<string, PodWorker>();
  /** Probe attempts by pod uid, as recorded: read them with `attempts`. */
  readonly probes = new Map<string, (RecordedProbe | DeferredProbes)[]>();
  private readonly lifecycles = new Map<string, Map<string, ContainerLifecycle>>();
  /** Pod workers by their sandbox's network (see `workerOf`). */
  private readonly bySandboxNet = new WeakMap<PodNetwork, PodWorker>();
  /** What `statusChanged` worked out from each pod's last status (see `statusView`). */
  private readonly statusViews = new WeakMap<PodState, StatusView>();
  /** Probe workers that set no timers while nothing reaches into their pod. */
  private readonly fastForwarded: ProbeFastForward;

  constructor(
    readonly nodeName: string,
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    kernel: Kernel,
    network: ClusterNetwork,
    podCidrPrefix: string,
    readonly epochMs: number,
    readonly hostFs: Filesystem,
    lookupImage: (image: string) => ImageLookup<RuntimeImage>,
    private readonly cluster: KubeletCluster,
  ) {
    this.runtime = new ContainerRuntime(
      kernel,
      clock,
      random.fork(`runtime/${nodeName}`),
      network,
      podCidrPrefix,
      epochMs,
    );
    this.images = new ImageManager(clock, lookupImage);
    this.runtime.onContainerEvent = (c) => this.pleg(c);
    this.fastForwarded = new ProbeFastForward(clock, (ps, deferred) =>
      this.probes.get(ps.uid)?.push({ deferred }),
    );
  }

  fastForward(ps: PodState, worker: ProbeWorker): boolean {
    const w = this.workers.get(ps.uid);
    if (!w || ps.terminated || !ps.sandbox) return false;
    this.fastForwarded.add(ps, worker, w.probeWorkers.indexOf(worker), ps.sandbox.net, () => {
      const trees = new Set<FsDir>();
      for (const list of ps.instances.values())
        for (const t of list[list.length - 1]?.ns.fs.roots() ?? []) trees.add(t);
      return [...trees];
    });
    return true;
  }

  releaseFastForward(ps: PodState): void {
    this.fastForwarded.release(ps);
  }

  /** The probe attempts of the pod with this uid, in the order they were made. */
  attempts(uid: string): RecordedProbe[] {
    const out: RecordedProbe[] = [];
    for (const p of this.probes.get(uid) ?? []) {
      if ("deferred" in p) for (const a of p.deferred) out.push(a);
      else out.push(p);
    }
    return out;
  }

  /** Catches the pod's fast-forwarded probes up to now (before its logs are read). */
  settleProbes(ps: PodState): void {
    this.fastForwarded.settle(ps);
  }

  /** Catches every fast-forwarded probe up to now (before attempts or logs are read). */
  settleAllProbes(): void {
    this.fastForwarded.settleAll();
  }

  /** Admits a pod bound to this node (HandlePodAdditions): creates its worker and probe workers. */
  admit(pod: ApiObject): void {
    const spec = pod.spec as unknown as PodSpec;
    const ps: PodState = {
      pod,
      uid: pod.metadata.uid ?? "",
      name: pod.metadata.name,
      namespace: pod.metadata.namespace ?? "default",
      spec,
      epochMs: this.epochMs,
      admittedMs: this.clock.now(),
      instances: new Map(),
      reasons: new Map(),
      liveness: new Map(),
      readiness: new Map(),
      startup: new Map(),
      lifecycles: new Map(),
      inPostStart: new Set(),
      createdFrom: new Map(),
      forceRestart: new Set(),
      terminating: false,
      terminated: false,
      finished: false,
    };
    for (const { spec: c, init } of allContainers(spec)) {
      const kind = init ? (isSidecar(c) ? "sidecar" : "init") : "regular";
      ps.lifecycles.set(c.name, new ContainerLifecycle(c.name, kind, c.image, this.clock));
    }
    this.lifecycles.set(ps.uid, ps.lifecycles);
    const worker = new PodWorker(this, ps);
    this.workers.set(ps.uid, worker);
    this.probes.set(ps.uid, []);
    for (const { spec: c, init } of allContainers(spec)) {
      if (init && !isSidecar(c)) continue; // regular init containers get no probe workers
      const defs: [ProbeType, Probe | undefined][] = [
        ["startup", c.startupProbe],
        ["liveness", c.livenessProbe],
        ["readiness", c.readinessProbe],
      ];
      for (const [type, p] of defs) {
        if (!p) continue;
        const w = new ProbeWorker(this, ps, c, type, p);
        worker.probeWorkers.push(w);
        w.start();
      }
    }
    worker.requestSync(0);
  }

  /** The container lifecycle machines of a pod (kept after the pod is gone, for the timeline). */
  lifecycleOf(uid: string): Map<string, ContainerLifecycle> | undefined {
    return this.lifecycles.get(uid);
  }

  /** The pod sandboxes on this node, as `crictl pods` lists them (newest first). */
  sandboxes(): PodSandboxView[] {
    const out: PodSandboxView[] = [];
    for (const w of this.workers.values()) {
      const sb = w.ps.sandbox;
      if (!sb) continue;
      out.push({
        id: sb.id,
        createdMs: sb.createdMs,
        ready: sb.ready,
        name: w.ps.name,
        namespace: w.ps.namespace,
        attempt: Math.max(0, (w.ps.sandboxAttempts ?? 1) - 1),
      });
    }
    return out.sort((a, b) => b.createdMs - a.createdMs);
  }

  /**
   * StopPodSandbox from outside the kubelet (`crictl stopp`, a node reboot): every container of
   * the sandbox is killed and its network torn down; the kubelet notices at its next relist.
   */
  stopSandbox(id: string): boolean {
    for (const w of this.workers.values()) {
      const sb = w.ps.sandbox;
      if (!sb || sb.id !== id) continue;
      this.fastForwarded.release(w.ps);
      for (const list of w.ps.instances.values()) {
        const inst = list[list.length - 1];
        if (inst?.state === "running") inst.ns.signal(1, "SIGKILL");
      }
      if (sb.ready) this.runtime.stopPodSandbox(sb);
      w.plegEvent();
      return true;
    }
    return false;
  }

  /** The API object changed (deletion requested, readiness gate condition set). */
  podUpdated(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    this.fastForwarded.release(w.ps);
    if (w.ps.pod.metadata.deletionTimestamp) {
      if (w.ps.terminated) {
        this.clock.setTimeout(() => this.podTerminated(w.ps), 100);
        return;
      }
      w.deletionRequested();
    } else w.requestSync(0);
  }

  /** Force deletion: the API object is gone already; the kubelet still stops the pod (grace ≥ 1 s). */
  podForceDeleted(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    this.fastForwarded.release(w.ps);
    w.ps.pod.metadata.deletionGracePeriodSeconds = Math.max(
      1,
      (w.ps.pod.metadata.deletionGracePeriodSeconds as number | undefined) ?? 1,
    );
    w.deletionRequested();
  }

  private pleg(c: RuntimeContainer): void {
    const w = this.workerOf(c);
    if (!w) return;
    const lc = w.ps.lifecycles.get(c.name);
    if (c.state === "exited" && c.reason !== "StartError") {
      lc?.send({
        type: "container.exited",
        exitCode: c.exitCode ?? 0,
        reason: c.reason ?? "Error",
        why: exitWhy(c),
      });
    }
    w.plegEvent();
  }

  /** The pod worker whose pod the container instance belongs to. */
  private workerOf(c: RuntimeContainer): PodWorker | undefined {
    // Why: a container runs in its pod's sandbox network; a thousand pods make a scan of every
    // worker per container event quadratic. The scan remains for a network not seen yet.
    const known = this.bySandboxNet.get(c.ns.net);
    if (known && this.workers.get(known.ps.uid) === known && ownsInstance(known.ps, c)) return known;
    for (const w of this.workers.values()) {
      if (w.ps.sandbox) this.bySandboxNet.set(w.ps.sandbox.net, w);
      if (ownsInstance(w.ps, c)) return w;
    }
    return undefined;
  }

  recordEvent(
    ps: PodState,
    container: string | undefined,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ): void {
    this.cluster.recordEvent(
      {
        kind: "Pod",
        name: ps.name,
        namespace: ps.namespace,
        uid: ps.uid,
        apiVersion: "v1",
        ...(container ? { fieldPath: fieldPath(ps, container) } : {}),
      },
      type,
      reason,
      message,
      { component: "kubelet", host: this.nodeName },
    );
  }

  statusChanged(ps: PodState, changed: boolean): void {
    // Why: probe workers read the status; a status like the last one changes nothing for them.
    if (changed) this.fastForwarded.release(ps);
    const view = this.statusView(ps);
    // Readiness manual trigger (PRM UpdatePodStatus): a running container that is not ready yet
    // gets its readiness probe run at once.
    for (const pw of view.trigger) pw.trigger();
    for (const { lc, c, ready } of view.running) {
      // Why the check: an unchanged readiness changes nothing in the lane (see ContainerLifecycle).
      if (lc.ready !== ready) lc.send({ type: "container.ready", ready, why: readyWhy(c, ready) });
    }
    // Why (status manager, updateStatusInternal): a status equal to the one the API server has is
    // not written again ("Ignoring same status for pod"), so a resync with nothing new leaves the
    // pod's resourceVersion alone and wakes no controller.
    if (changed) this.cluster.podStatusUpdated(ps.pod);
  }

  /**
   * What `statusChanged` acts on in the pod's current status, worked out again only when the status
   * object, the spec's container lists or the pod's worker differ from the last call's.
   *
   * Why this is safe: every writer of a pod's status replaces the object (the pod worker's
   * generateStatus, the scheduler's bind, the API server's status subresource) and none edits one in
   * place; a pod's probe workers and lifecycle machines are fixed when it is admitted.
   */
  private statusView(ps: PodState): StatusView {
    const w = this.workers.get(ps.uid);
    const status = ps.pod.status;
    const spec = ps.spec;
    const last = this.statusViews.get(ps);
    if (
      last &&
      last.status === status &&
      last.worker === w &&
      last.containers === spec.containers &&
      last.initContainers === spec.initContainers
    )
      return last;
    // Why a new view and not the last one edited: a trigger can regenerate the status while
    // `statusChanged` still walks the view it began with.
    const regular = status?.containerStatuses as Record<string, unknown>[] | undefined;
    const init = status?.initContainerStatuses as Record<string, unknown>[] | undefined;
    const view: StatusView = {
      status,
      worker: w,
      containers: spec.containers,
      initContainers: spec.initContainers,
      trigger: [],
      running: [],
    };
    if (w) {
      for (const pw of w.probeWorkers) {
        if (pw.type !== "readiness") continue;
        const cs = containerStatusOf(regular, init, pwName(pw));
        if (cs && (cs.state as Record<string, unknown>).running && cs.ready !== true) view.trigger.push(pw);
      }
    }
    for (const c of spec.initContainers ?? []) this.addRunning(view, ps, c, regular, init);
    for (const c of spec.containers) this.addRunning(view, ps, c, regular, init);
    this.statusViews.set(ps, view);
    return view;
  }

  /** Adds the container to the view's running ones if the status shows it running. */
  private addRunning(
    view: StatusView,
    ps: PodState,
    c: ContainerSpec,
    regular: Record<string, unknown>[] | undefined,
    init: Record<string, unknown>[] | undefined,
  ): void {
    const cs = containerStatusOf(regular, init, c.name);
    const lc = ps.lifecycles.get(c.name);
    if (cs && lc && (cs.state as Record<string, unknown>).running)
      view.running.push({ lc, c, ready: cs.ready === true });
  }

  podTerminated(ps: PodState): void {
    this.fastForwarded.release(ps);
    this.workers.delete(ps.uid);
    this.cluster.removePod(ps.pod);
  }

  startProbe(
    ps: PodState,
    c: ContainerSpec,
    containerId: string,
    probe: Probe,
    done: (outcome: ProbeOutcome | undefined) => void,
    memo?: HttpGetMemo,
  ): void {
    const inst = instanceById(ps.instances.get(c.name), containerId);
    if (!inst || !ps.sandbox) {
      done(undefined);
      return;
    }
    if (!probe.exec && probe.httpGet) {
      // The common case, without a coroutine: the server answers now, the outcome arrives later.
      const x = sendHttpGet(
        ps.sandbox,
        c,
        probe.httpGet,
        (probe.timeoutSeconds ?? 1) * 1000,
        this.runtime.now(),
        memo,
      );
      if (x.waitMs === undefined) done(x.outcome);
      else this.clock.setTimeout(() => done(x.outcome), x.waitMs);
      return;
    }
    startTask(this.clock, runProbe(this.runtime, ps.sandbox, inst, c, probe)).subscribe(done);
  }

  recordAttempt(
    ps: PodState,
    c: ContainerSpec,
    type: ProbeType,
    outcome: ProbeOutcome,
    atMs: number,
    why?: Why,
  ): void {
    // Why: attempts are kept in the order they were made; fast-forwarded ones may come first.
    // This one's answer was due now, on a timer set when the probe was sent (`atMs`).
    if (this.fastForwarded.pending(ps)) {
      const w = this.workers.get(ps.uid);
      const order = w ? w.probeWorkers.findIndex((p) => p.c === c && p.type === type) : 0;
      this.fastForwarded.settle(ps, { armedMs: atMs, order });
    }
    const attempts = this.probes.get(ps.uid);
    if (attempts) {
      // A long run records the same outcome over and over (same body, same duration): attempts
      // share the previous attempt's outcome object when it is equal.
      const last = attempts[attempts.length - 1];
      const previous = last && "outcome" in last ? last.outcome : undefined;
      const shared = previous && sameOutcome(previous, outcome) ? previous : outcome;
      attempts.push(
        why
          ? { container: c.name, type, atMs, outcome: shared, why }
          : { container: c.name, type, atMs, outcome: shared },
      );
    }
    if (outcome.result === "success") return;
    const Type = type[0]!.toUpperCase() + type.slice(1);
    if (outcome.result === "failure") {
      this.recordEvent(ps, c.name, "Warning", "Unhealthy", `${Type} probe failed: ${outcome.output}`);
    } else if (outcome.result === "warning") {
      this.recordEvent(ps, c.name, "Warning", "ProbeWarning", `${Type} probe warning: ${outcome.output}`);
    } else if (outcome.result === "error") {
      this.recordEvent(
        ps,
        c.name,
        "Warning",
        "Unhealthy",
        `${Type} probe errored and resulted in unknown state: ${outcome.output}`,
      );
    }
  }

  setResult(ps: PodState, c: ContainerSpec, containerId: string, type: ProbeType, result: ProbeResult): void {
    const map = type === "liveness" ? ps.liveness : type === "readiness" ? ps.readiness : ps.startup;
    if (map.get(containerId) === result) return;
    map.set(containerId, result);
    const w = this.workers.get(ps.uid);
    if (!w || ps.terminated) return;
    if (type === "readiness" || type === "startup") {
      // SetContainerReadiness / SetContainerStartup: applied to the status at once.
      const cs = [
        ...((ps.pod.status?.containerStatuses as Record<string, unknown>[]) ?? []),
        ...((ps.pod.status?.initContainerStatuses as Record<string, unknown>[]) ?? []),
      ].find((s) => s.name === c.name);
      if (cs && (cs.state as Record<string, unknown>).running) {
        w.refreshStatus();
      }
    }
    w.requestSync(0);
  }
}

/** Whether the container instance is one of the pod's. */
function ownsInstance(ps: PodState, c: RuntimeContainer): boolean {
  return ps.instances.get(c.name)?.includes(c) ?? false;
}

/** Whether two probe outcomes say the same thing. */
function sameOutcome(a: ProbeOutcome, b: ProbeOutcome): boolean {
  return (
    a.result === b.result &&
    a.output === b.output &&
    a.durationMs === b.durationMs &&
    a.timedOut === b.timedOut &&
    "timedOut" in a === "timedOut" in b
  );
}

/** The instance whose status ID (`containerd://<id>`) is `containerId`. */
function instanceById(
  list: RuntimeContainer[] | undefined,
  containerId: string,
): RuntimeContainer | undefined {
  if (!list || !containerId.startsWith(CONTAINERD)) return undefined;
  for (const i of list)
    if (containerId.length === CONTAINERD.length + i.id.length && containerId.endsWith(i.id)) return i;
  return undefined;
}

/** The runtime's prefix on container IDs in the pod status. */
const CONTAINERD = "containerd://";

function pwName(w: ProbeWorker): string {
  return w.c.name;
}

function exitWhy(c: RuntimeContainer): Why {
  if (c.signal === "SIGKILL") return whyOf("exit.sigkill");
  if (c.signal) return whyOf("exit.signal", { signal: c.signal, exitCode: c.exitCode as number });
  if (c.exitCode === 0) return whyOf("exit.completed", { command: c.argv.join(" ") });
  return whyOf("exit.error", {
    ...(c.argv[0] !== undefined ? { program: c.argv[0] } : {}),
    exitCode: c.exitCode as number,
  });
}

function readyWhy(c: ContainerSpec, ready: boolean): Why {
  if (ready) {
    if (c.readinessProbe) return whyOf("ready.readinessProbe");
    return c.startupProbe ? whyOf("ready.afterStartup") : whyOf("ready.noProbe");
  }
  if (c.startupProbe) return whyOf("notReady.startup");
  return whyOf("notReady.readiness");
}

/** The first status named `name`: the regular containers' first, then the init containers'. */
function containerStatusOf(
  regular: Record<string, unknown>[] | undefined,
  init: Record<string, unknown>[] | undefined,
  name: string,
): Record<string, unknown> | undefined {
  for (const s of regular ?? []) if (s.name === name) return s;
  for (const s of init ?? []) if (s.name === name) return s;
  return undefined;
}

/** What `Kubelet.statusChanged` acts on in one pod status, and what it was worked out from. */
interface StatusView {
  status: unknown;
  worker: PodWorker | undefined;
  containers: ContainerSpec[];
  initContainers: ContainerSpec[] | undefined;
  /** Readiness probe workers whose container the status shows running and not ready. */
  trigger: ProbeWorker[];
  /** Containers the status shows running, with their lane and readiness there. */
  running: { lc: ContainerLifecycle; c: ContainerSpec; ready: boolean }[];
}

/** A pod sandbox as the CRI lists it. */
export interface PodSandboxView {
  id: string;
  createdMs: number;
  ready: boolean;
  name: string;
  namespace: string;
  attempt: number;
}
