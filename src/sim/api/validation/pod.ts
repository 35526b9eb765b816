/**
 * Pod and pod-spec validation on create, after defaulting, with the API server's messages and field
 * paths (pkg/apis/core/validation/validation.go: ValidatePodSpec, validateContainers,
 * validateInitContainers, validateContainerCommon, validateProbe, validateHandler, ValidateVolumes).
 * Only the rules that matter for the fields Podlife reads are implemented; the rest is accepted.
 */
import { formatPath, type PathSegment } from "../../scenario/paths.ts";
import type {
  Container,
  HTTPGetAction,
  IntOrString,
  LifecycleHandler,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  Volume,
} from "../types.ts";
import {
  duplicate,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
} from "./errors.ts";
import { validateLabels, validateObjectMeta } from "./meta.ts";
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
} from "./names.ts";

const IS_NEGATIVE = "must be greater than or equal to 0";
const MAX_INT32 = 2147483647;

function nonNegative(value: number | undefined, path: PathSegment[]): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** `ValidatePortNumOrName`. */
export function validatePortNumOrName(port: IntOrString | undefined, path: PathSegment[]): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  if (typeof port === "string") return isValidPortName(port).map((msg) => invalid(path, port, msg));
  return isValidPortNum(0).map((msg) => invalid(path, 0, msg));
}

function validateHTTPGetAction(action: HTTPGetAction, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!action.path) errs.push(required([...path, "path"]));
  errs.push(...validatePortNumOrName(action.port, [...path, "port"]));
  if (action.scheme !== "HTTP" && action.scheme !== "HTTPS") {
    errs.push(notSupported([...path, "scheme"], action.scheme ?? "", ["HTTP", "HTTPS"]));
  }
  for (const header of action.httpHeaders ?? []) {
    if (!/^[-A-Za-z0-9]+$/.test(header.name ?? "")) {
      errs.push(
        invalid(
          [...path, "httpHeaders"],
          header.name ?? "",
          "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
        ),
      );
    }
  }
  return errs;
}

type Handler = LifecycleHandler & { grpc?: { port: number } };
const HANDLER_TYPES = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;

/** `validateHandler`: exactly one handler type, each validated. */
function validateHandler(
  handler: Handler,
  gracePeriod: number | undefined,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const type of HANDLER_TYPES) {
    const h = handler[type];
    if (h === undefined) continue;
    const p = [...path, type];
    if (count > 0) {
      errs.push(forbidden(p, "may not specify more than 1 handler type"));
      continue;
    }
    count++;
    if (type === "exec") {
      if (!handler.exec?.command?.length) errs.push(required([...p, "command"]));
    } else if (type === "httpGet") {
      errs.push(...validateHTTPGetAction(handler.httpGet as HTTPGetAction, p));
    } else if (type === "tcpSocket") {
      errs.push(...validatePortNumOrName(handler.tcpSocket?.port, [...p, "port"]));
    } else if (type === "grpc") {
      errs.push(...validatePortNumOrName(handler.grpc?.port ?? 0, [...p, "port"]));
    } else {
      // PodLifecycleSleepActionAllowZero is on by default since v1.33.
      const seconds = handler.sleep?.seconds ?? 0;
      if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
        errs.push(
          invalid(
            p,
            seconds,
            `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
          ),
        );
      }
    }
  }
  if (count === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

/** `validateProbe`: the handler, non-negative timings, a positive probe-level grace period. */
function validateProbe(probe: Probe, gracePeriod: number | undefined, path: PathSegment[]): FieldError[] {
  const errs = validateHandler(probe as Handler, gracePeriod, path);
  errs.push(...nonNegative(probe.initialDelaySeconds, [...path, "initialDelaySeconds"]));
  errs.push(...nonNegative(probe.timeoutSeconds, [...path, "timeoutSeconds"]));
  errs.push(...nonNegative(probe.periodSeconds, [...path, "periodSeconds"]));
  errs.push(...nonNegative(probe.successThreshold, [...path, "successThreshold"]));
  errs.push(...nonNegative(probe.failureThreshold, [...path, "failureThreshold"]));
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0) {
    errs.push(invalid([...path, "terminationGracePeriodSeconds"], tgps, "must be greater than 0"));
  }
  return errs;
}

function validateProbes(c: Container, gracePeriod: number | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (c.lifecycle) {
    const lp = [...path, "lifecycle"];
    if (c.lifecycle.postStart)
      errs.push(...validateHandler(c.lifecycle.postStart, gracePeriod, [...lp, "postStart"]));
    if (c.lifecycle.preStop)
      errs.push(...validateHandler(c.lifecycle.preStop, gracePeriod, [...lp, "preStop"]));
  }
  for (const kind of ["livenessProbe", "readinessProbe", "startupProbe"] as const) {
    const probe = c[kind];
    if (!probe) continue;
    const p = [...path, kind];
    errs.push(...validateProbe(probe, gracePeriod, p));
    if (kind !== "readinessProbe" && probe.successThreshold !== 1) {
      errs.push(invalid([...p, "successThreshold"], probe.successThreshold ?? 0, "must be 1"));
    }
    if (kind === "readinessProbe" && probe.terminationGracePeriodSeconds !== undefined) {
      errs.push(
        invalid(
          [...p, "terminationGracePeriodSeconds"],
          probe.terminationGracePeriodSeconds,
          "must not be set for readinessProbes",
        ),
      );
    }
  }
  return errs;
}

function validateContainerPorts(c: Container, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = [...path, i];
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const msg of msgs) errs.push(invalid([...p, "name"], port.name, msg));
      else if (names.has(port.name)) errs.push(duplicate([...p, "name"], port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required([...p, "containerPort"]));
    else
      for (const msg of isValidPortNum(port.containerPort))
        errs.push(invalid([...p, "containerPort"], port.containerPort, msg));
    if (port.hostPort)
      for (const msg of isValidPortNum(port.hostPort))
        errs.push(invalid([...p, "hostPort"], port.hostPort, msg));
    if (!port.protocol) errs.push(required([...p, "protocol"]));
    else if (!["SCTP", "TCP", "UDP"].includes(port.protocol)) {
      errs.push(notSupported([...p, "protocol"], port.protocol, ["SCTP", "TCP", "UDP"]));
    }
  });
  return errs;
}

function validateEnv(c: Container, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  (c.env ?? []).forEach((env, i) => {
    const p = [...path, i, "name"];
    if (!env.name) errs.push(required(p));
    // RelaxedEnvironmentVariableValidation is on by default since v1.32.
    else if (!/^[\x20-\x7e]+$/.test(env.name) || env.name.includes("=")) {
      errs.push(
        invalid(
          p,
          env.name,
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
        ),
      );
    }
  });
  return errs;
}

function validateVolumeMounts(
  c: Container,
  volumes: ReadonlyMap<string, Volume>,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((mount, i) => {
    const p = [...path, i];
    if (!mount.name) errs.push(required([...p, "name"]));
    if (!volumes.has(mount.name)) errs.push(notFound([...p, "name"], mount.name ?? ""));
    if (!mount.mountPath) errs.push(required([...p, "mountPath"]));
    if (mountPoints.has(mount.mountPath))
      errs.push(invalid([...p, "mountPath"], mount.mountPath, "must be unique"));
    mountPoints.add(mount.mountPath);
  });
  return errs;
}

/** `validateContainerCommon`: what every container (regular, init, sidecar) must satisfy. */
function validateContainerCommon(
  c: Container,
  volumes: ReadonlyMap<string, Volume>,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required([...path, "name"]));
  else for (const msg of isDNS1123Label(c.name)) errs.push(invalid([...path, "name"], c.name, msg));
  if (!c.image) errs.push(required([...path, "image"]));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required([...path, "terminationMessagePolicy"]));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    errs.push(notSupported([...path, "terminationMessagePolicy"], tmp, ["File", "FallbackToLogsOnError"]));
  }
  errs.push(...validateContainerPorts(c, [...path, "ports"]));
  errs.push(...validateEnv(c, [...path, "env"]));
  errs.push(...validateVolumeMounts(c, volumes, [...path, "volumeMounts"]));
  const policy = c.imagePullPolicy;
  if (!policy) errs.push(required([...path, "imagePullPolicy"]));
  else if (!["Always", "IfNotPresent", "Never"].includes(policy)) {
    errs.push(notSupported([...path, "imagePullPolicy"], policy, ["Always", "IfNotPresent", "Never"]));
  }
  return errs;
}

/** `ValidateVolumes`: names (DNS labels, unique) and exactly one source each. */
function validateVolumes(
  volumes: Volume[],
  path: PathSegment[],
): { byName: Map<string, Volume>; errs: FieldError[] } {
  const byName = new Map<string, Volume>();
  const errs: FieldError[] = [];
  volumes.forEach((vol, i) => {
    const p = [...path, i];
    const el: FieldError[] = [];
    const sources = Object.keys(vol).filter((k) => k !== "name");
    if (sources.length === 0) el.push(required(p, "must specify a volume type"));
    for (const extra of sources.slice(1))
      el.push(forbidden([...p, extra], "may not specify more than 1 volume type"));
    if (vol.hostPath) {
      if (!vol.hostPath.path) el.push(required([...p, "hostPath", "path"]));
      const types = [
        "",
        "DirectoryOrCreate",
        "Directory",
        "FileOrCreate",
        "File",
        "Socket",
        "CharDevice",
        "BlockDevice",
      ];
      const type = vol.hostPath.type ?? "";
      if (!types.includes(type)) el.push(notSupported([...p, "hostPath", "type"], type, types));
    }
    if (!vol.name) el.push(required([...p, "name"]));
    else for (const msg of isDNS1123Label(vol.name)) el.push(invalid([...p, "name"], vol.name, msg));
    if (byName.has(vol.name)) el.push(duplicate([...p, "name"], vol.name));
    if (el.length === 0) byName.set(vol.name, vol);
    else errs.push(...el);
  });
  return { byName, errs };
}

function supported(path: PathSegment[], value: string | undefined, values: string[]): FieldError[] {
  if (!value) return [required(path)];
  return values.includes(value) ? [] : [notSupported(path, value, values)];
}

/** `ValidatePodSpec` (the parts Podlife reads). `path` is `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: PodSpec, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const grace = spec.terminationGracePeriodSeconds;
  if (grace === undefined) errs.push(required([...path, "terminationGracePeriodSeconds"]));
  const { byName: volumes, errs: volumeErrs } = validateVolumes(spec.volumes ?? [], [...path, "volumes"]);
  errs.push(...volumeErrs);

  const containersPath = [...path, "containers"];
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push(required(containersPath));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = [...containersPath, i];
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate([...p, "name"], c.name));
    else names.add(c.name);
    errs.push(...validateProbes(c, grace, p));
    if (c.restartPolicy !== undefined)
      errs.push(forbidden([...p, "restartPolicy"], "may not be set for non-init containers"));
  });

  const initPath = [...path, "initContainers"];
  (spec.initContainers ?? []).forEach((c, i) => {
    const p = [...initPath, i];
    errs.push(...validateContainerCommon(c, volumes, p));
    if (c.restartPolicy !== undefined && c.restartPolicy !== "Always") {
      errs.push(notSupported([...p, "restartPolicy"], c.restartPolicy, ["Always"]));
    }
    if (names.has(c.name)) errs.push(duplicate([...p, "name"], c.name));
    else if (c.name) names.add(c.name);
    if (c.restartPolicy === "Always") {
      errs.push(...validateProbes(c, grace, p));
    } else {
      for (const field of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const) {
        if (c[field] !== undefined) {
          errs.push(
            forbidden([...p, field], "may not be set for init containers without restartPolicy=Always"),
          );
        }
      }
    }
  });

  errs.push(...supported([...path, "restartPolicy"], spec.restartPolicy, ["Always", "OnFailure", "Never"]));
  errs.push(
    ...supported([...path, "dnsPolicy"], spec.dnsPolicy, [
      "ClusterFirstWithHostNet",
      "ClusterFirst",
      "Default",
      "None",
    ]),
  );
  (spec.readinessGates ?? []).forEach((gate, i) => {
    const p = [...path, "readinessGates", i, "conditionType"];
    for (const msg of isQualifiedName(gate.conditionType ?? ""))
      errs.push(invalid(p, gate.conditionType ?? "", msg));
  });
  for (const field of ["serviceAccountName", "nodeName"] as const) {
    const v = spec[field];
    if (v) for (const msg of isDNS1123Subdomain(v)) errs.push(invalid([...path, field], v, msg));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(
      invalid([...path, "activeDeadlineSeconds"], deadline, `must be between 1 and ${MAX_INT32}, inclusive`),
    );
  }
  for (const field of ["hostname", "subdomain"] as const) {
    const v = spec[field];
    if (v) for (const msg of isDNS1123Label(v)) errs.push(invalid([...path, field], v, msg));
  }
  if (spec.preemptionPolicy !== undefined) {
    errs.push(
      ...supported([...path, "preemptionPolicy"], spec.preemptionPolicy, ["PreemptLowerPriority", "Never"]),
    );
  }
  return errs;
}

/** Validation of a Pod on create (`validatePodMetadataAndSpec`). */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, isDNS1123Subdomain, ["metadata"]);
  errs.push(...validatePodSpec(pod.spec, ["spec"]));
  for (const kind of ["containers", "initContainers"] as const) {
    (pod.spec[kind] ?? []).forEach((c, i) => {
      if (c.image && c.image !== c.image.trim()) {
        errs.push(
          invalid(["spec", kind, i, "image"], c.image, "must not have leading or trailing whitespace"),
        );
      }
    });
  }
  return errs;
}

/** `ValidatePodTemplateSpec` (template labels are reported at `<path>.labels`, as upstream does). */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: PathSegment[]): FieldError[] {
  const errs = validateLabels(template.metadata?.labels, [...path, "labels"]);
  if (template.spec) errs.push(...validatePodSpec(template.spec, [...path, "spec"]));
  else errs.push(required([...path, "spec", "containers"]));
  return errs;
}

/**
 * Warnings the API server returns for a Pod spec (pkg/api/pod/warnings.go): duplicate container
 * ports, and a negative grace period (treated as 1 s).
 */
export function podSpecWarnings(
  spec: PodSpec,
  path: PathSegment[],
  rawGracePeriod?: unknown,
): { path: PathSegment[]; message: string }[] {
  const warnings: { path: PathSegment[]; message: string }[] = [];
  if (typeof rawGracePeriod === "number" && rawGracePeriod < 0) {
    warnings.push({
      path: [...path, "terminationGracePeriodSeconds"],
      message: "must be >= 0; negative values are invalid and will be treated as 1",
    });
  }
  const seen = new Map<string, PathSegment[]>();
  for (const kind of ["containers", "initContainers"] as const) {
    (spec[kind] ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((port, pi) => {
        const key = `${port.containerPort}/${port.protocol ?? "TCP"}/${port.hostPort ?? 0}/${port.hostIP ?? ""}`;
        const here = [...path, kind, ci, "ports", pi];
        const other = seen.get(key);
        if (other)
          warnings.push({ path: here, message: `duplicate port definition with ${formatPath(other)}` });
        else seen.set(key, here);
      });
    });
  }
  return warnings;
}
