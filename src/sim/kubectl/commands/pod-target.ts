/** Shared by logs and exec: gets a pod by name and chooses the container to use. */
import type { ApiObject, ClusterApi } from "../api.ts";
import { clientError, KubectlError, notFoundText } from "../errors.ts";
import { asPod } from "../model.ts";

const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

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
