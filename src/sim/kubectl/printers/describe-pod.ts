/**
 * `kubectl describe pod`, line for line as DSC `describePod` writes it (v1.34): header fields,
 * Init Containers / Containers (state, probes, environment, mounts), Conditions, Volumes, QoS
 * Class, Node-Selectors, Tolerations and Events, aligned by describe's tabwriter.
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import { rfc1123z, since } from "../duration.ts";
import {
  asPod,
  type ContainerStateView,
  type ContainerStatusView,
  type ContainerView,
  type EnvVarView,
  type PodView,
  type ProbeView,
  type VolumeView,
} from "../model.ts";
import {
  printAnnotationsMultiline,
  printBool,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./describe-common.ts";
import { PrefixWriter } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";

function portString(port: number | string | undefined): string {
  return port === undefined ? "" : String(port);
}

/** `DescribeProbe`: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3`. */
export function describeProbe(p: ProbeView): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    const host = p.httpGet.host ?? "";
    const port = portString(p.httpGet.port);
    const hostPort = port ? `${host.includes(":") ? `[${host}]` : host}:${port}` : host;
    let path = p.httpGet.path ?? "";
    if (path && !path.startsWith("/") && hostPort) path = `/${path}`;
    return `http-get ${scheme}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${portString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, state: ContainerStateView | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

function fieldValue(pod: PodView, path: string): string {
  const labelOrAnn = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (labelOrAnn) {
    const map = (labelOrAnn[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations) ?? {};
    return map[labelOrAnn[2] as string] ?? "";
  }
  switch (path) {
    case "metadata.name":
      return pod.metadata.name;
    case "metadata.namespace":
      return pod.metadata.namespace ?? "";
    case "metadata.uid":
      return pod.metadata.uid ?? "";
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "";
    case "status.hostIP":
      return pod.status.hostIP ?? "";
    case "status.podIP":
      return pod.status.podIP ?? "";
    case "status.podIPs":
      return (pod.status.podIPs ?? []).map((p) => p.ip).join(",");
    default:
      return "";
  }
}

function describeEnv(w: PrefixWriter, pod: PodView | undefined, c: ContainerView): void {
  if (c.envFrom && c.envFrom.length > 0) {
    w.write(2, "Environment Variables from:\n");
    for (const e of c.envFrom) {
      const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
      const ref = e.configMapRef ?? e.secretRef;
      const optional = ref?.optional === true;
      if (!e.prefix) w.write(3, `${ref?.name ?? ""}\t${from}\tOptional: ${optional}\n`);
      else w.write(3, `${ref?.name ?? ""}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
    }
  }
  const env: EnvVarView[] = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? "").split("\n").forEach((s, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      w.write(
        3,
        `${e.name}:\t${pod ? fieldValue(pod, vf.fieldRef.fieldPath ?? "") : ""} (${vf.fieldRef.apiVersion ?? "v1"}:${vf.fieldRef.fieldPath ?? ""})\n`,
      );
    } else if (vf.resourceFieldRef) {
      const resource = vf.resourceFieldRef.resource ?? "";
      const [kind, name] = resource.split(".");
      const bag = kind === "limits" ? c.resources?.limits : c.resources?.requests;
      let value = bag?.[name ?? ""] !== undefined ? String(bag?.[name ?? ""]) : "0";
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory"))
        value = "node allocatable";
      w.write(3, `${e.name}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${vf.secretKeyRef.key ?? ""}' in secret '${vf.secretKeyRef.name ?? ""}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`,
      );
    } else if (vf.configMapKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${vf.configMapKeyRef.key ?? ""}' of config map '${vf.configMapKeyRef.name ?? ""}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`,
      );
    }
  }
}

/**
 * `describeContainers`: for a pod (`pod` set: environment values resolved from it) or, with `space`
 * `"  "` and no pod, for a pod template (`DescribePodTemplate`).
 */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  pod: PodView | undefined,
  containers: ContainerView[],
  statuses: ContainerStatusView[],
  space = "",
): void {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${nameIndent}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ""}\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    if (c.command && c.command.length > 0) {
      w.write(2, "Command:\n");
      for (const part of c.command) for (const s of part.split("\n")) w.write(3, `${s}\n`);
    }
    if (c.args && c.args.length > 0) {
      w.write(2, "Args:\n");
      for (const part of c.args) for (const s of part.split("\n")) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, "State", st.state);
      if (st.lastState?.terminated) describeState(w, "Last State", st.lastState);
      w.write(2, `Ready:\t${printBool(st.ready)}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    if (Object.keys(limits).length > 0) w.write(2, "Limits:\n");
    for (const k of Object.keys(limits).sort()) w.write(3, `${k}:\t${limits[k]}\n`);
    if (Object.keys(requests).length > 0) w.write(2, "Requests:\n");
    for (const k of Object.keys(requests).sort()) w.write(3, `${k}:\t${requests[k]}\n`);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, pod, c);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    );
    w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw"];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
  }
}

function describeVolume(w: PrefixWriter, v: VolumeView, nameIndent = ""): void {
  w.write(1, `${nameIndent}${v.name}:\n`);
  if (v.hostPath) {
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path ?? ""}\n    HostPathType:\t${v.hostPath.type || "<none>"}\n`,
    );
  } else if (v.emptyDir) {
    const size =
      v.emptyDir.sizeLimit !== undefined && String(v.emptyDir.sizeLimit) !== "0"
        ? String(v.emptyDir.sizeLimit)
        : "<unset>";
    w.write(
      2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${size}\n`,
    );
  } else if (v.secret) {
    w.write(
      2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ""}\n    Optional:\t${v.secret.optional === true}\n`,
    );
  } else if (v.configMap) {
    w.write(
      2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ""}\n    Optional:\t${v.configMap.optional === true}\n`,
    );
  } else if (v.persistentVolumeClaim) {
    w.write(
      2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ""}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (v.downwardAPI) {
    w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath ?? ""} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource ?? ""} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const s of v.projected.sources ?? []) {
      if (s.secret)
        w.write(2, `SecretName:\t${s.secret.name ?? ""}\n    Optional:\t${s.secret.optional === true}\n`);
      else if (s.downwardAPI) w.write(2, "DownwardAPI:\ttrue\n");
      else if (s.configMap)
        w.write(
          2,
          `ConfigMapName:\t${s.configMap.name ?? ""}\n    Optional:\t${s.configMap.optional === true}\n`,
        );
      else if (s.serviceAccountToken)
        w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
    }
  } else {
    w.write(1, "<unknown>\n");
  }
}

/** `describeVolumes` (with `space` for pod templates). */
export function describeVolumes(w: PrefixWriter, volumes: VolumeView[], space = ""): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) describeVolume(w, v, space.length > 0 ? " " : "");
}

/** `qos.GetPodQOS`, simplified to string comparison of quantities. */
export function podQOS(pod: PodView): string {
  if (pod.status.qosClass) return pod.status.qosClass;
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const limits = c.resources?.limits ?? {};
    const requests = { ...limits, ...(c.resources?.requests ?? {}) };
    if (Object.keys(limits).length + Object.keys(requests).length > 0) any = true;
    for (const r of ["cpu", "memory"]) {
      if (limits[r] === undefined || String(requests[r]) !== String(limits[r])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** Renders `kubectl describe pod` for one pod; `events` are the pod's events (undefined: none shown). */
export function describePod(obj: ApiObject, events: ApiEvent[] | undefined, nowEpochMs: number): string {
  const pod = asPod(obj);
  const { spec, status, metadata } = pod;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ""}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", metadata.labels);
  printAnnotationsMultiline(w, "Annotations", metadata.annotations);
  if (metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(0, `Status:\tTerminating (lasts ${since(metadata.deletionTimestamp, nowEpochMs)})\n`);
    w.write(0, `Termination Grace Period:\t${metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ""}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = (
    metadata.ownerReferences as { controller?: boolean; kind: string; name: string }[] | undefined
  )?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(
      w,
      "Init Containers",
      pod,
      spec.initContainers ?? [],
      status.initContainerStatuses ?? [],
    );
  }
  describeContainers(w, "Containers", pod, spec.containers, status.containerStatuses ?? []);
  const gates = spec.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes ?? []);
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}
