/**
 * A traffic generator from the Scenario document: HTTP requests to a Service at a steady rate.
 * Each request goes where kube-proxy's rules (a propagation delay behind the EndpointSlices) send
 * it — a random usable endpoint, as iptables' `statistic --mode random` picks — and then meets the
 * pod as it really is at that instant:
 *
 * - no usable endpoint in the rules → rejected (`no endpoints`);
 * - nothing listening on the pod's port, or the server stopped accepting after its stop signal,
 *   or the pod's network is gone → `refused`;
 * - the server's process exits (or its sandbox is torn down) before the answer is complete →
 *   `reset`;
 * - an answer with a 5xx status, or a server that does not speak HTTP → `error`;
 * - otherwise `ok`.
 */
import type { VirtualClock } from "../clock.ts";
import type { KubeProxy, ProxyEndpoint, ProxyPort } from "../proxy/kube-proxy.ts";
import type { SeededRandom } from "../random.ts";
import type { ClusterNetwork, HttpRequest, Listener, PodNetwork } from "../runtime/network.ts";
import type { TrafficSpec } from "../scenario/types.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { FailedRequest, ServiceTraffic } from "./stats.ts";

/** How long a request lasts beyond the server's own answer time, unless the Scenario says. */
export const DEFAULT_REQUEST_MS = 50;

/** Sends one generator's requests and counts what became of them. */
export class TrafficGenerator {
  private readonly intervalMs: number;
  private readonly requestMs: number;
  private sentCount = 0;
  private firstMs = 0;
  private started = false;
  /** `tick`, bound once (a timer per request needs no new closure). */
  private readonly nextTick = (): void => this.tick();
  /**
   * The request this generator sends, per target port. Why one object: every request of a
   * generator says the same thing, and a server only reads it (frozen, so none can change it).
   */
  private readonly requests = new Map<number, HttpRequest>();

  constructor(
    private readonly spec: TrafficSpec,
    private readonly namespace: string,
    readonly stats: ServiceTraffic,
    private readonly clock: VirtualClock,
    private readonly proxy: KubeProxy,
    private readonly network: ClusterNetwork,
    private readonly random: SeededRandom,
  ) {
    this.intervalMs = 1000 / spec.rps;
    this.requestMs =
      spec.requestSeconds !== undefined ? Math.round(spec.requestSeconds * 1000) : DEFAULT_REQUEST_MS;
    if (spec.startMs !== undefined) clock.at(spec.startMs, () => this.start());
    else {
      // A load test that waits for the Service: it starts once kube-proxy routes to a ready pod.
      proxy.onProgrammed((key) => {
        if (this.started || key !== `${namespace}/${spec.service}`) return;
        const port = this.port();
        if (port?.usable.some((e) => e.ready)) this.start();
      });
    }
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.firstMs = this.clock.now();
    this.tick();
  }

  private tick(): void {
    const now = this.clock.now();
    if (this.spec.stopMs !== undefined && now >= this.spec.stopMs) return;
    this.send(now);
    this.sentCount++;
    const next = Math.round(this.firstMs + this.sentCount * this.intervalMs);
    this.clock.at(Math.max(next, now + 1), this.nextTick);
  }

  /** The Service port the generator targets, as kube-proxy has programmed it. */
  private port(svc = this.proxy.lookup(this.namespace, this.spec.service)): ProxyPort | undefined {
    if (!svc) return undefined;
    return this.spec.port !== undefined ? svc.ports.find((p) => p.port === this.spec.port) : svc.ports[0];
  }

  private send(atMs: number): void {
    const s = this.stats;
    s.send();
    const svc = this.proxy.lookup(this.namespace, this.spec.service);
    const port = this.port(svc);
    if (!svc || !port) {
      const portPhrase = this.spec.port !== undefined ? `no port ${this.spec.port}` : "no ports";
      const detail = svc
        ? `service "${this.spec.service}" has ${portPhrase}`
        : `service "${this.spec.service}" not found`;
      s.fail({
        atMs,
        endMs: atMs,
        outcome: "no endpoints",
        detail,
        ...(svc
          ? whyOf("traffic.noPort", {
              service: this.spec.service,
              ...(this.spec.port !== undefined ? { port: String(this.spec.port) } : {}),
            })
          : whyOf("traffic.noService", { service: this.spec.service })),
      });
      return;
    }
    if (port.usable.length === 0) {
      s.fail({
        atMs,
        endMs: atMs,
        outcome: "no endpoints",
        detail: "connect: connection refused",
        ...whyOf("traffic.noEndpoints", { service: svc.name, port: port.port }),
      });
      return;
    }
    const ep = port.usable[this.random.int(0, port.usable.length - 1)]!;
    this.deliver(atMs, svc.name, ep);
  }

  /** The request for `port`: GET the Scenario's path, Host the Service. */
  private request(service: string, port: number): HttpRequest {
    let req = this.requests.get(port);
    if (req === undefined || req.host !== service) {
      const headers = Object.freeze({ host: service, "user-agent": "podlife-traffic/1.0", accept: "*/*" });
      req = Object.freeze({ method: "GET", path: this.spec.path ?? "/", host: service, port, headers });
      this.requests.set(port, req);
    }
    return req;
  }

  /** Counts a request to `ep` that failed. */
  private failAt(atMs: number, ep: ProxyEndpoint, f: Omit<FailedRequest, "atMs" | "endpoint" | "pod">): void {
    const pod = ep.podName;
    this.stats.fail({ atMs, endpoint: `${ep.ip}:${ep.port}`, ...(pod ? { pod } : {}), ...f });
  }

  private deliver(atMs: number, service: string, ep: ProxyEndpoint): void {
    const pod = ep.podName;
    const net = this.network.lookup(ep.ip);
    if (!net) {
      this.failAt(atMs, ep, {
        endMs: atMs,
        outcome: "refused",
        detail: "connect: no route to host",
        ...whyOf("traffic.podGone", { pod: pod ?? `${ep.ip}:${ep.port}` }),
      });
      return;
    }
    const listener = net.accepting(ep.port);
    if (!listener) {
      const closing = net.boundOn(ep.port);
      const routedAs = ep.ready ? "ready" : "terminating";
      const inPod = pod ? { pod } : {};
      this.failAt(atMs, ep, {
        endMs: atMs,
        outcome: "refused",
        detail: "connect: connection refused",
        ...(closing
          ? whyOf("traffic.stoppedAccepting", { owner: closing.owner, ...inPod, routedAs })
          : whyOf("traffic.notListening", { port: ep.port, ...inPod, routedAs })),
      });
      return;
    }
    if (!listener.http) {
      this.failAt(atMs, ep, {
        endMs: atMs + this.requestMs,
        outcome: "error",
        detail: "empty reply from server",
        ...whyOf("traffic.notHttp", { owner: listener.owner, endpoint: `${ep.ip}:${ep.port}` }),
      });
      return;
    }
    const response = listener.http(this.request(service, ep.port), atMs);
    const endMs = atMs + (response.delayMs ?? 0) + this.requestMs;
    this.clock.at(endMs, () => this.finish(atMs, endMs, net, listener, response.status, ep));
  }

  /**
   * A request's end. Why `ep` rather than its texts: rule endpoints are never changed once built
   * (kube-proxy builds new ones), so it still says what it said when the request was sent.
   */
  private finish(
    atMs: number,
    endMs: number,
    net: PodNetwork,
    listener: Listener,
    status: number,
    ep: ProxyEndpoint,
  ): void {
    const s = this.stats;
    const pod = ep.podName;
    if (!net.holds(listener)) {
      s.fail({
        atMs,
        endMs,
        endpoint: `${ep.ip}:${ep.port}`,
        ...(pod ? { pod } : {}),
        outcome: "reset",
        detail: "connection reset by peer",
        ...whyOf("traffic.reset", { owner: listener.owner, ...(pod ? { pod } : {}) }),
      });
      return;
    }
    if (status >= 500) {
      s.fail({
        atMs,
        endMs,
        endpoint: `${ep.ip}:${ep.port}`,
        ...(pod ? { pod } : {}),
        outcome: "error",
        detail: `HTTP ${status}`,
        ...whyOf("traffic.serverError", { owner: listener.owner, ...(pod ? { pod } : {}), status }),
      });
      return;
    }
    s.succeed(atMs, pod);
  }
}
