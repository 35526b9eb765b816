/**
 * Resolves `TYPE [NAME…]` and `TYPE/NAME…` arguments (kubectl's `ResourceTypeOrNameArgs`) and
 * fetches objects from the cluster.
 */
import type { ApiObject, ClusterApi } from "../api.ts";
import { clientError, KubectlError } from "../errors.ts";
import { type ResourceType, resolveResource } from "../resources.ts";

/** A resource type and the names asked for (empty: all). */
export interface Target {
  type: ResourceType;
  names: string[];
}

/** Parsed resource arguments; `single` when exactly one object was named. */
export interface Targets {
  targets: Target[];
  single: boolean;
}

function resolve(word: string): ResourceType {
  const t = resolveResource(word);
  if (!t) throw clientError(`the server doesn't have a resource type "${word}"`);
  return t;
}

/** The `all` category's members that Podlife knows, in discovery's order. */
const ALL_CATEGORY = ["pods", "services", "deployments.apps", "replicasets.apps"];

/**
 * `resource.MultipleTypesRequested`: `all`, a comma list of several types, or `TYPE/NAME`
 * arguments naming several types. Tables then prefix names with the kind (`pod/web`).
 */
export function multipleTypesRequested(args: string[]): boolean {
  const kinds = new Set<string>();
  for (const arg of args) {
    if (arg === "all") return true;
    const slash = arg.indexOf("/");
    if (slash < 0) {
      if (arg.includes(",") && new Set(arg.split(",")).size > 1) return true;
      continue;
    }
    kinds.add(arg.slice(0, slash));
  }
  return kinds.size > 1;
}

/** Parses resource arguments; throws kubectl's errors for unknown types and mixed forms. */
export function parseTargets(args: string[]): Targets {
  const first = args[0];
  if (first === undefined) return { targets: [], single: false };
  if (first.includes("/")) {
    const targets: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) {
        throw clientError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const type = resolve(a.slice(0, slash));
      const name = a.slice(slash + 1);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return { targets, single: args.length === 1 };
  }
  if (args.slice(1).some((a) => a.includes("/"))) {
    throw clientError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    );
  }
  const types = first
    .split(",")
    .filter((w) => w !== "")
    .flatMap((w) => (w.toLowerCase() === "all" ? ALL_CATEGORY.map(resolve) : [resolve(w)]))
    .filter((t, i, arr) => arr.indexOf(t) === i);
  const names = args.slice(1);
  return {
    targets: types.map((type) => ({ type, names: [...names] })),
    single: types.length === 1 && names.length === 1,
  };
}

/** Sorts objects as the API server lists them (by namespace, then name). */
export function apiOrder(objs: ApiObject[]): ApiObject[] {
  const key = (o: ApiObject) => `${o.metadata.namespace ?? ""}\u0000${o.metadata.name}`;
  return [...objs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Lists objects of a type (events in first-recorded order, others in API order). */
export function listObjects(api: ClusterApi, type: ResourceType, namespace: string | undefined): ApiObject[] {
  const ns = type.namespaced ? namespace : undefined;
  if (type.kind === "Event") return api.events(ns);
  return apiOrder(api.list(type.kind, ns));
}

/** Gets one object; undefined when missing. */
export function getObject(
  api: ClusterApi,
  type: ResourceType,
  namespace: string,
  name: string,
): ApiObject | undefined {
  if (type.kind === "Event") return api.events(namespace).find((e) => e.metadata.name === name);
  return api.get(type.kind, type.namespaced ? namespace : "", name);
}

/** kubectl's "resource type required" message. */
export function requiredResourceError(verb: string): KubectlError {
  return new KubectlError(
    `You must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples`,
  );
}
