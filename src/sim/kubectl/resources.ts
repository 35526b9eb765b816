/**
 * The resource types the emulator knows, with kubectl's names for them (plural, singular, short
 * names, `kind.group`), as discovery would report them.
 */

/** One API resource type. */
export interface ResourceType {
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
}

/** Known resource types, in `kubectl api-resources` order (core group first, then by group). */
export const RESOURCE_TYPES: ResourceType[] = [
  {
    kind: "ConfigMap",
    plural: "configmaps",
    singular: "configmap",
    shortNames: ["cm"],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Endpoints",
    plural: "endpoints",
    singular: "endpoints",
    shortNames: ["ep"],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Event",
    plural: "events",
    singular: "event",
    shortNames: ["ev"],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Namespace",
    plural: "namespaces",
    singular: "namespace",
    shortNames: ["ns"],
    group: "",
    version: "v1",
    namespaced: false,
  },
  {
    kind: "Node",
    plural: "nodes",
    singular: "node",
    shortNames: ["no"],
    group: "",
    version: "v1",
    namespaced: false,
  },
  {
    kind: "Pod",
    plural: "pods",
    singular: "pod",
    shortNames: ["po"],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Secret",
    plural: "secrets",
    singular: "secret",
    shortNames: [],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Service",
    plural: "services",
    singular: "service",
    shortNames: ["svc"],
    group: "",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "Deployment",
    plural: "deployments",
    singular: "deployment",
    shortNames: ["deploy"],
    group: "apps",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "ReplicaSet",
    plural: "replicasets",
    singular: "replicaset",
    shortNames: ["rs"],
    group: "apps",
    version: "v1",
    namespaced: true,
  },
  {
    kind: "EndpointSlice",
    plural: "endpointslices",
    singular: "endpointslice",
    shortNames: [],
    group: "discovery.k8s.io",
    version: "v1",
    namespaced: true,
  },
];

/** The `apiVersion` of a resource type (`v1`, `apps/v1`). */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The qualified resource name kubectl uses in messages: `pods`, `deployments.apps`. */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** The lower-case kind kubectl prints before names: `pod`, `deployment.apps`. */
export function kindString(t: ResourceType): string {
  const k = t.kind.toLowerCase();
  return t.group ? `${k}.${t.group}` : k;
}

/** Resolves what the user typed (`po`, `pods`, `Pod`, `deploy`, `deployments.apps`). */
export function resolveResource(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  for (const t of RESOURCE_TYPES) {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (names.includes(w)) return t;
    if (t.group && names.some((n) => `${n}.${t.group}` === w || `${n}.${t.version}.${t.group}` === w))
      return t;
  }
  return undefined;
}

/** Resolves a kind name (`Pod`) to its type. */
export function resourceForKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}
