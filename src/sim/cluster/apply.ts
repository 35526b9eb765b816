/**
 * `kubectl apply -f`: the manifest is loaded as the scenario loader loads objects (parsing,
 * defaulting, validation), then each object is created, left unchanged, or updated where the API
 * server allows it. Pods are nearly immutable: only container images may change, and the kubelet
 * then restarts the changed container ("definition changed"). Podlife's own Scenario document is
 * not an API object and is skipped.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { formatDiagnostics } from "../scenario/format.ts";
import { loadScenario } from "../scenario/load.ts";

/** What `apply` needs from the cluster. */
export interface ApplyTarget {
  get(kind: string, namespace: string, name: string): ApiObject | undefined;
  create(obj: ApiObject): string | undefined;
  /** Stores an updated object and tells whoever watches it. */
  updated(obj: ApiObject): void;
}

/** The API server's message when a Pod update touches anything else than what may change. */
const POD_UPDATE_FORBIDDEN =
  "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

type Container = { name: string; image: string };

function containersOf(spec: Record<string, unknown>): Container[] {
  return [...((spec.initContainers as Container[]) ?? []), ...((spec.containers as Container[]) ?? [])];
}

/** The spec without what the API server or scheduler filled in, and without images. */
function comparable(spec: Record<string, unknown>, withImages: boolean): string {
  const copy = structuredClone(spec) as Record<string, unknown>;
  delete copy.nodeName;
  if (!withImages) for (const c of containersOf(copy)) c.image = "";
  return JSON.stringify(copy);
}

function setImages(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): void {
  const images = new Map(containersOf(newSpec).map((c) => [c.name, c.image]));
  for (const c of containersOf(oldSpec)) c.image = images.get(c.name) ?? c.image;
}

/**
 * Replaces an object as a PATCH does (`kubectl set image`, `scale`, `label`, `rollout restart`):
 * labels and annotations may change on anything; a Pod's spec only in its images; other kinds'
 * spec freely (with `metadata.generation` bumped). `status` is kept. Returns kubectl's error text.
 */
export function updateObject(
  target: ApplyTarget,
  obj: ApiObject,
  opts: { mergeMetadata?: boolean } = {},
): string | undefined {
  const ns = obj.metadata.namespace ?? "default";
  const existing = target.get(obj.kind, ns, obj.metadata.name);
  if (!existing)
    return `Error from server (NotFound): ${obj.kind.toLowerCase()}s "${obj.metadata.name}" not found`;
  const oldSpec = (existing.spec ?? {}) as Record<string, unknown>;
  const newSpec = (obj.spec ?? {}) as Record<string, unknown>;
  const specChanged = comparable(oldSpec, true) !== comparable(newSpec, true);
  if (specChanged && obj.kind === "Pod" && comparable(oldSpec, false) !== comparable(newSpec, false)) {
    return `The Pod "${obj.metadata.name}" is invalid: ${POD_UPDATE_FORBIDDEN}`;
  }
  for (const key of ["labels", "annotations"] as const) {
    if (opts.mergeMetadata) {
      if (obj.metadata[key]) existing.metadata[key] = { ...existing.metadata[key], ...obj.metadata[key] };
    } else if (obj.metadata[key] === undefined) delete existing.metadata[key];
    else existing.metadata[key] = structuredClone(obj.metadata[key]);
  }
  if (specChanged) {
    if (obj.kind === "Pod") setImages(oldSpec, newSpec);
    else {
      existing.spec = structuredClone(newSpec);
      existing.metadata.generation = Number(existing.metadata.generation ?? 1) + 1;
    }
  }
  target.updated(existing);
  return undefined;
}

/** Applies a manifest; one line per object (`pod/x created`), or kubectl's error text. */
export function applyManifest(
  target: ApplyTarget,
  manifest: string,
  namespace: string,
  fileName = "STDIN",
): { ok: true; lines: string[] } | { ok: false; error: string } {
  const loaded = loadScenario(manifest);
  if (!loaded.ok) return { ok: false, error: formatDiagnostics(loaded.diagnostics, fileName).trimEnd() };
  const lines: string[] = [];
  const errors: string[] = [];
  for (const raw of loaded.scenario.objects) {
    const obj = structuredClone(raw) as ApiObject;
    const ns = obj.metadata.namespace ?? namespace;
    obj.metadata.namespace = ns;
    // kubectl names objects of a named API group with the group: `deployment.apps/web`.
    const group = obj.apiVersion.includes("/")
      ? `.${obj.apiVersion.slice(0, obj.apiVersion.indexOf("/"))}`
      : "";
    const ref = `${obj.kind.toLowerCase()}${group}/${obj.metadata.name}`;
    const existing = target.get(obj.kind, ns, obj.metadata.name);
    if (!existing) {
      const err = target.create(obj);
      if (err) errors.push(err);
      else lines.push(`${ref} created`);
      continue;
    }
    if (existing.metadata.deletionTimestamp) {
      errors.push(
        `Error from server (Conflict): error when applying patch to ${ref}: Operation cannot be fulfilled on ${obj.kind.toLowerCase()}s "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
      continue;
    }
    const oldSpec = (existing.spec ?? {}) as Record<string, unknown>;
    const newSpec = (obj.spec ?? {}) as Record<string, unknown>;
    // Why (apply is a merge): keys the manifest does not mention — such as the controller's
    // revision annotation — are left alone.
    const covered = (mine: Record<string, string> | undefined, theirs: Record<string, string> | undefined) =>
      Object.entries(mine ?? {}).every(([k, v]) => theirs?.[k] === v);
    const sameMeta =
      covered(obj.metadata.labels, existing.metadata.labels) &&
      covered(obj.metadata.annotations, existing.metadata.annotations);
    if (comparable(oldSpec, true) === comparable(newSpec, true) && sameMeta) {
      lines.push(`${ref} unchanged`);
      continue;
    }
    const err = updateObject(target, obj, { mergeMetadata: true });
    if (err) errors.push(err);
    else lines.push(`${ref} configured`);
  }
  if (errors.length > 0) return { ok: false, error: [...lines, ...errors].join("\n") };
  return { ok: true, lines };
}
