/**
 * A small in-memory `ClusterApi` for the kubectl emulator's tests: objects, events, logs and exec
 * results are set directly; time is a plain number the test moves.
 */
import type {
  ApiEvent,
  ApiObject,
  ApplyResult,
  ClusterApi,
  CommandResult,
  CommandTask,
  ExecResult,
  Wait,
} from "../api.ts";
import type { KubectlContext } from "../context.ts";
import { runCommandLine } from "../index.ts";

/** Scenario start used by the fake cluster: 2025-01-01T00:00:00Z. */
export const START_MS = Date.UTC(2025, 0, 1);

/** RFC 3339 (second precision) for a virtual time in ms. */
export function ts(virtualMs: number): string {
  return new Date(START_MS + virtualMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A log stream the fake returns for `logs`. */
export interface FakeLog {
  current?: string;
  previous?: string;
}

/** An in-memory cluster; every field is public so tests can arrange state directly. */
export class FakeCluster implements ClusterApi {
  now = 0;
  objects: ApiObject[] = [];
  eventList: ApiEvent[] = [];
  /** Logs by `namespace/pod/container`. */
  logStreams = new Map<string, FakeLog>();
  /** What `exec` answers, by the joined argv; `durationMs` of virtual time it takes. */
  execResults = new Map<string, ExecResult & { durationMs?: number }>();
  /** Records of calls, for assertions. */
  calls: { op: string; args: unknown[] }[] = [];
  /** How long a deleted object lingers (ms) before it is gone. */
  deleteDelayMs = 0;
  applyResult: { ok: true; lines: string[] } | { ok: false; error: string } = { ok: true, lines: [] };

  nowMs(): number {
    return this.now;
  }

  startTimeMs(): number {
    return START_MS;
  }

  list(kind: string, namespace?: string): ApiObject[] {
    return this.objects.filter(
      (o) => o.kind === kind && (namespace === undefined || (o.metadata.namespace ?? "") === namespace),
    );
  }

  get(kind: string, namespace: string, name: string): ApiObject | undefined {
    return this.objects.find(
      (o) => o.kind === kind && (o.metadata.namespace ?? "") === namespace && o.metadata.name === name,
    );
  }

  events(namespace?: string): ApiEvent[] {
    return this.eventList.filter((e) => namespace === undefined || e.metadata.namespace === namespace);
  }

  delete(
    kind: string,
    namespace: string,
    name: string,
    opts: { gracePeriodSeconds?: number; force?: boolean; dryRun?: boolean },
  ): string | undefined {
    this.calls.push({ op: "delete", args: [kind, namespace, name, opts] });
    const obj = this.get(kind, namespace, name);
    if (!obj) return `Error from server (NotFound): ${kind.toLowerCase()}s "${name}" not found`;
    if (opts.dryRun) return undefined;
    const grace = opts.gracePeriodSeconds;
    if (grace === 0 || this.deleteDelayMs === 0) {
      this.objects = this.objects.filter((o) => o !== obj);
    } else {
      obj.metadata.deletionTimestamp = ts(this.now + this.deleteDelayMs);
      const goneAt = this.now + this.deleteDelayMs;
      this.pending.push({ at: goneAt, obj });
    }
    return undefined;
  }

  /** Deletions in progress: the object disappears at `at`. */
  pending: { at: number; obj: ApiObject }[] = [];

  /** Moves virtual time forward, finishing pending deletions. */
  advance(ms: number): void {
    this.now += ms;
    for (const p of this.pending.filter((x) => x.at <= this.now))
      this.objects = this.objects.filter((o) => o !== p.obj);
    this.pending = this.pending.filter((x) => x.at > this.now);
  }

  /** Whether `update` is available (the optional ClusterApi method). */
  supportsUpdate = true;

  update?(obj: ApiObject, opts?: { dryRun?: boolean }): string | undefined;

  constructor() {
    this.update = (obj: ApiObject, opts?: { dryRun?: boolean }) => {
      if (!this.supportsUpdate) return "error: not supported";
      this.calls.push({ op: "update", args: opts ? [obj, opts] : [obj] });
      const i = this.objects.findIndex(
        (o) =>
          o.kind === obj.kind &&
          o.metadata.namespace === obj.metadata.namespace &&
          o.metadata.name === obj.metadata.name,
      );
      if (i < 0)
        return `Error from server (NotFound): ${obj.kind.toLowerCase()}s "${obj.metadata.name}" not found`;
      if (opts?.dryRun) return undefined;
      const prev = this.objects[i] as ApiObject;
      const generation = (prev.metadata.generation as number | undefined) ?? 1;
      const specChanged = JSON.stringify(prev.spec) !== JSON.stringify(obj.spec);
      this.objects[i] = {
        ...obj,
        status: prev.status,
        metadata: { ...obj.metadata, generation: specChanged ? generation + 1 : generation },
      };
      return undefined;
    };
  }

  apply(manifest: string, namespace: string, opts: { dryRun?: boolean } = {}): ApplyResult {
    this.calls.push({ op: "apply", args: opts.dryRun ? [manifest, namespace, opts] : [manifest, namespace] });
    return this.applyResult;
  }

  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    opts: { previous?: boolean; tail?: number; timestamps?: boolean },
  ): { ok: true; text: string } | { ok: false; error: string } {
    this.calls.push({ op: "logs", args: [namespace, pod, container, opts] });
    const s = this.logStreams.get(`${namespace}/${pod}/${container}`);
    const text = opts.previous ? s?.previous : s?.current;
    if (text === undefined) {
      return opts.previous
        ? { ok: false, error: `previous terminated container "${container}" in pod "${pod}" not found` }
        : { ok: true, text: "" };
    }
    let lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    if (opts.tail !== undefined && opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
    return { ok: true, text: lines.map((l) => `${l}\n`).join("") };
  }

  *exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): CommandTask<ExecResult> {
    this.calls.push({ op: "exec", args: [namespace, pod, container, argv, stdin] });
    const r = this.execResults.get(argv.join(" ")) ?? { exitCode: 0, stdout: "", stderr: "" };
    if (r.durationMs) yield { kind: "sleep", ms: r.durationMs };
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }

  *nodeShell(node: string, argv: string[]): CommandTask<ExecResult> {
    this.calls.push({ op: "nodeShell", args: [node, argv] });
    const r = this.execResults.get(argv.join(" ")) ?? { exitCode: 0, stdout: "", stderr: "" };
    if (r.durationMs) yield { kind: "sleep", ms: r.durationMs };
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }
}

/** Drives a command to completion on the fake cluster, advancing its clock for each wait. */
export function drive(api: FakeCluster, task: CommandTask<CommandResult>, limitMs = 600_000): CommandResult {
  const start = api.now;
  let r = task.next();
  while (!r.done) {
    const w: Wait = r.value;
    if (w.kind === "sleep") api.advance(w.ms);
    else {
      const deadline = w.timeoutMs === undefined ? start + limitMs : api.now + w.timeoutMs;
      while (!w.done() && api.now < deadline) api.advance(100);
    }
    if (api.now - start > limitMs) throw new Error("command did not finish");
    r = task.next();
  }
  return r.value;
}

/** Runs a `kubectl …` line on the fake cluster. */
export function kubectl(api: FakeCluster, line: string, ctx: KubectlContext = {}): CommandResult {
  return drive(api, runCommandLine(line, api, ctx));
}

/** A pod object with sensible defaults; `status` and `spec` merge over them. */
export function pod(
  name: string,
  opts: {
    namespace?: string;
    createdMs?: number;
    spec?: Record<string, unknown>;
    status?: Record<string, unknown>;
    labels?: Record<string, string>;
    metadata?: Record<string, unknown>;
  } = {},
): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: opts.namespace ?? "default",
      uid: `uid-${name}`,
      creationTimestamp: ts(opts.createdMs ?? 0),
      ...(opts.labels ? { labels: opts.labels } : {}),
      ...opts.metadata,
    },
    spec: {
      containers: [{ name: "app", image: "nginx:1.27" }],
      nodeName: "node-1",
      restartPolicy: "Always",
      ...opts.spec,
    },
    status: { phase: "Running", podIP: "10.244.0.5", hostIP: "172.18.0.2", ...opts.status },
  };
}

/** A running container status. */
export function running(
  name: string,
  startedMs: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    ready: true,
    started: true,
    restartCount: 0,
    image: "nginx:1.27",
    state: { running: { startedAt: ts(startedMs) } },
    ...extra,
  };
}
