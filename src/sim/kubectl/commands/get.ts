/**
 * `kubectl get`: tables (`-o wide`, `--show-labels`, `--no-headers`, `-A`), `-o json|yaml|name`,
 * `-o jsonpath=…`, label and field selectors and `--sort-by`.
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError, KubectlError, notFoundText } from "../errors.ts";
import { valueAt } from "../jsonpath.ts";
import { customColumns } from "../printers/custom-columns.ts";
import { endpointSliceTable, endpointsTable } from "../printers/endpoints.ts";
import { eventTable } from "../printers/events.ts";
import { nodeTable } from "../printers/node.ts";
import { formatObjects, isStructuredFormat } from "../printers/output-format.ts";
import { podTable } from "../printers/pod-table.ts";
import { printTable, type Table } from "../printers/table.ts";
import { defaultTable, deploymentTable, replicaSetTable, serviceTable } from "../printers/workloads.ts";
import { qualifiedPlural, type ResourceType } from "../resources.ts";
import { parseFieldSelector, parseLabelSelector } from "../selectors.ts";
import {
  getObject,
  listObjects,
  multipleTypesRequested,
  parseTargets,
  requiredResourceError,
} from "./targets.ts";

/** Flags of `kubectl get`. */
export const GET_FLAGS: FlagSpec[] = [
  { name: "output", short: "o", kind: "string" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "show-labels", kind: "bool" },
  { name: "no-headers", kind: "bool" },
  { name: "sort-by", kind: "string" },
  { name: "watch", short: "w", kind: "bool" },
  { name: "watch-only", kind: "bool" },
  { name: "ignore-not-found", kind: "bool" },
  { name: "show-kind", kind: "bool" },
  { name: "chunk-size", kind: "int" },
];

/** What the API server says (and kubectl prints on stderr) for any request for `v1` Endpoints. */
export const ENDPOINTS_DEPRECATION_WARNING =
  "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

/** The human-readable table for objects of a type. */
export function tableFor(type: ResourceType, objs: ApiObject[], now: number, wide: boolean): Table {
  switch (type.kind) {
    case "Pod":
      return podTable(objs, now, wide);
    case "Event":
      return eventTable(objs as ApiEvent[], now, wide);
    case "Node":
      return nodeTable(objs, now, wide);
    case "Deployment":
      return deploymentTable(objs, now, wide);
    case "ReplicaSet":
      return replicaSetTable(objs, now, wide);
    case "Service":
      return serviceTable(objs, now, wide);
    case "EndpointSlice":
      return endpointSliceTable(objs, now);
    case "Endpoints":
      return endpointsTable(objs, now);
    default:
      return defaultTable(objs, now);
  }
}

function sortBy(objs: ApiObject[], path: string): ApiObject[] {
  const keyed = objs.map((o, i) => ({ o, i, v: valueAt(path, o) }));
  keyed.sort((a, b) => {
    const x = a.v;
    const y = b.v;
    if (x === y) return a.i - b.i;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === "number" && typeof y === "number") return x - y || a.i - b.i;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.o);
}

/** Runs `kubectl get`. */
export function get(inv: Invocation): number {
  const { flags, api, out } = inv;
  if (inv.positionals.length === 0) throw requiredResourceError("get");
  if (flags.bool("watch") || flags.bool("watch-only")) {
    throw clientError(
      "--watch is not supported in Podlife: run the command again later, or use the status history panel",
    );
  }
  const output = flags.string("output") ?? "";
  const wide = output === "wide";
  const custom = output === "custom-columns" || output.startsWith("custom-columns=");
  if (output !== "" && !wide && !custom && !isStructuredFormat(output)) {
    throw clientError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }
  const label = flags.string("selector");
  const labelSel = label !== undefined ? parseLabelSelector(label) : undefined;
  if (labelSel && "error" in labelSel) throw clientError(labelSel.error);
  const field = flags.string("field-selector");
  const fieldSel = field !== undefined ? parseFieldSelector(field) : undefined;
  if (fieldSel && "error" in fieldSel) throw clientError(fieldSel.error);

  const { targets, single } = parseTargets(inv.positionals);
  if (targets.some((t) => t.type.kind === "Endpoints")) out.err(ENDPOINTS_DEPRECATION_WARNING);
  const all = flags.bool("all-namespaces");
  const errors: string[] = [];
  const found: { type: ResourceType; objs: ApiObject[] }[] = [];
  for (const t of targets) {
    let objs: ApiObject[];
    if (t.names.length > 0) {
      objs = [];
      for (const name of t.names) {
        const o = getObject(api, t.type, inv.namespace, name);
        if (o) objs.push(o);
        else if (!flags.bool("ignore-not-found")) errors.push(notFoundText(qualifiedPlural(t.type), name));
      }
    } else {
      objs = listObjects(api, t.type, all ? undefined : inv.namespace);
    }
    if (labelSel) objs = objs.filter((o) => labelSel.matches(o));
    if (fieldSel) objs = objs.filter((o) => fieldSel.matches(o));
    const sortPath = flags.string("sort-by");
    if (sortPath) objs = sortBy(objs, sortPath);
    found.push({ type: t.type, objs });
  }

  const now = inv.now();
  const allObjs = found.flatMap((f) => f.objs);
  if (custom) {
    // Why (get.go printGeneric): not a human-readable table, so no "No resources found" line.
    const text = customColumns(output.slice("custom-columns=".length), allObjs, flags.bool("no-headers"));
    if (!text.ok) throw new KubectlError(text.error);
    out.out(text.text);
  } else if (isStructuredFormat(output)) {
    if (allObjs.length > 0 || !single) {
      const text = formatObjects(
        output,
        allObjs,
        single && allObjs.length === 1,
        found.map((f) => f.type),
      );
      if (!text.ok) throw new KubectlError(text.error);
      out.out(text.text);
    }
  } else {
    // Why (get.go): kinds are shown when several types were asked for or several came back.
    const multi =
      flags.bool("show-kind") ||
      multipleTypesRequested(inv.positionals) ||
      found.filter((f) => f.objs.length > 0).length > 1;
    const tables: string[] = [];
    for (const f of found) {
      if (f.objs.length === 0) continue;
      const table = tableFor(f.type, f.objs, now, wide);
      if (multi) {
        const prefix = f.type.group
          ? `${f.type.kind.toLowerCase()}.${f.type.group}`
          : f.type.kind.toLowerCase();
        for (const r of table.rows) r.cells[0] = `${prefix}/${r.cells[0]}`;
      }
      tables.push(
        printTable(table, {
          withNamespace: all && f.type.namespaced,
          showLabels: flags.bool("show-labels"),
          noHeaders: flags.bool("no-headers"),
        }),
      );
    }
    out.out(tables.join("\n"));
    if (allObjs.length === 0 && errors.length === 0) {
      const namespaced = found.every((f) => f.type.namespaced);
      out.err(
        namespaced && !all ? `No resources found in ${inv.namespace} namespace.\n` : "No resources found\n",
      );
    }
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  return 0;
}
