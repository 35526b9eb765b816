/**
 * Typed read-only views of the API objects kubectl prints. The cluster hands out plain JSON
 * (`ApiObject`); these interfaces name the fields the printers read, all optional as in the API.
 */
import type { ApiObject } from "./api.ts";

export interface ContainerStateView {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: {
    exitCode?: number;
    signal?: number;
    reason?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
  };
}

export interface ContainerStatusView {
  name: string;
  state?: ContainerStateView;
  lastState?: ContainerStateView;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  imageID?: string;
  containerID?: string;
}

export interface ProbeView {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface EnvVarView {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath?: string };
    resourceFieldRef?: { resource?: string; containerName?: string };
    secretKeyRef?: { name?: string; key?: string; optional?: boolean };
    configMapKeyRef?: { name?: string; key?: string; optional?: boolean };
  };
}

export interface ContainerView {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; hostPort?: number; protocol?: string; name?: string }[];
  env?: EnvVarView[];
  envFrom?: {
    prefix?: string;
    configMapRef?: { name?: string; optional?: boolean };
    secretRef?: { name?: string; optional?: boolean };
  }[];
  resources?: { limits?: Record<string, string | number>; requests?: Record<string, string | number> };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  livenessProbe?: ProbeView;
  readinessProbe?: ProbeView;
  startupProbe?: ProbeView;
  restartPolicy?: string;
}

export interface VolumeView {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string | number };
  hostPath?: { path?: string; type?: string };
  configMap?: { name?: string; optional?: boolean };
  secret?: { secretName?: string; optional?: boolean };
  projected?: {
    sources?: {
      secret?: { name?: string; optional?: boolean };
      configMap?: { name?: string; optional?: boolean };
      downwardAPI?: unknown;
      serviceAccountToken?: { expirationSeconds?: number };
    }[];
  };
  downwardAPI?: {
    items?: { path: string; fieldRef?: { fieldPath?: string }; resourceFieldRef?: { resource?: string } }[];
  };
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  [k: string]: unknown;
}

export interface ConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface TolerationView {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface PodSpecView {
  containers: ContainerView[];
  initContainers?: ContainerView[];
  volumes?: VolumeView[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: TolerationView[];
  readinessGates?: { conditionType: string }[];
  serviceAccountName?: string;
  priority?: number;
  priorityClassName?: string;
  runtimeClassName?: string;
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
}

export interface PodStatusView {
  phase?: string;
  reason?: string;
  message?: string;
  conditions?: ConditionView[];
  hostIP?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  nominatedNodeName?: string;
  qosClass?: string;
  initContainerStatuses?: ContainerStatusView[];
  containerStatuses?: ContainerStatusView[];
}

/** A Pod as the printers read it. */
export interface PodView extends ApiObject {
  spec: PodSpecView & Record<string, unknown>;
  status: PodStatusView & Record<string, unknown>;
}

/** Reads an ApiObject as a Pod (missing spec/status become empty). */
export function asPod(obj: ApiObject): PodView {
  const spec = (obj.spec ?? {}) as unknown as PodSpecView & Record<string, unknown>;
  return {
    ...obj,
    spec: { ...spec, containers: spec.containers ?? [] },
    status: (obj.status ?? {}) as PodStatusView & Record<string, unknown>,
  };
}

/** Whether an init container is a sidecar (`restartPolicy: Always`). */
export function isSidecar(c: ContainerView | undefined): boolean {
  return c?.restartPolicy === "Always";
}
