/** Shared by logs and exec: finds the pod (`POD` or `pod/POD`) and the container to use. */
import type { ApiObject, ClusterApi } from "../api.ts";
import { clientError, KubectlError, notFoundText } from "../errors.ts";
import { asPod } from "../model.ts";
import { resolveResource } from "../resources.ts";

const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

/** Parses `POD` or `pod/POD` (other types are not supported for these commands). */
export function podName(arg: string): string {
  const slash = arg.indexOf("/");
  if (slash < 0) return arg;
  const t = resolveResource(arg.slice(0, slash));
  if (!t) throw clientError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  if (t.kind !== "Pod") throw clientError(`cannot attach to ${t.plural} in Podlife: name a pod`);
  return arg.slice(slash + 1);
}

/** Gets a pod or throws `Error from server (NotFound): pods "x" not found`. */
export function mustGetPod(api: ClusterApi, namespace: string, name: string): ApiObject {
  const pod = api.get("Pod", namespace, name);
  if (!pod) throw new KubectlError(notFoundText("pods", name));
  return pod;
}

/** `podcmd.AllContainerNames`: `a, b, init (init)`. */
export function allContainerNames(pod: ApiObject): string {
  const p = asPod(pod);
  return [
    ...p.spec.containers.map((c) => c.name),
    ...(p.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(", ");
}

/**
 * `FindOrDefaultContainerByName` without a name: the annotated default container, else the first
 * one, with `Defaulted container "a" out of: a, b` on stderr when there was a choice.
 */
export function defaultContainer(pod: ApiObject, warn: (text: string) => void, quiet = false): string {
  const p = asPod(pod);
  const annotated = p.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const all = [...p.spec.containers, ...(p.spec.initContainers ?? [])];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  const first = p.spec.containers[0];
  if (!first)
    throw clientError(`pod ${p.metadata.namespace}/${p.metadata.name} does not have any containers`);
  if (!quiet && (p.spec.containers.length > 1 || (p.spec.initContainers ?? []).length > 0)) {
    warn(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  }
  return first.name;
}
