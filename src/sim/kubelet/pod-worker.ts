/**
 * The pod worker (PW) and its sync functions (KRM `SyncPod`, `killContainer`, KL
 * `SyncTerminatingPod`/`SyncTerminatedPod`). One worker per pod runs syncs serially: a sync is
 * requested by pod updates, the PLEG (container started/exited, noticed at the next 1 s relist),
 * probe result changes, and re-queues (10–15 s after an error such as CrashLoopBackOff, 60–90 s
 * otherwise).
 */
import { apiTime } from "../cluster/time.ts";
import { ContainerRuntime, type RuntimeContainer } from "../runtime/cri.ts";
import type { FsDir } from "../runtime/vfs.ts";
import { newDir } from "../runtime/vfs.ts";
import { sameJson } from "../same-json.ts";
import { Latch, sleep, startTask, type Task } from "../task.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { Why } from "../timeline/types.ts";
import { goDuration } from "./go-duration.ts";
import { runHook } from "./hooks.ts";
import type { KubeletHost } from "./host.ts";
import { allContainers, latest, latestInSandbox, type PodState } from "./pod-state.ts";
import type { ProbeWorker } from "./prober.ts";
import { type ContainerSpec, isSidecar } from "./spec.ts";
import { generateStatus, StatusInputs, shouldRestart, statusSurelyDiffers } from "./status.ts";

/** PLEG relist period (`genericPlegRelistPeriod`). */
export const PLEG_RELIST_MS = 1000;

type SyncResult = { error?: string };

export class PodWorker {
  private running = false;
  private pending = false;
  private timer?: unknown;
  private timerDueMs = Number.POSITIVE_INFINITY;
  private cancel = new Latch<void>();
  readonly probeWorkers: ProbeWorker[] = [];

  constructor(
    private readonly host: KubeletHost,
    readonly ps: PodState,
  ) {}

  private get clock() {
    return this.host.clock;
  }

  private get desc(): string {
    return `${this.ps.name}_${this.ps.namespace}(${this.ps.uid})`;
  }

  /** Whether a sync is scheduled for the pod's `activeDeadlineSeconds`. */
  private deadlineArmed = false;

  /** The status object `updateStatus` generated last, and what it was generated from. */
  private generated?: unknown;
  private readonly statusInputs = new StatusInputs();

  /** Requests a sync after `delayMs` (coalesced with an earlier pending request). */
  requestSync(delayMs = 0): void {
    if (this.ps.terminated && this.ps.finished) return;
    if (this.running) {
      if (delayMs === 0) this.pending = true;
      else this.schedule(delayMs);
      return;
    }
    this.schedule(delayMs);
  }

  /** A PLEG event for this pod: sync at the next relist tick. */
  plegEvent(): void {
    const now = this.clock.now();
    const next = Math.floor(now / PLEG_RELIST_MS) * PLEG_RELIST_MS + PLEG_RELIST_MS;
    this.requestSync(next - now);
  }

  private schedule(delayMs: number): void {
    const due = this.clock.now() + delayMs;
    if (due >= this.timerDueMs) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerDueMs = due;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerDueMs = Number.POSITIVE_INFINITY;
      this.runSync();
    }, delayMs);
  }

  /** The pod's deletion was requested: abandon an in-flight sync and terminate. */
  deletionRequested(): void {
    if (this.ps.terminating) return;
    if (this.running) this.cancel.fire();
    this.requestSync(0);
  }

  private runSync(): void {
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = true;
    const begun = this.syncStart();
    if (isTask(begun))
      startTask(this.clock, begun, this.cancel as Latch<unknown>).subscribe((result) => this.synced(result));
    else this.synced(begun);
  }

  /** A sync ended (or was abandoned): run a pending one, or re-queue. */
  private synced(result: SyncResult | undefined): void {
    this.running = false;
    if (this.cancel.done) this.cancel = new Latch<void>();
    if (this.ps.terminated) return;
    if (this.pending) {
      this.pending = false;
      this.schedule(0);
      return;
    }
    // Why (PW): re-queue after an error with backOffPeriod 10 s × jitter 0.5, else resync 60–90 s.
    const base = result?.error ? 10_000 : 60_000;
    this.schedule(Math.round(base * (1 + this.host.random.next() * 0.5)));
  }

  /** Regenerates the pod's status now (readiness or startup result changed). */
  refreshStatus(): void {
    this.updateStatus();
  }

  private updateStatus(): void {
    // Why a reference is enough: generateStatus builds a new status object and never edits the old.
    const before = this.ps.pod.status;
    const inputsChanged = this.statusInputs.changed(this.ps, this.ps.epochMs);
    // Why: from the inputs of its last generation and the status it generated then, generateStatus
    // generates that status again (see StatusInputs); every writer of a pod's status replaces the
    // object (the kubelet here, the API server's status subresource), so one still in place is ours.
    if (!inputsChanged && before !== undefined && before === this.generated) {
      this.host.statusChanged(this.ps, false);
      return;
    }
    generateStatus(this.ps, this.ps.epochMs, this.clock.now());
    this.generated = this.ps.pod.status;
    const after = this.ps.pod.status;
    this.host.statusChanged(this.ps, statusSurelyDiffers(after, before) || !sameJson(after, before));
  }

  private lifecycle(name: string) {
    return this.ps.lifecycles.get(name)!;
  }

  /**
   * A sync (KL SyncPod) up to its first wait: its result when it ends without waiting, else the
   * coroutine that goes on from there.
   *
   * Why: most syncs are the periodic resync of a running pod, which has nothing to wait for; they
   * now cost no coroutine. The checks that pick the coroutine only read state, so it starts where
   * this left off: `syncPod` repeats them and takes the same branch.
   */
  private syncStart(): SyncResult | Task<SyncResult> {
    const ps = this.ps;
    if (ps.terminated) return {};
    this.checkActiveDeadline();
    if (ps.pod.metadata.deletionTimestamp || ps.terminating) return this.terminate();
    this.updateStatus();
    const phase = (ps.pod.status as { phase?: string }).phase;
    if (phase === "Succeeded" || phase === "Failed") return this.terminate();
    if (!ps.sandbox?.ready || ps.spec.initContainers?.length || this.anyUnhealthy() || this.anyToStart())
      return this.syncPod();
    if (this.allRegularDone()) {
      // Regular containers are done and will not restart: stop the sidecars and finish the pod.
      this.updateStatus();
      return this.terminate();
    }
    return {};
  }

  /** SyncTerminatingPod as a sync's rest. */
  private *terminate(): Task<SyncResult> {
    yield* this.syncTerminatingPod();
    return {};
  }

  /** Whether a regular container is to be started (the loop in `syncPod`). */
  private anyToStart(): boolean {
    return this.ps.spec.containers.some((c) => this.toStart(c));
  }

  /** Whether the regular container `c` is to be started: never started, or exited to be restarted. */
  private toStart(c: ContainerSpec): boolean {
    const ps = this.ps;
    const inst = latest(ps, c.name);
    return (
      !inst || (inst.state === "exited" && (ps.forceRestart.has(c.name) || shouldRestart(ps, c, false, inst)))
    );
  }

  /** The rest of a sync that waits: sandbox, unhealthy containers, init containers, containers. */
  private *syncPod(): Task<SyncResult> {
    const ps = this.ps;
    let kept: Map<string, FsDir> | undefined;
    if (ps.sandbox && !ps.sandbox.ready) {
      // Why (computePodActions, PodSandboxChanged): the pod's sandbox died under it (node reboot,
      // `crictl stopp`). Everything is killed and re-created, init containers first — unless the
      // pod never restarts and its containers have already run.
      const ran = [...ps.instances.values()].some((l) => l.length > 0);
      if ((ps.spec.restartPolicy ?? "Always") === "Never" && ran) {
        ps.finished = true;
        this.updateStatus();
        yield* this.syncTerminatingPod();
        return {};
      }
      this.host.recordEvent(
        ps,
        undefined,
        "Normal",
        "SandboxChanged",
        "Pod sandbox changed, it will be killed and re-created.",
      );
      kept = ps.sandbox.volumes;
      ps.sandbox = undefined;
      ps.sandboxBase = new Map([...ps.instances].map(([name, list]) => [name, list.length]));
      this.updateStatus();
    }
    if (!ps.sandbox) {
      // RunPodSandbox: pause container plus CNI network setup.
      yield sleep(300 + this.host.random.int(0, 400));
      ps.sandbox = this.host.runtime.runPodSandbox(ps.uid, ps.spec.hostname ?? ps.name);
      ps.sandboxAttempts = (ps.sandboxAttempts ?? 0) + 1;
      this.setUpVolumes(kept);
      this.updateStatus();
      // Why (GenericPLEG): the new sandbox is a change the next relist reports, which syncs the
      // pod again — that is what publishes an early failure such as ErrImagePull within a second.
      this.plegEvent();
    }
    // Why the checks first: most syncs (the periodic resync of a running pod) have nothing to kill
    // and no init containers; the checks read what the coroutines read, without starting one.
    if (this.anyUnhealthy()) yield* this.killUnhealthyContainers();

    const init = ps.spec.initContainers?.length ? yield* this.syncInitContainers() : "done";
    if (init === "failed") {
      ps.finished = true;
      this.updateStatus();
      yield* this.syncTerminatingPod();
      return {};
    }
    if (init !== "done") return init === "error" ? { error: "init" } : {};

    let error: string | undefined;
    for (const c of ps.spec.containers) {
      if (!this.toStart(c)) continue;
      const r = yield* this.startContainer(c, false);
      if (r.error) error = r.error;
    }
    if (this.allRegularDone()) {
      // Regular containers are done and will not restart: stop the sidecars and finish the pod.
      this.updateStatus();
      yield* this.syncTerminatingPod();
      return {};
    }
    return error ? { error } : {};
  }

  private allRegularDone(): boolean {
    const ps = this.ps;
    return ps.spec.containers.every((c) => {
      const inst = latest(ps, c.name);
      return inst?.state === "exited" && !shouldRestart(ps, c, false, inst);
    });
  }

  private checkActiveDeadline(): void {
    const ps = this.ps;
    const deadline = ps.spec.activeDeadlineSeconds;
    if (deadline === undefined || ps.terminating) return;
    if (!this.deadlineArmed) {
      // Why (active_deadline.go is a PodSyncLoopHandler): the kubelet's 1 s sync ticker picks the
      // pod up as soon as its deadline has passed.
      this.deadlineArmed = true;
      const due = ps.admittedMs + deadline * 1000;
      const tick = Math.ceil(due / PLEG_RELIST_MS) * PLEG_RELIST_MS;
      this.clock.at(tick, () => this.requestSync(0));
    }
    if (this.clock.now() - ps.admittedMs < deadline * 1000) return;
    ps.statusReason = {
      reason: "DeadlineExceeded",
      message: "Pod was active on the node longer than the specified deadline",
    };
    this.host.recordEvent(
      ps,
      undefined,
      "Normal",
      "DeadlineExceeded",
      "Pod was active on the node longer than the specified deadline",
    );
    ps.terminating = true;
  }

  /** Volumes of a new sandbox; `kept` are the previous sandbox's (emptyDir lives as long as the pod). */
  private setUpVolumes(kept?: Map<string, FsDir>): void {
    const ps = this.ps;
    for (const v of ps.spec.volumes ?? []) {
      // Why (emptyDir): its directory is the pod's, on the node, and outlives a sandbox.
      let root: FsDir | undefined = kept?.get(v.name);
      if (!root && v.hostPath) {
        const fs = this.host.hostFs;
        if (!fs.exists(v.hostPath.path)) fs.mkdir(v.hostPath.path, true);
        const node = fs.stat(v.hostPath.path);
        if (node?.kind === "dir") root = node;
      } else if (!root) {
        // emptyDir (and volume types Podlife does not model) start empty, live as long as the pod.
        root = newDir(this.clock.now());
      }
      if (root) ps.sandbox!.volumes.set(v.name, root);
    }
  }

  /** Whether `killUnhealthyContainers` has a container to kill now. */
  private anyUnhealthy(): boolean {
    const spec = this.ps.spec;
    for (const c of spec.initContainers ?? []) if (isSidecar(c) && this.unhealthy(c)) return true;
    for (const c of spec.containers) if (this.unhealthy(c)) return true;
    return false;
  }

  /**
   * Why a running container is to be killed: its definition changed (`changed`), or its liveness
   * or startup probe failed; undefined when it is not running or is healthy.
   */
  private unhealthy(c: ContainerSpec): "changed" | "liveness" | "startup" | undefined {
    const ps = this.ps;
    const inst = latest(ps, c.name);
    if (inst?.state !== "running") return undefined;
    const from = ps.createdFrom.get(c.name);
    if (from !== undefined && from !== c.image) return "changed";
    const id = ContainerRuntime.containerId(inst);
    if (ps.liveness.get(id) === "failure") return "liveness";
    if (ps.startup.get(id) === "failure") return "startup";
    return undefined;
  }

  /** Kills running containers whose liveness or startup probe failed (KRM computePodActions). */
  private *killUnhealthyContainers(): Task<void> {
    const ps = this.ps;
    for (const { spec: c, init } of allContainers(ps.spec)) {
      if (init && !isSidecar(c)) continue;
      const which = this.unhealthy(c);
      if (!which) continue;
      const inst = latest(ps, c.name)!;
      if (which === "changed") {
        // Why (KRM computePodActions): a changed container hash restarts the container whatever
        // the restart policy.
        const from = ps.createdFrom.get(c.name)!;
        ps.forceRestart.add(c.name);
        const grace = ps.spec.terminationGracePeriodSeconds ?? 30;
        yield* this.killContainer(
          inst,
          c,
          grace,
          `Container ${c.name} definition changed, will be restarted`,
          whyOf("kill.imageChanged", { from, to: c.image }),
        );
        continue;
      }
      const restart = init || (ps.spec.restartPolicy ?? "Always") !== "Never";
      const who = init ? "Init container" : "Container";
      const msg = `${who} ${c.name} failed ${which} probe${restart ? ", will be restarted" : ""}`;
      const probe = which === "liveness" ? c.livenessProbe : c.startupProbe;
      const grace = probe?.terminationGracePeriodSeconds ?? ps.spec.terminationGracePeriodSeconds ?? 30;
      yield* this.killContainer(
        inst,
        c,
        grace,
        msg,
        whyOf("kill.probeFailed", { probe: which, failureThreshold: probe?.failureThreshold ?? 3 }),
      );
    }
  }

  /** Init containers (KRC computeInitContainerActions): one at a time; sidecars gate on `started`. */
  private *syncInitContainers(): Task<"done" | "blocked" | "failed" | "error"> {
    const ps = this.ps;
    const initialized = ps.spec.containers.some((c) => latestInSandbox(ps, c.name) !== undefined);
    for (const c of ps.spec.initContainers ?? []) {
      const inst = latestInSandbox(ps, c.name);
      if (isSidecar(c)) {
        if (!inst || inst.state === "exited") {
          const r = yield* this.startContainer(c, true);
          if (r.error) return initialized ? "done" : "error";
          if (!initialized) return "blocked";
          continue;
        }
        if (
          inst.state === "running" &&
          c.startupProbe &&
          ps.startup.get(ContainerRuntime.containerId(inst)) !== "success" &&
          !initialized
        )
          return "blocked";
        continue;
      }
      if (initialized) continue;
      if (!inst) {
        const r = yield* this.startContainer(c, true);
        return r.error ? "error" : "blocked";
      }
      if (inst.state !== "exited") return "blocked";
      if (inst.exitCode === 0) continue;
      if ((ps.spec.restartPolicy ?? "Always") === "Never") return "failed";
      const r = yield* this.startContainer(c, true);
      return r.error ? "error" : "blocked";
    }
    return "done";
  }

  /** Starts one container: back-off check, image, create, start, postStart (KRC startContainer). */
  private *startContainer(c: ContainerSpec, init: boolean): Task<SyncResult> {
    const ps = this.ps;
    const host = this.host;
    const lc = this.lifecycle(c.name);
    const prev = latest(ps, c.name);
    if (prev?.state === "exited" && !ps.forceRestart.has(c.name)) {
      const key = `${ps.name}_${ps.namespace}_${ps.uid}_${c.name}`;
      const finished = prev.finishedAtMs ?? 0;
      if (host.crashBackoff.isInBackOffSince(key, finished, this.clock.now())) {
        const delay = host.crashBackoff.get(key);
        host.recordEvent(
          ps,
          c.name,
          "Warning",
          "BackOff",
          `Back-off restarting failed container ${c.name} in pod ${this.desc}`,
        );
        const already = ps.reasons.get(c.name)?.reason === "CrashLoopBackOff";
        ps.reasons.set(c.name, {
          reason: "CrashLoopBackOff",
          message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${this.desc}`,
        });
        if (!already) {
          lc.send({
            type: "container.backoff",
            reason: "CrashLoopBackOff",
            delayMs: delay,
            why: whyOf("backoff.crashLoop", { delay: goDuration(delay) }),
          });
        }
        return { error: "CrashLoopBackOff" };
      }
      host.crashBackoff.next(key, finished, this.clock.now());
    }
    const sb = ps.sandbox!;
    const pulled = yield* host.images.ensureImageExists(
      ps.uid,
      c.image,
      c.imagePullPolicy ?? "IfNotPresent",
      (type, reason, message) => host.recordEvent(ps, c.name, type, reason, message),
      () =>
        lc.send({
          type: "image.pulling",
          why: whyOf("image.pulling", { policy: c.imagePullPolicy ?? "IfNotPresent" }),
        }),
    );
    if (!pulled.ok) {
      ps.reasons.set(c.name, { reason: pulled.reason, message: pulled.message });
      lc.send({
        type: "container.waiting",
        reason: pulled.reason,
        why: whyOf("image.failed", { reason: pulled.reason, message: pulled.message }),
      });
      return { error: pulled.reason };
    }
    yield sleep(20 + this.host.random.int(0, 40));
    const attempt = prev ? prev.attempt + 1 : 0;
    const inst = host.runtime.createContainer(sb, c, pulled.image, attempt);
    ps.createdFrom.set(c.name, c.image);
    ps.forceRestart.delete(c.name);
    const list = ps.instances.get(c.name) ?? [];
    list.push(inst);
    // Why (KP): only the latest two instances per container are examined; keep history bounded.
    if (list.length > 3) list.splice(0, list.length - 3);
    ps.instances.set(c.name, list);
    host.recordEvent(ps, c.name, "Normal", "Created", `Created container: ${c.name}`);
    lc.send({ type: "container.created" });
    yield sleep(40 + this.host.random.int(0, 60));
    const err = host.runtime.startContainer(sb, inst, c);
    if (err) {
      host.recordEvent(ps, c.name, "Warning", "Failed", `Error: ${err.message}`);
      ps.reasons.set(c.name, { reason: "RunContainerError", message: err.message });
      lc.send({
        type: "container.exited",
        exitCode: 128,
        reason: "StartError",
        why: whyOf("start.failed", { message: err.message }),
      });
      return { error: "RunContainerError" };
    }
    ps.reasons.delete(c.name);
    host.recordEvent(ps, c.name, "Normal", "Started", `Started container ${c.name}`);
    lc.send({
      type: "container.started",
      why: init
        ? whyOf("start.init", { container: c.name })
        : attempt > 0
          ? whyOf("start.restart", { container: c.name, attempt })
          : whyOf("start.specOrder"),
    });
    this.plegEvent();
    const postStart = c.lifecycle?.postStart;
    if (postStart) {
      ps.inPostStart.add(c.name);
      lc.send({ type: "hook.started", hook: "postStart" });
      const failure = yield* runHook(host, sb, inst, c, postStart, this.desc);
      ps.inPostStart.delete(c.name);
      lc.send({ type: "hook.finished", hook: "postStart", failed: !!failure });
      if (failure && inst.state === "running") {
        host.recordEvent(ps, c.name, "Warning", "FailedPostStartHook", "PostStartHook failed");
        yield* this.killContainer(
          inst,
          c,
          ps.spec.terminationGracePeriodSeconds ?? 30,
          "FailedPostStartHook",
          whyOf("kill.postStartFailed"),
        );
        ps.reasons.set(c.name, { reason: "PostStartHookError", message: failure });
        return { error: "PostStartHookError" };
      }
    }
    return {};
  }

  /**
   * killContainer (KRC): `Killing` event, preStop within the grace period (elapsed time truncated
   * to whole seconds), an optional ordering wait, the 2 s minimum, then StopContainer.
   */
  *killContainer(
    inst: RuntimeContainer,
    c: ContainerSpec,
    graceSeconds: number,
    message: string,
    why: Why,
    waitBeforeStop?: Latch<unknown>,
  ): Task<void> {
    const ps = this.ps;
    const host = this.host;
    const lc = this.lifecycle(c.name);
    if (inst.state !== "running") return;
    host.recordEvent(ps, c.name, "Normal", "Killing", message);
    lc.send({ type: "container.killing", graceSeconds, why });
    let g = graceSeconds;
    const started = this.clock.now();
    const preStop = c.lifecycle?.preStop;
    if (preStop && g > 0) {
      lc.send({ type: "hook.started", hook: "preStop" });
      const hook = startTask(this.clock, runHook(host, ps.sandbox!, inst, c, preStop, this.desc));
      const winner = yield { race: [{ latch: hook as Latch<unknown> }, { sleep: g * 1000 }] };
      if (winner === 0 && hook.value)
        host.recordEvent(ps, c.name, "Warning", "FailedPreStopHook", "PreStopHook failed");
      lc.send({ type: "hook.finished", hook: "preStop", failed: winner === 0 && !!hook.value });
      g -= Math.floor((this.clock.now() - started) / 1000);
    }
    if (waitBeforeStop && !waitBeforeStop.done) {
      const before = this.clock.now();
      yield { race: [{ latch: waitBeforeStop }, { sleep: Math.max(0, g) * 1000 }] };
      g -= Math.floor((this.clock.now() - before) / 1000);
    }
    // Why (KRM minimumGracePeriodInSeconds): SIGTERM always gets at least 2 s before SIGKILL.
    if (g < 2) g = 2;
    const stopSignal = inst.image.stopSignal;
    yield* host.runtime.stopContainer(inst, g, {
      onSignal: (sig, pid1) =>
        lc.send({ type: "signal.sent", signal: sig, why: signalWhy(sig, pid1, stopSignal, g) }),
    });
  }

  /** SyncTerminatingPod + SyncTerminatedPod (KL): stop everything, then clean up. */
  private *syncTerminatingPod(): Task<void> {
    const ps = this.ps;
    const deleting = !!ps.pod.metadata.deletionTimestamp;
    if (!ps.terminating) ps.terminating = true;
    for (const w of this.probeWorkers) if (w.type !== "readiness") w.stop();
    this.updateStatus();
    const grace = Math.max(
      1,
      (ps.pod.metadata.deletionGracePeriodSeconds as number | undefined) ??
        ps.spec.terminationGracePeriodSeconds ??
        30,
    );
    const why = deleting
      ? whyOf("kill.podDeleted")
      : ps.statusReason
        ? whyOf("kill.podFailed", { ...ps.statusReason })
        : whyOf("kill.podFinished");
    // Regular containers are stopped in parallel; sidecars after them, in reverse spec order (KTO).
    const regularDone: Latch<unknown>[] = [];
    for (const c of ps.spec.containers) {
      const inst = latest(ps, c.name);
      if (inst?.state === "running")
        regularDone.push(
          startTask(
            this.clock,
            this.killContainer(inst, c, grace, `Stopping container ${c.name}`, why),
          ) as Latch<unknown>,
        );
    }
    const sidecars = (ps.spec.initContainers ?? []).filter(isSidecar).reverse();
    const allRegular = allOf(regularDone);
    let previous: Latch<unknown> = allRegular;
    const sidecarDone: Latch<unknown>[] = [];
    for (const c of sidecars) {
      const inst = latest(ps, c.name);
      if (inst?.state !== "running") continue;
      const waitFor = previous;
      const done = startTask(
        this.clock,
        this.killContainer(inst, c, grace, `Stopping container ${c.name}`, why, waitFor),
      ) as Latch<unknown>;
      sidecarDone.push(done);
      previous = done;
    }
    for (const c of ps.spec.initContainers ?? []) {
      const inst = latest(ps, c.name);
      if (!isSidecar(c) && inst?.state === "running") {
        regularDone.push(
          startTask(
            this.clock,
            this.killContainer(inst, c, grace, `Stopping container ${c.name}`, why),
          ) as Latch<unknown>,
        );
      }
    }
    yield { all: [...regularDone, ...sidecarDone] };
    ps.terminated = true;
    ps.finished = true;
    this.updateStatus();
    for (const w of this.probeWorkers) w.stop();
    // SyncTerminatedPod: tear down the sandbox and volumes, then let the API object go.
    yield sleep(200 + this.host.random.int(0, 300));
    if (ps.sandbox) this.host.runtime.stopPodSandbox(ps.sandbox);
    this.updateStatus();
    if (deleting) this.host.podTerminated(ps);
  }
}

/** Why a signal was sent to a container's PID 1 when it was stopped. */
function signalWhy(
  sig: string,
  pid1: { argv0: string; disposition: string | undefined },
  stopSignal: RuntimeContainer["image"]["stopSignal"],
  graceSeconds: number,
): Why {
  const program = pid1.argv0.slice(pid1.argv0.lastIndexOf("/") + 1);
  const disposition =
    pid1.disposition === "catch" ? "handled" : pid1.disposition === "ignore" ? "ignored" : "default";
  return sig === "SIGKILL"
    ? whyOf("signal.kill", { stopSignal, program, disposition, graceSeconds })
    : whyOf("signal.stop", { signal: sig, stopSignal, program, disposition, graceSeconds });
}

/** Whether a sync's start returned the coroutine to go on with, not a result. */
function isTask(x: SyncResult | Task<SyncResult>): x is Task<SyncResult> {
  return typeof (x as Task<SyncResult>).next === "function";
}

/** A latch that fires when every latch in the list has fired. */
function allOf(latches: Latch<unknown>[]): Latch<unknown> {
  const out = new Latch<unknown>();
  let left = latches.length;
  if (left === 0) out.fire(undefined);
  for (const l of latches)
    l.subscribe(() => {
      if (--left === 0) out.fire(undefined);
    });
  return out;
}

/** Formats the deletion timestamp for a deletion requested now with `graceSeconds`. */
export function deletionTimestamp(epochMs: number, nowMs: number, graceSeconds: number): string {
  return apiTime(epochMs, nowMs + graceSeconds * 1000);
}
