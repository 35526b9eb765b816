/**
 * The `kubectl get pods` table, as the API server's `printPod` renders it (PRT): NAME READY STATUS
 * RESTARTS AGE, plus IP NODE NOMINATED NODE READINESS GATES with `-o wide`.
 */
import type { ApiObject } from "../api.ts";
import { parseTimestamp, since } from "../duration.ts";
import { asPod, type ContainerStatusView, type ContainerView, isSidecar } from "../model.ts";
import type { Table, TableRow } from "./table.ts";

/** Column names of the pod table. */
export const POD_COLUMNS = ["Name", "Ready", "Status", "Restarts", "Age"];
/** Extra `-o wide` columns. */
export const POD_WIDE_COLUMNS = ["IP", "Node", "Nominated Node", "Readiness Gates"];

/** The READY, STATUS and RESTARTS cells of one pod (the heart of `printPod`). */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

function terminalPhase(phase: string | undefined): boolean {
  return phase === "Succeeded" || phase === "Failed";
}

/**
 * The later of `a` and the time `ts` says (`a` when `ts` says none). Why at module level: the
 * timeline summarizes a pod at every status change, and a named closure costs a `defineProperty`
 * each time under the tsx loader.
 */
function later(a: number | undefined, ts: string | undefined): number | undefined {
  const t = parseTimestamp(ts);
  if (t === undefined) return a;
  return a === undefined || a < t ? t : a;
}

/** Computes READY, STATUS and RESTARTS exactly as `printPod` does. */
export function summarizePod(obj: ApiObject, nowEpochMs: number): PodSummary {
  const pod = asPod(obj);
  const { spec, status } = pod;
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const phase = status.phase ?? "";
  let reason = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initSpecs = new Map<string, ContainerView>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isSidecar(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] as ContainerStatusView;
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    const sidecar = isSidecar(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      } else {
        reason = `Init:${term.reason}`;
      }
    } else if (wait?.reason && wait.reason !== "PodInitializing") {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === "Initialized" && c.status === "True");
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as ContainerStatusView;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
      reason = podReady ? "Running" : "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && !terminalPhase(phase)) reason = "Terminating";

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${since(new Date(lastRestart).toISOString(), nowEpochMs)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsCell };
}

/** One pod row (`wide` adds IP, NODE, NOMINATED NODE, READINESS GATES). */
export function podRow(obj: ApiObject, nowEpochMs: number, wide: boolean): TableRow {
  const pod = asPod(obj);
  const s = summarizePod(obj, nowEpochMs);
  const cells = [
    pod.metadata.name,
    s.ready,
    s.status,
    s.restarts,
    since(pod.metadata.creationTimestamp, nowEpochMs),
  ];
  if (wide) {
    const ip = pod.status.podIPs?.[0]?.ip || "<none>";
    const node = pod.spec.nodeName || "<none>";
    const nominated = pod.status.nominatedNodeName || "<none>";
    let gates = "<none>";
    const rg = pod.spec.readinessGates ?? [];
    if (rg.length > 0) {
      let trueCount = 0;
      for (const g of rg) {
        const c = (pod.status.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c?.status === "True") trueCount++;
      }
      gates = `${trueCount}/${rg.length}`;
    }
    cells.push(ip, node, nominated, gates);
  }
  return { cells, object: obj };
}

/** The pod table for a list of pods. */
export function podTable(pods: ApiObject[], nowEpochMs: number, wide: boolean): Table {
  return {
    columns: wide ? [...POD_COLUMNS, ...POD_WIDE_COLUMNS] : POD_COLUMNS,
    rows: pods.map((p) => podRow(p, nowEpochMs, wide)),
  };
}
