/**
 * The simulated cluster: the API server's store and event recorder, the scheduler, and one
 * kubelet per node, all on one virtual clock. It implements what kubectl needs (`ClusterApi`).
 */

import { VirtualClock } from "../clock.ts";
import { ControllerManager } from "../controllers/manager.ts";
import { WatchedStore } from "../controllers/watch.ts";
import type { ApiEvent, ApiObject, ClusterApi, CommandTask, ExecResult } from "../kubectl/api.ts";
import { crictlProgram } from "../kubelet/crictl.ts";
import type { ImageLookup } from "../kubelet/image-manager.ts";
import { Kubelet } from "../kubelet/kubelet.ts";
import { latest } from "../kubelet/pod-state.ts";
import type { ContainerSpec } from "../kubelet/spec.ts";
import { KubeProxy } from "../proxy/kube-proxy.ts";
import { SeededRandom } from "../random.ts";
import { logLines, type RuntimeImage } from "../runtime/cri.ts";
import { ContainerNamespace, Kernel } from "../runtime/kernel.ts";
import { ClusterNetwork, PodNetwork } from "../runtime/network.ts";
import { installProgram } from "../runtime/tools/layout.ts";
import { Filesystem, type newDir } from "../runtime/vfs.ts";
import type { NodeSpec, TrafficSpec } from "../scenario/types.ts";
import { Latch, startTask } from "../task.ts";
import { sameSnapshot, snapshotPod } from "../timeline/snapshot.ts";
import type { StatusSnapshot } from "../timeline/types.ts";
import { WorkloadHistory } from "../timeline/workload-history.ts";
import { type ServiceTraffic, startTraffic } from "../traffic/index.ts";
import { type ApplyTarget, applyManifest, updateObject } from "./apply.ts";
import { EventRecorder, type InvolvedObject } from "./events.ts";
import { KUBERNETES_SERVICE_IP, ServiceAllocator } from "./service-ips.ts";
import { serviceRouter } from "./service-router.ts";
import { type ObjectStore, randomUid } from "./store.ts";
import { apiTime } from "./time.ts";

/** How the cluster gets its runtime pieces (kept out so the cluster does not pick an image catalog). */
export interface ClusterOptions {
  seed: number;
  epochMs: number;
  nodes: NodeSpec[];
  lookupImage: (image: string) => ImageLookup<RuntimeImage>;
  /** Registers every program images can run. */
  registerPrograms: (kernel: Kernel) => void;
  /** Fills a node's root filesystem (a Debian-like host). */
  buildNodeRootfs: () => ReturnType<typeof newDir>;
  /** Canonical name of an image reference, for preloaded node images. */
  canonicalImage: (image: string) => string | undefined;
  /** How far kube-proxy lags the EndpointSlices (virtual ms). */
  endpointPropagationMs: number;
  /** Requests sent to Services. */
  traffic?: TrafficSpec[];
}

/** The fields of a Service's spec the registry allocates. */
interface ServiceAddressFields {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: { nodePort?: number }[];
}

/** A pod's status over time (for the views and `kubectl get pods -w`). */
export type PodStatusSample = StatusSnapshot;

interface NodeEntry {
  kubelet: Kubelet;
  obj: ApiObject;
  ip: string;
  fs: Filesystem;
}

const SCHEDULE_LATENCY_MS = 8;
const KUBELET_WATCH_LATENCY_MS = 15;

export class Cluster implements ClusterApi {
  readonly clock = new VirtualClock();
  readonly random: SeededRandom;
  readonly kernel: Kernel;
  readonly network = new ClusterNetwork();
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  /** The workload controllers; they learn about every change through the store's watch. */
  readonly controllers: ControllerManager;
  readonly nodes = new Map<string, NodeEntry>();
  /** kube-proxy's rules: Services and endpoints, a propagation delay behind the API. */
  readonly proxy: KubeProxy;
  /** Deployments' and ReplicaSets' replica counts over time, for the views. */
  readonly workloadHistory = new WorkloadHistory(() => this.clock.now());
  /** What the Scenario's traffic generators sent, per Service. */
  readonly traffic: ServiceTraffic[];
  /** Every pod ever created, by uid, with its status history. */
  readonly podHistory = new Map<
    string,
    { pod: ApiObject; samples: PodStatusSample[]; deletedMs?: number; nodeName?: string }
  >();
  private scheduleIndex = 0;
  private readonly serviceAllocator: ServiceAllocator;

  constructor(private readonly opts: ClusterOptions) {
    this.random = new SeededRandom(opts.seed);
    this.kernel = new Kernel(this.clock);
    opts.registerPrograms(this.kernel);
    this.kernel.register({ "node/crictl": crictlProgram((host) => this.nodes.get(host)?.kubelet) });
    this.store = new WatchedStore(
      this.random.fork("uids"),
      opts.epochMs,
      () => this.clock.now(),
      (event) => {
        this.controllers?.observe(event);
        this.proxy?.observe(event);
        this.workloadHistory?.observe(event);
      },
    );
    this.recorder = new EventRecorder(opts.epochMs, () => this.clock.now());
    this.controllers = new ControllerManager(this, this.random.fork("controllers"));
    this.serviceAllocator = new ServiceAllocator(this.random.fork("service-ips"));
    this.proxy = new KubeProxy(this.clock, opts.endpointPropagationMs);
    this.network.router = serviceRouter(
      (ns) => this.store.list("Service", ns),
      this.proxy,
      this.random.fork("service-routing"),
    );
    opts.nodes.forEach((n, i) => {
      this.addNode(n, i);
    });
    this.addKubernetesService();
    this.traffic = startTraffic(
      { clock: this.clock, proxy: this.proxy, network: this.network, random: this.random.fork("traffic") },
      opts.traffic ?? [],
    );
  }

  /**
   * The `kubernetes` Service every cluster has in `default`, pointing at the API server on the
   * first node (kind's control plane), with the Endpoints and EndpointSlice the API server's
   * endpoint reconciler keeps for it.
   */
  private addKubernetesService(): void {
    const uids = this.random.fork("kubernetes-service");
    const uid = () => randomUid(uids);
    const apiserver = [...this.nodes.values()][0]?.ip ?? "172.18.0.2";
    const labels = { component: "apiserver", provider: "kubernetes" };
    this.store.create({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", namespace: "default", uid: uid(), labels },
      spec: {
        clusterIP: KUBERNETES_SERVICE_IP,
        clusterIPs: [KUBERNETES_SERVICE_IP],
        internalTrafficPolicy: "Cluster",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
        sessionAffinity: "None",
        type: "ClusterIP",
      },
      status: { loadBalancer: {} },
    });
    this.store.create({
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        name: "kubernetes",
        namespace: "default",
        uid: uid(),
        labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
      },
      subsets: [{ addresses: [{ ip: apiserver }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
    });
    this.store.create({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name: "kubernetes",
        namespace: "default",
        uid: uid(),
        labels: { "kubernetes.io/service-name": "kubernetes" },
        generation: 1,
      },
      addressType: "IPv4",
      endpoints: [{ addresses: [apiserver], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    });
  }

  /**
   * The Service registry's allocations on create: a cluster IP (unless headless or ExternalName)
   * and node ports for NodePort and LoadBalancer Services. Returns an error text when an address or
   * port asked for is taken.
   */
  private allocateService(obj: ApiObject): string | undefined {
    const spec = (obj.spec ??= {}) as ServiceAddressFields;
    const type = spec.type ?? "ClusterIP";
    if (type === "ExternalName") return undefined;
    const name = obj.metadata.name;
    if (spec.clusterIP && spec.clusterIP !== "None") {
      if (!this.serviceAllocator.reserveIP(spec.clusterIP))
        return `The Service "${name}" is invalid: spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`;
    } else if (spec.clusterIP !== "None") spec.clusterIP = this.serviceAllocator.allocateIP();
    spec.clusterIPs = [spec.clusterIP];
    if (type === "NodePort" || type === "LoadBalancer") {
      for (const [i, p] of (spec.ports ?? []).entries()) {
        if (p.nodePort === undefined) p.nodePort = this.serviceAllocator.allocatePort();
        else if (!this.serviceAllocator.reservePort(p.nodePort))
          return `The Service "${name}" is invalid: spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`;
      }
    }
    obj.status ??= { loadBalancer: {} };
    return undefined;
  }

  /**
   * A Service's addresses in a server-side dry run (ipallocator `dryRunRange`): an explicit
   * cluster IP or node port is taken as asked without checking that it is free, an unset one is
   * the range's first value (`10.96.0.0`, port 30000); nothing is reserved.
   */
  private dryRunServiceAddresses(obj: ApiObject): void {
    const spec = (obj.spec ??= {}) as ServiceAddressFields;
    const type = spec.type ?? "ClusterIP";
    if (type === "ExternalName") return;
    if (!spec.clusterIP) spec.clusterIP = "10.96.0.0";
    spec.clusterIPs = [spec.clusterIP];
    if (type === "NodePort" || type === "LoadBalancer") {
      for (const p of spec.ports ?? []) p.nodePort ??= 30000;
    }
    obj.status ??= { loadBalancer: {} };
  }

  private releaseService(obj: ApiObject): void {
    const spec = (obj.spec ?? {}) as { clusterIP?: string; ports?: { nodePort?: number }[] };
    if (spec.clusterIP && spec.clusterIP !== "None") this.serviceAllocator.releaseIP(spec.clusterIP);
    for (const p of spec.ports ?? []) if (p.nodePort) this.serviceAllocator.releasePort(p.nodePort);
  }

  private addNode(n: NodeSpec, i: number): void {
    const ip = `172.18.0.${i + 2}`;
    const rootfs = this.opts.buildNodeRootfs();
    // The CRI client every kubeadm/kind node has.
    installProgram(rootfs, "/usr/local/bin/crictl", "node/crictl");
    const fs = new Filesystem(rootfs, () => this.opts.epochMs + this.clock.now());
    const kubelet = new Kubelet(
      n.name,
      this.clock,
      this.random.fork(`node/${n.name}`),
      this.kernel,
      this.network,
      `10.244.${i + 1}.`,
      this.opts.epochMs,
      fs,
      this.opts.lookupImage,
      {
        recordEvent: (obj, type, reason, message, source) =>
          this.recordEvent(obj, type, reason, message, source),
        podStatusUpdated: (pod) => this.podStatusUpdated(pod),
        removePod: (pod) => this.removePod(pod),
      },
    );
    for (const image of n.images ?? []) {
      const canonical = this.opts.canonicalImage(image);
      if (canonical) kubelet.images.present.add(canonical);
    }
    const obj = this.store.create({
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: n.name,
        labels: {
          "beta.kubernetes.io/arch": "amd64",
          "beta.kubernetes.io/os": "linux",
          "kubernetes.io/arch": "amd64",
          "kubernetes.io/hostname": n.name,
          "kubernetes.io/os": "linux",
        },
      },
      spec: { podCIDR: `10.244.${i + 1}.0/24`, podCIDRs: [`10.244.${i + 1}.0/24`] },
      status: {
        addresses: [
          { address: ip, type: "InternalIP" },
          { address: n.name, type: "Hostname" },
        ],
        conditions: [
          {
            type: "MemoryPressure",
            status: "False",
            reason: "KubeletHasSufficientMemory",
            message: "kubelet has sufficient memory available",
          },
          {
            type: "DiskPressure",
            status: "False",
            reason: "KubeletHasNoDiskPressure",
            message: "kubelet has no disk pressure",
          },
          {
            type: "PIDPressure",
            status: "False",
            reason: "KubeletHasSufficientPID",
            message: "kubelet has sufficient PID available",
          },
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
          },
        ].map((c) => ({
          ...c,
          lastHeartbeatTime: apiTime(this.opts.epochMs, 0),
          lastTransitionTime: apiTime(this.opts.epochMs, 0),
        })),
        nodeInfo: {
          architecture: "amd64",
          containerRuntimeVersion: "containerd://2.1.3",
          kernelVersion: "6.8.0-podlife",
          kubeProxyVersion: "",
          kubeletVersion: "v1.34.0",
          operatingSystem: "linux",
          osImage: "Debian GNU/Linux 12 (bookworm)",
        },
      },
    });
    this.nodes.set(n.name, { kubelet, obj, ip, fs });
  }

  /** Records an event through the cluster's recorder. */
  recordEvent(
    obj: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void {
    this.recorder.record(obj, type, reason, message, source);
  }

  nowMs(): number {
    return this.clock.now();
  }

  startTimeMs(): number {
    return this.opts.epochMs;
  }

  /** Creates an object as the API server would (pods get scheduled). Returns an error text or undefined. */
  create(obj: ApiObject): string | undefined {
    const ns = obj.metadata.namespace ?? "default";
    if (obj.kind !== "Node") obj.metadata.namespace = ns;
    if (this.store.get(obj.kind, ns, obj.metadata.name)) {
      return `Error from server (AlreadyExists): ${resourceOf(obj.kind)} "${obj.metadata.name}" already exists`;
    }
    // Why (apps registry PrepareForCreate): workload objects start at generation 1.
    if (obj.kind === "Deployment" || obj.kind === "ReplicaSet") obj.metadata.generation ??= 1;
    if (obj.kind === "Service") {
      const err = this.allocateService(obj);
      if (err) return err;
    }
    this.store.create(obj);
    if (obj.kind === "Pod") this.podCreated(obj);
    return undefined;
  }

  private podCreated(pod: ApiObject): void {
    pod.status = { phase: "Pending", qosClass: "BestEffort" };
    this.podHistory.set(pod.metadata.uid!, {
      pod,
      samples: [snapshotPod(pod, this.clock.now(), this.opts.epochMs)],
    });
    const spec = pod.spec as { nodeName?: string };
    if (spec.nodeName) {
      this.clock.setTimeout(() => this.bind(pod, spec.nodeName!), 0);
      return;
    }
    this.clock.setTimeout(() => this.schedule(pod), SCHEDULE_LATENCY_MS);
  }

  /** The default scheduler: spreads pods over nodes (fewest pods first, then name order). */
  private schedule(pod: ApiObject): void {
    if (!this.store.get("Pod", pod.metadata.namespace, pod.metadata.name)) return;
    if (this.nodes.size === 0) return;
    // The nodes with the fewest pods, in name order (loops: this runs for every pod created).
    let min = Number.POSITIVE_INFINITY;
    for (const n of this.nodes.values()) min = Math.min(min, n.kubelet.workers.size);
    const candidates: string[] = [];
    for (const [name, n] of this.nodes) if (n.kubelet.workers.size === min) candidates.push(name);
    const node = candidates[this.scheduleIndex++ % candidates.length]!;
    this.recordEvent(
      {
        kind: "Pod",
        name: pod.metadata.name,
        namespace: pod.metadata.namespace ?? "default",
        uid: pod.metadata.uid!,
        apiVersion: "v1",
      },
      "Normal",
      "Scheduled",
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
      { component: "default-scheduler" },
    );
    this.bind(pod, node);
  }

  private bind(pod: ApiObject, node: string): void {
    const entry = this.nodes.get(node);
    if (!entry) return;
    (pod.spec as { nodeName?: string }).nodeName = node;
    const now = apiTime(this.opts.epochMs, this.clock.now());
    pod.status = {
      conditions: [{ lastProbeTime: null, lastTransitionTime: now, status: "True", type: "PodScheduled" }],
      phase: "Pending",
      qosClass: "BestEffort",
      hostIP: entry.ip,
    };
    this.podStatusUpdated(pod);
    const h = this.podHistory.get(pod.metadata.uid!);
    if (h) h.nodeName = node;
    this.clock.setTimeout(() => {
      if (this.store.get("Pod", pod.metadata.namespace, pod.metadata.name) === pod) entry.kubelet.admit(pod);
    }, KUBELET_WATCH_LATENCY_MS);
  }

  private podStatusUpdated(pod: ApiObject): void {
    this.store.touch(pod);
    const h = this.podHistory.get(pod.metadata.uid!);
    if (!h) return;
    const sample = snapshotPod(pod, this.clock.now(), this.opts.epochMs);
    const last = h.samples[h.samples.length - 1];
    if (!last || !sameSnapshot(last, sample)) h.samples.push(sample);
  }

  private removePod(pod: ApiObject): void {
    if (this.store.get("Pod", pod.metadata.namespace, pod.metadata.name) === pod) this.store.remove(pod);
    const h = this.podHistory.get(pod.metadata.uid!);
    if (h && h.deletedMs === undefined) h.deletedMs = this.clock.now();
  }

  // ---- ClusterApi ----

  list(kind: string, namespace?: string): ApiObject[] {
    return this.store.list(kind, kind === "Node" ? undefined : namespace);
  }

  get(kind: string, namespace: string, name: string): ApiObject | undefined {
    return this.store.get(kind, kind === "Node" ? undefined : namespace, name);
  }

  events(namespace?: string): ApiEvent[] {
    return this.recorder.list(namespace);
  }

  delete(
    kind: string,
    namespace: string,
    name: string,
    opts: { gracePeriodSeconds?: number; force?: boolean; dryRun?: boolean },
  ): string | undefined {
    const obj = this.store.get(kind, namespace, name);
    if (!obj) return `Error from server (NotFound): ${resourceOf(kind)} "${name}" not found`;
    if (opts.dryRun) return undefined;
    if (kind !== "Pod") {
      this.store.remove(obj);
      if (kind === "Service") this.releaseService(obj);
      return undefined;
    }
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    let grace = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
    // Why (pod strategy CheckGracefulDelete): unscheduled or terminal pods are deleted at once.
    if (!spec.nodeName || phase === "Succeeded" || phase === "Failed") grace = 0;
    const kubelet = spec.nodeName ? this.nodes.get(spec.nodeName)?.kubelet : undefined;
    // Why (generic registry): a grace period of 0 — `--force --grace-period=0`, or a pod whose spec
    // says 0 — is a graceless delete: the object goes at once and the kubelet stops what runs.
    // (kubectl itself turns an explicit `--grace-period=0` without `--force` into 1.)
    if (grace === 0) {
      obj.metadata.deletionTimestamp = apiTime(this.opts.epochMs, this.clock.now());
      obj.metadata.deletionGracePeriodSeconds = 0;
      this.removePod(obj);
      kubelet?.podForceDeleted(obj.metadata.uid!);
      return undefined;
    }
    const existing = obj.metadata.deletionGracePeriodSeconds;
    if (obj.metadata.deletionTimestamp && existing !== undefined && existing <= grace) return undefined;
    obj.metadata.deletionTimestamp = apiTime(this.opts.epochMs, this.clock.now() + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    this.store.touch(obj);
    this.podStatusUpdated(obj);
    this.clock.setTimeout(() => kubelet?.podUpdated(obj.metadata.uid!), KUBELET_WATCH_LATENCY_MS);
    return undefined;
  }

  /** What `apply` and `update` work on: the store, and the kubelets watching pods. */
  private applyTarget(): ApplyTarget {
    return {
      get: (kind, ns, name) => this.get(kind, ns, name),
      create: (obj) => this.create(obj),
      updated: (obj) => {
        this.store.touch(obj);
        if (obj.kind !== "Pod") return;
        const node = (obj.spec as { nodeName?: string }).nodeName;
        const kubelet = node ? this.nodes.get(node)?.kubelet : undefined;
        this.clock.setTimeout(() => kubelet?.podUpdated(obj.metadata.uid!), KUBELET_WATCH_LATENCY_MS);
      },
    };
  }

  /**
   * What a server-side dry run works on (`dryRun=All`): copies of the stored objects; a create is
   * defaulted as the API server would (uid, creation time, generation, a Pod's first status, a
   * Service's addresses) but not stored, and nobody is told of an update. `answers` collects the
   * objects as the API server would return them.
   */
  private dryRunTarget(answers: ApiObject[]): ApplyTarget {
    const random = this.random.fork(`dry-run/${this.clock.now()}`);
    return {
      get: (kind, ns, name) => {
        const obj = this.get(kind, ns, name);
        return obj ? structuredClone(obj) : undefined;
      },
      create: (obj) => {
        const ns = obj.metadata.namespace ?? "default";
        if (obj.kind !== "Node") obj.metadata.namespace = ns;
        if (this.store.get(obj.kind, ns, obj.metadata.name)) {
          return `Error from server (AlreadyExists): ${resourceOf(obj.kind)} "${obj.metadata.name}" already exists`;
        }
        if (obj.kind === "Deployment" || obj.kind === "ReplicaSet") obj.metadata.generation ??= 1;
        if (obj.kind === "Service") this.dryRunServiceAddresses(obj);
        obj.metadata.uid ??= randomUid(random);
        obj.metadata.creationTimestamp = apiTime(this.opts.epochMs, this.clock.now());
        if (obj.kind === "Pod") obj.status = { phase: "Pending", qosClass: "BestEffort" };
        obj.status ??= {};
        answers.push(obj);
        return undefined;
      },
      updated: (obj) => {
        answers.push(obj);
      },
    };
  }

  apply(
    manifest: string,
    namespace: string,
    opts: { dryRun?: boolean } = {},
  ): { ok: true; lines: string[]; objects?: ApiObject[] } | { ok: false; error: string } {
    if (!opts.dryRun) return applyManifest(this.applyTarget(), manifest, namespace);
    const objects: ApiObject[] = [];
    const r = applyManifest(this.dryRunTarget(objects), manifest, namespace);
    return r.ok ? { ...r, objects } : r;
  }

  update(obj: ApiObject, opts: { dryRun?: boolean } = {}): string | undefined {
    return updateObject(opts.dryRun ? this.dryRunTarget([]) : this.applyTarget(), obj);
  }

  updateStatus(obj: ApiObject): string | undefined {
    const ns = obj.metadata.namespace ?? "default";
    const existing = this.store.get(obj.kind, obj.kind === "Node" ? undefined : ns, obj.metadata.name);
    if (!existing)
      return `Error from server (NotFound): ${resourceOf(obj.kind)} "${obj.metadata.name}" not found`;
    existing.status = structuredClone(obj.status ?? {});
    if (obj.kind === "Pod") {
      this.podStatusUpdated(existing);
      // Why (HandlePodReconcile): a status written by someone else may change readiness gates.
      const node = (existing.spec as { nodeName?: string }).nodeName;
      const kubelet = node ? this.nodes.get(node)?.kubelet : undefined;
      this.clock.setTimeout(() => kubelet?.podUpdated(existing.metadata.uid!), KUBELET_WATCH_LATENCY_MS);
    } else this.store.touch(existing);
    return undefined;
  }

  /** Catches every kubelet's fast-forwarded probes up to now (their logs and attempts). */
  settleProbes(): void {
    for (const { kubelet } of this.nodes.values()) kubelet.settleAllProbes();
  }

  private podState(namespace: string, pod: string) {
    const obj = this.store.get("Pod", namespace, pod);
    if (!obj) return undefined;
    const node = (obj.spec as { nodeName?: string }).nodeName;
    const kubelet = node ? this.nodes.get(node)?.kubelet : undefined;
    const w = kubelet?.workers.get(obj.metadata.uid!);
    return { obj, ps: w?.ps, kubelet };
  }

  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    opts: { previous?: boolean; tail?: number; timestamps?: boolean },
  ): { ok: true; text: string } | { ok: false; error: string } {
    const found = this.podState(namespace, pod);
    if (!found) return { ok: false, error: `Error from server (NotFound): pods "${pod}" not found` };
    const spec = found.obj.spec as { containers: ContainerSpec[]; initContainers?: ContainerSpec[] };
    const name = container ?? spec.containers[0]?.name ?? "";
    const known = [...(spec.initContainers ?? []), ...spec.containers].some((c) => c.name === name);
    if (!known) {
      return { ok: false, error: `error: container ${name} is not valid for pod ${pod}` };
    }
    if (found.ps) found.kubelet?.settleProbes(found.ps);
    const list = found.ps?.instances.get(name) ?? [];
    const inst = opts.previous ? list[list.length - 2] : list[list.length - 1];
    if (!inst) {
      if (opts.previous) {
        return {
          ok: false,
          error: `Error from server (BadRequest): previous terminated container "${name}" in pod "${pod}" not found`,
        };
      }
      const reason =
        found.ps?.reasons.get(name)?.reason ??
        ((spec.initContainers ?? []).length ? "PodInitializing" : "ContainerCreating");
      return {
        ok: false,
        error: `Error from server (BadRequest): container "${name}" in pod "${pod}" is waiting to start: ${reason}`,
      };
    }
    let lines = logLines(inst).map((l) =>
      opts.timestamps
        ? `${apiTime(this.opts.epochMs, l.atMs).replace("Z", ".000000000Z")} ${l.text}`
        : l.text,
    );
    let text = lines.join("");
    if (opts.tail !== undefined && opts.tail >= 0) {
      const all = text.split("\n");
      const trailing = all[all.length - 1] === "";
      if (trailing) all.pop();
      lines = all.slice(Math.max(0, all.length - opts.tail));
      text = lines.length ? `${lines.join("\n")}${trailing ? "\n" : ""}` : "";
    }
    return { ok: true, text };
  }

  *exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): CommandTask<ExecResult> {
    const found = this.podState(namespace, pod);
    if (!found)
      return { exitCode: 1, stdout: "", stderr: `Error from server (NotFound): pods "${pod}" not found\n` };
    const phase = (found.obj.status as { phase?: string }).phase;
    if (phase === "Succeeded" || phase === "Failed") {
      return {
        exitCode: 1,
        stdout: "",
        stderr: `error: cannot exec into a container in a completed pod; current phase is ${phase}\n`,
      };
    }
    const spec = found.obj.spec as { containers: ContainerSpec[]; initContainers?: ContainerSpec[] };
    const name = container ?? spec.containers[0]?.name ?? "";
    const c = [...(spec.initContainers ?? []), ...spec.containers].find((x) => x.name === name);
    if (!c)
      return {
        exitCode: 1,
        stdout: "",
        stderr: `Error from server (BadRequest): container ${name} is not valid for pod ${pod}\n`,
      };
    const ps = found.ps;
    const inst = ps ? latest(ps, name) : undefined;
    if (!ps?.sandbox || !inst || inst.state !== "running") {
      return {
        exitCode: 1,
        stdout: "",
        stderr: `error: unable to upgrade connection: container not found ("${name}")\n`,
      };
    }
    const kubelet = this.nodes.get((found.obj.spec as { nodeName: string }).nodeName)!.kubelet;
    const done = new Latch<ExecResult>();
    const task = kubelet.runtime.execSync(ps.sandbox, inst, c, argv, undefined, stdin);
    let result: ExecResult | undefined;
    const random = this.random.fork(`exec/${this.clock.now()}`);
    const runner = (function* () {
      const r = yield* task;
      if (r.kind === "exited") result = { exitCode: r.code, stdout: r.stdout, stderr: r.stderr };
      else if (r.kind === "error") {
        // Why (containerd CRI): an exec that cannot start is an error of the exec call itself, which
        // the API server returns as an internal error; kubectl exits 1 (126 was dockershim's form).
        const execId = Array.from({ length: 16 }, () =>
          random.int(0, 0xffff).toString(16).padStart(4, "0"),
        ).join("");
        result = {
          exitCode: 1,
          stdout: "",
          stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": ${r.message}\n`,
        };
      } else result = { exitCode: 1, stdout: r.stdout, stderr: r.stderr };
      done.fire(result);
    })();
    // Drive the runtime task on the clock; kubectl waits until it finishes.
    startTask(this.clock, runner);
    yield { kind: "until", done: () => done.done };
    return result!;
  }

  *nodeShell(node: string, argv: string[]): CommandTask<ExecResult> {
    const entry = this.nodes.get(node);
    if (!entry)
      return { exitCode: 1, stdout: "", stderr: `Error from server (NotFound): nodes "${node}" not found\n` };
    const net = new PodNetwork(entry.ip, this.network);
    const ns = new ContainerNamespace(
      this.kernel,
      entry.fs,
      net,
      node,
      this.random.fork(`node-shell/${this.clock.now()}`),
    );
    let stdout = "";
    let stderr = "";
    const env = new Map([
      ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
      ["HOME", "/root"],
      ["HOSTNAME", node],
      ["PODLIFE_EPOCH_MS", String(this.opts.epochMs)],
    ]);
    const r = ns.spawn({
      argv,
      env,
      cwd: "/root",
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    if (!r.ok) {
      return {
        exitCode: 127,
        stdout: "",
        stderr: `nsenter: failed to execute ${argv[0]}: No such file or directory\n`,
      };
    }
    let status: number | undefined;
    ns.onExit(r.pid, (s) => {
      status = s.code;
    });
    yield { kind: "until", done: () => status !== undefined };
    net.detach();
    return { exitCode: status ?? 0, stdout, stderr };
  }
}

/** The plural resource name kubectl uses in messages. */
export function resourceOf(kind: string): string {
  const map: Record<string, string> = {
    Pod: "pods",
    Node: "nodes",
    Service: "services",
    Deployment: "deployments.apps",
    ReplicaSet: "replicasets.apps",
    Event: "events",
  };
  return map[kind] ?? `${kind.toLowerCase()}s`;
}
