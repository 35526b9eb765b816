/** `kubectl apply -f FILE|-`: hands the manifest to the cluster and prints `pod/x created` lines. */
import type { ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from "../dry-run.ts";
import { clientError, fromCluster, usageError } from "../errors.ts";
import { sortKeys } from "../printers/json.ts";
import { MutationPrinter } from "../printers/mutation.ts";
import { kindString, resolveResource } from "../resources.ts";
import { type ManifestFile, manifestDocuments, mapManifestRef, readManifestFiles } from "./files.ts";

/** Flags of `kubectl apply`. */
export const APPLY_FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", kind: "strings" },
  { name: "kustomize", short: "k", kind: "string" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  DRY_RUN_FLAG,
  { name: "server-side", kind: "bool" },
  { name: "force-conflicts", kind: "bool" },
  { name: "field-manager", kind: "string" },
  { name: "validate", kind: "string" },
  { name: "wait", kind: "bool" },
  { name: "overwrite", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
];

/** Runs `kubectl apply`. */
export function apply(inv: Invocation): number {
  const { flags, api, out } = inv;
  const files = flags.strings("filename");
  if (flags.has("kustomize")) throw clientError("apply -k is not supported in Podlife: use -f");
  if (files.length === 0) throw usageError("apply", "must specify one of -f and -k");
  if (inv.positionals.length > 0) {
    throw usageError("apply", `Unexpected args: [${inv.positionals.join(" ")}]`);
  }
  const output = flags.string("output");
  const dryRun = dryRunStrategy(inv);
  const printer = new MutationPrinter(output, "", dryRun);
  const manifests = readManifestFiles(inv, files);
  // Why (apply.go printObjects): with `-o json|yaml` nothing is printed per object; the objects
  // are printed at the end, one alone or all in a `v1` `List`.
  const printed: ApiObject[] = [];
  for (const file of manifests) {
    if (dryRun === "client") {
      for (const obj of clientDryRun(inv, file)) {
        printed.push(obj.obj);
        if (printer.printsObject) continue;
        out.out(
          output === "name" ? `${obj.display}\n` : `${obj.display} ${obj.operation}${dryRunSuffix(dryRun)}\n`,
        );
      }
      continue;
    }
    const r = api.apply(file.text, inv.namespace, dryRun === "server" ? { dryRun: true } : {});
    if (!r.ok) throw fromCluster(r.error);
    for (const [i, line] of r.lines.entries()) {
      const [display = "", ...operation] = line.split(" ");
      const obj = r.objects?.[i] ?? storedObject(inv, display);
      if (obj) printed.push(obj);
      if (printer.printsObject) continue;
      // `-o name` prints only `kind/name`.
      out.out(
        output === "name" ? `${display}\n` : `${display} ${operation.join(" ")}${dryRunSuffix(dryRun)}\n`,
      );
    }
  }
  if (printer.printsObject && printed.length > 0) {
    // Why (apply.go printObjects): a typed corev1.List with an empty ListMeta (`metadata: {}`).
    const list = { apiVersion: "v1", items: printed, kind: "List", metadata: {} } as unknown as ApiObject;
    out.out(printer.text(printed.length === 1 ? (printed[0] as ApiObject) : list, ""));
  }
  return 0;
}

/** The stored object a `kind.group/name` line names (for `-o yaml` after a real apply). */
function storedObject(inv: Invocation, display: string): ApiObject | undefined {
  const slash = display.indexOf("/");
  const type = resolveResource(display.slice(0, slash));
  if (!type) return undefined;
  return inv.api.get(type.kind, type.namespaced ? inv.namespace : "", display.slice(slash + 1));
}

/**
 * A client dry run of apply (apply.go applyOneObject): nothing is sent. A new object is
 * "created" and printed as read, with the namespace the builder set and the
 * `last-applied-configuration` annotation `CreateApplyAnnotation` adds; an existing one is
 * "configured" and printed as the server has it (`info.Get()` replaced the object).
 */
function clientDryRun(
  inv: Invocation,
  file: ManifestFile,
): { obj: ApiObject; display: string; operation: string }[] {
  const result: { obj: ApiObject; display: string; operation: string }[] = [];
  for (const doc of manifestDocuments(file)) {
    const ref = doc.ref;
    if (!ref) continue;
    const mapped = mapManifestRef(inv, file.source, ref);
    if (!mapped) continue;
    const { type, namespace: ns } = mapped;
    const display = `${kindString(type)}/${ref.name}`;
    const existing = inv.api.get(type.kind, ns, ref.name);
    if (existing) {
      result.push({ obj: existing, display, operation: "configured" });
      continue;
    }
    const obj = structuredClone(doc.object) as ApiObject;
    if (type.namespaced) obj.metadata.namespace = ns;
    // Why (apply/patcher GetModifiedConfiguration): the annotation is the object's compact JSON
    // without the annotation itself (an empty `annotations` map stays), plus a newline.
    const annotations = { ...(obj.metadata.annotations ?? {}) };
    delete annotations[LAST_APPLIED];
    obj.metadata.annotations = annotations;
    const lastApplied = `${JSON.stringify(sortKeys(obj))}\n`;
    obj.metadata.annotations = { ...annotations, [LAST_APPLIED]: lastApplied };
    result.push({ obj, display, operation: "created" });
  }
  return result;
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
