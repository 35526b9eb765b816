/** `kubectl apply -f FILE|-`: hands the manifest to the cluster and prints `pod/x created` lines. */
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError, fromCluster, usageError } from "../errors.ts";
import { readManifestFiles } from "./files.ts";

/** Flags of `kubectl apply`. */
export const APPLY_FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", kind: "strings" },
  { name: "kustomize", short: "k", kind: "string" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "dry-run", kind: "string" },
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
  if (output !== undefined && output !== "name")
    throw clientError(`-o ${output} is not supported by apply in Podlife`);
  const dryRun = flags.string("dry-run");
  if (dryRun !== undefined && dryRun !== "none") throw clientError("--dry-run is not supported in Podlife");
  const manifests = readManifestFiles(inv, files).map((f) => f.text);
  for (const m of manifests) {
    const r = api.apply(m, inv.namespace);
    if (!r.ok) throw fromCluster(r.error);
    for (const line of r.lines) {
      // `-o name` prints only `kind/name`.
      out.out(output === "name" ? `${line.split(" ")[0]}\n` : `${line}\n`);
    }
  }
  return 0;
}
