/**
 * Nodes: the `kubectl get nodes` table (`printNode`: NAME STATUS ROLES AGE VERSION; wide adds
 * INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME) and `kubectl describe node`.
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import { rfc1123z, since } from "../duration.ts";
import { asPod, type ConditionView } from "../model.ts";
import { formatBytes, formatCpu, parseQuantity } from "../quantity.ts";
import { printAnnotationsMultiline, printLabelsMultiline } from "./describe-common.ts";
import { PrefixWriter } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";
import type { Table } from "./table.ts";

interface NodeView {
  spec: {
    unschedulable?: boolean;
    taints?: { key: string; value?: string; effect: string }[];
    podCIDR?: string;
    podCIDRs?: string[];
    providerID?: string;
  };
  status: {
    conditions?: ConditionView[];
    addresses?: { type: string; address: string }[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string>;
  };
}

function view(obj: ApiObject): NodeView {
  return { spec: (obj.spec ?? {}) as NodeView["spec"], status: (obj.status ?? {}) as NodeView["status"] };
}

/** `findNodeRoles`: `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(obj: ApiObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const r = k.slice("node-role.kubernetes.io/".length);
      if (r) roles.add(r);
    } else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort();
}

/** The get-nodes table. */
export function nodeTable(nodes: ApiObject[], nowEpochMs: number, wide: boolean): Table {
  const columns = ["Name", "Status", "Roles", "Age", "Version"];
  if (wide) columns.push("Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
  return {
    columns,
    rows: nodes.map((obj) => {
      const n = view(obj);
      const ready = (n.status.conditions ?? []).find((c) => c.type === "Ready");
      const status = ready ? [ready.status === "True" ? "Ready" : "NotReady"] : ["Unknown"];
      if (n.spec.unschedulable) status.push("SchedulingDisabled");
      const roles = nodeRoles(obj).join(",") || "<none>";
      const info = n.status.nodeInfo ?? {};
      const cells = [
        obj.metadata.name,
        status.join(","),
        roles,
        since(obj.metadata.creationTimestamp, nowEpochMs),
        info.kubeletVersion ?? "",
      ];
      if (wide) {
        const addr = (t: string) => (n.status.addresses ?? []).find((a) => a.type === t)?.address ?? "<none>";
        cells.push(
          addr("InternalIP"),
          addr("ExternalIP"),
          info.osImage || "<unknown>",
          info.kernelVersion || "<unknown>",
          info.containerRuntimeVersion || "<unknown>",
        );
      }
      return { cells, object: obj };
    }),
  };
}

function podRequests(pod: ApiObject): { cpuReq: number; cpuLim: number; memReq: number; memLim: number } {
  const p = asPod(pod);
  let cpuReq = 0;
  let cpuLim = 0;
  let memReq = 0;
  let memLim = 0;
  for (const c of p.spec.containers) {
    const lim = c.resources?.limits ?? {};
    const req = { ...lim, ...(c.resources?.requests ?? {}) };
    cpuReq += parseQuantity(req.cpu) ?? 0;
    cpuLim += parseQuantity(lim.cpu) ?? 0;
    memReq += parseQuantity(req.memory) ?? 0;
    memLim += parseQuantity(lim.memory) ?? 0;
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

function pct(v: number, total: number | undefined): number {
  return total ? Math.trunc((v / total) * 100) : 0;
}

/** `kubectl describe node`. `pods` are the node's non-terminated pods. */
export function describeNode(
  obj: ApiObject,
  pods: ApiObject[],
  events: ApiEvent[] | undefined,
  nowEpochMs: number,
): string {
  const n = view(obj);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(obj).join(",") || "<none>"}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  const taints = [...(n.spec.taints ?? [])].sort((a, b) =>
    `${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1,
  );
  w.write(0, "Taints:\t");
  if (taints.length === 0) w.writeLine("<none>");
  taints.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${n.spec.unschedulable === true}\n`);
  w.write(0, "Lease:\n");
  w.write(1, `HolderIdentity:\t${obj.metadata.name}\n`);
  w.write(1, "AcquireTime:\t<unset>\n");
  w.write(1, `RenewTime:\t${rfc1123z(new Date(nowEpochMs - (nowEpochMs % 10000)).toISOString())}\n`);
  const conditions = n.status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
    }
  }
  w.write(0, "Addresses:\n");
  for (const a of n.status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const printResources = (title: string, list: Record<string, string> | undefined) => {
    if (!list || Object.keys(list).length === 0) return;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${list[k]}\n`);
  };
  printResources("Capacity", n.status.capacity);
  printResources("Allocatable", n.status.allocatable);
  const info = n.status.nodeInfo ?? {};
  w.write(0, "System Info:\n");
  const sys: [string, string][] = [
    ["Machine ID", "machineID"],
    ["System UUID", "systemUUID"],
    ["Boot ID", "bootID"],
    ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"],
    ["Operating System", "operatingSystem"],
    ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"],
    ["Kubelet Version", "kubeletVersion"],
    ["Kube-Proxy Version", "kubeProxyVersion"],
  ];
  for (const [label, key] of sys) w.write(0, `  ${label}:\t${info[key] ?? ""}\n`);
  if (n.spec.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if ((n.spec.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(n.spec.podCIDRs ?? []).join(",")}\n`);
  if (n.spec.providerID) w.write(0, `ProviderID:\t${n.spec.providerID}\n`);
  const alloc =
    n.status.allocatable && Object.keys(n.status.allocatable).length > 0
      ? n.status.allocatable
      : n.status.capacity;
  const allocCpu = parseQuantity(alloc?.cpu);
  const allocMem = parseQuantity(alloc?.memory);
  const allocEph = parseQuantity(alloc?.["ephemeral-storage"]);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const r = podRequests(p);
    totals.cpuReq += r.cpuReq;
    totals.cpuLim += r.cpuLim;
    totals.memReq += r.memReq;
    totals.memLim += r.memLim;
    w.write(
      1,
      `${p.metadata.namespace ?? ""}\t${p.metadata.name}\t\t${formatCpu(r.cpuReq)} (${pct(r.cpuReq, allocCpu)}%)\t${formatCpu(r.cpuLim)} (${pct(r.cpuLim, allocCpu)}%)\t${formatBytes(r.memReq)} (${pct(r.memReq, allocMem)}%)\t${formatBytes(r.memLim)} (${pct(r.memLim, allocMem)}%)\t${since(p.metadata.creationTimestamp, nowEpochMs)}\n`,
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  w.write(
    1,
    `cpu\t${formatCpu(totals.cpuReq)} (${pct(totals.cpuReq, allocCpu)}%)\t${formatCpu(totals.cpuLim)} (${pct(totals.cpuLim, allocCpu)}%)\n`,
  );
  w.write(
    1,
    `memory\t${formatBytes(totals.memReq)} (${pct(totals.memReq, allocMem)}%)\t${formatBytes(totals.memLim)} (${pct(totals.memLim, allocMem)}%)\n`,
  );
  w.write(1, `ephemeral-storage\t0 (${pct(0, allocEph)}%)\t0 (${pct(0, allocEph)}%)\n`);
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}
