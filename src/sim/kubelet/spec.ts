/**
 * The Pod spec as the kubelet reads it (field names exactly as the API; defaults already applied
 * by the scenario loader). Only what the simulation uses is typed; everything else stays on the
 * object untouched.
 */
import type { ContainerConfig } from "../runtime/cri.ts";

export interface ExecAction {
  command: string[];
}

export interface HttpGetAction {
  path?: string;
  port: number | string;
  host?: string;
  scheme?: string;
  httpHeaders?: { name: string; value: string }[];
}

export interface TcpSocketAction {
  port: number | string;
  host?: string;
}

export interface GrpcAction {
  port: number;
  service?: string;
}

export interface Probe {
  exec?: ExecAction;
  httpGet?: HttpGetAction;
  tcpSocket?: TcpSocketAction;
  grpc?: GrpcAction;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandler {
  exec?: ExecAction;
  httpGet?: HttpGetAction;
  tcpSocket?: TcpSocketAction;
  sleep?: { seconds: number };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface ContainerSpec extends ContainerConfig {
  image: string;
  imagePullPolicy?: string;
  ports?: ContainerPort[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { postStart?: LifecycleHandler; preStop?: LifecycleHandler; stopSignal?: string };
  /** Only on init containers: `Always` makes it a sidecar. */
  restartPolicy?: string;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
}

export interface Volume {
  name: string;
  emptyDir?: Record<string, unknown>;
  hostPath?: { path: string; type?: string };
  [k: string]: unknown;
}

export interface PodSpec {
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  volumes?: Volume[];
  nodeName?: string;
  readinessGates?: { conditionType: string }[];
  hostname?: string;
}

/** True for a restartable init container (a sidecar). */
export function isSidecar(c: ContainerSpec): boolean {
  return c.restartPolicy === "Always";
}

/** The probe's period in ms (default 10 s). */
export function periodMs(p: Probe): number {
  return (p.periodSeconds ?? 10) * 1000;
}
