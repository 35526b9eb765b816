/**
 * Running one probe or hook action against a container (PRB): exec in the container, an HTTP GET
 * or TCP connect to the pod IP from the node, or a gRPC health check. Results carry the output the
 * kubelet puts into `Unhealthy` events (`HTTP probe failed with statuscode: 500`, …).
 */
import type { ContainerRuntime, RuntimeContainer, Sandbox } from "../runtime/cri.ts";
import { connect, type HttpRepeat, type HttpRequest, type Listener } from "../runtime/network.ts";
import { sleep, type Task } from "../task.ts";
import type { ContainerSpec, GrpcAction, HttpGetAction, Probe, TcpSocketAction } from "./spec.ts";

/** A probe outcome (`warning` counts as success). */
export interface ProbeOutcome {
  result: "success" | "failure" | "warning" | "error";
  /** True when the failure was a timeout. */
  timedOut?: boolean;
  output: string;
  durationMs: number;
}

/** Resolves a named port against the container's ports. */
export function resolvePort(port: number | string, c: ContainerSpec): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Network round-trip latency inside the cluster. */
const NET_MS = 2;
/** Overhead of an exec through the CRI. */
const EXEC_OVERHEAD_MS = 15;

/** An HTTP GET's outcome, known when it is sent, and how long the answer takes to arrive. */
export interface HttpGetExchange {
  outcome: ProbeOutcome;
  /** Virtual ms until the outcome is known (undefined: at once, nothing was sent). */
  waitMs?: number;
}

/**
 * What a probe worker keeps of its last HTTP GET so that the next one, if nothing it depends on
 * changed, repeats it through the server's `repeatHttp` instead of sending it anew.
 */
export interface HttpGetMemo {
  sb?: Sandbox;
  host?: string;
  port?: number;
  listener?: Listener;
  repeat?: HttpRepeat;
  exchange?: HttpGetExchange;
}

/**
 * The URL an HTTP probe asks for, as its failure messages say it. Why a function and not a closure
 * built per probe: the URL only appears in failure messages, built when one is written.
 */
function probeUrl(a: HttpGetAction, host: string, port: number | undefined): string {
  const path = a.path || "/";
  return `${(a.scheme ?? "HTTP").toLowerCase()}://${host}:${port ?? a.port}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * Sends an HTTP GET from the node now: the server answers synchronously (its access log line is
 * written now); the caller waits `waitMs` before acting on the outcome. `httpGet` is the waiting
 * form; probe workers use this one directly to skip a coroutine per probe, with a `memo` of the
 * last exchange (same sandbox, same listener, the server says its answer stands: the same outcome,
 * and the server's side effects through `HttpRepeat.serve`).
 */
export function sendHttpGet(
  sb: Sandbox,
  c: ContainerSpec,
  a: HttpGetAction,
  timeoutMs: number,
  nowMs: number,
  memo?: HttpGetMemo,
): HttpGetExchange {
  if (memo?.repeat) {
    if (memo.sb === sb && memo.repeat.valid()) {
      const again = connect(sb.net, memo.host!, memo.port!);
      if (again.ok && again.listener === memo.listener) {
        memo.repeat.serve();
        return memo.exchange!;
      }
    }
    memo.repeat = undefined;
  }
  const x = exchangeHttpGet(sb, c, a, timeoutMs, nowMs, memo);
  if (memo?.repeat) memo.exchange = x;
  return x;
}

function exchangeHttpGet(
  sb: Sandbox,
  c: ContainerSpec,
  a: HttpGetAction,
  timeoutMs: number,
  nowMs: number,
  memo: HttpGetMemo | undefined,
): HttpGetExchange {
  const port = resolvePort(a.port, c);
  const host = a.host || sb.ip;
  const path = a.path || "/";
  if (port === undefined)
    return { outcome: { result: "error", output: `unable to resolve port ${a.port}`, durationMs: 0 } };
  const conn = connect(sb.net, host, port);
  if (!conn.ok) {
    return {
      outcome: {
        result: "failure",
        output: `Get "${probeUrl(a, host, port)}": dial tcp ${host}:${port}: connect: ${conn.error === "refused" ? "connection refused" : "no route to host"}`,
        durationMs: NET_MS,
      },
      waitMs: NET_MS,
    };
  }
  const handler = conn.listener.http;
  if (!handler)
    return {
      outcome: { result: "failure", output: `Get "${probeUrl(a, host, port)}": EOF`, durationMs: NET_MS },
      waitMs: NET_MS,
    };
  const headers: Record<string, string> = { "User-Agent": "kube-probe/1.34", Accept: "*/*" };
  if (a.httpHeaders) for (const h of a.httpHeaders) headers[h.name] = h.value;
  const req: HttpRequest = { method: "GET", path, host, port, headers };
  const res = handler(req, nowMs);
  if (memo) {
    memo.repeat = conn.listener.repeatHttp?.(req);
    if (memo.repeat && memo.repeat.response !== res) memo.repeat = undefined;
    memo.sb = sb;
    memo.host = host;
    memo.port = port;
    memo.listener = conn.listener;
  }
  const took = NET_MS + (res.delayMs ?? 0);
  if (took > timeoutMs) {
    return {
      outcome: {
        result: "failure",
        timedOut: true,
        output: `Get "${probeUrl(a, host, port)}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
        durationMs: timeoutMs,
      },
      waitMs: timeoutMs,
    };
  }
  if (res.status >= 200 && res.status < 400) {
    const location = res.headers?.Location ?? res.headers?.location;
    if (res.status >= 300 && location && /^https?:\/\//.test(location) && !location.includes(`//${host}`)) {
      return {
        outcome: {
          result: "warning",
          output: `Probe terminated redirects, Response body: ${res.body.slice(0, 10240)}`,
          durationMs: took,
        },
        waitMs: took,
      };
    }
    return {
      outcome: { result: "success", output: res.body.slice(0, 10240), durationMs: took },
      waitMs: took,
    };
  }
  return {
    outcome: {
      result: "failure",
      output: `HTTP probe failed with statuscode: ${res.status}`,
      durationMs: took,
    },
    waitMs: took,
  };
}

/** An HTTP GET from the node; used by httpGet probes and hooks. */
export function* httpGet(
  sb: Sandbox,
  c: ContainerSpec,
  a: HttpGetAction,
  timeoutMs: number,
  nowMs: number,
): Task<ProbeOutcome> {
  const x = sendHttpGet(sb, c, a, timeoutMs, nowMs);
  if (x.waitMs !== undefined) yield sleep(x.waitMs);
  return x.outcome;
}

function* tcpProbe(sb: Sandbox, c: ContainerSpec, a: TcpSocketAction): Task<ProbeOutcome> {
  const port = resolvePort(a.port, c);
  const host = a.host || sb.ip;
  yield sleep(NET_MS);
  if (port === undefined)
    return { result: "error", output: `unable to resolve port ${a.port}`, durationMs: NET_MS };
  const conn = connect(sb.net, host, port);
  if (conn.ok) return { result: "success", output: "", durationMs: NET_MS };
  return {
    result: "failure",
    output: `dial tcp ${host}:${port}: connect: connection refused`,
    durationMs: NET_MS,
  };
}

function* grpcProbe(sb: Sandbox, a: GrpcAction, timeoutMs: number, nowMs: number): Task<ProbeOutcome> {
  const conn = connect(sb.net, sb.ip, a.port);
  const secs = timeoutMs / 1000;
  if (!conn.ok || !conn.listener.grpcHealth) {
    yield sleep(timeoutMs);
    return {
      result: "failure",
      timedOut: true,
      output: `timeout: failed to connect service "${sb.ip}:${a.port}" within ${secs}s: context deadline exceeded`,
      durationMs: timeoutMs,
    };
  }
  yield sleep(NET_MS);
  const s = conn.listener.grpcHealth(a.service ?? "", nowMs);
  if (s === "SERVING") return { result: "success", output: "", durationMs: NET_MS };
  return { result: "failure", output: `service unhealthy (responded with "${s}")`, durationMs: NET_MS };
}

/** Runs a probe once. */
export function* runProbe(
  runtime: ContainerRuntime,
  sb: Sandbox,
  inst: RuntimeContainer,
  c: ContainerSpec,
  probe: Probe,
): Task<ProbeOutcome> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const start = runtime.now();
    const r = yield* runtime.execSync(sb, inst, c, probe.exec.command, timeoutMs);
    yield sleep(EXEC_OVERHEAD_MS);
    const durationMs = runtime.now() - start;
    if (r.kind === "timeout") {
      return {
        result: "failure",
        timedOut: true,
        output: `command "${probe.exec.command.join(" ")}" timed out`,
        durationMs,
      };
    }
    if (r.kind === "error") return { result: "error", output: r.message, durationMs };
    const output = r.stdout + r.stderr;
    return { result: r.code === 0 ? "success" : "failure", output, durationMs };
  }
  if (probe.httpGet) return yield* httpGet(sb, c, probe.httpGet, timeoutMs, runtime.now());
  if (probe.tcpSocket) return yield* tcpProbe(sb, c, probe.tcpSocket);
  if (probe.grpc) return yield* grpcProbe(sb, probe.grpc, timeoutMs, runtime.now());
  return { result: "error", output: "missing probe handler", durationMs: 0 };
}
