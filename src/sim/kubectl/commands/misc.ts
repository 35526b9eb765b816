/** Small commands: `kubectl version` and `kubectl api-resources`. */
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError } from "../errors.ts";
import { printTable } from "../printers/table.ts";
import { apiVersionOf, RESOURCE_TYPES } from "../resources.ts";

/** The kubectl the emulator imitates, the kustomize it embeds and the simulated API server. */
export const CLIENT_VERSION = "v1.34.0";
/** The kustomize version kubectl v1.34 embeds. */
export const KUSTOMIZE_VERSION = "v5.7.1";
/** The API server version (the kubelets report v1.34.0 too). */
export const SERVER_VERSION = "v1.34.0";

/** Flags of `kubectl version`. */
export const VERSION_FLAGS: FlagSpec[] = [
  { name: "client", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
];

/** Runs `kubectl version`. */
export function version(inv: Invocation): number {
  const output = inv.flags.string("output");
  if (output !== undefined && output !== "json" && output !== "yaml") {
    throw clientError("--output must be 'yaml' or 'json'");
  }
  if (output !== undefined) throw clientError("kubectl version -o is not supported in Podlife");
  inv.out.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!inv.flags.bool("client")) inv.out.out(`Server Version: ${SERVER_VERSION}\n`);
  return 0;
}

/** Flags of `kubectl api-resources`. */
export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: "output", short: "o", kind: "string" },
  { name: "namespaced", kind: "bool" },
  { name: "api-group", kind: "string" },
  { name: "no-headers", kind: "bool" },
  { name: "sort-by", kind: "string" },
  { name: "verbs", kind: "strings" },
  { name: "categories", kind: "strings" },
  { name: "cached", kind: "bool" },
];

/** Runs `kubectl api-resources` over the resource types the simulator knows. */
export function apiResources(inv: Invocation): number {
  const { flags, out } = inv;
  const output = flags.string("output") ?? "";
  if (output !== "" && output !== "wide" && output !== "name") {
    throw clientError(`--output ${output} is not available`);
  }
  let types = [...RESOURCE_TYPES];
  if (flags.has("namespaced")) types = types.filter((t) => t.namespaced === flags.bool("namespaced"));
  const group = flags.string("api-group");
  if (group !== undefined) types = types.filter((t) => t.group === group);
  const sortBy = flags.string("sort-by");
  if (sortBy === "name") types.sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  else if (sortBy === "kind") types.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  else if (sortBy !== undefined) throw clientError(`--sort-by accepts only name or kind`);
  if (output === "name") {
    out.out(types.map((t) => `${t.group ? `${t.plural}.${t.group}` : t.plural}\n`).join(""));
    return 0;
  }
  const columns = ["Name", "Shortnames", "Apiversion", "Namespaced", "Kind"];
  if (output === "wide") columns.push("Verbs", "Categories");
  const rows = types.map((t) => {
    const cells = [t.plural, t.shortNames.join(","), apiVersionOf(t), String(t.namespaced), t.kind];
    if (output === "wide") {
      const inAll = ["Pod", "Service", "Deployment", "ReplicaSet"].includes(t.kind);
      cells.push("[create delete deletecollection get list patch update watch]", inAll ? "all" : "");
    }
    return { cells, object: { apiVersion: "v1", kind: t.kind, metadata: { name: t.plural } } };
  });
  out.out(printTable({ columns, rows }, { noHeaders: flags.bool("no-headers") }));
  return 0;
}
