/**
 * Runs a generated case the way a user would (the replay script's commands at their times) while
 * sampling `kubectl get pods -o json` every few virtual seconds, and checks the lifecycle
 * invariants on the samples and on the timeline. Each check returns the violations it found as
 * sentences, so a failing property prints what went wrong, not just `false`.
 */

import { createSimulation } from "../index.ts";
import type { CommandRecord } from "../simulation.ts";
import type { ContainerTrack, Mark, PodTrack, Timeline, TimelineEvent } from "../timeline/types.ts";
import {
  commandLine,
  containerNames,
  type GenCommand,
  type GenPod,
  type GenProbe,
  type GenScenario,
  podName,
  scriptText,
} from "./arbitraries.ts";

/** A container status as `kubectl get pod -o json` shows it (only what the checks read). */
export interface ContainerStatusJson {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: {
    running?: { startedAt?: string };
    waiting?: { reason?: string };
    terminated?: { exitCode?: number; reason?: string };
  };
  lastState?: { terminated?: { exitCode?: number } };
}

/** A Pod as `kubectl get pods -o json` lists it (only what the checks read). */
export interface PodJson {
  metadata: { name: string; uid: string; deletionTimestamp?: string };
  spec: { initContainers?: { name: string; restartPolicy?: string }[]; containers: { name: string }[] };
  status?: {
    phase?: string;
    initContainerStatuses?: ContainerStatusJson[];
    containerStatuses?: ContainerStatusJson[];
  };
}

/** One sample of the API's view. */
export interface Sample {
  atMs: number;
  pods: PodJson[];
}

/** A command the user typed, with the structured form it came from. */
export interface UserCommand {
  step: GenCommand;
  record: CommandRecord;
}

/** What running a case produced. */
export interface CaseRun {
  text: string;
  samples: Sample[];
  user: UserCommand[];
  /** Every command record (user and Scenario timeline), as JSON-comparable data. */
  commands: CommandRecord[];
  timeline: Timeline;
  /** Virtual time reached. */
  endMs: number;
  /** Timers fired: a measure of simulation work. */
  timersFired: number;
}

/** Options of `runCase`. */
export interface RunOptions {
  /** Sample `kubectl get pods -o json` this often (virtual ms); 0 turns sampling off. */
  sampleEveryMs?: number;
  /** Leave out the read-only commands of the script (get, describe, logs, events). */
  skipReadOnly?: boolean;
}

/** Timers a case may schedule before it counts as a runaway (a hang in virtual time). */
export const TIMER_BUDGET = 400_000;

/** Thrown when a case schedules more timers than `TIMER_BUDGET`. */
export class RunawayError extends Error {}

const READ_ONLY = new Set<GenCommand["kind"]>(["get", "describe", "events", "logs"]);

/** Loads and runs a generated case. Throws on a load error (generated cases are valid). */
export function runCase(s: GenScenario, text: string, opts: RunOptions = {}): CaseRun {
  const sampleEveryMs = opts.sampleEveryMs ?? 5000;
  const created = createSimulation(text, { seed: s.seed });
  if (!created.ok) throw new Error(`generated scenario did not load: ${JSON.stringify(created.diagnostics)}`);
  const sim = created.simulation;
  const clock = sim.cluster.clock;
  // A hang in virtual time (timers re-arming forever at one instant) would never return from
  // runUntil: count timers and stop the case with an error instead of timing out the test.
  const schedule = clock.setTimeout;
  let timers = 0;
  clock.setTimeout = (fn, delayMs) => {
    if (++timers > TIMER_BUDGET) throw new RunawayError(`more than ${TIMER_BUDGET} timers scheduled`);
    return schedule(fn, delayMs);
  };

  const horizonMs = s.horizonSeconds * 1000;
  type Point = { atMs: number; step?: GenCommand };
  const points: Point[] = [];
  if (sampleEveryMs > 0) for (let t = 0; t <= horizonMs; t += sampleEveryMs) points.push({ atMs: t });
  for (const st of s.script) {
    if (opts.skipReadOnly && READ_ONLY.has(st.command.kind)) continue;
    points.push({ atMs: st.atSeconds * 1000, step: st.command });
  }
  // Stable: at equal times a sample comes before the command (points were pushed samples first).
  points.sort((a, b) => a.atMs - b.atMs);

  const samples: Sample[] = [];
  const user: UserCommand[] = [];
  const sample = () => {
    const r = sim.run("kubectl get pods -o json");
    if (r.exitCode !== 0) throw new Error(`kubectl get pods -o json failed: ${r.stderr}`);
    samples.push({ atMs: sim.nowMs, pods: (JSON.parse(r.stdout) as { items: PodJson[] }).items });
  };
  for (const p of points) {
    const before = sim.nowMs;
    const target = Math.max(p.atMs, before);
    sim.runUntil(target);
    if (sim.nowMs !== target) throw new Error(`runUntil(${target}) stopped at ${sim.nowMs}`);
    if (!p.step) {
      sample();
      continue;
    }
    const record = sim.run(commandLine(p.step, s.pods));
    if (record.endMs < record.atMs)
      throw new Error(`command ended before it started: ${JSON.stringify(record)}`);
    user.push({ step: p.step, record });
  }
  sim.runUntil(Math.max(horizonMs, sim.nowMs));
  if (sampleEveryMs > 0) sample();
  return {
    text,
    samples,
    user,
    commands: JSON.parse(JSON.stringify(sim.commands)) as CommandRecord[],
    timeline: sim.timeline(),
    endMs: sim.nowMs,
    timersFired: clock.fired,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks on the API samples
// ---------------------------------------------------------------------------------------------

/** `restartCount` of every container (per pod UID) never decreases from one sample to the next. */
export function restartCountsNeverDecrease(run: CaseRun): string[] {
  const out: string[] = [];
  const last = new Map<string, { atMs: number; count: number }>();
  for (const s of run.samples)
    for (const p of s.pods)
      for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
        const key = `${p.metadata.name}/${p.metadata.uid}/${cs.name}`;
        const count = cs.restartCount ?? 0;
        const prev = last.get(key);
        if (prev && count < prev.count)
          out.push(
            `${p.metadata.name}/${cs.name}: restartCount went from ${prev.count} at ${prev.atMs}ms to ${count} at ${s.atMs}ms`,
          );
        last.set(key, { atMs: s.atMs, count });
      }
  return out;
}

const hasRun = (cs: ContainerStatusJson) =>
  !!cs.state?.running || !!cs.state?.terminated || !!cs.lastState?.terminated;

/** While any regular container has run, every regular init container is terminated with exit 0. */
export function apiInitGating(run: CaseRun): string[] {
  const out: string[] = [];
  for (const s of run.samples)
    for (const p of s.pods) {
      const started = (p.status?.containerStatuses ?? []).filter(hasRun).map((c) => c.name);
      if (started.length === 0) continue;
      const regularInits = (p.spec.initContainers ?? []).filter((c) => c.restartPolicy !== "Always");
      for (const ic of regularInits) {
        const st = p.status?.initContainerStatuses?.find((c) => c.name === ic.name);
        if (st?.state?.terminated?.exitCode !== 0)
          out.push(
            `${p.metadata.name} at ${s.atMs}ms: regular container(s) ${started.join(",")} have run but init container ${ic.name} is ${JSON.stringify(st?.state ?? null)}`,
          );
      }
    }
  return out;
}

/** A terminal phase (Succeeded/Failed) never changes back; a ready container is running. */
export function apiPhaseAndReadiness(run: CaseRun): string[] {
  const out: string[] = [];
  const terminal = new Map<string, { phase: string; atMs: number }>();
  for (const s of run.samples)
    for (const p of s.pods) {
      const phase = p.status?.phase ?? "";
      const seen = terminal.get(p.metadata.uid);
      if (seen && phase !== seen.phase)
        out.push(
          `${p.metadata.name}: phase was ${seen.phase} at ${seen.atMs}ms, then ${phase || "(none)"} at ${s.atMs}ms`,
        );
      if (!seen && (phase === "Succeeded" || phase === "Failed"))
        terminal.set(p.metadata.uid, { phase, atMs: s.atMs });
      for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])])
        if (cs.ready && !cs.state?.running && !cs.state?.terminated)
          out.push(`${p.metadata.name}/${cs.name} at ${s.atMs}ms: ready but ${JSON.stringify(cs.state)}`);
    }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks on the timeline
// ---------------------------------------------------------------------------------------------

const startsOf = (c: ContainerTrack) => c.marks.filter((m) => m.kind === "start").map((m) => m.atMs);
const completedAt = (c: ContainerTrack) =>
  c.marks.filter((m) => m.kind === "exit" && m.label === "exit 0").map((m) => m.atMs);

/** The generated pod behind a timeline pod track (by name). */
function genPodOf(s: GenScenario, track: PodTrack): GenPod | undefined {
  const i = Number(track.name.slice(1));
  return podName(i) === track.name ? s.pods[i] : undefined;
}

/**
 * No regular container starts before every regular init container ahead of it exited 0, and every
 * sidecar started (after its startup probe passed, if it has one); init containers run in spec order
 * and never again once a regular container has started.
 */
export function timelineInitGating(s: GenScenario, run: CaseRun): string[] {
  const out: string[] = [];
  for (const track of run.timeline.pods) {
    const gen = genPodOf(s, track);
    if (!gen) continue;
    const inits = track.containers.filter((c) => c.kind !== "regular");
    const regular = track.containers.filter((c) => c.kind === "regular");
    const regularStarts = regular.flatMap(startsOf);
    const firstRegular = regularStarts.length ? Math.min(...regularStarts) : undefined;
    // Each init container's first start comes after everything ahead of it is done/started.
    let gate = Number.NEGATIVE_INFINITY;
    let gateWhy = "pod start";
    inits.forEach((c, i) => {
      const starts = startsOf(c);
      const first = starts.length ? Math.min(...starts) : undefined;
      if (first !== undefined && first < gate)
        out.push(`${track.name}/${c.name} started at ${first}ms, before ${gateWhy} at ${gate}ms`);
      if (c.kind === "init") {
        const done = completedAt(c).filter((t) => t >= (first ?? 0));
        if (done.length === 0) {
          gate = Number.POSITIVE_INFINITY;
          gateWhy = `${c.name} completing (it never did)`;
        } else {
          gate = Math.min(...done);
          gateWhy = `${c.name} completed`;
        }
      } else {
        const g = gen.initContainers[i];
        let ready = first;
        if (first !== undefined && g?.startupProbe) {
          const ok = c.probes
            .find((p) => p.type === "startup")
            ?.attempts.filter((a) => a.result === "success" || a.result === "warning")
            .map((a) => a.atMs + a.durationMs);
          ready = ok && ok.length > 0 ? Math.min(...ok) : undefined;
        }
        if (ready === undefined) {
          gate = Number.POSITIVE_INFINITY;
          gateWhy = `${c.name} starting${g?.startupProbe ? " (startup probe passed)" : ""} (it never did)`;
        } else if (ready > gate) {
          gate = ready;
          gateWhy = `${c.name} started${g?.startupProbe ? " (startup probe passed)" : ""}`;
        }
      }
      if (c.kind === "init" && firstRegular !== undefined) {
        const late = starts.filter((t) => t > firstRegular);
        if (late.length > 0)
          out.push(
            `${track.name}/${c.name} (init) started again at ${late[0]}ms after regular containers started at ${firstRegular}ms`,
          );
      }
    });
    if (firstRegular !== undefined && firstRegular < gate)
      out.push(
        `${track.name}: a regular container started at ${firstRegular}ms, before ${gateWhy} at ${gate}ms`,
      );
  }
  return out;
}

function probeOf(pod: GenPod, name: string, type: "liveness" | "startup"): GenProbe | undefined {
  const c = [...pod.initContainers, ...pod.containers][containerNames(pod).indexOf(name)];
  return type === "liveness" ? c?.livenessProbe : c?.startupProbe;
}

/** The grace period the API server gives a deletion (`CheckGracefulDelete`), before the kubelet's minimum. */
export function deletionGrace(c: Extract<GenCommand, { kind: "delete" }>, pod: GenPod): number {
  let gp = c.gracePeriod;
  if (gp === undefined && c.now) gp = 1;
  if (gp === 0 && !c.force) gp = 1;
  if (gp === undefined && c.force) gp = 0;
  return gp ?? pod.terminationGracePeriodSeconds ?? 30;
}

/** A deletion request that reached the API server: which pod object, when, with what grace. */
export interface DeletionRequest {
  atMs: number;
  podName: string;
  /** The pod track it hit. */
  uid: string;
  graceSeconds: number;
  wait: boolean;
  record: CommandRecord;
  /** False for a Scenario-timeline delete still waiting when the run ended. */
  finished: boolean;
}

/** Finds the pod track named `name` that existed at `atMs`. */
function trackAt(run: CaseRun, name: string, atMs: number): PodTrack | undefined {
  return run.timeline.pods.find(
    (p) => p.name === name && p.createdMs <= atMs && (p.deletedMs === undefined || p.deletedMs >= atMs),
  );
}

/** Every successful `kubectl delete pod` (typed or from the Scenario timeline). */
export function deletionRequests(s: GenScenario, run: CaseRun): DeletionRequest[] {
  const out: DeletionRequest[] = [];
  const byLine = new Map<string, Extract<GenCommand, { kind: "delete" }>>();
  for (const st of [...s.script, ...s.documentTimeline])
    if (st.command.kind === "delete") byLine.set(commandLine(st.command, s.pods), st.command);
  for (const rec of run.commands) {
    const c = byLine.get(rec.command);
    // Why (delete.go): kubectl refuses --force with a grace period above 0 before asking the server.
    if (!c || (c.force && (c.gracePeriod ?? 0) > 0)) continue;
    // A Scenario-timeline delete may still be waiting: its record is filled in when it ends.
    const finished = rec.origin === "user" || rec.stdout !== "" || rec.stderr !== "";
    if (finished && (rec.exitCode !== 0 || !/deleted/.test(rec.stdout))) continue;
    const name = podName(c.pod);
    const track = trackAt(run, name, rec.atMs);
    const pod = s.pods[c.pod];
    if (!track || !pod) continue;
    out.push({
      atMs: rec.atMs,
      podName: name,
      uid: track.uid,
      graceSeconds: deletionGrace(c, pod),
      wait: c.wait,
      record: rec,
      finished,
    });
  }
  return out;
}

function killingEvents(run: CaseRun, track: PodTrack, container: ContainerTrack): TimelineEvent[] {
  const field = container.kind === "regular" ? "spec.containers" : "spec.initContainers";
  return run.timeline.events.filter(
    (e) =>
      e.reason === "Killing" &&
      e.object.kind === "Pod" &&
      e.object.name === track.name &&
      e.object.fieldPath === `${field}{${container.name}}` &&
      e.atMs >= track.createdMs &&
      (track.deletedMs === undefined || e.atMs <= track.deletedMs),
  );
}

/** The grace (seconds) a Killing event's kill must honour, from the spec and the deletions alone. */
function expectedGrace(
  ev: TimelineEvent,
  container: string,
  gen: GenPod,
  deletions: DeletionRequest[],
): number | string {
  const podGrace = gen.terminationGracePeriodSeconds ?? 30;
  if (/failed liveness probe/.test(ev.message))
    return probeOf(gen, container, "liveness")?.terminationGracePeriodSeconds ?? podGrace;
  if (/failed startup probe/.test(ev.message))
    return probeOf(gen, container, "startup")?.terminationGracePeriodSeconds ?? podGrace;
  if (ev.message === "FailedPostStartHook") return podGrace;
  if (ev.message === `Stopping container ${container}`) {
    const asked = deletions.filter((d) => d.atMs <= ev.atMs).map((d) => d.graceSeconds);
    // Why (PW calculateEffectiveGracePeriod): the pod worker never uses less than 1 s.
    return Math.max(1, asked.length > 0 ? Math.min(...asked) : podGrace);
  }
  return `unclassified Killing message ${JSON.stringify(ev.message)}`;
}

const isStopSignal = (m: Mark) => m.kind === "SIGTERM" || m.kind === "signal";

/**
 * Every SIGKILL comes no earlier than (a) the kill's start plus the grace period that kill must
 * honour (the pod's, a probe's own `terminationGracePeriodSeconds`, or the deletion's), and (b) two
 * seconds after the stop signal (KRM `minimumGracePeriodInSeconds`), even for forced deletions.
 */
export function sigkillNotEarly(s: GenScenario, run: CaseRun): string[] {
  const out: string[] = [];
  const deletions = deletionRequests(s, run);
  for (const track of run.timeline.pods) {
    const gen = genPodOf(s, track);
    if (!gen) continue;
    const dels = deletions.filter((d) => d.uid === track.uid);
    for (const c of track.containers) {
      const kills = killingEvents(run, track, c);
      for (const k of c.marks.filter((m) => m.kind === "SIGKILL")) {
        const episodeStart = Math.max(
          Number.NEGATIVE_INFINITY,
          ...c.marks.filter((m) => m.kind === "start" && m.atMs <= k.atMs).map((m) => m.atMs),
        );
        const signals = c.marks.filter((m) => isStopSignal(m) && m.atMs >= episodeStart && m.atMs <= k.atMs);
        const where = `${track.name}/${c.name} SIGKILL at ${k.atMs}ms`;
        if (signals.length === 0) out.push(`${where} without a stop signal before it`);
        else if (k.atMs - signals[0]!.atMs < 2000)
          out.push(
            `${where} only ${k.atMs - signals[0]!.atMs}ms after ${signals[0]!.label} at ${signals[0]!.atMs}ms`,
          );
        const episode = kills.filter((e) => e.atMs >= episodeStart && e.atMs <= k.atMs);
        if (episode.length === 0) {
          out.push(`${where} without a Killing event for this container instance`);
          continue;
        }
        let bound = Number.POSITIVE_INFINITY;
        let boundWhy = "";
        for (const e of episode) {
          const g = expectedGrace(e, c.name, gen, dels);
          if (typeof g === "string") {
            out.push(`${where}: ${g}`);
            continue;
          }
          if (e.atMs + g * 1000 < bound) {
            bound = e.atMs + g * 1000;
            boundWhy = `Killing "${e.message}" at ${e.atMs}ms + grace ${g}s`;
          }
        }
        if (k.atMs < bound) out.push(`${where}, before ${boundWhy} = ${bound}ms`);
      }
    }
  }
  return out;
}

/** A `kubectl delete` that waits ends once the pod is gone, within its grace period plus slack. */
export function deletesFinish(s: GenScenario, run: CaseRun): string[] {
  const out: string[] = [];
  const deletions = deletionRequests(s, run);
  for (const d of deletions) {
    if (!d.wait) continue;
    const earlier = deletions.filter((x) => x.uid === d.uid && x.atMs <= d.atMs).map((x) => x.graceSeconds);
    const grace = Math.max(1, Math.min(...earlier));
    const took = (d.finished ? d.record.endMs : run.endMs) - d.record.atMs;
    // Slack: PLEG relist, sync, hook-time truncation (≤ 1 s per step), the 2 s minimum, sandbox teardown.
    if (took > (grace + 10) * 1000)
      out.push(`"${d.record.command}" at ${d.atMs}ms took ${took}ms with grace ${grace}s`);
    const track = run.timeline.pods.find((p) => p.uid === d.uid);
    if (d.finished && track && (track.deletedMs === undefined || track.deletedMs > d.record.endMs))
      out.push(
        `"${d.record.command}" returned at ${d.record.endMs}ms but the pod was removed at ${track.deletedMs}`,
      );
  }
  return out;
}

/** No container starts once its pod's deletion was requested (HLP `ShouldContainerBeRestarted`). */
export function noStartAfterDeletion(s: GenScenario, run: CaseRun): string[] {
  const out: string[] = [];
  const deletions = deletionRequests(s, run);
  for (const track of run.timeline.pods) {
    const first = deletions.find((d) => d.uid === track.uid);
    if (!first) continue;
    for (const c of track.containers)
      for (const t of startsOf(c))
        if (t > first.atMs)
          out.push(
            `${track.name}/${c.name} started at ${t}ms after deletion was requested at ${first.atMs}ms`,
          );
  }
  return out;
}

/** Spans are well-formed: start ≤ end, inside the simulated range; main-lane spans do not overlap. */
export function spansWellFormed(run: CaseRun): string[] {
  const out: string[] = [];
  const end = run.timeline.endMs;
  for (const track of run.timeline.pods)
    for (const c of track.containers) {
      let lastEnd = Number.NEGATIVE_INFINITY;
      for (const sp of c.spans) {
        if (sp.startMs > sp.endMs || sp.startMs < 0 || sp.endMs > end)
          out.push(`${track.name}/${c.name}: span ${sp.kind} ${sp.startMs}–${sp.endMs} outside 0–${end}`);
        if (sp.kind === "postStart" || sp.kind === "preStop" || sp.kind === "grace") continue;
        if (sp.startMs < lastEnd)
          out.push(
            `${track.name}/${c.name}: span ${sp.kind} at ${sp.startMs}ms overlaps the previous one (ends ${lastEnd}ms)`,
          );
        lastEnd = Math.max(lastEnd, sp.endMs);
      }
    }
  return out;
}

/** The case as scenario text plus replay script, for failure messages. */
export function describeCase(s: GenScenario, text: string): string {
  return `--- seed ${s.seed}, horizon ${s.horizonSeconds}s\n${text}\n--- script\n${scriptText(s)}`;
}

/** Crash back-off: delay (s) the kubelet must wait before start number `n` (1-based) of a container. */
export function minRestartDelaySeconds(n: number): number {
  // Why (KRM doBackOff, BO): the first restart is immediate (no entry yet); then 10 s, doubling, capped at 300 s.
  return n <= 2 ? 0 : Math.min(10 * 2 ** (n - 3), 300);
}

/**
 * Restarts honour CrashLoopBackOff: start n (n ≥ 3) of a container comes at least 10 s × 2^(n−3)
 * (capped at 5 min) after the previous instance exited. Horizons stay under the 10-minute reset.
 */
export function restartBackoffRespected(run: CaseRun): string[] {
  const out: string[] = [];
  for (const track of run.timeline.pods)
    for (const c of track.containers) {
      const marks = [...c.marks].sort((a, b) => a.atMs - b.atMs);
      let n = 0;
      let lastExit: number | undefined;
      for (const m of marks) {
        if (m.kind === "exit") lastExit = m.atMs;
        if (m.kind !== "start") continue;
        n++;
        const need = minRestartDelaySeconds(n) * 1000;
        if (lastExit !== undefined && m.atMs - lastExit < need)
          out.push(
            `${track.name}/${c.name}: start #${n} at ${m.atMs}ms only ${m.atMs - lastExit}ms after the exit at ${lastExit}ms (back-off ${need / 1000}s)`,
          );
      }
    }
  return out;
}

/** A SIGKILL ends the container at once with exit code 137 (128 + 9). */
export function sigkillExits137(run: CaseRun): string[] {
  const out: string[] = [];
  for (const track of run.timeline.pods)
    for (const c of track.containers)
      for (const k of c.marks.filter((m) => m.kind === "SIGKILL")) {
        const exit = c.marks.find((m) => m.kind === "exit" && m.atMs >= k.atMs);
        if (!exit || exit.atMs !== k.atMs || exit.label !== "exit 137")
          out.push(
            `${track.name}/${c.name}: SIGKILL at ${k.atMs}ms followed by ${exit ? `${exit.label} at ${exit.atMs}ms` : "no exit"}`,
          );
      }
  return out;
}

/**
 * The last sample's restartCount of each container is at most its `Created` events minus one. Not
 * equal: the kubelet regenerates status only at the start of a sync (§0), so a sync that is busy
 * killing a container whose postStart failed still shows the previous instance's count.
 */
export function restartCountMatchesCreations(run: CaseRun): string[] {
  const out: string[] = [];
  const last = run.samples[run.samples.length - 1];
  if (!last) return out;
  for (const p of last.pods) {
    const track = run.timeline.pods.find((t) => t.uid === p.metadata.uid);
    if (!track) continue;
    const statuses = [
      ...(p.status?.initContainerStatuses ?? []).map((s) => ({ s, field: "spec.initContainers" })),
      ...(p.status?.containerStatuses ?? []).map((s) => ({ s, field: "spec.containers" })),
    ];
    for (const { s, field } of statuses) {
      const created = run.timeline.events.filter(
        (e) =>
          e.reason === "Created" &&
          e.object.name === p.metadata.name &&
          e.object.fieldPath === `${field}{${s.name}}` &&
          e.atMs >= track.createdMs &&
          e.atMs <= last.atMs,
      ).length;
      if ((s.restartCount ?? 0) > Math.max(0, created - 1))
        out.push(
          `${p.metadata.name}/${s.name}: restartCount ${s.restartCount} but ${created} containers created`,
        );
    }
  }
  return out;
}

/**
 * Restarts follow `restartPolicy` (HLP `ShouldContainerBeRestarted`): under `Never` a regular or
 * regular init container runs once; under `OnFailure` it restarts only after a non-zero exit or a
 * liveness/startup kill; regular init containers never restart after exiting 0.
 */
export function restartPolicyRespected(s: GenScenario, run: CaseRun): string[] {
  const out: string[] = [];
  for (const track of run.timeline.pods) {
    const gen = genPodOf(s, track);
    if (!gen) continue;
    const policy = gen.restartPolicy ?? "Always";
    for (const c of track.containers) {
      if (c.kind === "sidecar") continue;
      const effective = c.kind === "init" && policy === "Always" ? "OnFailure" : policy;
      if (effective === "Always") continue;
      const field = c.kind === "regular" ? "spec.containers" : "spec.initContainers";
      const marks = [...c.marks].sort((a, b) => a.atMs - b.atMs);
      let prevStart: number | undefined;
      let prevExit: Mark | undefined;
      for (const m of marks) {
        if (m.kind === "exit") prevExit = m;
        if (m.kind !== "start") continue;
        if (prevStart !== undefined) {
          const probeKill = run.timeline.events.some(
            (e) =>
              e.reason === "Killing" &&
              e.object.name === track.name &&
              e.object.fieldPath === `${field}{${c.name}}` &&
              /failed (liveness|startup) probe/.test(e.message) &&
              e.atMs >= prevStart! &&
              e.atMs <= m.atMs,
          );
          const where = `${track.name}/${c.name} (${c.kind}, restartPolicy ${policy}) restarted at ${m.atMs}ms`;
          if (effective === "Never") out.push(`${where}`);
          else if (prevExit?.label === "exit 0" && !probeKill)
            out.push(`${where} after exit 0 at ${prevExit.atMs}ms`);
        }
        prevStart = m.atMs;
      }
    }
  }
  return out;
}

/** A Succeeded pod's regular containers all terminated with exit 0. */
export function succeededMeansExit0(run: CaseRun): string[] {
  const out: string[] = [];
  for (const smp of run.samples)
    for (const p of smp.pods) {
      if (p.status?.phase !== "Succeeded") continue;
      for (const cs of p.status.containerStatuses ?? [])
        if (cs.state?.terminated?.exitCode !== 0)
          out.push(
            `${p.metadata.name} Succeeded at ${smp.atMs}ms but ${cs.name} is ${JSON.stringify(cs.state)}`,
          );
    }
  return out;
}
