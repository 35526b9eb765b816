/**
 * Which API fields Podlife simulates. A field that exists in the Kubernetes API but is not listed
 * here for its type is kept in the object as written and flagged with an `unsupported-field` info
 * ("not simulated: …"), never dropped. Types not listed are simulated in full when reached.
 */

const CORE = "io.k8s.api.core.v1.";
const APPS = "io.k8s.api.apps.v1.";
const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

/** Simulated (or merely echoed, like `dnsPolicy`) fields per API type name. */
export const SIMULATED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [`${META}ObjectMeta`]: ["name", "generateName", "namespace", "labels", "annotations"],
  [`${CORE}Pod`]: ["apiVersion", "kind", "metadata", "spec"],
  [`${CORE}PodSpec`]: [
    "containers",
    "initContainers",
    "volumes",
    "restartPolicy",
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "nodeName",
    "readinessGates",
    "hostname",
    "subdomain",
    // Defaulted by the API server and shown by kubectl; accepted without behaviour of their own.
    "dnsPolicy",
    "schedulerName",
    "enableServiceLinks",
    "priority",
    "preemptionPolicy",
    "serviceAccountName",
    "serviceAccount",
  ],
  [`${CORE}Container`]: [
    "name",
    "image",
    "imagePullPolicy",
    "command",
    "args",
    "env",
    "workingDir",
    "ports",
    "volumeMounts",
    "lifecycle",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "restartPolicy",
    "terminationMessagePath",
    "terminationMessagePolicy",
  ],
  [`${CORE}EnvVar`]: ["name", "value"],
  [`${CORE}ContainerPort`]: ["name", "containerPort", "protocol"],
  [`${CORE}VolumeMount`]: ["name", "mountPath", "readOnly", "subPath"],
  [`${CORE}Volume`]: ["name", "emptyDir", "hostPath"],
  [`${CORE}EmptyDirVolumeSource`]: [],
  [`${CORE}HostPathVolumeSource`]: ["path", "type"],
  [`${CORE}Lifecycle`]: ["postStart", "preStop", "stopSignal"],
  [`${CORE}LifecycleHandler`]: ["exec", "httpGet", "sleep"],
  [`${CORE}HTTPGetAction`]: ["path", "port", "scheme", "httpHeaders"],
  [`${CORE}Service`]: ["apiVersion", "kind", "metadata", "spec"],
  [`${CORE}ServiceSpec`]: [
    "selector",
    "ports",
    "type",
    "publishNotReadyAddresses",
    "sessionAffinity",
    "internalTrafficPolicy",
    "ipFamilyPolicy",
    "clusterIP",
  ],
  [`${CORE}ServicePort`]: ["name", "port", "targetPort", "protocol"],
  [`${APPS}Deployment`]: ["apiVersion", "kind", "metadata", "spec"],
  [`${APPS}DeploymentSpec`]: [
    "replicas",
    "selector",
    "template",
    "strategy",
    "minReadySeconds",
    "revisionHistoryLimit",
    "progressDeadlineSeconds",
    "paused",
  ],
  [`${APPS}ReplicaSet`]: ["apiVersion", "kind", "metadata", "spec"],
  [`${APPS}ReplicaSetSpec`]: ["replicas", "selector", "template", "minReadySeconds"],
};

/** Fields the API server sets itself and ignores on create (kept out of the created object). */
export const SERVER_SET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [`${CORE}Pod`]: ["status"],
  [`${CORE}Service`]: ["status"],
  [`${APPS}Deployment`]: ["status"],
  [`${APPS}ReplicaSet`]: ["status"],
};

/** Whether `field` of `typeName` is simulated. */
export function isSimulated(typeName: string, field: string): boolean {
  const list = SIMULATED_FIELDS[typeName];
  return list === undefined || list.includes(field);
}
