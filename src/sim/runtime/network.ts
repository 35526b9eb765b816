/**
 * Pod networking: every pod has one network namespace shared by its containers (so they reach each
 * other on localhost) with an IP on the cluster network. Programs listen on ports with handlers
 * that answer HTTP requests, gRPC health checks and plain TCP connects synchronously in virtual
 * time; a handler may say how long the answer takes.
 */
import type { DeferredWriter } from "./deferred-output.ts";
import type { ContainerNamespace } from "./kernel.ts";

/** An HTTP request as a probe, `wget` or the traffic generator sends it. */
export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  port: number;
  headers: Record<string, string>;
  /** The client's address as the server sees it (default: the node, as for the kubelet's probes). */
  client?: string;
}

/** An HTTP answer; `delayMs` is how long the server takes to send it. */
export interface HttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** gRPC health-checking protocol status. */
export type GrpcServingStatus = "SERVING" | "NOT_SERVING" | "SERVICE_UNKNOWN" | "UNKNOWN";

/**
 * The same request answered again, as a server offers it right after answering: the answer and
 * the side effects (an access log line, a connection counted) without working the answer out anew.
 * Probes send one request every few seconds for hours; repeating skips the server's request path.
 */
export interface HttpRepeat {
  /** The answer the server gave, and gives again while `valid()`. */
  readonly response: HttpResponse;
  /** True while the server would give the same answer with the same side effects. */
  valid(): boolean;
  /** Answers the request again now: the server's side effects only. */
  serve(): void;
  /**
   * How to answer again many times at once, the lines it logs made when its log is read: the log's
   * writer for deferred lines, the line for a request at a time, and how to count the requests;
   * undefined when its log cannot take deferred lines (then `serve` each time).
   */
  deferral?(): HttpRepeatDeferral | undefined;
}

/** See `HttpRepeat.deferral`. */
export interface HttpRepeatDeferral {
  /** Where the lines go (one writer per log: requests logged to one log share it). */
  writer: DeferredWriter;
  /** The line a repeat at `atMs` logs. */
  line(atMs: number): string;
  /** Counts `n` repeats served (connection numbers and the like). */
  served(n: number): void;
}

/** A listening socket owned by a process. */
export interface Listener {
  port: number;
  /** HTTP handler; without one the port accepts TCP but speaks no HTTP. */
  http?: (req: HttpRequest, nowMs: number) => HttpResponse;
  /**
   * Called right after `http` answered `req`: how to answer it again, or undefined when the server
   * cannot say (its answer would not be the same, or it writes to files).
   */
  repeatHttp?: (req: HttpRequest) => HttpRepeat | undefined;
  /** gRPC health service; without one a gRPC probe fails. */
  grpcHealth?: (service: string, nowMs: number) => GrpcServingStatus;
  /** False once the server stops accepting new connections (graceful shutdown in progress). */
  accepting: boolean;
  /** Name of the program, for messages. */
  owner: string;
}

interface Bound {
  listener: Listener;
  ns: ContainerNamespace;
  pid: number;
}

/**
 * Told when something reaches into a pod or changes it, before it does: the kubelet's prober
 * fast-forwards probes of a pod left alone and catches them up then (`ProbeFastForward`).
 */
export interface PodWatcher {
  /** A connection comes in: what the pod wrote so far must be written first. */
  beforeUse(): void;
  /** A process runs or a socket changes: fast-forwarding must stop here. */
  beforeChange(): void;
}

/** A pod's network namespace. */
export class PodNetwork {
  private readonly bound = new Map<number, Bound>();
  /** Set while the kubelet fast-forwards the pod's probes. */
  watcher?: PodWatcher;

  constructor(
    readonly ip: string,
    readonly cluster: ClusterNetwork,
  ) {
    cluster.attach(this);
  }

  /** Binds a port; false when it is already in use (EADDRINUSE). */
  listen(ns: ContainerNamespace, pid: number, listener: Listener): boolean {
    this.watcher?.beforeChange();
    if (this.bound.has(listener.port)) return false;
    this.bound.set(listener.port, { listener, ns, pid });
    return true;
  }

  /** Closes a port. */
  close(port: number): void {
    this.watcher?.beforeChange();
    this.bound.delete(port);
  }

  /** Drops every socket a process held (called when it exits). */
  releaseOwner(ns: ContainerNamespace, pid: number): void {
    this.watcher?.beforeChange();
    for (const [port, b] of this.bound) if (b.ns === ns && b.pid === pid) this.bound.delete(port);
  }

  /** The listener on a port that accepts connections, if any. */
  accepting(port: number): Listener | undefined {
    this.watcher?.beforeUse();
    const b = this.bound.get(port);
    return b?.listener.accepting ? b.listener : undefined;
  }

  /** The listener bound to a port, accepting or not. */
  boundOn(port: number): Listener | undefined {
    return this.bound.get(port)?.listener;
  }

  /** Whether `listener` is still bound here (its process has not exited, the sandbox still stands). */
  holds(listener: Listener): boolean {
    return this.bound.get(listener.port)?.listener === listener && this.cluster.lookup(this.ip) === this;
  }

  /** Every bound port. */
  ports(): number[] {
    return [...this.bound.keys()].sort((a, b) => a - b);
  }

  /** Removes this namespace from the cluster network (sandbox torn down). */
  detach(): void {
    this.watcher?.beforeChange();
    this.bound.clear();
    this.cluster.detach(this);
  }
}

/** Services on the network: the cluster DNS and kube-proxy's rules for cluster IPs. */
export interface ServiceRouter {
  /** The cluster IP the cluster DNS answers for a name (`web`, `web.default.svc.cluster.local`). */
  resolve(name: string, namespace: string): string | undefined;
  /**
   * Where kube-proxy sends a new connection to a cluster IP and port: an endpoint, `"reject"` when
   * the Service has no usable endpoint, undefined when the address is no Service's.
   */
  route(ip: string, port: number): { ip: string; port: number } | "reject" | undefined;
}

/** The cluster's flat pod network: pod IPs to namespaces. */
export class ClusterNetwork {
  private readonly byIp = new Map<string, PodNetwork>();
  /** Service names and cluster IPs (set by the cluster). */
  router?: ServiceRouter;

  attach(n: PodNetwork): void {
    this.byIp.set(n.ip, n);
  }

  detach(n: PodNetwork): void {
    if (this.byIp.get(n.ip) === n) this.byIp.delete(n.ip);
  }

  /** The pod network owning an IP, if any. */
  lookup(ip: string): PodNetwork | undefined {
    return this.byIp.get(ip);
  }
}

/** Outcome of connecting to host:port from somewhere. */
export type ConnectResult =
  | { ok: true; listener: Listener }
  | { ok: false; error: "refused" | "unreachable" };

/** Connects from a pod network to a host (localhost, its own IP, or another pod IP). */
export function connect(from: PodNetwork | undefined, host: string, port: number): ConnectResult {
  const target =
    host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "0.0.0.0"
      ? from
      : from?.cluster.lookup(host);
  if (!target) {
    // A Service's cluster IP: kube-proxy's rules pick an endpoint (or reject the connection).
    const via = from?.cluster.router?.route(host, port);
    if (via === "reject") return { ok: false, error: "refused" };
    if (!via) return { ok: false, error: "unreachable" };
    const backend = from?.cluster.lookup(via.ip);
    if (!backend) return { ok: false, error: "unreachable" };
    const l = backend.accepting(via.port);
    return l ? { ok: true, listener: l } : { ok: false, error: "refused" };
  }
  const l = target.accepting(port);
  return l ? { ok: true, listener: l } : { ok: false, error: "refused" };
}
