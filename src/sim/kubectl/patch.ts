/**
 * The three patch types `kubectl patch --type` sends: JSON merge patch (RFC 7386), strategic
 * merge patch (merge patch, except that lists with a merge key — containers by `name`, conditions
 * by `type`, … — are merged item by item) and JSON patch (RFC 6902: add, remove, replace, move,
 * copy, test). Pure functions over JSON values; errors are the API server's texts.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Merge keys of the lists strategic merge patch merges item by item (from the API's patch tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  conditions: "type",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  ports: "containerPort",
  imagePullSecrets: "name",
  readinessGates: "conditionType",
  tolerations: "key",
  hostAliases: "ip",
  containerStatuses: "name",
  initContainerStatuses: "name",
};

/** RFC 7386: objects merge, `null` deletes, everything else (lists too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Strategic merge patch: a merge patch whose keyed lists merge item by item. */
export function strategicMergePatch(target: Json, patch: Json, key?: string): Json {
  const mergeKey = key ? MERGE_KEYS[key] : undefined;
  if (Array.isArray(patch) && mergeKey && Array.isArray(target)) {
    const out = target.map((x) => structuredClone(x));
    for (const item of patch) {
      if (!isObj(item)) continue;
      if (item.$patch === "delete") {
        const i = out.findIndex((x) => isObj(x) && x[mergeKey] === item[mergeKey]);
        if (i >= 0) out.splice(i, 1);
        continue;
      }
      const i = out.findIndex((x) => isObj(x) && x[mergeKey] === item[mergeKey]);
      if (i >= 0) out[i] = strategicMergePatch(out[i], item);
      else out.push(structuredClone(item));
    }
    return out;
  }
  if (!isObj(patch)) return structuredClone(patch);
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v, k);
  }
  return out;
}

/** A JSON patch failure, with the API server's wording. */
export class PatchError extends Error {}

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new PatchError(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function parentOf(doc: Json, parts: string[], path: string): { parent: Obj | Json[]; last: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObj(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`);
  }
  if (!Array.isArray(cur) && !isObj(cur))
    throw new PatchError(`doc is missing path: "${path}": missing value`);
  return { parent: cur, last: parts[parts.length - 1] ?? "" };
}

function getAt(doc: Json, path: string): Json {
  let cur: Json = doc;
  for (const p of pointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObj(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`);
  }
  return cur;
}

/** RFC 6902 JSON patch. */
export function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw new PatchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let out = structuredClone(doc);
  for (const raw of ops) {
    if (!isObj(raw) || typeof raw.op !== "string" || typeof raw.path !== "string")
      throw new PatchError("unexpected kind of operation");
    const { op, path } = raw as { op: string; path: string };
    const parts = pointer(path);
    const put = (value: Json, insert: boolean) => {
      if (parts.length === 0) {
        out = structuredClone(value);
        return;
      }
      const { parent, last } = parentOf(out, parts, path);
      if (Array.isArray(parent)) {
        const i = last === "-" ? parent.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > parent.length)
          throw new PatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
        if (insert) parent.splice(i, 0, structuredClone(value));
        else parent[i] = structuredClone(value);
      } else parent[last] = structuredClone(value);
    };
    const remove = (): Json => {
      const { parent, last } = parentOf(out, parts, path);
      if (Array.isArray(parent)) {
        const i = Number(last);
        if (!(i >= 0 && i < parent.length))
          throw new PatchError(`doc is missing path: "${path}": missing value`);
        return parent.splice(i, 1)[0];
      }
      if (!(last in parent)) throw new PatchError(`doc is missing path: "${path}": missing value`);
      const v = parent[last];
      delete parent[last];
      return v;
    };
    switch (op) {
      case "add":
        put(raw.value, true);
        break;
      case "replace":
        getAt(out, path);
        put(raw.value, false);
        break;
      case "remove":
        remove();
        break;
      case "move": {
        const from = String(raw.from ?? "");
        const value = getAt(out, from);
        out = jsonPatch(out, [{ op: "remove", path: from }]);
        put(value, true);
        break;
      }
      case "copy":
        put(getAt(out, String(raw.from ?? "")), true);
        break;
      case "test":
        if (JSON.stringify(getAt(out, path)) !== JSON.stringify(raw.value))
          throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op}`);
    }
  }
  return out;
}
