/** `-f FILE` handling shared by apply and delete: files from the context, `-` for stdin. */
import { parseAllDocuments } from "yaml";
import type { Invocation } from "../context.ts";
import { clientError } from "../errors.ts";
import { type ResourceType, resourceForKind } from "../resources.ts";

/** One file named by `-f`: its name as given (the source kubectl names in errors) and its text. */
export interface ManifestFile {
  source: string;
  text: string;
}

/** Reads every `-f` file first: kubectl reports a missing path before acting on anything. */
export function readManifestFiles(inv: Invocation, names: string[]): ManifestFile[] {
  return names.map((name) => {
    if (name === "-") return { source: "STDIN", text: inv.ctx.stdin ?? "" };
    const text = inv.ctx.files?.[name] ?? inv.ctx.files?.[name.replace(/^\.\//, "")];
    if (text === undefined) throw clientError(`the path "${name}" does not exist`);
    return { source: name, text };
  });
}

/** The identity of one object in a manifest. */
export interface ManifestRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
}

/** The objects a manifest names (documents without `kind` are skipped, as kubectl skips empty ones). */
export function manifestRefs(file: ManifestFile): ManifestRef[] {
  const refs: ManifestRef[] = [];
  for (const doc of parseAllDocuments(file.text)) {
    if ("errors" in doc && doc.errors.length > 0) {
      throw clientError(`error parsing ${file.source}: ${doc.errors[0]?.message ?? "invalid YAML"}`);
    }
    const v = doc.toJS() as unknown;
    if (v === null || typeof v !== "object") continue;
    const o = v as {
      apiVersion?: unknown;
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
    };
    if (typeof o.kind !== "string" || o.kind === "") continue;
    refs.push({
      apiVersion: typeof o.apiVersion === "string" ? o.apiVersion : "",
      kind: o.kind,
      name: typeof o.metadata?.name === "string" ? o.metadata.name : "",
      namespace: typeof o.metadata?.namespace === "string" ? o.metadata.namespace : undefined,
    });
  }
  return refs;
}

/**
 * Each YAML document of a manifest as its own text, with the object it names (if any) and the
 * document as data (`object`, what kubectl's builder decodes).
 */
export function manifestDocuments(
  file: ManifestFile,
): { text: string; ref: ManifestRef | undefined; object: unknown }[] {
  return parseAllDocuments(file.text).map((doc) => {
    if ("errors" in doc && doc.errors.length > 0) {
      throw clientError(`error parsing ${file.source}: ${doc.errors[0]?.message ?? "invalid YAML"}`);
    }
    const refs = manifestRefs({ source: file.source, text: doc.toString() });
    return { text: doc.toString(), ref: refs[0], object: doc.toJS() as unknown };
  });
}

/**
 * The resource type a manifest's object maps to, and the namespace it goes to (`""` for
 * cluster-scoped kinds); undefined for a Podlife Scenario document in the same file, which is not
 * a cluster object. An unknown kind is kubectl's REST-mapping error.
 */
export function mapManifestRef(
  inv: Invocation,
  source: string,
  ref: ManifestRef,
): { type: ResourceType; namespace: string } | undefined {
  const type = resourceForKind(ref.kind);
  if (!type) {
    if (ref.apiVersion.startsWith("podlife.")) return undefined;
    throw clientError(
      `resource mapping not found for name: "${ref.name}" namespace: "${ref.namespace ?? ""}" from "${source}": no matches for kind "${ref.kind}" in version "${ref.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  return { type, namespace: type.namespaced ? (ref.namespace ?? inv.namespace) : "" };
}
