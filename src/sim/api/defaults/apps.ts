/** apps/v1 defaulting (pkg/apis/apps/v1/defaults.go) for Deployments and ReplicaSets. */
import { defaultPodSpec } from "./pod.ts";
import { child, isObj, type Obj, setDefault } from "./util.ts";

function defaultTemplate(spec: Obj): void {
  const template = spec.template;
  if (isObj(template) && isObj(template.spec)) defaultPodSpec(template.spec);
}

/**
 * `SetDefaults_Deployment`: replicas 1, strategy RollingUpdate with maxSurge and maxUnavailable
 * 25%, revisionHistoryLimit 10, progressDeadlineSeconds 600; the template gets pod-spec defaults.
 */
export function defaultDeployment(deployment: Obj): void {
  const spec = child(deployment, "spec");
  setDefault(spec, "replicas", 1);
  const strategy = child(spec, "strategy");
  if (!strategy.type) strategy.type = "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const rollingUpdate = child(strategy, "rollingUpdate");
    setDefault(rollingUpdate, "maxUnavailable", "25%");
    setDefault(rollingUpdate, "maxSurge", "25%");
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  defaultTemplate(spec);
}

/** `SetDefaults_ReplicaSet`: replicas 1; the template gets pod-spec defaults. */
export function defaultReplicaSet(replicaSet: Obj): void {
  const spec = child(replicaSet, "spec");
  setDefault(spec, "replicas", 1);
  defaultTemplate(spec);
}
