/**
 * Pod defaulting as the API server applies it on create: the v1 defaulting functions
 * (pkg/apis/core/v1/defaults.go and the declarative `+default` markers) and the default admission
 * plugins that fill fields of every Pod (ServiceAccount, Priority, DefaultTolerationSeconds).
 */
import { defaultPullPolicy } from "./image.ts";
import { child, isObj, items, type Obj, setDefault, setDefaultIfZero } from "./util.ts";

/** `SetDefaults_HTTPGetAction`: path `/`, scheme `HTTP`. */
export function defaultHTTPGetAction(action: Obj): void {
  setDefaultIfZero(action, "path", "/");
  setDefaultIfZero(action, "scheme", "HTTP");
}

/** `SetDefaults_Probe`: timeout 1 s, period 10 s, success 1, failure 3 (zero means unset). */
export function defaultProbe(probe: Obj): void {
  setDefaultIfZero(probe, "timeoutSeconds", 1);
  setDefaultIfZero(probe, "periodSeconds", 10);
  setDefaultIfZero(probe, "successThreshold", 1);
  setDefaultIfZero(probe, "failureThreshold", 3);
  if (isObj(probe.httpGet)) defaultHTTPGetAction(probe.httpGet);
  // GRPCAction.service is a *string with no default: left unset.
}

/** Defaults of a container (regular, init or sidecar). */
export function defaultContainer(container: Obj): void {
  // An empty or missing image fails ParseImageName upstream, which then defaults to IfNotPresent.
  const image = typeof container.image === "string" ? container.image.trim() : "";
  setDefaultIfZero(container, "imagePullPolicy", image ? defaultPullPolicy(image) : "IfNotPresent");
  setDefaultIfZero(container, "terminationMessagePath", "/dev/termination-log");
  setDefaultIfZero(container, "terminationMessagePolicy", "File");
  // ResourceRequirements is a struct, not a pointer: the API always shows `resources: {}`.
  setDefault(container, "resources", {});
  for (const port of items(container, "ports")) setDefaultIfZero(port, "protocol", "TCP");
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const p = container[probe];
    if (isObj(p)) defaultProbe(p);
  }
  if (isObj(container.lifecycle)) {
    for (const hook of ["postStart", "preStop"]) {
      const h = container.lifecycle[hook];
      if (isObj(h) && isObj(h.httpGet)) defaultHTTPGetAction(h.httpGet);
    }
  }
}

/** Defaults of a volume: no source means `emptyDir: {}`; `hostPath.type` defaults to "" (unset). */
export function defaultVolume(volume: Obj): void {
  const sources = Object.keys(volume).filter((k) => k !== "name");
  if (sources.length === 0) volume.emptyDir = {};
  if (isObj(volume.hostPath)) setDefault(volume.hostPath, "type", "");
}

/** `SetDefaults_PodSpec` plus the nested defaults: used for Pods and for Pod templates. */
export function defaultPodSpec(spec: Obj): void {
  setDefaultIfZero(spec, "dnsPolicy", "ClusterFirst");
  setDefaultIfZero(spec, "restartPolicy", "Always");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefaultIfZero(spec, "schedulerName", "default-scheduler");
  for (const c of items(spec, "initContainers")) defaultContainer(c);
  for (const c of items(spec, "containers")) defaultContainer(c);
  for (const v of items(spec, "volumes")) defaultVolume(v);
}

/** The tolerations the DefaultTolerationSeconds admission plugin adds (300 s each). */
export const DEFAULT_TOLERATIONS: readonly Readonly<Obj>[] = [
  { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
  { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
];

function tolerates(tolerations: Obj[], key: string): boolean {
  return tolerations.some(
    (t) =>
      (t.key === key || ((t.key === undefined || t.key === "") && t.operator === "Exists")) &&
      (t.effect === undefined || t.effect === "" || t.effect === "NoExecute"),
  );
}

/**
 * Everything the API server fills in when a Pod is created: pod-spec defaults, `enableServiceLinks`
 * (SetDefaults_Pod), and the admission plugins' fields: `serviceAccountName`/`serviceAccount`
 * `default` (ServiceAccount), `priority` 0 and `preemptionPolicy` (Priority), the not-ready and
 * unreachable tolerations (DefaultTolerationSeconds).
 */
export function defaultPod(pod: Obj): void {
  const spec = child(pod, "spec");
  // pkg/registry/core/pod/strategy.go: a negative grace period is stored as 1 (with a warning).
  if (typeof spec.terminationGracePeriodSeconds === "number" && spec.terminationGracePeriodSeconds < 0) {
    spec.terminationGracePeriodSeconds = 1;
  }
  defaultPodSpec(spec);
  setDefault(spec, "enableServiceLinks", true);
  setDefaultIfZero(
    spec,
    "serviceAccountName",
    typeof spec.serviceAccount === "string" && spec.serviceAccount ? spec.serviceAccount : "default",
  );
  // The deprecated `serviceAccount` mirrors `serviceAccountName` (conversion), and kubectl shows both.
  setDefaultIfZero(spec, "serviceAccount", spec.serviceAccountName);
  if (!spec.priorityClassName) setDefault(spec, "priority", 0);
  setDefaultIfZero(spec, "preemptionPolicy", "PreemptLowerPriority");
  const tolerations = items(spec, "tolerations");
  const added = DEFAULT_TOLERATIONS.filter((t) => !tolerates(tolerations, t.key as string)).map((t) => ({
    ...t,
  }));
  if (added.length)
    spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}
