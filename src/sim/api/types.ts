/**
 * Kubernetes API shapes (the subset Podlife reads), with field names exactly as the API's JSON.
 * Objects coming out of `loadScenario` have passed strict decoding against the upstream schema,
 * so values have these types; fields not listed here may still be present (kept as written).
 */

/** `intstr.IntOrString`. */
export type IntOrString = number | string;

/** metav1.ObjectMeta (subset). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [k: string]: unknown;
}

/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** metav1.LabelSelector. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** v1.ExecAction. */
export interface ExecAction {
  command?: string[];
}

/** v1.HTTPHeader. */
export interface HTTPHeader {
  name: string;
  value: string;
}

/** v1.HTTPGetAction. */
export interface HTTPGetAction {
  path?: string;
  port: IntOrString;
  host?: string;
  scheme?: string;
  httpHeaders?: HTTPHeader[];
}

/** v1.TCPSocketAction. */
export interface TCPSocketAction {
  port: IntOrString;
  host?: string;
}

/** v1.GRPCAction. */
export interface GRPCAction {
  port: number;
  service?: string;
}

/** v1.SleepAction. */
export interface SleepAction {
  seconds: number;
}

/** v1.Probe. */
export interface Probe {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

/** v1.LifecycleHandler. */
export interface LifecycleHandler {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  sleep?: SleepAction;
}

/** v1.Lifecycle. */
export interface Lifecycle {
  postStart?: LifecycleHandler;
  preStop?: LifecycleHandler;
  stopSignal?: string;
}

/** v1.ContainerPort. */
export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
  hostPort?: number;
  hostIP?: string;
}

/** v1.EnvVar. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

/** v1.VolumeMount. */
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** v1.Container (also init containers; `restartPolicy: Always` makes an init container a sidecar). */
export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  workingDir?: string;
  ports?: ContainerPort[];
  volumeMounts?: VolumeMount[];
  lifecycle?: Lifecycle;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  restartPolicy?: string;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  resources?: Record<string, unknown>;
  [k: string]: unknown;
}

/** v1.Volume (the sources Podlife simulates). */
export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string | number };
  hostPath?: { path: string; type?: string };
  [k: string]: unknown;
}

/** v1.Toleration. */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** v1.PodSpec (subset). */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: string;
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  schedulerName?: string;
  serviceAccountName?: string;
  serviceAccount?: string;
  securityContext?: Record<string, unknown>;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  priority?: number;
  tolerations?: Toleration[];
  readinessGates?: { conditionType: string }[];
  [k: string]: unknown;
}

/** v1.PodTemplateSpec. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

/** v1.Pod. */
export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: ObjectMeta & { name: string };
  spec: PodSpec;
}

/** apps/v1.RollingUpdateDeployment. */
export interface RollingUpdateDeployment {
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
}

/** apps/v1.DeploymentStrategy. */
export interface DeploymentStrategy {
  type?: string;
  rollingUpdate?: RollingUpdateDeployment;
}

/** apps/v1.DeploymentSpec. */
export interface DeploymentSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

/** apps/v1.ReplicaSetSpec. */
export interface ReplicaSetSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  minReadySeconds?: number;
}

/** v1.ServicePort. */
export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: IntOrString;
  protocol?: string;
  nodePort?: number;
  appProtocol?: string;
}

/** v1.ServiceSpec (subset). */
export interface ServiceSpec {
  selector?: Record<string, string>;
  ports?: ServicePort[];
  type?: string;
  clusterIP?: string;
  sessionAffinity?: string;
  publishNotReadyAddresses?: boolean;
  internalTrafficPolicy?: string;
  externalTrafficPolicy?: string;
  ipFamilyPolicy?: string;
  ipFamilies?: string[];
  externalName?: string;
  [k: string]: unknown;
}
